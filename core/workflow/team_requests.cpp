#include "workflow/team_requests.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<bool> TeamRequests::isManager()
{
    auto value = queryValue(
        m_connection,
        u"SELECT EXISTS (SELECT 1 FROM team_manager WHERE worker_id = current_worker_id())"_s);
    if (!value)
        return value.error();
    return value->boolean();
}

Result<QList<TeamRequest>> TeamRequests::outstanding()
{
    auto q = execute(m_connection, uR"(
        SELECT request_id, step_id, subject_id, subject_name, request_type, recipient_id, recipient,
               team, sent_at, state, awaiting_case_note
        FROM team_outstanding_requests())"_s);
    if (!q)
        return q.error();
    QList<TeamRequest> rows;
    for (const Row &row : *q) {
        TeamRequest r;
        r.requestId = row.integer("request_id");
        r.stepId = row.integer("step_id");
        r.subjectId = row.integer("subject_id");
        r.subjectName = row.text("subject_name");
        r.type = row.text("request_type");
        r.recipientId = int(row.integer("recipient_id"));
        r.recipient = row.text("recipient");
        r.team = row.text("team");
        r.sentAt = row.dateTime("sent_at");
        r.state = row.text("state");
        r.awaitingCaseNote = row.boolean("awaiting_case_note");
        rows.append(r);
    }
    return rows;
}

Status TeamRequests::passOn(qint64 requestId, int workerId, const QString &reason)
{
    auto q =
        execute(m_connection, u"SELECT pass_request($1, $2, $3)"_s, {requestId, workerId, reason});
    if (!q)
        return q.error();
    return success();
}

} // namespace cpis
