#include "workflow/person_record.h"

#include "db/service_call.h"
#include "workflow/case_note_service.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Status loadCpisStatus(Connection &connection, PersonRecord &record)
{
    auto q = callService(connection, uR"(
        SELECT s.status, coalesce(s.reason, ''), s.updated_at
        FROM person_cpis_status s JOIN person p ON p.id = s.person_id
        WHERE s.person_id = ?)"_s,
                         {record.summary.id});
    if (!q)
        return q.error();
    if (q->next())
        record.cpis = {q->value(0).toString(), q->value(1).toString(), q->value(2).toDateTime()};
    return success();
}

Status loadInvolvements(Connection &connection, PersonRecord &record)
{
    auto q = callService(connection, uR"(
        SELECT w.name, i.role, i.started_on, i.ended_on
        FROM involvement i JOIN worker w ON w.id = i.worker_id
        WHERE i.person_id = ?
        ORDER BY i.ended_on IS NOT NULL, i.started_on DESC, i.id DESC)"_s,
                         {record.summary.id});
    if (!q)
        return q.error();
    while (q->next())
        record.involvements.append({q->value(0).toString(), q->value(1).toString(),
                                    q->value(2).toDate(), q->value(3).toDate()});
    return success();
}

Status loadOpenWork(Connection &connection, PersonRecord &record)
{
    auto q = callService(connection, uR"(
        SELECT 'step', s.title, s.state, w.name, s.received_at
        FROM work_step s JOIN worker w ON w.id = s.assignee_id
        WHERE s.subject_id = ? AND s.state IN ('incoming', 'in_progress')
        UNION ALL
        SELECT 'request', r.request_type, r.state, w.name, r.sent_at
        FROM request r JOIN work_step s ON s.id = r.step_id JOIN worker w ON w.id = r.recipient_id
        WHERE s.subject_id = ? AND (r.state = 'sent' OR (r.case_note_expected = 'required'
              AND NOT EXISTS (SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')))
        ORDER BY 5 DESC)"_s,
                         {record.summary.id, record.summary.id});
    if (!q)
        return q.error();
    while (q->next())
        record.openWork.append({q->value(0).toString(), q->value(1).toString(),
                                q->value(2).toString(), q->value(3).toString(),
                                q->value(4).toDateTime()});
    return success();
}

Status loadOpenings(Connection &connection, PersonRecord &record)
{
    // Only team managers and administrators may read the audit; for others it stays empty.
    auto allowed = callScalar(connection, u"SELECT has_table_privilege('audit', 'SELECT')"_s);
    if (!allowed)
        return allowed.error();
    if (!allowed->toBool())
        return success();
    auto q = callService(connection, uR"(
        SELECT coalesce(w.name, a.login), a.at FROM audit a LEFT JOIN worker w ON w.id = a.worker_id
        WHERE a.person_id = ? AND a.action = 'person.opened' ORDER BY a.at DESC LIMIT 200)"_s,
                         {record.summary.id});
    if (!q)
        return q.error();
    while (q->next())
        record.openedBy.append({q->value(0).toString(), q->value(1).toDateTime()});
    return success();
}
} // namespace

Result<PersonRecord> loadPersonRecord(Connection &connection, qint64 personId, int caseNoteLimit)
{
    PersonRecord record;
    auto summary = loadPersonSummary(connection, personId);
    if (!summary)
        return summary.error();
    record.summary = *summary;
    for (auto step : {loadCpisStatus, loadInvolvements, loadOpenWork, loadOpenings}) {
        const Status loaded = step(connection, record);
        if (!loaded)
            return loaded.error();
    }
    CaseNoteService caseNotes(connection);
    auto notes = caseNotes.forPerson(personId, caseNoteLimit);
    if (!notes)
        return notes.error();
    record.caseNotes = *notes;
    record.caseNoteCount = int(record.caseNotes.size());
    if (caseNoteLimit >= 0 && record.caseNoteCount >= caseNoteLimit) {
        auto count = caseNotes.countForPerson(personId);
        if (!count)
            return count.error();
        record.caseNoteCount = *count;
    }
    return record;
}

} // namespace cpis
