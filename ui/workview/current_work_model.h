// Current work as a table: one row per open step, updated in place when the workview is
// reloaded so that views keep their selection and scroll position.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

#include <QDateTime>
#include <QHash>

namespace cpis::ui {

class CurrentWorkModel final : public RowTableModel<CurrentWorkItem>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurrentWorkModel)

public:
    enum Column { Type, Subject, Title, Received, Due, KeyWorker, Source, StartedBy, ColumnCount };
    enum Role {
        StepIdRole = Qt::UserRole + 1,
        SubjectIdRole,
        StateRole,     // incoming, in_progress
        SourceRole,    // ae, dhu_111
        StartedByRole, // name, empty when not started
        DueStateRole,  // DueState as int
        SortRole,
    };

    explicit CurrentWorkModel(QObject *parent = nullptr);

    // Replaces the rows, keeping rows whose step is still there (so selections survive).
    void setRows(const QList<CurrentWorkItem> &rows);
    // The time due states are measured against; the view refreshes it every minute.
    void setNow(const QDateTime &now);
    [[nodiscard]] const CurrentWorkItem *item(const QModelIndex &index) const;
    [[nodiscard]] int rowOf(qint64 stepId) const;

private:
    void reindex();
    QHash<qint64, int> m_rowOfStep;
    QDateTime m_now;
};

} // namespace cpis::ui
