#include "cpis/exchange_monitor.h"

#include "cpis/exchange.h"
#include "cpis/exchange_health.h"
#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kRunColumns =
    u"r.id AS run_id, r.started_at, r.finished_at, r.status, r.uploads_sent, r.received, "
    u"r.quarantined, coalesce(r.error, '') AS error"_s;

ExchangeRunInfo runFrom(const Row &row)
{
    ExchangeRunInfo r;
    r.id = row.integer("run_id");
    r.startedAt = row.dateTime("started_at");
    r.finishedAt = row.dateTime("finished_at");
    r.status = row.text("status");
    r.uploadsSent = int(row.integer("uploads_sent"));
    r.received = int(row.integer("received"));
    r.quarantined = int(row.integer("quarantined"));
    r.error = row.text("error");
    return r;
}

Result<std::optional<ExchangeRunInfo>> oneRun(Connection &c, const QString &where)
{
    auto q = execute(c, u"SELECT "_s + kRunColumns + u" FROM exchange_run r "_s + where +
                            u" ORDER BY r.started_at DESC, r.id DESC LIMIT 1"_s);
    if (!q)
        return q.error();
    if (q->isEmpty())
        return std::optional<ExchangeRunInfo>();
    return std::optional(runFrom((*q)[0]));
}

Result<std::optional<ExchangeRequestInfo>> latestRequest(Connection &c)
{
    auto q =
        execute(c, u"SELECT q.id, q.requested_at, coalesce(w.name, q.login::text) AS requested_by, "
                   u"q.picked_up_at, "_s +
                       kRunColumns + uR"(
        FROM exchange_request q LEFT JOIN worker w ON w.id = q.requested_by
        LEFT JOIN exchange_run r ON r.id = q.run_id
        ORDER BY q.id DESC LIMIT 1)"_s);
    if (!q)
        return q.error();
    if (q->isEmpty())
        return std::optional<ExchangeRequestInfo>();
    const Row row = (*q)[0];
    ExchangeRequestInfo info;
    info.id = row.integer("id");
    info.requestedAt = row.dateTime("requested_at");
    info.requestedBy = row.text("requested_by");
    info.pickedUpAt = row.dateTime("picked_up_at");
    if (!row.isNull("run_id"))
        info.run = runFrom(row);
    return std::optional(info);
}

Result<QList<MonitorUpload>> recentUploads(Connection &c)
{
    // Through SQL, which counts the refused records of children the caller may not see too.
    auto q = execute(c, uR"(
        SELECT sequence_number, created_at, sent_at, status, record_count, rejected, file_code, detail
        FROM exchange_monitor_uploads($1))"_s,
                     {ExchangeMonitor::kRecentRows});
    if (!q)
        return q.error();
    QList<MonitorUpload> rows;
    for (const Row &row : *q) {
        MonitorUpload u;
        u.sequenceNumber = row.integer("sequence_number");
        u.createdAt = row.dateTime("created_at");
        u.sentAt = row.dateTime("sent_at");
        u.status = row.text("status");
        u.children = int(row.integer("record_count"));
        u.rejected = int(row.integer("rejected"));
        u.fileCode = row.text("file_code");
        u.detail = row.text("detail");
        rows.append(u);
    }
    return rows;
}

// The recent messages, or those waiting for a person (held). Through SQL, which masks the
// children the caller may not see ("Restricted child"); plain SQL would not list them at all.
Result<QList<MonitorMessage>> messages(Connection &c, bool held)
{
    auto q = execute(c, uR"(
        SELECT id, received_at, kind, status, reason, outcome, file_name, resolved_note
        FROM exchange_monitor_messages($1, $2))"_s,
                     {ExchangeMonitor::kRecentRows, held});
    if (!q)
        return q.error();
    QList<MonitorMessage> rows;
    for (const Row &row : *q) {
        MonitorMessage m;
        m.id = row.integer("id");
        m.receivedAt = row.dateTime("received_at");
        m.kind = row.text("kind");
        m.status = row.text("status");
        m.reason = row.text("reason");
        m.outcome = row.text("outcome");
        m.fileName = row.text("file_name");
        m.resolvedNote = row.text("resolved_note");
        rows.append(m);
    }
    return rows;
}
} // namespace

Result<ExchangeMonitorData> ExchangeMonitor::load()
{
    // One snapshot for every list: read statement by statement, a run finishing between two
    // of them would show as running in one place and finished in another.
    Transaction snapshot(m_connection); // read only: rolled back at the end
    if (!snapshot.started())
        return snapshot.beginError();
    if (auto isolated =
            execute(m_connection, u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        !isolated)
        return isolated.error();
    ExchangeMonitorData data;
    auto now = queryValue(m_connection, u"SELECT now()"_s);
    if (!now)
        return now.error();
    data.loadedAt = now->dateTime();
    auto last = oneRun(m_connection, {});
    if (!last)
        return last.error();
    data.lastRun = *last;
    auto success = oneRun(m_connection, u"WHERE r.status = 'ok'"_s);
    if (!success)
        return success.error();
    data.lastSuccess = *success;
    auto running = Exchange::lockHolder(m_connection);
    if (!running)
        return running.error();
    data.exchangeRunning = !running->isEmpty();
    auto service = Exchange::serviceRunning(m_connection);
    if (!service)
        return service.error();
    data.serviceRunning = *service;
    // The schedule as the workviews read it (SQL exchange_health, in UK time).
    auto health = ExchangeHealth::load(m_connection);
    if (!health)
        return health.error();
    data.nextRun = health->nextRun;
    auto request = latestRequest(m_connection);
    if (!request)
        return request.error();
    data.latestRequest = *request;
    auto inbox = execute(
        m_connection,
        u"SELECT count(*) AS waiting, min(coalesce(delivered_at, first_listed_at)) AS oldest "
        u"FROM mesh_inbox_seen"_s);
    if (!inbox)
        return inbox.error();
    for (const Row &row : *inbox) {
        data.inboxWaiting = int(row.integer("waiting"));
        data.inboxOldest = row.dateTime("oldest");
    }
    auto uploads = recentUploads(m_connection);
    if (!uploads)
        return uploads.error();
    data.uploads = *uploads;
    auto recent = messages(m_connection, false);
    if (!recent)
        return recent.error();
    data.messages = *recent;
    // Quarantined, and any message an exchange failed to process and left waiting (with the
    // reason): each waits for a person, who may process it again or mark it resolved.
    auto held = messages(m_connection, true);
    if (!held)
        return held.error();
    data.quarantined = *held;
    return data;
}

Result<qint64> ExchangeMonitor::requestExchange()
{
    auto id = queryValue(m_connection, u"SELECT request_exchange()"_s);
    if (!id)
        return id.error();
    return id->integer();
}

Status ExchangeMonitor::processAgain(qint64 messageId)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    auto again = execute(m_connection, u"SELECT process_inbound_again($1)"_s, {messageId});
    if (!again)
        return again.error();
    auto request = requestExchange();
    if (!request)
        return request.error();
    return tx.commit();
}

Status ExchangeMonitor::resolve(qint64 messageId, const QString &note)
{
    auto q = execute(m_connection, u"SELECT resolve_inbound($1, $2)"_s, {messageId, note});
    if (!q)
        return q.error();
    return success();
}

} // namespace cpis
