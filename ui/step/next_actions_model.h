// The Next actions table of a step: saved rows, then those added since the last save.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

namespace cpis::ui {

// A next action as the table shows it: saved, or added here and not saved yet.
struct NextActionRow
{
    NextAction action;
    bool saved = true;
};

class NextActionsModel final : public RowTableModel<NextActionRow>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NextActionsModel)

public:
    enum Column { Action, AssignedTo, Reason, Note, Priority, Status, ColumnCount };
    enum Role { SavedRole = Qt::UserRole + 1 };

    explicit NextActionsModel(QObject *parent = nullptr);
    void setRows(const QList<NextAction> &saved, const QList<NextActionInput> &pending);
};

} // namespace cpis::ui
