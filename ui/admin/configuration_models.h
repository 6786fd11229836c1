// The Configuration tools' tables: one list's items (retired ones shown as such) and the
// bank holidays.
#pragma once

#include "workflow/list_admin.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class ListItemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListItemsModel)

public:
    enum Column { Label, Status, ColumnCount };
    enum Role { LabelRole = Qt::UserRole + 1, ActiveRole };

    explicit ListItemsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setItems(const QList<ListItem> &items);
    [[nodiscard]] const ListItem &item(int row) const { return m_items.at(row); }
    [[nodiscard]] QStringList labels() const;
    [[nodiscard]] int rowOf(const QString &label) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ListItem> m_items;
};

class BankHolidayModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BankHolidayModel)

public:
    enum Column { Day, Name, ColumnCount };
    enum Role { DayRole = Qt::UserRole + 1 };

    explicit BankHolidayModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setDays(const QList<BankHoliday> &days);
    [[nodiscard]] const BankHoliday &day(int row) const { return m_days.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<BankHoliday> m_days;
};

} // namespace cpis::ui
