// Caseworkers found by name for Pass to Worker: Name, Role and Team, the child's current key
// worker marked, so a request does not go to a namesake by mistake.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

namespace cpis::ui {

class WorkerListModel final : public RowTableModel<Worker>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerListModel)

public:
    enum Column { Name, Role, Team, ColumnCount };
    enum Role { WorkerIdRole = Qt::UserRole + 1 };

    explicit WorkerListModel(QObject *parent = nullptr);
    void setWorkers(const QList<Worker> &workers) { setRows(workers); }
    // The worker shown as "current Key Worker" (0: nobody).
    void setCurrentKeyWorker(int workerId) { m_currentKeyWorker = workerId; }
    [[nodiscard]] Worker worker(int row) const { return rows().value(row); }

private:
    [[nodiscard]] bool isCurrentKeyWorker(const Worker &w) const
    {
        return m_currentKeyWorker != 0 && w.id == m_currentKeyWorker;
    }

    int m_currentKeyWorker = 0;
};

} // namespace cpis::ui
