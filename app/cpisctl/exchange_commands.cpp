#include "exchange_commands.h"

#include "cpis/exchange.h"
#include "cpis/exchange_config.h"
#include "cpis/exchange_health.h"
#include "cpis/exchange_schedule.h"
#include "cpis/message_errors.h"
#include "database_session.h"
#include "validate_command.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
std::atomic<bool> g_stopRequested = false;

void requestStop(int)
{
    g_stopRequested = true;
}

void printLine(const QString &line)
{
    out() << line << "\n";
    out().flush();
}

// The summary after a run; the exit status a single run (--once) ends with.
int reportRun(const Result<ExchangeReport> &report)
{
    if (!report)
        return exitFor(report.error());
    out() << "Exchange finished: " << report->uploadsSent.size() << " upload(s) sent, "
          << report->inbound.size() << " message(s) received, " << report->quarantined()
          << " quarantined, " << report->blocked.size() << " child(ren) not sent.\n";
    if (!report->leftInInbox.isEmpty())
        out() << report->leftInInbox.size() << " message(s) left in the MESH inbox.\n";
    // What failed while the rest went on (an upload not sent, a message left or not processed).
    const QStringList problems = report->problems();
    for (const QString &problem : problems)
        out() << "Failed: " << problem << "\n";
    out().flush();
    return report->quarantined() > 0 || !problems.isEmpty() ? kExitCheckFailed : kExitOk;
}

// The service's lines: progress and each run's summary on stdout, problems on stderr.
ExchangeSchedule::Callbacks printedCallbacks()
{
    ExchangeSchedule::Callbacks callbacks;
    callbacks.progress = printLine;
    callbacks.warning = [](const QString &line) {
        err() << "cpisctl exchange: " << line << "\n";
        err().flush();
    };
    // A failed run is reported and tried again at the next time.
    callbacks.finished = [](const Result<ExchangeReport> &run) {
        reportRun(run);
    };
    return callbacks;
}

// --check: one line, and whether the exchange keeps to its schedule (SQL exchange_health).
int checkHealth(const QCommandLineParser &parser)
{
    auto session = DatabaseSession::connect(parser);
    if (!session)
        return session.exitCode();
    auto health = ExchangeHealth::load(session.connection());
    if (!health)
        return exitFor(health.error());
    out() << health->checkLine() << "\n";
    out().flush();
    return health->stalled || health->uploadsFailing ? kExitCheckFailed : kExitOk;
}
} // namespace

int exchange(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption once(u"once"_s, u"Run one full exchange now, then stop."_s);
    parser.addOption(once);
    const QCommandLineOption check(
        u"check"_s, u"Say whether the exchange is keeping to its schedule, for monitoring."_s);
    parser.addOption(check);
    if (auto stop = parseArguments(
            parser, u"exchange"_s,
            u"Exchange with CP-IS through MESH: send the waiting uploads, then download,\n"
            u"store, acknowledge and process every message in the inbox. Without --once,\n"
            u"runs at the times in exchange.times until stopped (Ctrl+C), and at once when a\n"
            u"system administrator asks for it (Exchange now, in the exchange monitor).\n"
            u"Only one exchange runs at a time across all machines. The service outlives a\n"
            u"database restart and a MESH outage: it reconnects, and runs what it missed.\n"
            u"With --check, prints one line on how the exchange is doing, from the\n"
            u"database's record of runs: stalled when no run has collected the inbox since\n"
            u"the last scheduled time more than 30 minutes ago; it also says when the last\n"
            u"run could not send an upload to CP-IS.\n"
            u"Exit status: 0 done, 1 failed, busy, or a message quarantined or left in the\n"
            u"MESH inbox (--check: 0 keeping to the schedule, 1 stalled or uploads failing),\n"
            u"3 unreachable."_s,
            args))
        return *stop;
    if (parser.isSet(check))
        return checkHealth(parser);
    auto session = DatabaseSession::open(parser);
    if (parser.isSet(once)) {
        if (!session)
            return session.exitCode();
        return reportRun(Exchange(session.connection(), printLine).runOnce());
    }
    // The service waits for a database that is not there yet (started before it, or while it
    // restarts); anything else (a wrong setting, a schema it cannot bring up to date) stops it.
    if (!session && session.exitCode() != kExitUnreachable)
        return session.exitCode();

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // After a restart or failover: the same database, found again as at the start.
    const DatabaseChoice choice = session.choice();
    auto reconnect = [choice]() -> Result<std::unique_ptr<Connection>> {
        auto ready = openAndMigrate(choice);
        if (!ready)
            return ready.error();
        return std::move(ready->db.connection);
    };
    ExchangeSchedule schedule(session ? std::move(session.database().connection) : nullptr,
                              reconnect, printedCallbacks());
    if (auto stopped = schedule.run(g_stopRequested); !stopped)
        return exitFor(stopped.error());
    out() << "Stopped.\n";
    return kExitOk;
}

int importFiles(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    parser.addPositionalArgument(u"FILE"_s, u"CP-IS message files (HL7 v3 XML)."_s, u"FILE..."_s);
    if (auto stop = parseArguments(
            parser, u"import"_s,
            u"Process CP-IS message files by hand (recovery, testing): each is stored, then\n"
            u"processed as if it had come through MESH (validated against the DMS schemas\n"
            u"when cpis.schema_dir is set). Prints what each became.\n"
            u"Exit status: 0 all processed, 1 any unreadable or quarantined, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().isEmpty()) {
        return usageError(u"import"_s, u"give at least one FILE."_s);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    // Validated against the schemas as the exchange would, when cpis.schema_dir is set.
    auto schemas = configuredSchemas(session.connection());
    if (!schemas)
        return exitFor(schemas.error());
    InboundProcessor processor(session.connection(), *schemas);
    bool allProcessed = true;
    QStringList paths;
    QList<InboundProcessor::Received> messages;
    for (const QString &path : parser.positionalArguments()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out() << path << ": not read: " << file.errorString() << "\n";
            allProcessed = false;
            continue;
        }
        if (file.size() > hl7::kMaxMessageBytes) {
            out() << path << ": not read: larger than " << hl7::kMaxMessageBytes / (1024 * 1024)
                  << " MiB\n";
            allProcessed = false;
            continue;
        }
        paths.append(path);
        messages.append({file.readAll(), u"import"_s, {}, {}, QFileInfo(path).fileName()});
    }
    // Stored together, then processed a batch to a transaction: a backlog goes in quickly.
    for (qsizetype first = 0; first < messages.size(); first += InboundProcessor::kBatchSize) {
        const auto batch = messages.mid(first, InboundProcessor::kBatchSize);
        auto stored = processor.storeAll(batch);
        if (!stored)
            return exitFor(stored.error());
        auto outcomes = processor.processAll(*stored);
        if (!outcomes)
            return exitFor(outcomes.error());
        QHash<qint64, InboundOutcome> byId;
        for (const InboundOutcome &o : std::as_const(*outcomes))
            byId.insert(o.messageId, o);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const InboundOutcome o = byId.value(stored->at(i));
            out() << paths[first + i] << ": message " << o.messageId << " " << o.status << ": "
                  << o.text << "\n";
            allProcessed = allProcessed && o.status == u"processed"_s;
        }
        out().flush();
        if (messages.size() > InboundProcessor::kBatchSize) {
            // Progress for a long backlog; on stderr, so the per-file lines stay clean.
            err() << "cpisctl import: " << first + batch.size() << " of " << messages.size()
                  << " files stored and processed\n";
            err().flush();
        }
    }
    return allProcessed ? kExitOk : kExitCheckFailed;
}

int exportUpload(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption outFile(u"out"_s, u"Where to write the upload file."_s, u"file"_s);
    parser.addOption(outFile);
    if (auto stop = parseArguments(
            parser, u"export-upload"_s,
            u"Write the upload file the next exchange would send, without sending it or\n"
            u"changing anything. Lists the children who cannot be sent, and why.\n"
            u"Exit status: 0 written (or nothing waiting), 1 failed, 3 unreachable."_s,
            args))
        return *stop;
    if (!parser.isSet(outFile)) {
        return usageError(u"export-upload"_s, u"give --out FILE."_s);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    Connection &connection = session.connection();
    auto config = loadExchangeConfig(connection);
    if (!config)
        return exitFor(config.error());
    Transaction preview(connection); // never committed: this only looks
    if (!preview.started())
        return exitFor(preview.beginError());
    auto built = UploadBuilder(connection).build(*config);
    if (!built)
        return exitFor(built.error());
    if (!built->refused.isEmpty()) {
        err() << "cpisctl export-upload: " << built->refused << "\n";
        err().flush();
        return kExitCheckFailed;
    }
    for (const BlockedChild &child : std::as_const(built->blocked))
        out() << "Not included: " << child.name << ": " << child.reason << "\n";
    if (built->recordCount == 0) {
        out() << "No child is waiting to be uploaded.\n";
        out().flush();
        return kExitOk;
    }
    QSaveFile file(parser.value(outFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(built->body) != built->body.size() ||
        !file.commit()) {
        err() << "cpisctl export-upload: could not write " << parser.value(outFile) << ": "
              << file.errorString() << "\n";
        err().flush();
        return kExitCheckFailed;
    }
    out() << "Wrote upload " << built->sequenceNumber << " with " << built->recordCount
          << " record(s) to " << parser.value(outFile) << ".\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
