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
    : RowTableModel(parent), m_now(QDateTime::currentDateTime())
{
    using Item = CurrentWorkItem;
    setColumns({
        ColumnSpec([] { return tr("Type"); }, [](const Item &w) { return w.type; }),
        ColumnSpec([] { return tr("Subject"); },
                   [](const Item &w) { return u"%1 (%2)"_s.arg(w.subjectName).arg(w.subjectId); })
            .withSortValue([](const Item &w) { return w.subjectName.toLower(); }),
        ColumnSpec([] { return tr("Title"); }, [](const Item &w) { return w.title; }),
        ColumnSpec([] { return tr("Received"); },
                   [](const Item &w) { return Display::shortDateTime(w.receivedAt); })
            .withToolTip([](const Item &w) {
                return tr("Received %1").arg(Display::dateTime(w.receivedAt));
            })
            .withSortValue([](const Item &w) { return w.receivedAt; }),
        ColumnSpec([] { return tr("Due"); })
            .withToolTip([](const Item &w) { return tr("Due %1").arg(Display::dateTime(w.dueAt)); })
            .withSortValue([](const Item &w) { return w.dueAt; })
            // Text, icon, colour and weight, all saying the same due state.
            .withOtherRoles(
                [this](const Item &w, int role) { return Display::dueData(w.dueAt, m_now, role); }),
        ColumnSpec(
            [] { return tr("Key Worker"); },
            [](const Item &w) { return w.keyWorker.isEmpty() ? tr("No key worker") : w.keyWorker; })
            .withForeground([](const Item &w) {
                return w.keyWorker.isEmpty() ? QVariant(QBrush(Display::toneColour(Tone::Problem)))
                                             : QVariant();
            }),
        ColumnSpec([] { return tr("Source"); },
                   [](const Item &w) { return Display::source(w.source); }),
        ColumnSpec([] { return tr("Started by"); }, [](const Item &w) { return w.startedBy; })
            .withToolTip([](const Item &w) {
                return w.startedBy.isEmpty() ? QVariant() : tr("Started by %1").arg(w.startedBy);
            }),
    });
    setRowRoles({
        {StepIdRole,
         [](const Item &w) {
             return w.stepId;
         }},
        {SubjectIdRole,
         [](const Item &w) {
             return w.subjectId;
         }},
        {StateRole,
         [](const Item &w) {
             return w.state;
         }},
        {SourceRole,
         [](const Item &w) {
             return w.source;
         }},
        {StartedByRole,
         [](const Item &w) {
             return w.startedBy;
         }},
        {DueStateRole,
         [this](const Item &w) {
             return int(Display::dueState(w.dueAt, m_now));
         }},
    });
    setSortRole(SortRole);
}

void CurrentWorkModel::reindex()
{
    m_rowOfStep.clear();
    m_rowOfStep.reserve(rows().size());
    for (int i = 0; i < rows().size(); ++i)
        m_rowOfStep.insert(rows().at(i).stepId, i);
}

void CurrentWorkModel::setRows(const QList<CurrentWorkItem> &rows)
{
    QList<CurrentWorkItem> &current = mutableRows();
    if (current.isEmpty()) {
        if (rows.isEmpty())
            return;
        beginInsertRows({}, 0, int(rows.size()) - 1);
        current = rows;
        reindex();
        endInsertRows();
        return;
    }
    QHash<qint64, int> incoming;
    incoming.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        incoming.insert(rows.at(i).stepId, i);

    // Gone: remove from the end so that earlier row numbers stay valid.
    for (int row = int(current.size()) - 1; row >= 0; --row) {
        if (incoming.contains(current.at(row).stepId))
            continue;
        int first = row;
        while (first > 0 && !incoming.contains(current.at(first - 1).stepId))
            --first;
        beginRemoveRows({}, first, row);
        current.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    reindex();
    // Changed in place.
    for (int row = 0; row < current.size(); ++row) {
        const CurrentWorkItem &fresh = rows.at(incoming.value(current.at(row).stepId));
        if (!sameItem(current.at(row), fresh)) {
            current[row] = fresh;
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
        const int first = int(current.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        current.append(added);
        reindex();
        endInsertRows();
    }
}

void CurrentWorkModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!rows().isEmpty())
        emit dataChanged(index(0, Due), index(int(rows().size()) - 1, Due));
}

const CurrentWorkItem *CurrentWorkModel::item(const QModelIndex &index) const
{
    return rowAt(index);
}

int CurrentWorkModel::rowOf(qint64 stepId) const
{
    return m_rowOfStep.value(stepId, -1);
}

} // namespace cpis::ui
