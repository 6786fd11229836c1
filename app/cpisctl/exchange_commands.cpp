#include "exchange_commands.h"

#include "cpis/exchange.h"
#include "cpis/exchange_config.h"
#include "cpis/message_codec.h"
#include "db/change_listener.h"
#include "db/rows.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTimer>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
std::atomic<bool> g_stopRequested = false;
constexpr int kRequestCheckSeconds = 30;

void requestStop(int)
{
    g_stopRequested = true;
}

int runOnce(Connection &connection)
{
    Exchange exchange(connection, [](const QString &line) {
        out() << line << "\n";
        out().flush();
    });
    auto report = exchange.runOnce();
    if (!report)
        return exitFor(report.error());
    out() << "Exchange finished: " << report->uploadsSent.size() << " upload(s) sent, "
          << report->inbound.size() << " message(s) received, " << report->quarantined()
          << " quarantined, " << report->blocked.size() << " child(ren) not sent.\n";
    if (!report->leftInInbox.isEmpty())
        out() << report->leftInInbox.size() << " message(s) left in the MESH inbox.\n";
    out().flush();
    return report->quarantined() > 0 || !report->leftInInbox.isEmpty() ? kExitCheckFailed : kExitOk;
}
} // namespace

int exchange(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption once(u"once"_s, u"Run one full exchange now, then stop."_s);
    parser.addOption(once);
    if (auto stop = parseArguments(
            parser, u"exchange"_s,
            u"Exchange with CP-IS through MESH: send the waiting uploads, then download,\n"
            u"store, acknowledge and process every message in the inbox. Without --once,\n"
            u"runs at the times in exchange.times until stopped (Ctrl+C), and at once when a\n"
            u"system administrator asks for it (Exchange now, in the exchange monitor).\n"
            u"Only one exchange runs at a time across all machines.\n"
            u"Exit status: 0 done, 1 failed, busy, or a message quarantined or left in the\n"
            u"MESH inbox, 3 unreachable."_s,
            args))
        return *stop;
    auto ready = openAndMigrate(databaseChoice(parser));
    if (!ready)
        return exitFor(ready.error());
    Connection &connection = *ready->db.connection;
    if (parser.isSet(once))
        return runOnce(connection);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // "Exchange now" from the monitor: a notification wakes the service at once. Requests made
    // while it was not listening (before it started, or while a connection was lost) are found
    // by looking at the table now and then.
    bool requested = false;
    QEventLoop waiting;
    ChangeListener listener;
    QObject::connect(&listener, &ChangeListener::changed, &waiting,
                     [&requested, &waiting](const QString &kind, qint64) {
                         if (kind == u"exchange_request"_s) {
                             requested = true;
                             waiting.quit();
                         }
                     });
    if (auto listening = listener.listen(connection.connInfo()); !listening) {
        err() << "cpisctl exchange: not listening for Exchange now requests ("
              << listening.error().message << "); looking for them every " << kRequestCheckSeconds
              << " seconds instead.\n";
        err().flush();
    }
    // Shared: services on two machines both show; the session keeps it while it runs.
    if (auto present = execute(connection, u"SELECT pg_try_advisory_lock_shared($1)"_s,
                               {Exchange::kServiceLockKey});
        !present) {
        err() << "cpisctl exchange: the exchange monitor will not see this service running ("
              << present.error().message << ").\n";
        err().flush();
    }
    auto lookForRequest = [&connection, &requested] {
        if (auto waitingRequest = Exchange::hasWaitingRequest(connection); waitingRequest)
            requested = requested || *waitingRequest;
    };
    lookForRequest();
    while (!g_stopRequested) {
        // The schedule is read again each time, so a change applies without a restart.
        auto config = loadExchangeConfig(connection);
        if (!config)
            return exitFor(config.error());
        const QDateTime next = Exchange::nextRun(config->times, QDateTime::currentDateTime());
        out() << "Next exchange at " << next.toString(u"dd/MM/yyyy HH:mm"_s) << ".\n";
        out().flush();
        QDateTime lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
        while (!g_stopRequested && !requested && QDateTime::currentDateTime() < next) {
            QTimer::singleShot(500, &waiting, &QEventLoop::quit);
            waiting.exec();
            if (QDateTime::currentDateTime() >= lookAgain) {
                lookForRequest();
                lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
            }
        }
        if (g_stopRequested)
            break;
        // A late notification for a request the last run already answered runs nothing.
        if (requested && QDateTime::currentDateTime() < next) {
            if (auto still = Exchange::hasWaitingRequest(connection); still && !*still) {
                requested = false;
                continue;
            }
        }
        if (requested) {
            out() << "Exchange requested from the exchange monitor: running now.\n";
            out().flush();
        }
        // A request made during this run waits for the next notification or look, so a busy
        // refusal (another machine exchanging) is not retried in a tight loop.
        requested = false;
        runOnce(connection); // a failed run is reported and tried again at the next time
    }
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
            u"processed as if it had come through MESH. Prints what each became.\n"
            u"Exit status: 0 all processed, 1 any unreadable or quarantined, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().isEmpty()) {
        return usageError(u"import"_s, u"give at least one FILE."_s);
    }
    auto ready = openAndMigrate(databaseChoice(parser));
    if (!ready)
        return exitFor(ready.error());
    InboundProcessor processor(*ready->db.connection);
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
    auto ready = openAndMigrate(databaseChoice(parser));
    if (!ready)
        return exitFor(ready.error());
    Connection &connection = *ready->db.connection;
    auto config = loadExchangeConfig(connection);
    if (!config)
        return exitFor(config.error());
    Transaction preview(connection); // never committed: this only looks
    if (!preview.started())
        return exitFor(preview.beginError());
    auto built = UploadBuilder(connection).build(*config);
    if (!built)
        return exitFor(built.error());
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
