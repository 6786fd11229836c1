#include "step/next_actions_model.h"
#include "workflow/display_names.h"

#include <QFont>

namespace cpis::ui {

NextActionsModel::NextActionsModel(QObject *parent) : RowTableModel(parent)
{
    using Row = NextActionRow;
    Columns columns{
        ColumnSpec([] { return tr("Next action"); }, [](const Row &r) { return r.action.action; }),
        ColumnSpec([] { return tr("Assigned to"); },
                   [](const Row &r) {
                       return r.action.assignedTo.isEmpty() ? tr("Not assigned")
                                                            : r.action.assignedTo;
                   }),
        ColumnSpec([] { return tr("Reason"); }, [](const Row &r) { return r.action.reason; }),
        ColumnSpec([] { return tr("Note"); }, [](const Row &r) { return r.action.note; }),
        ColumnSpec([] { return tr("Priority"); },
                   [](const Row &r) { return DisplayNames::priority(r.action.priority); }),
        ColumnSpec([] { return tr("Status"); },
                   [](const Row &r) {
                       return r.saved ? DisplayNames::nextActionStatus(r.action.status)
                                      : tr("Not saved yet");
                   })
            .withFont([](const Row &r) {
                if (r.saved)
                    return QVariant();
                QFont italic;
                italic.setItalic(true);
                return QVariant(italic);
            }),
    };
    for (ColumnSpec &column : columns)
        column.toolTip = column.display; // the whole text, where the column cuts it
    setColumns(columns);
    setRowRoles({{SavedRole, [](const Row &r) {
                      return r.saved;
                  }}});
}

void NextActionsModel::setRows(const QList<NextAction> &saved,
                               const QList<NextActionInput> &pending)
{
    QList<NextActionRow> rows;
    for (const NextAction &a : saved)
        rows.append({a, true});
    for (const NextActionInput &p : pending) {
        NextAction a;
        a.action = p.action;
        a.reason = p.reason;
        a.note = p.note;
        a.priority = p.priority;
        a.assignedToId = p.assignedTo;
        rows.append({a, false});
    }
    RowTableModel::setRows(rows);
}

} // namespace cpis::ui
