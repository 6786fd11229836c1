// The children behind the data-quality figures, one row per problem, for the lists' table.
#pragma once

#include "cpis/data_quality.h"
#include "kit/row_table_model.h"

namespace cpis::ui {

class DataQualityModel final : public RowTableModel<DataQualityRow>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataQualityModel)

public:
    enum Column { Person, NhsNumber, Detail, ColumnCount };
    enum Role { PersonIdRole = Qt::UserRole + 1, ListRole };

    explicit DataQualityModel(QObject *parent = nullptr);
};

} // namespace cpis::ui
