#include "dialogs/worker_list_model.h"

namespace cpis::ui {

WorkerListModel::WorkerListModel(QObject *parent) : QAbstractTableModel(parent) {}

void WorkerListModel::setWorkers(const QList<Worker> &workers)
{
    beginResetModel();
    m_workers = workers;
    endResetModel();
}

int WorkerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int WorkerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Worker &w = m_workers.at(index.row());
    if (role == WorkerIdRole)
        return w.id;
    if (role != Qt::DisplayRole)
        return {};
    return index.column() == Name ? w.name : w.team;
}

QVariant WorkerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Name ? tr("Name") : tr("Team");
}

} // namespace cpis::ui
