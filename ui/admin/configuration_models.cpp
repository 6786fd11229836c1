#include "admin/configuration_models.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cpis::ui {

void ListItemsModel::setItems(const QList<ListItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

QStringList ListItemsModel::labels() const
{
    QStringList labels;
    for (const ListItem &item : m_items)
        labels << item.label;
    return labels;
}

int ListItemsModel::rowOf(const QString &label) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).label == label)
            return row;
    }
    return -1;
}

int ListItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ListItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ListItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Label)
            return item.label;
        return item.active ? tr("In use") : tr("Retired (no longer offered)");
    case Qt::ForegroundRole:
        if (!item.active)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case LabelRole:
        return item.label;
    case ActiveRole:
        return item.active;
    default:
        return {};
    }
}

QVariant ListItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Label ? tr("Item") : tr("Status");
}

void BankHolidayModel::setDays(const QList<BankHoliday> &days)
{
    beginResetModel();
    m_days = days;
    endResetModel();
}

int BankHolidayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_days.size());
}

int BankHolidayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BankHolidayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BankHoliday &day = m_days.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Day)
            return QLocale().toString(day.day, u"ddd dd/MM/yyyy"_s); // the user's day names
        return day.name;
    case DayRole:
        return day.day;
    default:
        return {};
    }
}

QVariant BankHolidayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Day ? tr("Date") : tr("Bank holiday");
}

} // namespace cpis::ui
