#include "dialogs/worker_list_model.h"

#include <QFont>

namespace cpis::ui {

WorkerListModel::WorkerListModel(QObject *parent) : RowTableModel(parent)
{
    setColumns({
        ColumnSpec([] { return tr("Name"); },
                   [this](const Worker &w) -> QVariant {
                       return isCurrentKeyWorker(w) ? tr("%1 (current Key Worker)").arg(w.name)
                                                    : w.name;
                   })
            .withFont([this](const Worker &w) -> QVariant {
                if (!isCurrentKeyWorker(w))
                    return {};
                QFont bold;
                bold.setBold(true);
                return bold;
            }),
        ColumnSpec([] { return tr("Role"); },
                   [](const Worker &w) {
                       return w.role == QLatin1String("Team Manager") ? tr("Team Manager")
                                                                      : tr("Key Worker");
                   }),
        ColumnSpec([] { return tr("Team"); }, [](const Worker &w) { return w.team; }),
    });
    setRowRoles({{WorkerIdRole, [](const Worker &w) {
                      return w.id;
                  }}});
}

} // namespace cpis::ui
