// Find, next to Pass to Worker: search workers by name, pick one from the results, OK.
#pragma once

#include "db/database_worker.h"
#include "workflow/workflow_types.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cpis::ui {

class WorkerListModel;

class FindWorkerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindWorkerDialog)

public:
    FindWorkerDialog(DatabaseThread *database, const QString &initialText,
                     QWidget *parent = nullptr);
    [[nodiscard]] Worker chosen() const;
    void search();

signals:
    void searched(int found);

private:
    void updateOk();

    DatabaseThread *m_database;
    QLineEdit *m_text = nullptr;
    QPushButton *m_find = nullptr;
    QTableView *m_results = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_ok = nullptr;
    WorkerListModel *m_model = nullptr;
};

} // namespace cpis::ui
