// What the exchange monitor's tables share: value rows, replaced whole at each refresh.
#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace cpis::ui {

template<typename Row> class MonitorRowsModel : public QAbstractTableModel
{
public:
    MonitorRowsModel(int columns, QObject *parent) : QAbstractTableModel(parent), m_columns(columns)
    {}

    void setRows(const QList<Row> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    // The row behind a valid index of this model, or null.
    [[nodiscard]] const Row *rowAt(const QModelIndex &index) const
    {
        return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
    }

private:
    int m_columns;
    QList<Row> m_rows;
};

} // namespace cpis::ui
