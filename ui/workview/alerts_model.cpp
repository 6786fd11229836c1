#include "workview/alerts_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

void AlertsModel::setRows(const QList<Alert> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Alert &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Raised:
            return Display::dateTime(a.createdAt);
        case Type:
            return a.type;
        case Person:
            return a.personId ? tr("%1 (%2)").arg(a.personName).arg(a.personId) : QString();
        case Body:
            return QString(a.body).replace(u'\n', u' ');
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Body ? QVariant(a.body) : QVariant();
    case AlertIdRole:
        return a.id;
    case PersonIdRole:
        return a.personId;
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Raised:
        return tr("Raised");
    case Type:
        return tr("Alert");
    case Person:
        return tr("Person");
    case Body:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace cpis::ui
