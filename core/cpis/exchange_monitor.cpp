#include "cpis/exchange_monitor.h"

#include "cpis/exchange.h"
#include "cpis/exchange_config.h"
#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kRunColumns =
    u"r.id, r.started_at, r.finished_at, r.status, r.uploads_sent, r.received, r.quarantined, "
    u"coalesce(r.error, '')"_s;

ExchangeRunInfo runFrom(const QSqlQuery &q, int first)
{
    ExchangeRunInfo r;
    r.id = q.value(first).toLongLong();
    r.startedAt = q.value(first + 1).toDateTime();
    r.finishedAt = q.value(first + 2).toDateTime();
    r.status = q.value(first + 3).toString();
    r.uploadsSent = q.value(first + 4).toInt();
    r.received = q.value(first + 5).toInt();
    r.quarantined = q.value(first + 6).toInt();
    r.error = q.value(first + 7).toString();
    return r;
}

Result<std::optional<ExchangeRunInfo>> oneRun(Connection &c, const QString &where)
{
    auto q = callService(c, u"SELECT "_s + kRunColumns + u" FROM exchange_run r "_s + where +
                                u" ORDER BY r.started_at DESC, r.id DESC LIMIT 1"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ExchangeRunInfo>();
    return std::optional(runFrom(*q, 0));
}

// Whether some session holds the advisory lock `key` in this database. A bigint key shows in
// pg_locks as its high and low 32 bits.
Result<bool> lockHeld(Connection &c, qint64 key)
{
    auto held = callScalar(c, uR"(
        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1))"_s,
                           {key >> 32, key & 0xffffffff});
    if (!held)
        return held.error();
    return held->toBool();
}

Result<std::optional<ExchangeRequestInfo>> latestRequest(Connection &c)
{
    auto q = callService(c, u"SELECT q.id, q.requested_at, coalesce(w.name, q.login::text), "
                            u"q.picked_up_at, "_s +
                                kRunColumns + uR"(
        FROM exchange_request q LEFT JOIN worker w ON w.id = q.requested_by
        LEFT JOIN exchange_run r ON r.id = q.run_id
        ORDER BY q.id DESC LIMIT 1)"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ExchangeRequestInfo>();
    ExchangeRequestInfo info;
    info.id = q->value(0).toLongLong();
    info.requestedAt = q->value(1).toDateTime();
    info.requestedBy = q->value(2).toString();
    info.pickedUpAt = q->value(3).toDateTime();
    if (!q->value(4).isNull())
        info.run = runFrom(*q, 4);
    return std::optional(info);
}

Result<QList<MonitorUpload>> recentUploads(Connection &c)
{
    auto q = callService(c, uR"(
        SELECT f.sequence_number, f.created_at, f.sent_at, f.status, f.record_count,
               (SELECT count(*) FROM upload_record r WHERE r.file_id = f.id
                AND r.outcome_code IS NOT NULL AND r.outcome_code <> 'CPR06'),
               coalesce(f.file_code, ''), coalesce(f.detail, '')
        FROM upload_file f ORDER BY f.sequence_number DESC LIMIT ?)"_s,
                         {ExchangeMonitor::kRecentRows});
    if (!q)
        return q.error();
    QList<MonitorUpload> rows;
    while (q->next()) {
        MonitorUpload u;
        u.sequenceNumber = q->value(0).toLongLong();
        u.createdAt = q->value(1).toDateTime();
        u.sentAt = q->value(2).toDateTime();
        u.status = q->value(3).toString();
        u.children = q->value(4).toInt();
        u.rejected = q->value(5).toInt();
        u.fileCode = q->value(6).toString();
        u.detail = q->value(7).toString();
        rows.append(u);
    }
    return rows;
}

Result<QList<MonitorMessage>> messages(Connection &c, const QString &whereAndOrder,
                                       const QVariantList &params)
{
    auto q = callService(c,
                         uR"(
        SELECT id, received_at, coalesce(kind, ''), status, coalesce(reason, ''), coalesce(outcome, ''),
               coalesce(file_name, ''), coalesce(resolved_note, '')
        FROM inbound_message )"_s +
                             whereAndOrder,
                         params);
    if (!q)
        return q.error();
    QList<MonitorMessage> rows;
    while (q->next()) {
        MonitorMessage m;
        m.id = q->value(0).toLongLong();
        m.receivedAt = q->value(1).toDateTime();
        m.kind = q->value(2).toString();
        m.status = q->value(3).toString();
        m.reason = q->value(4).toString();
        m.outcome = q->value(5).toString();
        m.fileName = q->value(6).toString();
        m.resolvedNote = q->value(7).toString();
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
    if (auto isolated = callService(
            m_connection, u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        !isolated)
        return isolated.error();
    ExchangeMonitorData data;
    auto now = callScalar(m_connection, u"SELECT now()"_s);
    if (!now)
        return now.error();
    data.loadedAt = now->toDateTime();
    auto last = oneRun(m_connection, {});
    if (!last)
        return last.error();
    data.lastRun = *last;
    auto success = oneRun(m_connection, u"WHERE r.status = 'ok'"_s);
    if (!success)
        return success.error();
    data.lastSuccess = *success;
    auto running = lockHeld(m_connection, Exchange::kLockKey);
    if (!running)
        return running.error();
    data.exchangeRunning = *running;
    auto service = lockHeld(m_connection, Exchange::kServiceLockKey);
    if (!service)
        return service.error();
    data.serviceRunning = *service;
    auto config = loadExchangeConfig(m_connection);
    if (!config)
        return config.error();
    data.nextRun = Exchange::nextRun(config->times, QDateTime::currentDateTime());
    auto request = latestRequest(m_connection);
    if (!request)
        return request.error();
    data.latestRequest = *request;
    auto inbox = callService(
        m_connection,
        u"SELECT count(*), min(coalesce(delivered_at, first_listed_at)) FROM mesh_inbox_seen"_s);
    if (!inbox)
        return inbox.error();
    if (inbox->next()) {
        data.inboxWaiting = inbox->value(0).toInt();
        data.inboxOldest = inbox->value(1).toDateTime();
    }
    auto uploads = recentUploads(m_connection);
    if (!uploads)
        return uploads.error();
    data.uploads = *uploads;
    auto recent =
        messages(m_connection, u"ORDER BY received_at DESC, id DESC LIMIT ?"_s, {kRecentRows});
    if (!recent)
        return recent.error();
    data.messages = *recent;
    auto held = messages(m_connection, u"WHERE status = 'quarantined' ORDER BY id"_s, {});
    if (!held)
        return held.error();
    data.quarantined = *held;
    return data;
}

Result<qint64> ExchangeMonitor::requestExchange()
{
    auto id = callScalar(m_connection, u"SELECT request_exchange()"_s);
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status ExchangeMonitor::processAgain(qint64 messageId)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    auto again = callService(m_connection, u"SELECT process_inbound_again(?)"_s, {messageId});
    if (!again)
        return again.error();
    auto request = requestExchange();
    if (!request)
        return request.error();
    return tx.commit();
}

Status ExchangeMonitor::resolve(qint64 messageId, const QString &note)
{
    auto q = callService(m_connection, u"SELECT resolve_inbound(?, ?)"_s, {messageId, note});
    if (!q)
        return q.error();
    return success();
}

} // namespace cpis
