// The Configuration tools' tables: one list's items (retired ones shown as such) and the
// bank holidays.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/list_admin.h"

namespace cpis::ui {

class ListItemsModel final : public RowTableModel<ListItem>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListItemsModel)

public:
    enum Column { Label, Status, ColumnCount };
    enum Role { LabelRole = Qt::UserRole + 1, ActiveRole };

    explicit ListItemsModel(QObject *parent = nullptr);

    void setItems(const QList<ListItem> &items) { setRows(items); }
    [[nodiscard]] const ListItem &item(int row) const { return rows().at(row); }
    [[nodiscard]] QStringList labels() const;
    [[nodiscard]] int rowOf(const QString &label) const;
};

class BankHolidayModel final : public RowTableModel<BankHoliday>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BankHolidayModel)

public:
    enum Column { Day, Name, ColumnCount };
    enum Role { DayRole = Qt::UserRole + 1 };

    explicit BankHolidayModel(QObject *parent = nullptr);

    void setDays(const QList<BankHoliday> &days) { setRows(days); }
    [[nodiscard]] const BankHoliday &day(int row) const { return rows().at(row); }
};

} // namespace cpis::ui
