#include "workview/current_work_filter.h"

#include "display.h"
#include "workview/current_work_model.h"

namespace cpis::ui {

CurrentWorkFilter::CurrentWorkFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(CurrentWorkModel::SortRole);
    setDynamicSortFilter(true);
}

void CurrentWorkFilter::changed()
{
    invalidateFilter();
    emit filtersChanged();
}

void CurrentWorkFilter::setState(const QString &state)
{
    if (m_state == state)
        return;
    m_state = state;
    changed();
}

void CurrentWorkFilter::setSource(const QString &source)
{
    if (m_source == source)
        return;
    m_source = source;
    changed();
}

void CurrentWorkFilter::setOverdueOnly(bool overdueOnly)
{
    if (m_overdueOnly == overdueOnly)
        return;
    m_overdueOnly = overdueOnly;
    changed();
}

void CurrentWorkFilter::setMineOnly(bool mineOnly, const QString &myName)
{
    if (m_mineOnly == mineOnly && m_myName == myName)
        return;
    m_mineOnly = mineOnly;
    m_myName = myName;
    changed();
}

void CurrentWorkFilter::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_searchText == trimmed)
        return;
    m_searchText = trimmed;
    changed();
}

bool CurrentWorkFilter::matchesSearch(int sourceRow) const
{
    if (m_searchText.isEmpty())
        return true;
    for (int column = 0; column < sourceModel()->columnCount(); ++column) {
        const QString text = sourceModel()->index(sourceRow, column).data().toString();
        if (text.contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool CurrentWorkFilter::acceptsIgnoringState(int sourceRow) const
{
    if (!matchesSearch(sourceRow))
        return false;
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    if (!m_source.isEmpty() && index.data(CurrentWorkModel::SourceRole).toString() != m_source)
        return false;
    if (m_overdueOnly &&
        index.data(CurrentWorkModel::DueStateRole).toInt() != int(DueState::Overdue))
        return false;
    if (m_mineOnly) {
        const QString startedBy = index.data(CurrentWorkModel::StartedByRole).toString();
        if (!startedBy.isEmpty() && startedBy != m_myName)
            return false;
    }
    return true;
}

bool CurrentWorkFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (!m_state.isEmpty() &&
        sourceModel()->index(sourceRow, 0).data(CurrentWorkModel::StateRole).toString() != m_state)
        return false;
    return acceptsIgnoringState(sourceRow);
}

int CurrentWorkFilter::countFor(const QString &state) const
{
    if (!sourceModel())
        return 0;
    int count = 0;
    const int rows = sourceModel()->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (sourceModel()->index(row, 0).data(CurrentWorkModel::StateRole).toString() == state &&
            acceptsIgnoringState(row))
            ++count;
    }
    return count;
}

} // namespace cpis::ui
