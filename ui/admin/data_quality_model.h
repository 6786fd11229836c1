// The children behind the data-quality figures, one row per problem, for the lists' table.
#pragma once

#include "cpis/data_quality.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class DataQualityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataQualityModel)

public:
    enum Column { Person, NhsNumber, Detail, ColumnCount };
    enum Role { PersonIdRole = Qt::UserRole + 1, ListRole };

    explicit DataQualityModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<DataQualityRow> &rows);
    [[nodiscard]] const QList<DataQualityRow> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<DataQualityRow> m_rows;
};

} // namespace cpis::ui
