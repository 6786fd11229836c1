#include "workview/current_work_model.h"

#include "display.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
bool sameItem(const CurrentWorkItem &a, const CurrentWorkItem &b)
{
    return a.stepId == b.stepId && a.type == b.type && a.subjectId == b.subjectId &&
           a.subjectName == b.subjectName && a.title == b.title && a.state == b.state &&
           a.receivedAt == b.receivedAt && a.dueAt == b.dueAt && a.keyWorker == b.keyWorker &&
           a.source == b.source && a.startedBy == b.startedBy;
}
} // namespace

CurrentWorkModel::CurrentWorkModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTime())
{}

void CurrentWorkModel::reindex()
{
    m_rowOfStep.clear();
    m_rowOfStep.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOfStep.insert(m_rows.at(i).stepId, i);
}

void CurrentWorkModel::setRows(const QList<CurrentWorkItem> &rows)
{
    if (m_rows.isEmpty()) {
        if (rows.isEmpty())
            return;
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_rows = rows;
        reindex();
        endInsertRows();
        return;
    }
    QHash<qint64, int> incoming;
    incoming.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        incoming.insert(rows.at(i).stepId, i);

    // Gone: remove from the end so that earlier row numbers stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).stepId))
            continue;
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).stepId))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    reindex();
    // Changed in place.
    for (int row = 0; row < m_rows.size(); ++row) {
        const CurrentWorkItem &fresh = rows.at(incoming.value(m_rows.at(row).stepId));
        if (!sameItem(m_rows.at(row), fresh)) {
            m_rows[row] = fresh;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    // New: appended; the proxy sorts them into place.
    QList<CurrentWorkItem> added;
    for (const CurrentWorkItem &item : rows) {
        if (!m_rowOfStep.contains(item.stepId))
            added.append(item);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        reindex();
        endInsertRows();
    }
}

void CurrentWorkModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Due), index(int(m_rows.size()) - 1, Due));
}

const CurrentWorkItem *CurrentWorkModel::item(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(index.row());
}

int CurrentWorkModel::rowOf(qint64 stepId) const
{
    return m_rowOfStep.value(stepId, -1);
}

int CurrentWorkModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CurrentWorkModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CurrentWorkModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CurrentWorkItem &w = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case StepIdRole:
        return w.stepId;
    case SubjectIdRole:
        return w.subjectId;
    case StateRole:
        return w.state;
    case SourceRole:
        return w.source;
    case StartedByRole:
        return w.startedBy;
    case DueStateRole:
        return int(Display::dueState(w.dueAt, m_now));
    case SortRole:
        switch (column) {
        case Received:
            return w.receivedAt;
        case Due:
            return w.dueAt;
        case Subject:
            return w.subjectName.toLower();
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        switch (column) {
        case Type:
            return w.type;
        case Subject:
            return u"%1 (%2)"_s.arg(w.subjectName).arg(w.subjectId);
        case Title:
            return w.title;
        case Received:
            return Display::shortDateTime(w.receivedAt);
        case Due:
            return Display::dueData(w.dueAt, m_now, role);
        case KeyWorker:
            return w.keyWorker.isEmpty() ? tr("No key worker") : w.keyWorker;
        case Source:
            return Display::source(w.source);
        case StartedBy:
            return w.startedBy;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Received:
            return tr("Received %1").arg(Display::dateTime(w.receivedAt));
        case Due:
            return tr("Due %1").arg(Display::dateTime(w.dueAt));
        case StartedBy:
            return w.startedBy.isEmpty() ? QVariant() : tr("Started by %1").arg(w.startedBy);
        default:
            return {};
        }
    case Qt::DecorationRole:
    case Qt::FontRole:
        if (column == Due)
            return Display::dueData(w.dueAt, m_now, role);
        return {};
    case Qt::ForegroundRole:
        if (column == Due)
            return Display::dueData(w.dueAt, m_now, role);
        if (column == KeyWorker && w.keyWorker.isEmpty())
            return QBrush(Display::toneColour(Tone::Problem));
        return {};
    default:
        return {};
    }
}

QVariant CurrentWorkModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Type:
        return tr("Type");
    case Subject:
        return tr("Subject");
    case Title:
        return tr("Title");
    case Received:
        return tr("Received");
    case Due:
        return tr("Due");
    case KeyWorker:
        return tr("Key Worker");
    case Source:
        return tr("Source");
    case StartedBy:
        return tr("Started by");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cpis::ui
