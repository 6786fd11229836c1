// Open alerts for the signed-in worker (to them, their team or a role they hold).
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

namespace cpis::ui {

class AlertsModel final : public RowTableModel<Alert>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column { Raised, Type, Person, Body, ColumnCount };
    enum Role { AlertIdRole = Qt::UserRole + 1, PersonIdRole };

    explicit AlertsModel(QObject *parent = nullptr);
};

} // namespace cpis::ui
