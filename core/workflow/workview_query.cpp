#include "workflow/workview_query.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Steps assigned to the worker or to a queue they work from, plus those they started; and the
// requests sent to them. Both check visibility inline (migration 0009).
const QString kCurrentWork = u"SELECT * FROM current_work($1)"_s;
const QString kIncomingRequests = u"SELECT * FROM incoming_requests($1)"_s;
// Times come as milliseconds since the epoch (parsing 20,000 timestamp strings cost more than
// the rest of a 10,000-step workview) and are made in UTC: a local time looks up the time zone
// (a stat of /etc/localtime) each time one is made. The screens show them in local time.
QDateTime epochMs(const Row &row, const char *column)
{
    return row.isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(row.integer(column), Qt::UTC);
}
} // namespace

Result<Workview> loadWorkview(Connection &connection, const Worker &worker)
{
    Workview view;
    view.worker = worker;
    // Read through libpq: through Qt Sql, 10,000 rows took as long as the query.
    auto work = execute(connection, kCurrentWork, {worker.id});
    if (!work)
        return work.error();
    view.currentWork.reserve(work->size());
    for (const Row &row : *work) {
        CurrentWorkItem &w = view.currentWork.emplace_back();
        w.stepId = row.integer("step_id");
        w.type = row.text("step_type");
        w.subjectId = row.integer("subject_id");
        w.subjectName = row.text("subject_name");
        w.title = row.text("title");
        w.state = row.text("state");
        w.receivedAt = epochMs(row, "received_ms");
        w.dueAt = epochMs(row, "due_ms");
        w.keyWorker = row.text("key_worker");
        w.source = row.text("source");
        w.startedBy = row.text("started_by");
    }
    auto requests = execute(connection, kIncomingRequests, {worker.id});
    if (!requests)
        return requests.error();
    for (const Row &row : *requests) {
        IncomingRequest r;
        r.requestId = row.integer("request_id");
        r.stepId = row.integer("step_id");
        r.subjectId = row.integer("subject_id");
        r.subjectName = row.text("subject_name");
        r.type = row.text("request_type");
        r.stepTitle = row.text("step_title");
        r.note = row.text("note");
        r.sentAt = row.dateTime("sent_at");
        r.state = row.text("state");
        r.caseNoteExpected = row.text("case_note_expected");
        r.awaitingCaseNote = row.boolean("awaiting_case_note");
        r.dueAt = row.dateTime("due_at"); // from _due_after, as a step's
        view.incomingRequests.append(r);
    }
    return view;
}

} // namespace cpis
