// The Next actions table of a step: saved rows, then those added since the last save.
#pragma once

#include "workflow/workflow_types.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class NextActionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NextActionsModel)

public:
    enum Column { Action, AssignedTo, Reason, Note, Priority, Status, ColumnCount };
    enum Role { SavedRole = Qt::UserRole + 1 };

    explicit NextActionsModel(QObject *parent = nullptr);
    void setRows(const QList<NextAction> &saved, const QList<NextActionInput> &pending);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        NextAction action;
        bool saved = true;
    };
    QList<Row> m_rows;
};

} // namespace cpis::ui
