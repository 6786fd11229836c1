// Workers found by name for Pass to Worker: Name and Team.
#pragma once

#include "workflow/workflow_types.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class WorkerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerListModel)

public:
    enum Column { Name, Team, ColumnCount };
    enum Role { WorkerIdRole = Qt::UserRole + 1 };

    explicit WorkerListModel(QObject *parent = nullptr);
    void setWorkers(const QList<Worker> &workers);
    [[nodiscard]] Worker worker(int row) const { return m_workers.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Worker> m_workers;
};

} // namespace cpis::ui
