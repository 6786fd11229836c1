#include "workflow/workview_query.h"

#include "db/rows.h"
#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Steps assigned to the worker or to a queue they work from, plus those they started; and the
// requests sent to them. Both check visibility inline (migration 0009).
const QString kCurrentWork = u"SELECT * FROM current_work($1)"_s;
const QString kIncomingRequests = u"SELECT * FROM incoming_requests(?)"_s;
// Times come as milliseconds since the epoch (parsing 20,000 timestamp strings cost more than
// the rest of a 10,000-step workview) and are made in UTC: a local time looks up the time zone
// (a stat of /etc/localtime) each time one is made. The screens show them in local time.
QDateTime epochMs(const Rows &rows, int row, int column)
{
    return rows.isNull(row, column)
               ? QDateTime()
               : QDateTime::fromMSecsSinceEpoch(rows.integer(row, column), Qt::UTC);
}
} // namespace

Result<Workview> loadWorkview(Connection &connection, const Worker &worker)
{
    Workview view;
    view.worker = worker;
    // Read through libpq: through Qt Sql, 10,000 rows took as long as the query.
    auto work = readRows(connection, kCurrentWork, {worker.id});
    if (!work)
        return workflowError(work.error());
    const Rows &rows = *work;
    view.currentWork.reserve(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        view.currentWork.append({rows.integer(r, 0), rows.text(r, 1), rows.integer(r, 2),
                                 rows.text(r, 3), rows.text(r, 4), rows.text(r, 5),
                                 epochMs(rows, r, 6), epochMs(rows, r, 7), rows.text(r, 8),
                                 rows.text(r, 9), rows.text(r, 10)});
    }
    auto requests = callService(connection, kIncomingRequests, {worker.id});
    if (!requests)
        return requests.error();
    while (requests->next()) {
        const QSqlQuery &q = *requests;
        IncomingRequest r;
        r.requestId = q.value(0).toLongLong();
        r.stepId = q.value(1).toLongLong();
        r.subjectId = q.value(2).toLongLong();
        r.subjectName = q.value(3).toString();
        r.type = q.value(4).toString();
        r.stepTitle = q.value(5).toString();
        r.note = q.value(6).toString();
        r.sentAt = q.value(7).toDateTime();
        r.state = q.value(8).toString();
        r.caseNoteExpected = q.value(9).toString();
        r.awaitingCaseNote = q.value(10).toBool();
        r.dueAt = q.value(11).toDateTime(); // from _due_after, as a step's
        view.incomingRequests.append(r);
    }
    return view;
}

} // namespace cpis
