#include "workflow/step_service.h"

#include "db/error_codes.h"
#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
QVariantList nextActionParams(const NextActionInput &input)
{
    return {input.action, input.reason, input.note, input.priority, nullIfZero(input.assignedTo)};
}

Status done(const Result<Rows> &query)
{
    if (!query)
        return query.error();
    return success();
}

Result<int> version(const Result<Value> &value)
{
    if (!value)
        return value.error();
    return int(value->integer());
}
} // namespace

Result<StepDetail> StepService::load(qint64 stepId)
{
    auto q = execute(m_connection, uR"(
        SELECT s.id, s.step_type, s.title, s.state, s.comments, coalesce(s.source, '') AS source,
               s.row_version, s.received_at, s.due_at, coalesce(sb.name, '') AS started_by,
               s.started_at, s.subject_id,
               p.legal_forenames || ' ' || p.legal_surname AS subject_name, p.gender,
               p.date_of_birth, p.expected_delivery, coalesce(kw.name, '') AS key_worker
        FROM work_step s JOIN person p ON p.id = s.subject_id
        LEFT JOIN worker sb ON sb.id = s.started_by
        LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker'
                               AND i.ended_on IS NULL
        LEFT JOIN worker kw ON kw.id = i.worker_id
        WHERE s.id = $1)"_s,
                     {stepId});
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no work step %1."_s.arg(stepId),
                     {},
                     {}};
    const Row row = (*q)[0];
    StepDetail d;
    d.id = row.integer("id");
    d.type = row.text("step_type");
    d.title = row.text("title");
    d.state = row.text("state");
    d.comments = row.text("comments");
    d.source = row.text("source");
    d.rowVersion = int(row.integer("row_version"));
    d.receivedAt = row.dateTime("received_at");
    d.dueAt = row.dateTime("due_at");
    d.startedBy = row.text("started_by");
    d.startedAt = row.dateTime("started_at");
    d.subjectId = row.integer("subject_id");
    d.subjectName = row.text("subject_name");
    d.gender = row.text("gender");
    d.dateOfBirth = row.date("date_of_birth");
    d.expectedDelivery = row.date("expected_delivery");
    d.keyWorker = row.text("key_worker");

    auto sections = execute(
        m_connection, u"SELECT section, title, complete FROM step_sections($1) ORDER BY section"_s,
        {stepId});
    if (!sections)
        return sections.error();
    for (const Row &s : *sections)
        d.sections.append({int(s.integer("section")), s.text("title"), s.boolean("complete")});

    auto actions = execute(m_connection, uR"(
        SELECT n.id, n.action, coalesce(w.name, '') AS assigned_name,
               coalesce(n.assigned_to, 0) AS assigned_to, n.reason, n.note, n.priority, n.status
        FROM next_action n LEFT JOIN worker w ON w.id = n.assigned_to
        WHERE n.step_id = $1 ORDER BY n.id)"_s,
                           {stepId});
    if (!actions)
        return actions.error();
    for (const Row &a : *actions) {
        d.nextActions.append({a.integer("id"), a.text("action"), a.text("assigned_name"),
                              int(a.integer("assigned_to")), a.text("reason"), a.text("note"),
                              a.text("priority"), a.text("status")});
    }

    auto requests = execute(m_connection, uR"(
        SELECT r.id, r.request_type, w.name AS recipient_name, r.note, r.state, r.sent_at,
               coalesce(ab.name, '') AS acknowledged_by, r.acknowledged_at
        FROM request r JOIN worker w ON w.id = r.recipient_id LEFT JOIN worker ab ON ab.id = r.acknowledged_by
        WHERE r.step_id = $1 ORDER BY r.id)"_s,
                            {stepId});
    if (!requests)
        return requests.error();
    for (const Row &r : *requests) {
        d.requests.append({r.integer("id"), r.text("request_type"), r.text("recipient_name"),
                           r.text("note"), r.text("state"), r.dateTime("sent_at"),
                           r.text("acknowledged_by"), r.dateTime("acknowledged_at")});
    }
    return d;
}

Result<int> StepService::start(qint64 stepId)
{
    return version(queryValue(m_connection, u"SELECT start_work($1)"_s, {stepId}));
}

Status StepService::cancel(qint64 stepId, const QString &reason)
{
    return done(execute(m_connection, u"SELECT cancel_work($1, $2)"_s, {stepId, reason}));
}

Result<int> StepService::takeOver(qint64 stepId)
{
    return version(queryValue(m_connection, u"SELECT take_over_step($1)"_s, {stepId}));
}

Status StepService::release(qint64 stepId, int rowVersion)
{
    return done(execute(m_connection, u"SELECT release_step($1, $2)"_s, {stepId, rowVersion}));
}

Result<RequestProposal> StepService::proposeRequest(qint64 stepId)
{
    auto q =
        execute(m_connection,
                u"SELECT request_type, source, note, coalesce(recipient_id, 0) AS recipient_id, "
                u"coalesce(recipient_name, '') AS recipient_name "
                u"FROM propose_request($1)"_s,
                {stepId});
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no work step %1."_s.arg(stepId),
                     {},
                     {}};
    const Row row = (*q)[0];
    return RequestProposal{row.text("request_type"), row.text("source"), row.text("note"),
                           int(row.integer("recipient_id")), row.text("recipient_name")};
}

Result<StepService::Added> StepService::added(const QString &sql, const QVariantList &params,
                                              const char *idColumn)
{
    auto q = execute(m_connection, sql, params);
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{u"db.error"_s, u"The database returned nothing."_s, {}, {}};
    const Row row = (*q)[0];
    return Added{row.integer(idColumn), int(row.integer("row_version"))};
}

Result<StepService::Added> StepService::addRequest(qint64 stepId, int rowVersion, int recipientId,
                                                   const QString &note, const QString &source)
{
    return added(u"SELECT request_id, row_version FROM add_request($1, $2, $3, $4, $5)"_s,
                 {stepId, rowVersion, nullIfZero(recipientId), note,
                  source.isEmpty() ? QVariant(QString()) : source},
                 "request_id");
}

Result<StepService::Added> StepService::addNextAction(qint64 stepId, int rowVersion,
                                                      const NextActionInput &input)
{
    return added(
        u"SELECT next_action_id, row_version FROM add_next_action($1, $2, $3, $4, $5, $6, $7)"_s,
        QVariantList{stepId, rowVersion} + nextActionParams(input), "next_action_id");
}

Result<int> StepService::updateNextAction(qint64 nextActionId, int rowVersion,
                                          const NextActionInput &input)
{
    return version(queryValue(m_connection,
                              u"SELECT update_next_action($1, $2, $3, $4, $5, $6, $7)"_s,
                              QVariantList{nextActionId, rowVersion} + nextActionParams(input)));
}

Result<int> StepService::removeNextAction(qint64 nextActionId, int rowVersion)
{
    return version(queryValue(m_connection, u"SELECT remove_next_action($1, $2)"_s,
                              {nextActionId, rowVersion}));
}

Result<int> StepService::save(qint64 stepId, int rowVersion)
{
    return version(queryValue(m_connection, u"SELECT save_step($1, $2)"_s, {stepId, rowVersion}));
}

Status StepService::finish(qint64 stepId, int rowVersion)
{
    return done(execute(m_connection, u"SELECT finish_step($1, $2)"_s, {stepId, rowVersion}));
}

} // namespace cpis
