#include "admin/data_quality_filter.h"

#include "admin/data_quality_model.h"

namespace cpis::ui {

void DataQualityFilter::setList(const QString &list)
{
    if (list == m_list)
        return;
    m_list = list;
    invalidateFilter();
}

bool DataQualityFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_list.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(DataQualityModel::ListRole).toString() == m_list;
}

} // namespace cpis::ui
