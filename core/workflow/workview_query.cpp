#include "workflow/workview_query.h"

#include "cpis/config_store.h"
#include "workflow/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Steps assigned to the worker or to a queue they work from, plus those they started; and the
// requests sent to them. Both check visibility inline (migration 0009).
const QString kCurrentWork = u"SELECT * FROM current_work(?)"_s;
const QString kIncomingRequests = u"SELECT * FROM incoming_requests(?)"_s;
// Times as milliseconds since the epoch: parsing 20,000 timestamp strings costs more than
// the rest of a 10,000-step workview on the client.
QDateTime fromEpochMs(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong());
}
} // namespace

Result<Workview> loadWorkview(Connection &connection, const Worker &worker)
{
    Workview view;
    view.worker = worker;
    auto work = callService(connection, kCurrentWork, {worker.id});
    if (!work)
        return work.error();
    while (work->next()) {
        const QSqlQuery &q = *work;
        view.currentWork.append(
            {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
             q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
             fromEpochMs(q.value(6)), fromEpochMs(q.value(7)), q.value(8).toString(),
             q.value(9).toString(), q.value(10).toString()});
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
        view.incomingRequests.append(r);
    }
    if (!view.incomingRequests.isEmpty()) {
        // Due as a step is: the handling time, counted in office hours, from when it was sent.
        auto hours = ConfigStore(connection).officeHours();
        if (!hours)
            return hours.error();
        for (IncomingRequest &r : view.incomingRequests)
            r.dueAt = hours->dueAfter(r.sentAt);
    }
    return view;
}

} // namespace cpis
