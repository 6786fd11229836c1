#include "admin/data_quality_model.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

void DataQualityModel::setRows(const QList<DataQualityRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int DataQualityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DataQualityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DataQualityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DataQualityRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Person:
            return tr("%1 (%2)").arg(r.name).arg(r.personId);
        case NhsNumber:
            return r.nhsNumber.isEmpty() ? tr("none") : r.nhsNumber;
        case Detail:
            return r.detail;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Detail ? QVariant(r.detail) : QVariant();
    case PersonIdRole:
        return r.personId;
    case ListRole:
        return r.list;
    default:
        return {};
    }
}

QVariant DataQualityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Person:
        return tr("Child (person ID)");
    case NhsNumber:
        return tr("NHS number");
    case Detail:
        return tr("What is wrong, and what to do");
    default:
        return {};
    }
}

} // namespace cpis::ui
