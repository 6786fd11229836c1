#include "workflow/person_record.h"

#include "db/rows.h"
#include "workflow/case_note_service.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// A child with years of steps shows the latest this many steps, with their requests.
constexpr int kWorkLimit = 100;

// CP-IS ends a record at 18, whatever was last sent; and once CP-IS has accepted the deletion
// of every plan recorded in error, "shared" would tell staff a flag is there when it is not.
Status loadCpisStatus(Connection &connection, PersonRecord &record)
{
    auto q = execute(connection, uR"(
        SELECT CASE WHEN cpis_ended_at_18(p.date_of_birth) THEN 'ended_at_18' ELSE s.status END AS status,
               CASE WHEN cpis_ended_at_18(p.date_of_birth) THEN '' ELSE coalesce(s.reason, '') END AS reason,
               s.updated_at
        FROM person_cpis_status s JOIN person p ON p.id = s.person_id
        WHERE s.person_id = $1
          AND (s.status <> 'shared' OR cpis_ended_at_18(p.date_of_birth)
               OR EXISTS (SELECT 1 FROM plan pl WHERE pl.person_id = p.id AND pl.recorded_in_error_at IS NULL
                          AND pl.kind = ANY (string_to_array(config_value('cpis.shared_plans'), ',')))))"_s,
                     {record.summary.id});
    if (!q)
        return q.error();
    for (const Row &s : *q)
        record.cpis = {s.text("status"), s.text("reason"), s.dateTime("updated_at")};
    return success();
}

Status loadNameHeldByCpis(Connection &connection, PersonRecord &record)
{
    auto held = queryValue(connection, u"SELECT coalesce(person_name_held_by_cpis($1), '')"_s,
                           {record.summary.id});
    if (!held)
        return held.error();
    record.nameHeldByCpis = held->text();
    return success();
}

Status loadInvolvements(Connection &connection, PersonRecord &record)
{
    auto q = execute(connection, uR"(
        SELECT w.name, i.role, i.started_on, i.ended_on
        FROM involvement i JOIN worker w ON w.id = i.worker_id
        WHERE i.person_id = $1
        ORDER BY i.ended_on IS NOT NULL, i.started_on DESC, i.id DESC)"_s,
                     {record.summary.id});
    if (!q)
        return q.error();
    for (const Row &i : *q)
        record.involvements.append(
            {i.text("name"), i.text("role"), i.date("started_on"), i.date("ended_on")});
    return success();
}

// Restricted children's steps and requests stay hidden by the tables' row-level security.
// Drafts are their writer's own, so only sent requests are listed.
Status loadWork(Connection &connection, PersonRecord &record)
{
    auto q = execute(connection, uR"(
        WITH steps AS (
            SELECT s.*, coalesce(s.finished_at, s.cancelled_at, s.received_at) AS recent
            FROM work_step s WHERE s.subject_id = $1
            ORDER BY recent DESC, s.id DESC LIMIT $2)
        SELECT s.id AS step_id, 'step' AS kind, s.title, s.state, w.name AS who, s.received_at AS at,
               coalesce(f.name, c.name, '') AS done_by, coalesce(s.finished_at, s.cancelled_at) AS done_at,
               false AS note_added, false AS note_awaited, s.recent, 0 AS is_request, s.received_at AS since
        FROM steps s JOIN worker w ON w.id = s.assignee_id
        LEFT JOIN worker f ON f.id = s.finished_by LEFT JOIN worker c ON c.id = s.cancelled_by
        UNION ALL
        SELECT s.id, 'request', r.request_type, r.state, w.name, r.sent_at,
               coalesce(a.name, ''), r.acknowledged_at, n.added,
               r.case_note_expected = 'required' AND NOT n.added, s.recent, 1, r.sent_at
        FROM steps s JOIN request r ON r.step_id = s.id JOIN worker w ON w.id = r.recipient_id
        LEFT JOIN worker a ON a.id = r.acknowledged_by
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM case_note cn
                                           WHERE cn.request_id = r.id AND cn.state = 'final') AS added) n
        WHERE r.state <> 'draft'
        ORDER BY recent DESC, step_id DESC, is_request, since)"_s,
                     {record.summary.id, kWorkLimit});
    if (!q)
        return q.error();
    for (const Row &w : *q)
        record.work.append({w.integer("step_id"), w.text("kind"), w.text("title"), w.text("state"),
                            w.text("who"), w.dateTime("at"), w.text("done_by"),
                            w.dateTime("done_at"), w.boolean("note_added"),
                            w.boolean("note_awaited")});
    return success();
}

Status loadOpenings(Connection &connection, PersonRecord &record)
{
    // Only team managers and administrators may read the audit; for others it stays empty.
    auto allowed = queryValue(connection, u"SELECT has_table_privilege('audit', 'SELECT')"_s);
    if (!allowed)
        return allowed.error();
    if (!allowed->boolean())
        return success();
    auto q = execute(connection, uR"(
        SELECT coalesce(w.name, a.login) AS name, a.at FROM audit a LEFT JOIN worker w ON w.id = a.worker_id
        WHERE a.person_id = $1 AND a.action = 'person.opened' ORDER BY a.at DESC LIMIT 200)"_s,
                     {record.summary.id});
    if (!q)
        return q.error();
    for (const Row &o : *q)
        record.openedBy.append({o.text("name"), o.dateTime("at")});
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
    for (auto step :
         {loadCpisStatus, loadNameHeldByCpis, loadInvolvements, loadWork, loadOpenings}) {
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
