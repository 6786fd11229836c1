#include "cpis/exchange_schedule.h"

#include "cpis/exchange_config.h"
#include "cpis/mesh_client.h"
#include "db/change_listener.h"
#include "db/rows.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr int kSliceMs = 200; // how soon a stop request or a notification is noticed
constexpr int kMaxBackoffMs = 60000;

QString elapsedSince(const QDateTime &start)
{
    const qint64 seconds = start.secsTo(QDateTime::currentDateTime());
    return seconds < 120 ? u"%1 s"_s.arg(seconds) : u"%1 min"_s.arg(seconds / 60);
}
// libpq's "FATAL:  terminating connection ...\nserver closed the connection ..." (its line
// breaks shown as \x0a): the first line says what happened.
QString firstLine(const QString &message)
{
    QString line = message.section(u"\\x0a"_s, 0, 0).trimmed();
    if (line.startsWith(u"FATAL:"_s))
        line = line.mid(6).trimmed();
    return line;
}
} // namespace

ExchangeSchedule::ExchangeSchedule(std::unique_ptr<Connection> connection, Connect reconnect,
                                   Callbacks callbacks)
    : m_connection(std::move(connection)), m_reconnect(std::move(reconnect)),
      m_callbacks(std::move(callbacks))
{}

ExchangeSchedule::~ExchangeSchedule() = default;

int ExchangeSchedule::backoffMs(int attempt)
{
    return std::min(kMaxBackoffMs, 1000 << std::clamp(attempt, 0, 6));
}

void ExchangeSchedule::say(const QString &line) const
{
    if (m_callbacks.progress)
        m_callbacks.progress(line);
}

void ExchangeSchedule::warn(const QString &line) const
{
    if (m_callbacks.warning)
        m_callbacks.warning(line);
}

void ExchangeSchedule::troubleOnce(const QString &kind, const Error &error, const QString &line)
{
    // Each retry fails the same way: say it when it is new, not every time.
    const QString trouble = kind + u':' + error.message;
    if (trouble == m_lastTrouble)
        return;
    m_lastTrouble = trouble;
    warn(line.arg(firstLine(error.message)));
}

void ExchangeSchedule::announceService()
{
    // Services on two machines both show; the row counts while this connection lives.
    if (auto present = Exchange::announceService(*m_connection); !present) {
        warn(u"the exchange monitor will not see this service running (%1)."_s.arg(
            present.error().message));
    }
}

void ExchangeSchedule::listen()
{
    // "Exchange now" from the monitor: a notification wakes the service at once. Requests made
    // while it was not listening (before it started, or while a connection was lost) are found
    // by looking at the table now and then.
    m_listener = std::make_unique<ChangeListener>();
    QObject::connect(m_listener.get(), &ChangeListener::changed,
                     [this](const QString &kind, qint64) {
                         if (kind == u"exchange_request"_s)
                             m_requested = true;
                     });
    if (auto listening = m_listener->listen(m_connection->connInfo()); !listening) {
        troubleOnce(u"listen"_s, listening.error(),
                    u"not listening for Exchange now requests (%1); looking for them every "_s +
                        QString::number(kRequestCheckSeconds) + u" seconds instead."_s);
    }
}

bool ExchangeSchedule::isLost(const Error &error)
{
    if (m_lost)
        return true;
    if (error.code != u"db.unreachable"_s && m_connection->isOpen())
        return false;
    m_lost = true;
    troubleOnce(u"database"_s, error,
                u"lost the connection to the database (%1). Reconnecting: every second at "
                u"first, then less often, at least once a minute, until it answers."_s);
    return true;
}

bool ExchangeSchedule::pause(int ms, const std::atomic<bool> &stop)
{
    QEventLoop waiting;
    const QDeadlineTimer deadline(ms);
    while (!stop && !deadline.hasExpired()) {
        QTimer::singleShot(std::min<qint64>(kSliceMs, deadline.remainingTime()), &waiting,
                           &QEventLoop::quit);
        waiting.exec();
    }
    return !stop;
}

bool ExchangeSchedule::reconnect(const std::atomic<bool> &stop)
{
    m_listener.reset();
    m_connection.reset();
    const QDateTime since = QDateTime::currentDateTime();
    for (int attempt = 0;; ++attempt) {
        if (!pause(backoffMs(attempt), stop))
            return false;
        auto connection = m_reconnect();
        if (!connection) {
            troubleOnce(u"database"_s, connection.error(),
                        u"still cannot reach the database (%1); trying again."_s);
            continue;
        }
        m_connection = std::move(*connection);
        m_lost = false;
        m_lastTrouble.clear();
        say(u"Connected to the database again after %1."_s.arg(elapsedSince(since)));
        listen();
        announceService();
        (void)lookForRequest(); // one made while it was away
        return true;
    }
}

bool ExchangeSchedule::waitForMesh(const ExchangeConfig &config, const std::atomic<bool> &stop)
{
    warn(u"MESH is not answering. Trying it again every second at first, then less often, at "
         u"least once a minute; the exchange runs as soon as it answers."_s);
    MeshSettings probe = config.mesh;
    probe.retries = 0; // the retrying is ours, with a longer backoff
    const QDateTime since = QDateTime::currentDateTime();
    for (int attempt = 0;; ++attempt) {
        if (!pause(backoffMs(attempt), stop))
            return false;
        auto answered = MeshClient(probe).handshake();
        // Any other answer (refused, bad credentials) is the next run's to report.
        if (answered || answered.error().code != u"mesh.unreachable"_s) {
            say(u"MESH answers again after %1: running the exchange now."_s.arg(
                elapsedSince(since)));
            return true;
        }
    }
}

bool ExchangeSchedule::lookForRequest()
{
    auto waiting = Exchange::hasWaitingRequest(*m_connection);
    if (!waiting)
        return !isLost(waiting.error());
    m_requested = m_requested || *waiting;
    return true;
}

ExchangeSchedule::Wait ExchangeSchedule::waitUntil(const QDateTime &due,
                                                   const std::atomic<bool> &stop)
{
    QDateTime lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
    while (!stop) {
        if (m_requested)
            return Wait::Requested;
        if (QDateTime::currentDateTime() >= due)
            return Wait::Due;
        if (!pause(kSliceMs, stop))
            break;
        if (QDateTime::currentDateTime() >= lookAgain) {
            if (!lookForRequest())
                return Wait::Lost;
            lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
        }
    }
    return Wait::Stopped;
}

Status ExchangeSchedule::run(const std::atomic<bool> &stopRequested)
{
    if (m_connection) {
        listen();
        announceService();
        (void)lookForRequest();
    } else {
        m_lost = true; // started while the database was away: it connects when it can
    }
    QDateTime due; // the run waited for; kept while the database or MESH is away
    while (!stopRequested) {
        if (m_lost && !reconnect(stopRequested))
            break;
        // The schedule is read again each time, so a change applies without a restart.
        auto config = loadExchangeConfig(*m_connection);
        if (!config) {
            if (!isLost(config.error())) {
                troubleOnce(u"schedule"_s, config.error(),
                            u"could not read the schedule (%1); trying again in a minute."_s);
                (void)pause(kMaxBackoffMs, stopRequested);
            }
            continue;
        }
        if (!due.isValid()) {
            // UK times, as SQL exchange_health reads them, whatever this machine's zone.
            due = Exchange::nextRun(
                config->times, QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/London")));
            say(u"Next exchange at %1."_s.arg(due.toString(u"dd/MM/yyyy HH:mm"_s)));
        }
        const Wait waited = waitUntil(due, stopRequested);
        if (waited == Wait::Stopped)
            break;
        if (waited == Wait::Lost)
            continue;
        // A late notification for a request the last run already answered runs nothing.
        if (waited == Wait::Requested) {
            m_requested = false;
            if (auto still = Exchange::hasWaitingRequest(*m_connection); !still || !*still) {
                if (!still)
                    (void)isLost(still.error());
                continue;
            }
            say(u"Exchange requested from the exchange monitor: running now."_s);
        }
        // A request made during this run waits for the next notification or look, so a busy
        // refusal (another machine exchanging) is not retried in a tight loop.
        m_requested = false;
        const auto report = Exchange(*m_connection, m_callbacks.progress).runOnce();
        if (m_callbacks.finished)
            m_callbacks.finished(report);
        due = {};
        if (report)
            continue;
        // An outage: the run is owed, and runs as soon as the database or MESH is back.
        if (isLost(report.error())) {
            due = QDateTime::currentDateTime();
        } else if (report.error().code == u"mesh.unreachable"_s) {
            if (!waitForMesh(*config, stopRequested))
                break;
            due = QDateTime::currentDateTime();
        }
    }
    return success();
}

} // namespace cpis
