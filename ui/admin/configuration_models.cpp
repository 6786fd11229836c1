#include "admin/configuration_models.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cpis::ui {

ListItemsModel::ListItemsModel(QObject *parent) : RowTableModel(parent)
{
    // Retired items read greyed out in both columns.
    const auto retiredGrey = [](const ListItem &item) {
        return item.active ? QVariant()
                           : QVariant(QBrush(QPalette().color(QPalette::Disabled, QPalette::Text)));
    };
    setColumns({
        ColumnSpec([] { return tr("Item"); }, [](const ListItem &item) { return item.label; })
            .withForeground(retiredGrey),
        ColumnSpec([] { return tr("Status"); },
                   [](const ListItem &item) {
                       return item.active ? tr("In use") : tr("Retired (no longer offered)");
                   })
            .withForeground(retiredGrey),
    });
    setRowRoles({{LabelRole,
                  [](const ListItem &item) {
                      return item.label;
                  }},
                 {ActiveRole, [](const ListItem &item) {
                      return item.active;
                  }}});
}

QStringList ListItemsModel::labels() const
{
    QStringList labels;
    for (const ListItem &item : rows())
        labels << item.label;
    return labels;
}

int ListItemsModel::rowOf(const QString &label) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (rows().at(row).label == label)
            return row;
    }
    return -1;
}

BankHolidayModel::BankHolidayModel(QObject *parent) : RowTableModel(parent)
{
    setColumns({
        ColumnSpec([] { return tr("Date"); },
                   [](const BankHoliday &day) {
                       return QLocale().toString(day.day,
                                                 u"ddd dd/MM/yyyy"_s); // the user's day names
                   }),
        ColumnSpec([] { return tr("Bank holiday"); },
                   [](const BankHoliday &day) { return day.name; }),
    });
    setRowRoles({{DayRole, [](const BankHoliday &day) {
                      return day.day;
                  }}});
}

} // namespace cpis::ui
