#include "workflow/finished_steps.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<QList<FinishedStep>> loadFinishedSteps(Connection &connection, int limit, int offset)
{
    // Row-level security limits the steps, requests and notes to the children the caller may
    // see; the index work_step_finished_recent serves the order and the page.
    auto q = execute(connection, uR"(
        SELECT s.id, s.subject_id, p.legal_forenames || ' ' || p.legal_surname AS subject_name,
               s.title, s.received_at, s.finished_at, coalesce(fb.name, '') AS finished_by,
               coalesce(r.recipient, '') AS request_to, coalesce(r.acknowledged_by, '') AS acknowledged_by,
               r.acknowledged_at, coalesce(r.case_notes, 0) AS case_notes
        FROM work_step s
        JOIN person p ON p.id = s.subject_id
        LEFT JOIN worker fb ON fb.id = s.finished_by
        LEFT JOIN LATERAL (
            SELECT rw.name AS recipient, aw.name AS acknowledged_by, rq.acknowledged_at,
                   (SELECT count(*) FROM case_note n WHERE n.request_id = rq.id AND n.state = 'final') AS case_notes
            FROM request rq
            JOIN worker rw ON rw.id = rq.recipient_id
            LEFT JOIN worker aw ON aw.id = rq.acknowledged_by
            WHERE rq.step_id = s.id AND rq.state <> 'draft'
            ORDER BY rq.id DESC LIMIT 1) r ON true
        WHERE s.state = 'finished'
        ORDER BY s.finished_at DESC, s.id DESC
        LIMIT $1 OFFSET $2)"_s,
                     {limit, offset});
    if (!q)
        return q.error();
    QList<FinishedStep> steps;
    for (const Row &row : *q) {
        steps.append({row.integer("id"), row.integer("subject_id"), row.text("subject_name"),
                      row.text("title"), row.dateTime("received_at"), row.dateTime("finished_at"),
                      row.text("finished_by"), row.text("request_to"), row.text("acknowledged_by"),
                      row.dateTime("acknowledged_at"), int(row.integer("case_notes"))});
    }
    return steps;
}

} // namespace cpis
