#include "workflow/step_service.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
QVariantList nextActionParams(const NextActionInput &input)
{
    return {input.action, input.reason, input.note, input.priority, nullIfZero(input.assignedTo)};
}

Status done(const Result<QSqlQuery> &query)
{
    if (!query)
        return query.error();
    return success();
}

Result<int> version(const Result<QVariant> &value)
{
    if (!value)
        return value.error();
    return value->toInt();
}
} // namespace

Result<StepDetail> StepService::load(qint64 stepId)
{
    auto q = callService(m_connection, uR"(
        SELECT s.id, s.step_type, s.title, s.state, s.comments, coalesce(s.source, ''), s.row_version,
               s.received_at, s.due_at, coalesce(sb.name, ''), s.started_at, s.subject_id,
               p.legal_forenames || ' ' || p.legal_surname, p.gender, p.date_of_birth
        FROM work_step s JOIN person p ON p.id = s.subject_id
        LEFT JOIN worker sb ON sb.id = s.started_by
        WHERE s.id = ?)"_s,
                         {stepId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no work step %1."_s.arg(stepId),
                     {},
                     {}};
    StepDetail d;
    d.id = q->value(0).toLongLong();
    d.type = q->value(1).toString();
    d.title = q->value(2).toString();
    d.state = q->value(3).toString();
    d.comments = q->value(4).toString();
    d.source = q->value(5).toString();
    d.rowVersion = q->value(6).toInt();
    d.receivedAt = q->value(7).toDateTime();
    d.dueAt = q->value(8).toDateTime();
    d.startedBy = q->value(9).toString();
    d.startedAt = q->value(10).toDateTime();
    d.subjectId = q->value(11).toLongLong();
    d.subjectName = q->value(12).toString();
    d.gender = q->value(13).toString();
    d.dateOfBirth = q->value(14).toDate();

    auto sections = callService(
        m_connection, u"SELECT section, title, complete FROM step_sections(?) ORDER BY section"_s,
        {stepId});
    if (!sections)
        return sections.error();
    while (sections->next())
        d.sections.append({sections->value(0).toInt(), sections->value(1).toString(),
                           sections->value(2).toBool()});

    auto actions = callService(m_connection, uR"(
        SELECT n.id, n.action, coalesce(w.name, ''), coalesce(n.assigned_to, 0), n.reason, n.note, n.priority, n.status
        FROM next_action n LEFT JOIN worker w ON w.id = n.assigned_to
        WHERE n.step_id = ? ORDER BY n.id)"_s,
                               {stepId});
    if (!actions)
        return actions.error();
    while (actions->next()) {
        const QSqlQuery &a = *actions;
        d.nextActions.append({a.value(0).toLongLong(), a.value(1).toString(), a.value(2).toString(),
                              a.value(3).toInt(), a.value(4).toString(), a.value(5).toString(),
                              a.value(6).toString(), a.value(7).toString()});
    }

    auto requests = callService(m_connection, uR"(
        SELECT r.id, r.request_type, w.name, r.note, r.state, r.sent_at, coalesce(ab.name, ''), r.acknowledged_at
        FROM request r JOIN worker w ON w.id = r.recipient_id LEFT JOIN worker ab ON ab.id = r.acknowledged_by
        WHERE r.step_id = ? ORDER BY r.id)"_s,
                                {stepId});
    if (!requests)
        return requests.error();
    while (requests->next()) {
        const QSqlQuery &r = *requests;
        d.requests.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                           r.value(3).toString(), r.value(4).toString(), r.value(5).toDateTime(),
                           r.value(6).toString(), r.value(7).toDateTime()});
    }
    return d;
}

Result<int> StepService::start(qint64 stepId)
{
    return version(callScalar(m_connection, u"SELECT start_work(?)"_s, {stepId}));
}

Status StepService::cancel(qint64 stepId, const QString &reason)
{
    return done(callService(m_connection, u"SELECT cancel_work(?, ?)"_s, {stepId, reason}));
}

Result<RequestProposal> StepService::proposeRequest(qint64 stepId)
{
    auto q = callService(m_connection,
                         u"SELECT request_type, source, note, coalesce(recipient_id, 0), "
                         u"coalesce(recipient_name, '') "
                         u"FROM propose_request(?)"_s,
                         {stepId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no work step %1."_s.arg(stepId),
                     {},
                     {}};
    return RequestProposal{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                           q->value(3).toInt(), q->value(4).toString()};
}

Result<StepService::Added> StepService::added(const QString &sql, const QVariantList &params)
{
    auto q = callService(m_connection, sql, params);
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"db.error"_s, u"The database returned nothing."_s, {}, {}};
    return Added{q->value(0).toLongLong(), q->value(1).toInt()};
}

Result<StepService::Added> StepService::addRequest(qint64 stepId, int rowVersion, int recipientId,
                                                   const QString &note, const QString &source)
{
    return added(u"SELECT request_id, row_version FROM add_request(?, ?, ?, ?, ?)"_s,
                 {stepId, rowVersion, nullIfZero(recipientId), note,
                  source.isEmpty() ? QVariant(QString()) : source});
}

Result<StepService::Added> StepService::addNextAction(qint64 stepId, int rowVersion,
                                                      const NextActionInput &input)
{
    return added(u"SELECT next_action_id, row_version FROM add_next_action(?, ?, ?, ?, ?, ?, ?)"_s,
                 QVariantList{stepId, rowVersion} + nextActionParams(input));
}

Result<int> StepService::updateNextAction(qint64 nextActionId, int rowVersion,
                                          const NextActionInput &input)
{
    return version(callScalar(m_connection, u"SELECT update_next_action(?, ?, ?, ?, ?, ?, ?)"_s,
                              QVariantList{nextActionId, rowVersion} + nextActionParams(input)));
}

Result<int> StepService::removeNextAction(qint64 nextActionId, int rowVersion)
{
    return version(
        callScalar(m_connection, u"SELECT remove_next_action(?, ?)"_s, {nextActionId, rowVersion}));
}

Result<int> StepService::save(qint64 stepId, int rowVersion)
{
    return version(callScalar(m_connection, u"SELECT save_step(?, ?)"_s, {stepId, rowVersion}));
}

Status StepService::finish(qint64 stepId, int rowVersion)
{
    return done(callService(m_connection, u"SELECT finish_step(?, ?)"_s, {stepId, rowVersion}));
}

} // namespace cpis
