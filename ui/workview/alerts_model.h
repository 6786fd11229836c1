// Open alerts for the signed-in worker (to them, their team or a role they hold).
#pragma once

#include "workflow/workflow_types.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column { Raised, Type, Person, Body, ColumnCount };
    enum Role { AlertIdRole = Qt::UserRole + 1, PersonIdRole };

    explicit AlertsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<Alert> &rows);
    [[nodiscard]] const QList<Alert> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<Alert> m_rows;
};

} // namespace cpis::ui
