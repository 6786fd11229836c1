#include "cpis/exchange.h"

#include "cpis/ack_codes.h"
#include "cpis/exchange_config.h"
#include "cpis/mesh_client.h"
#include "db/rows.h"
#include "workflow/records_import.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpis {

int ExchangeReport::quarantined() const
{
    return int(std::count_if(inbound.cbegin(), inbound.cend(),
                             [](const InboundOutcome &o) { return o.status == u"quarantined"_s; }));
}

QStringList ExchangeReport::problems() const
{
    QStringList all;
    if (!uploadRefused.isEmpty())
        all << uploadRefused;
    return all + failures + leftInInbox;
}

namespace {
// An alert's text is at most 4,000 characters (the alert table says so).
constexpr qsizetype kMaxAlertText = 4000;
// Downloads that fail because MESH does not answer, one after another, before the rest of the
// inbox is left for the next run instead of waiting out every one of them.
constexpr int kMaxUnansweredDownloads = 3;

// Only a lost database ends a run early: every other failure is one phase's, and the others go on.
bool databaseLost(const Error &error)
{
    return error.code == u"db.unreachable"_s;
}

QString inWords(const Error &error)
{
    return error.hint.isEmpty() ? error.message : error.message + u" ("_s + error.hint + u')';
}

// What to fix when MESH does not take an upload, for the administrators' alert.
QString whatToFix(const ExchangeConfig &config, const Error &why)
{
    if (why.code == u"mesh.refused"_s || why.code == u"mesh.settings"_s)
        return u"Check the recipient mailbox mesh.cpis_mailbox (now \"%1\") and the workflow id "
               "mesh.workflow_upload (now \"%2\"): they must be CP-IS's mailbox and upload "
               "workflow "
               "as NHS England gave them (cpisctl config set KEY VALUE)."_s.arg(
                   config.cpisMailbox, config.uploadWorkflow);
    if (!why.hint.isEmpty())
        return why.hint;
    return u"If it goes on, check the connection to MESH and this mailbox's certificate "
           "(mesh.client_cert, mesh.client_key, mesh.ca_cert)."_s;
}
} // namespace

Exchange::Exchange(Connection &connection, Progress progress)
    : m_connection(connection), m_progress(std::move(progress))
{}

void Exchange::say(const QString &line) const
{
    if (m_progress)
        m_progress(line);
}

QDateTime Exchange::nextRun(const QList<QTime> &times, const QDateTime &now)
{
    for (int day = 0; day < 2; ++day) {
        for (const QTime &t : times) {
            const QDateTime candidate(now.date().addDays(day), t, now.timeZone());
            if (candidate > now)
                return candidate;
        }
    }
    return {};
}

Result<bool> Exchange::hasWaitingRequest(Connection &connection)
{
    auto waiting = queryValue(
        connection, u"SELECT EXISTS (SELECT 1 FROM exchange_request WHERE run_id IS NULL)"_s);
    if (!waiting)
        return waiting.error();
    return waiting->boolean();
}

QDateTime Exchange::deliveredAt(const QString &meshMessageId)
{
    if (meshMessageId.size() < 14)
        return {};
    const QDate day = QDate::fromString(meshMessageId.left(8), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(meshMessageId.mid(8, 6), u"HHmmss"_s);
    if (!day.isValid() || !time.isValid())
        return {};
    return QDateTime(day, time, QTimeZone::utc());
}

namespace {
// A lease is held while the backend that took it lives, under the login that took it (a pid
// reused after a crash belongs to another login or is gone by the next run).
QString liveHolder()
{
    return uR"(
    SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.holder_pid AND a.usename = l.holder_login)"_s;
}
} // namespace

Result<QString> Exchange::lockHolder(Connection &connection)
{
    auto held = execute(connection, uR"(
        SELECT holder_login, holder_application, to_char(since, 'YYYY-MM-DD HH24:MI:SS TZ') AS since
        FROM exchange_lock l WHERE EXISTS ()"_s +
                                        liveHolder() + u")"_s);
    if (!held)
        return held.error();
    if (held->isEmpty())
        return QString();
    const Row row = (*held)[0];
    return u"login %1 (application \"%2\") since %3"_s.arg(
        row.text("holder_login"), row.text("holder_application"), row.text("since"));
}

Status Exchange::announceService(Connection &connection)
{
    // Rows of services that are gone go; this backend's row says it runs, under this login.
    auto gone = execute(connection, u"DELETE FROM exchange_service l WHERE NOT EXISTS ("_s +
                                        liveHolder() + u")"_s);
    if (!gone)
        return gone.error();
    auto present = execute(connection, uR"(
        INSERT INTO exchange_service (holder_pid, holder_login, holder_application)
        VALUES (pg_backend_pid(), session_user, current_setting('application_name'))
        ON CONFLICT (holder_pid) DO UPDATE SET holder_login = EXCLUDED.holder_login,
            holder_application = EXCLUDED.holder_application, since = now())"_s);
    if (!present)
        return present.error();
    return success();
}

Result<bool> Exchange::serviceRunning(Connection &connection)
{
    auto running =
        queryValue(connection, u"SELECT EXISTS (SELECT 1 FROM exchange_service l WHERE EXISTS ("_s +
                                   liveHolder() + u"))"_s);
    if (!running)
        return running.error();
    return running->boolean();
}

Result<bool> Exchange::takeLock()
{
    // Only the exchange role may UPDATE exchange_lock: no other login can hold it. The row
    // lock the UPDATE takes serialises two exchanges starting at once.
    auto taken = execute(m_connection, uR"(
        UPDATE exchange_lock l SET holder_pid = pg_backend_pid(), holder_login = session_user,
               holder_application = current_setting('application_name'), since = now()
        WHERE holder_pid IS NULL OR holder_pid = pg_backend_pid() OR NOT EXISTS ()"_s +
                                           liveHolder() + u") RETURNING 1"_s);
    if (!taken)
        return taken.error();
    return !taken->isEmpty();
}

void Exchange::releaseLock()
{
    (void)execute(m_connection,
                  u"UPDATE exchange_lock SET holder_pid = NULL, holder_login = NULL, "
                  "holder_application = NULL, since = NULL WHERE holder_pid = pg_backend_pid()"_s);
}

Result<ExchangeReport> Exchange::runOnce()
{
    auto locked = takeLock();
    if (!locked)
        return locked.error();
    if (!*locked) {
        auto holder = lockHolder(m_connection);
        return Error{u"exchange.busy"_s,
                     u"Another CP-IS exchange is running (%1); this one has stopped."_s.arg(
                         holder && !holder->isEmpty() ? *holder : u"holder unknown"_s),
                     {},
                     u"Wait for it to finish; the schedule will run again."_s};
    }
    auto unlock = qScopeGuard([this] { releaseLock(); });

    if (auto checked = warnIfStalled(); !checked)
        return checked.error();
    auto run = queryValue(m_connection, u"INSERT INTO exchange_run DEFAULT VALUES RETURNING id"_s);
    if (!run)
        return run.error();
    const qint64 runId = run->integer();
    // Every "Exchange now" request waiting is answered by this run; open monitors hear of it.
    auto answered = queryValue(m_connection, u"SELECT answer_exchange_requests($1)"_s, {runId});
    ExchangeReport report;
    const Status done = answered ? exchange(report) : Status(answered.error());
    // The monitor shows every run, and why one failed: an upload not sent or a message left in
    // the inbox counts, though the run went on. Whether it collected the inbox and whether its
    // uploads failed are kept apart, so that the workview says which part fails.
    const QString failure =
        !done ? done.error().message : report.problems().join(u"; "_s).left(kMaxAlertText);
    auto logged = execute(m_connection, uR"(
        UPDATE exchange_run SET finished_at = now(), status = $1, uploads_sent = $2, received = $3, quarantined = $4, error = $5,
               inbox_collected = $6, uploads_failed = $7
        WHERE id = $8)"_s,
                          {failure.isEmpty() ? u"ok"_s : u"failed"_s,
                           int(report.uploadsSent.size()), int(report.inbound.size()),
                           report.quarantined(), failure.isEmpty() ? QString() : failure,
                           done.ok() && report.inboxCollected, report.uploadsFailed, runId});
    if (!logged)
        return logged.error();
    if (auto told = queryValue(m_connection, u"SELECT exchange_run_finished($1)"_s, {runId}); !told)
        return told.error();
    if (!done)
        return done.error();
    return report;
}

Status Exchange::warnIfStalled()
{
    // MESH deletes what is not collected within five days: a stalled exchange is itself an
    // alert. The rule (exchange_health) is the one the workviews and --check use.
    auto stalled = queryValue(m_connection, u"SELECT alert_if_exchange_stalled()"_s);
    if (!stalled)
        return stalled.error();
    return success();
}

Status Exchange::checkInbox(const QStringList &ids)
{
    // Before anything is downloaded: if this run fails too, the administrators already know
    // that messages have waited too long.
    QJsonArray listing;
    for (const QString &id : ids) {
        const QDateTime delivered = deliveredAt(id);
        listing.append(QJsonObject{
            {u"id"_s, id},
            {u"delivered_at"_s, delivered.isValid() ? QJsonValue(delivered.toString(Qt::ISODate))
                                                    : QJsonValue(QJsonValue::Null)}});
    }
    auto alerted =
        queryValue(m_connection, u"SELECT check_mesh_inbox($1::jsonb)"_s,
                   {QString::fromUtf8(QJsonDocument(listing).toJson(QJsonDocument::Compact))});
    if (!alerted)
        return alerted.error();
    if (!alerted->isNull())
        say(u"Alert raised for the CP-IS administrators: %1."_s.arg(alerted->text()));
    return success();
}

Status Exchange::exchange(ExchangeReport &report)
{
    auto config = loadExchangeConfig(m_connection);
    if (!config)
        return config.error();
    // MESH settings that cannot be used (a sealed secret the private key does not open, ...) stop
    // sending and receiving, not the processing of what is already stored.
    const Status usable = config->mesh.validate();
    for (const QString &key : std::as_const(config->clearSecrets))
        say(u"Warning: %1 is stored in clear text from before secrets were sealed; set it again "
            "(cpisctl config set %1 --stdin) so that only its sealed form is kept."_s.arg(key));

    // Loaded once a run. A folder that cannot be loaded stops sending and processing (the
    // inbox is still collected and stored, for the next run), never skips validation.
    auto schemas = loadSchemas(config->schemaDir);
    if (!schemas)
        report.failures << schemas.error().message;
    // Nothing is sent unvalidated, nor with settings that cannot be used.
    report.uploadsFailed = !schemas || !usable;

    // Sending, receiving and processing are independent: an upload MESH refuses must not keep
    // a notification from the child's social worker.
    MeshClient mesh(config->mesh);
    if (auto sent =
            usable ? send(*config, mesh, schemas ? schemas->get() : nullptr, report) : success();
        !sent) {
        if (databaseLost(sent.error()))
            return sent.error();
        report.failures << inWords(sent.error());
        report.uploadsFailed = true;
        say(inWords(sent.error()));
    }
    InboundProcessor processor(m_connection, schemas ? *schemas : nullptr);
    const Status collected = usable ? collect(mesh, processor, report) : usable;
    if (!collected) {
        if (databaseLost(collected.error()))
            return collected.error();
        report.failures << collected.error().message;
    }
    // What is stored is processed even when the inbox could not be listed or a download failed
    // (when the schemas, if any, are loaded: otherwise at the next run that can validate it).
    if (schemas) {
        auto processed = processor.processPending();
        if (!processed && databaseLost(processed.error()))
            return processed.error();
        if (!processed) {
            report.failures << u"Processing stopped: %1"_s.arg(processed.error().message);
        } else {
            report.inboxCollected = collected.ok();
            for (const InboundOutcome &o : std::as_const(*processed))
                say(u"Message %1: %2: %3"_s.arg(o.messageId).arg(o.status, o.text));
            report.inbound.append(*processed);
            report.failures << processor.takeFailures();
        }
    }
    // The records feed's files, when a folder is set: one that cannot be used is a failure
    // of this run, not of the exchange with CP-IS.
    if (!config->recordsImportFolder.isEmpty()) {
        auto imported = importRecordsFolder(m_connection, config->recordsImportFolder);
        if (!imported && databaseLost(imported.error()))
            return imported.error();
        if (!imported)
            report.failures << imported.error().message;
        else
            for (const QString &line : std::as_const(*imported))
                say(u"Records import: %1"_s.arg(line));
    }
    // Nothing could be received: the run failed, and says everything that did.
    const std::optional<Error> stopped = !collected ? std::optional(collected.error())
                                         : !schemas ? std::optional(schemas.error())
                                                    : std::nullopt;
    if (stopped)
        return Error{stopped->code, report.problems().join(u"; "_s), {}, stopped->hint};
    return success();
}

Status Exchange::send(const ExchangeConfig &config, MeshClient &mesh,
                      const hl7::SchemaValidator *schemas, ExchangeReport &report)
{
    auto refused = queryValue(
        m_connection, u"SELECT EXISTS (SELECT 1 FROM cpis_refused_version WHERE version = $1)"_s,
        {QStringLiteral(CPIS_VERSION)});
    if (!refused)
        return refused.error();
    report.uploadsStopped = refused->boolean();
    if (report.uploadsStopped) {
        // CPF06: sending again would only be refused again. Notifications still come in.
        say(hl7::upgradeNeededText());
        return success();
    }
    for (const auto &[value, key] : {std::pair{config.cpisMailbox, u"mesh.cpis_mailbox"_s},
                                     std::pair{config.uploadWorkflow, u"mesh.workflow_upload"_s}}) {
        if (value.isEmpty())
            return Error{u"mesh.settings"_s,
                         u"Nothing was sent to CP-IS: the setting %1 is not set."_s.arg(key),
                         {},
                         u"Set it with: cpisctl config set %1 VALUE"_s.arg(key)};
    }
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    auto built = UploadBuilder(m_connection).build(config);
    if (!built)
        return built.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    report.blocked = built->blocked;
    report.uploadRefused = built->refused;
    report.uploadsFailed = report.uploadsFailed || !built->refused.isEmpty();
    if (!built->refused.isEmpty())
        say(built->refused);
    for (const BlockedChild &child : std::as_const(built->blocked))
        say(u"Not sent: %1: %2"_s.arg(child.name, child.reason));
    if (schemas == nullptr && !config.schemaDir.isEmpty())
        return success(); // the schemas did not load: nothing goes unvalidated
    return sendReadyUploads(config, mesh, schemas, report);
}

Result<std::shared_ptr<const hl7::SchemaValidator>> Exchange::loadSchemas(const QString &schemaDir)
{
    if (schemaDir.isEmpty())
        return std::shared_ptr<const hl7::SchemaValidator>();
    auto loaded = hl7::SchemaValidator::load(schemaDir);
    if (loaded)
        return loaded;
    const QString text =
        u"The CP-IS schemas in cpis.schema_dir could not be loaded, so nothing is sent to CP-IS "
        "and nothing received is processed until they can be: %1 %2"_s.arg(loaded.error().message,
                                                                           loaded.error().hint);
    if (auto alerted = alertAdministratorsOnce(u"CP-IS schemas not loaded"_s, text); !alerted)
        return alerted.error();
    return Error{loaded.error().code,
                 text,
                 {},
                 u"Point cpis.schema_dir at the DMS schema folder (cpisctl config set "
                 "cpis.schema_dir DIR), or empty it to stop validating."_s};
}

Status Exchange::alertAdministratorsOnce(const QString &type, const QString &text)
{
    auto raised = queryValue(m_connection, uR"(
        SELECT raise_cpis_alert($1, NULL, $2)
        WHERE NOT EXISTS (SELECT 1 FROM alert WHERE alert_type = $1 AND body = btrim($2) AND acknowledged_at IS NULL
                          AND raised_by_system))"_s,
                             {type, text.left(kMaxAlertText)});
    if (!raised)
        return raised.error();
    return success();
}

Result<bool> Exchange::validForSending(const hl7::SchemaValidator *schemas, const Row &upload)
{
    if (schemas == nullptr)
        return true;
    const Status valid = schemas->validate(upload.bytes("body"), hl7::MessageKind::Upload);
    if (valid)
        return true;
    const qint64 sequence = upload.integer("sequence_number");
    // libxml2 quotes the values it refuses (a child's name, NHS number): the file's detail and
    // the alert reach every system administrator, restricted children included, so the reason
    // is bounded and its values left out, as a quarantined message's is.
    const QString why = u"Not sent: not valid against NHS England's CP-IS schema: %1"_s.arg(
        InboundProcessor::boundedReason(valid.error().message));
    say(u"Upload %1: %2"_s.arg(sequence).arg(why));
    if (auto held = holdUpload(upload, u"CP-IS upload not valid"_s, why,
                               u"Upload %1 (%2 records) was not sent to CP-IS. %3. It stays ready "
                               "and is checked again at every exchange; later uploads wait behind "
                               "it, so that CP-IS receives them in order."_s.arg(sequence)
                                   .arg(upload.integer("record_count"))
                                   .arg(why));
        !held)
        return held.error();
    return false;
}

Status Exchange::sendReadyUploads(const ExchangeConfig &config, MeshClient &mesh,
                                  const hl7::SchemaValidator *schemas, ExchangeReport &report)
{
    auto ready = execute(
        m_connection,
        u"SELECT id, sequence_number, message_id, body, record_count, send_attempted_at IS NOT NULL AS attempted FROM upload_file WHERE status = 'ready' ORDER BY sequence_number"_s);
    if (!ready)
        return ready.error();
    for (const Row &upload : *ready) {
        const qint64 fileId = upload.integer("id");
        const qint64 sequence = upload.integer("sequence_number");
        auto valid = validForSending(schemas, upload);
        if (!valid)
            return valid.error();
        // Stays ready, and the later ones wait behind it: sent out of order, an older
        // file could overwrite a child's newer plan at CP-IS once this one goes.
        if (!*valid) {
            report.uploadsFailed = true;
            break;
        }
        say(u"Sending upload %1 (%2 records)…"_s.arg(sequence).arg(upload.integer("record_count")));
        auto messageId = sendOnce(config, mesh, upload);
        if (!messageId) {
            if (auto marked = markNotSent(config, upload, messageId.error(), report); !marked)
                return marked.error();
            break; // the later ones wait behind it, in order
        }
        auto marked = execute(m_connection, uR"(
            WITH f AS (UPDATE upload_file SET status = 'sent', mesh_message_id = $1, sent_at = now(), detail = NULL WHERE id = $2 RETURNING id)
            UPDATE person_cpis_status SET status = 'sent', reason = NULL, updated_at = now()
            WHERE person_id IN (SELECT person_id FROM upload_record WHERE file_id IN (SELECT id FROM f)))"_s,
                              {*messageId, fileId});
        if (!marked)
            return marked.error();
        report.uploadsSent.append(sequence);
    }
    return success();
}

Result<QString> Exchange::sendOnce(const ExchangeConfig &config, MeshClient &mesh,
                                   const Row &upload)
{
    const qint64 sequence = upload.integer("sequence_number");
    // The file's own uuid: unique to this file in this database, and free of personal data.
    const QString localId = upload.text("message_id");
    if (upload.boolean("attempted")) {
        // A POST may have reached MESH though its answer never came back.
        auto found = mesh.trackLocalId(localId);
        if (found) {
            say(u"Upload %1 reached MESH at an earlier attempt (message %2); not sent again."_s
                    .arg(sequence)
                    .arg(found->messageId));
            return found->messageId;
        }
        if (found.error().code != u"mesh.gone"_s)
            return found.error(); // unknown whether it went: never send it blindly
    }
    // Committed before the POST, so that the next run knows to look it up first.
    if (auto marked = execute(m_connection,
                              u"UPDATE upload_file SET send_attempted_at = now() WHERE id = $1"_s,
                              {upload.integer("id")});
        !marked)
        return marked.error();
    return mesh.send(config.cpisMailbox, config.uploadWorkflow, upload.bytes("body"),
                     u"CPIS_UPLOAD_%1.xml"_s.arg(sequence), localId);
}

Status Exchange::markNotSent(const ExchangeConfig &config, const Row &upload, const Error &why,
                             ExchangeReport &report)
{
    const qint64 sequence = upload.integer("sequence_number");
    const QString detail = u"Not sent: %1"_s.arg(why.message).left(kMaxAlertText / 4);
    const QString line = u"Upload %1 was not sent: %2"_s.arg(sequence).arg(why.message);
    say(line + u"; the exchange goes on to receive."_s);
    report.failures << line;
    report.uploadsFailed = true;
    // Stays ready, so that it goes once the cause is fixed.
    return holdUpload(upload, u"CP-IS upload not sent"_s, detail,
                      u"Upload %1 (%2 records) was not sent to CP-IS: %3. %4 It stays ready "
                      "and goes at the next exchange once this is fixed; later uploads "
                      "wait behind it. Notifications are still received."_s.arg(sequence)
                          .arg(upload.integer("record_count"))
                          .arg(why.message, whatToFix(config, why)));
}

Status Exchange::holdUpload(const Row &upload, const QString &alertType, const QString &detail,
                            const QString &alertText)
{
    // One alert for each new reason, not one each run: the file's detail remembers the last.
    auto alerted =
        queryValue(m_connection, uR"(
        WITH f AS (UPDATE upload_file SET detail = $1 WHERE id = $2 AND status = 'ready' AND detail IS DISTINCT FROM $1 RETURNING id)
        SELECT raise_cpis_alert($3, NULL, $4) FROM f)"_s,
                   {detail, upload.integer("id"), alertType, alertText.left(kMaxAlertText)});
    if (!alerted)
        return alerted.error();
    return success();
}

Status Exchange::collect(MeshClient &mesh, InboundProcessor &processor, ExchangeReport &report)
{
    auto ids = mesh.inbox();
    if (!ids)
        return ids.error(); // says it could not list the inbox, or why MESH refused us
    say(u"%1 message(s) waiting in the MESH inbox."_s.arg(ids->size()));
    if (auto checked = checkInbox(*ids); !checked)
        return checked.error();
    int unanswered = 0;
    for (qsizetype i = 0; i < ids->size(); ++i) {
        if (unanswered >= kMaxUnansweredDownloads) {
            const QString line = u"MESH stopped answering: %1 more message(s) left in the MESH "
                                 "inbox for the next exchange."_s.arg(ids->size() - i);
            report.leftInInbox << line;
            say(line);
            break;
        }
        auto left = collectOne(mesh, processor, ids->at(i), report);
        if (!left)
            return left.error();
        unanswered = *left && (*left)->code == u"mesh.unreachable"_s ? unanswered + 1 : 0;
        if (!*left)
            continue;
        // Whatever went wrong with this one (expired, damaged, not gzip, cut off, no answer),
        // it must not hold up the others behind it: it stays in the inbox for the next run.
        const QString &why = (*left)->message;
        const QString line = why.contains(ids->at(i))
                                 ? why
                                 : u"Message %1 could not be downloaded: %2"_s.arg(ids->at(i), why);
        report.leftInInbox << line;
        say(line + u"; the others go on."_s);
    }
    return success();
}

Result<std::optional<Error>> Exchange::collectOne(MeshClient &mesh, InboundProcessor &processor,
                                                  const QString &id, ExchangeReport &report)
{
    auto message = mesh.download(id);
    if (!message)
        return std::optional(message.error());
    // Stored (committed) before it is acknowledged, so nothing is lost.
    auto stored = processor.store(
        {message->body, u"mesh"_s, message->id, message->workflowId, message->fileName});
    // Only a lost database ends the collection; any other refusal is this message's: it stays
    // in the inbox (not acknowledged) for the next run, and the others go on.
    if (!stored && databaseLost(stored.error()))
        return stored.error();
    if (!stored)
        return std::optional(Error{stored.error().code,
                                   u"Message %1 could not be stored: %2"_s.arg(
                                       id, InboundProcessor::boundedReason(stored.error().message)),
                                   {},
                                   {}});
    // Gone by now (expired): it is stored, which is all the acknowledgement was for. Otherwise
    // it is downloaded again at the next run, and stored once.
    if (auto acknowledged = mesh.acknowledge(id);
        !acknowledged && acknowledged.error().code != u"mesh.gone"_s)
        return std::optional(
            Error{acknowledged.error().code,
                  u"Message %1 is stored, but MESH was not told it was received (%2)"_s.arg(
                      id, acknowledged.error().message),
                  {},
                  {}});
    if (auto collected = queryValue(m_connection, u"SELECT mesh_inbox_collected($1)"_s, {id});
        !collected)
        return collected.error();
    if (message->messageType.compare(u"REPORT"_s, Qt::CaseInsensitive) != 0)
        return std::optional<Error>();
    auto outcome = processor.processReport(*stored, message->linkedMessageId, message->statusCode,
                                           message->statusDescription);
    if (!outcome) {
        if (databaseLost(outcome.error()))
            return outcome.error();
        report.failures << u"MESH report %1 could not be processed: %2"_s.arg(
            id, outcome.error().message);
        return std::optional<Error>();
    }
    report.inbound.append(*outcome);
    say(outcome->text);
    return std::optional<Error>();
}

} // namespace cpis
