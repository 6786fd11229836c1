#include "workflow/team_requests.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<bool> TeamRequests::isManager()
{
    auto value = callScalar(
        m_connection,
        u"SELECT EXISTS (SELECT 1 FROM team_manager WHERE worker_id = current_worker_id())"_s);
    if (!value)
        return value.error();
    return value->toBool();
}

Result<QList<TeamRequest>> TeamRequests::outstanding()
{
    auto q = callService(m_connection, uR"(
        SELECT request_id, step_id, subject_id, subject_name, request_type, recipient_id, recipient,
               team, sent_at, state, awaiting_case_note
        FROM team_outstanding_requests())"_s);
    if (!q)
        return q.error();
    QList<TeamRequest> rows;
    while (q->next()) {
        TeamRequest r;
        r.requestId = q->value(0).toLongLong();
        r.stepId = q->value(1).toLongLong();
        r.subjectId = q->value(2).toLongLong();
        r.subjectName = q->value(3).toString();
        r.type = q->value(4).toString();
        r.recipientId = q->value(5).toInt();
        r.recipient = q->value(6).toString();
        r.team = q->value(7).toString();
        r.sentAt = q->value(8).toDateTime();
        r.state = q->value(9).toString();
        r.awaitingCaseNote = q->value(10).toBool();
        rows.append(r);
    }
    return rows;
}

Status TeamRequests::passOn(qint64 requestId, int workerId, const QString &reason)
{
    auto q =
        callService(m_connection, u"SELECT pass_request(?, ?, ?)"_s, {requestId, workerId, reason});
    if (!q)
        return q.error();
    return success();
}

} // namespace cpis
