// Current work's Finished folder: what became of each finished step (the request, who
// acknowledged it and when, whether a case note followed), most recently finished first,
// fifty at a time with "Show more". A step opens to read.
#pragma once

#include "db/database_worker.h"
#include "workflow/finished_steps.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cpis::ui {

class FinishedStepsModel;

class FinishedStepsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinishedStepsPanel)

public:
    static constexpr int kPage = 50;

    explicit FinishedStepsPanel(DatabaseThread *database, QWidget *parent = nullptr);

    // From the first page again.
    void reload();
    // Empty, as before the first load (signed out).
    void clear();
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] qint64 selectedStepId() const;

signals:
    void openStep(qint64 stepId);
    void loaded();

private:
    void loadMore();
    void append(const QList<FinishedStep> &steps);

    DatabaseThread *m_database;
    QTableView *m_table = nullptr;
    FinishedStepsModel *m_model = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_open = nullptr;
    int m_loaded = 0;
    quint64 m_request = 0;
};

} // namespace cpis::ui
