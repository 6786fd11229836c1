#include "step/next_actions_model.h"
#include "workflow/display_names.h"

#include <QFont>

namespace cpis::ui {

NextActionsModel::NextActionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void NextActionsModel::setRows(const QList<NextAction> &saved,
                               const QList<NextActionInput> &pending)
{
    beginResetModel();
    m_rows.clear();
    for (const NextAction &a : saved)
        m_rows.append({a, true});
    for (const NextActionInput &p : pending) {
        NextAction a;
        a.action = p.action;
        a.reason = p.reason;
        a.note = p.note;
        a.priority = p.priority;
        a.assignedToId = p.assignedTo;
        m_rows.append({a, false});
    }
    endResetModel();
}

int NextActionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NextActionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NextActionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == SavedRole)
        return row.saved;
    if (role == Qt::FontRole && !row.saved && index.column() == Status) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const NextAction &a = row.action;
    switch (Column(index.column())) {
    case Action:
        return a.action;
    case AssignedTo:
        return a.assignedTo.isEmpty() ? tr("Not assigned") : a.assignedTo;
    case Reason:
        return a.reason;
    case Note:
        return a.note;
    case Priority:
        return DisplayNames::priority(a.priority);
    case Status:
        return row.saved ? DisplayNames::nextActionStatus(a.status) : tr("Not saved yet");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NextActionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Action:
        return tr("Next action");
    case AssignedTo:
        return tr("Assigned to");
    case Reason:
        return tr("Reason");
    case Note:
        return tr("Note");
    case Priority:
        return tr("Priority");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cpis::ui
