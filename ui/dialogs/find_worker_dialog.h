// Find, next to Pass to Worker: search caseworkers by name, pick one from the results, OK.
// Enter in the Name box searches and Enter in the list chooses (never the dialog's OK with an
// older search's pick); the line under the list always describes the list shown.
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
    // Marks the child's current key worker in the results.
    void setCurrentKeyWorker(int workerId);
    void search();

signals:
    void searched(int found);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateOk();
    void showFound(const QString &text, const QList<Worker> &found);

    DatabaseThread *m_database;
    QLineEdit *m_text = nullptr;
    QPushButton *m_find = nullptr;
    QTableView *m_results = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_ok = nullptr;
    WorkerListModel *m_model = nullptr;
    int m_searches = 0; // an answer to an older search is dropped
};

} // namespace cpis::ui
