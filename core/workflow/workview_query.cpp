#include "workflow/workview_query.h"

#include "workflow/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Steps assigned to the worker or to a queue they work from, plus those they started.
const QString kCurrentWork = uR"(
    WITH mine AS (SELECT ?::integer AS id UNION SELECT queue_id FROM queue_member WHERE member_id = ?)
    SELECT s.id, s.step_type, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, s.title, s.state,
           (extract(epoch FROM s.received_at) * 1000)::bigint, (extract(epoch FROM s.due_at) * 1000)::bigint,
           coalesce(kw.name, ''), coalesce(s.source, ''), coalesce(sb.name, '')
    FROM work_step s
    JOIN person p ON p.id = s.subject_id
    LEFT JOIN involvement i ON i.person_id = s.subject_id AND i.role = 'Key Worker' AND i.ended_on IS NULL
    LEFT JOIN worker kw ON kw.id = i.worker_id
    LEFT JOIN worker sb ON sb.id = s.started_by
    WHERE s.state IN ('incoming', 'in_progress')
      AND (s.assignee_id IN (SELECT id FROM mine) OR s.started_by = ?)
    ORDER BY s.state = 'in_progress', s.received_at, s.id)"_s;

const QString kIncomingRequests = uR"(
    SELECT r.id, r.step_id, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, r.request_type, s.title,
           r.note, r.sent_at, r.state, r.case_note_expected,
           r.case_note_expected = 'required' AND NOT EXISTS (
               SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')
    FROM request r
    JOIN work_step s ON s.id = r.step_id
    JOIN person p ON p.id = s.subject_id
    WHERE r.recipient_id = ? AND r.state IN ('sent', 'acknowledged')
      AND (r.state = 'sent' OR (r.case_note_expected = 'required' AND NOT EXISTS (
               SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')))
    ORDER BY r.sent_at DESC, r.id DESC)"_s;
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
    auto work = callService(connection, kCurrentWork, {worker.id, worker.id, worker.id});
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
    return view;
}

} // namespace cpis
