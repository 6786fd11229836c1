#include "dialogs/worker_list_model.h"

namespace cpis::ui {

WorkerListModel::WorkerListModel(QObject *parent) : RowTableModel(parent)
{
    setColumns({
        ColumnSpec([] { return tr("Name"); }, [](const Worker &w) { return w.name; }),
        ColumnSpec([] { return tr("Team"); }, [](const Worker &w) { return w.team; }),
    });
    setRowRoles({{WorkerIdRole, [](const Worker &w) {
                      return w.id;
                  }}});
}

} // namespace cpis::ui
