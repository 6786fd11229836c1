// Workers found by name for Pass to Worker: Name and Team.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

namespace cpis::ui {

class WorkerListModel final : public RowTableModel<Worker>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerListModel)

public:
    enum Column { Name, Team, ColumnCount };
    enum Role { WorkerIdRole = Qt::UserRole + 1 };

    explicit WorkerListModel(QObject *parent = nullptr);
    void setWorkers(const QList<Worker> &workers) { setRows(workers); }
    [[nodiscard]] Worker worker(int row) const { return rows().value(row); }
};

} // namespace cpis::ui
