// Current work as a table: one row per open step, updated in place when the workview is
// reloaded so that views keep their selection and scroll position.
#pragma once

#include "workflow/workflow_types.h"

#include <QAbstractTableModel>
#include <QHash>

namespace cpis::ui {

class CurrentWorkModel final : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void reindex();
    QList<CurrentWorkItem> m_rows;
    QHash<qint64, int> m_rowOfStep;
    QDateTime m_now;
};

} // namespace cpis::ui
