#include "cpis/exchange_schedule.h"

#include "cpis/exchange_config.h"
#include "db/change_listener.h"
#include "db/rows.h"

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cpis {

ExchangeSchedule::ExchangeSchedule(Connection &connection, Callbacks callbacks)
    : m_connection(connection), m_callbacks(std::move(callbacks))
{}

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

void ExchangeSchedule::announceService()
{
    // Shared: services on two machines both show; the session keeps it while it runs.
    if (auto present = execute(m_connection, u"SELECT pg_try_advisory_lock_shared($1)"_s,
                               {Exchange::kServiceLockKey});
        !present) {
        warn(u"the exchange monitor will not see this service running (%1)."_s.arg(
            present.error().message));
    }
}

Status ExchangeSchedule::run(const std::atomic<bool> &stopRequested)
{
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
    if (auto listening = listener.listen(m_connection.connInfo()); !listening) {
        warn(u"not listening for Exchange now requests (%1); looking for them every %2 seconds "
             u"instead."_s.arg(listening.error().message, QString::number(kRequestCheckSeconds)));
    }
    announceService();
    auto lookForRequest = [this, &requested] {
        if (auto waitingRequest = Exchange::hasWaitingRequest(m_connection); waitingRequest)
            requested = requested || *waitingRequest;
    };
    lookForRequest();
    while (!stopRequested) {
        // The schedule is read again each time, so a change applies without a restart.
        auto config = loadExchangeConfig(m_connection);
        if (!config)
            return config.error();
        const QDateTime next = Exchange::nextRun(config->times, QDateTime::currentDateTime());
        say(u"Next exchange at %1."_s.arg(next.toString(u"dd/MM/yyyy HH:mm"_s)));
        QDateTime lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
        while (!stopRequested && !requested && QDateTime::currentDateTime() < next) {
            QTimer::singleShot(500, &waiting, &QEventLoop::quit);
            waiting.exec();
            if (QDateTime::currentDateTime() >= lookAgain) {
                lookForRequest();
                lookAgain = QDateTime::currentDateTime().addSecs(kRequestCheckSeconds);
            }
        }
        if (stopRequested)
            break;
        // A late notification for a request the last run already answered runs nothing.
        if (requested && QDateTime::currentDateTime() < next) {
            if (auto still = Exchange::hasWaitingRequest(m_connection); still && !*still) {
                requested = false;
                continue;
            }
        }
        if (requested)
            say(u"Exchange requested from the exchange monitor: running now."_s);
        // A request made during this run waits for the next notification or look, so a busy
        // refusal (another machine exchanging) is not retried in a tight loop.
        requested = false;
        Exchange exchange(m_connection, m_callbacks.progress);
        const auto report = exchange.runOnce();
        if (m_callbacks.finished)
            m_callbacks.finished(report);
    }
    return success();
}

} // namespace cpis
