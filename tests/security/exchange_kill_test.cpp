// Item 4 of issue 9: the exchange service (cpisctl exchange, a real process) is killed with
// SIGKILL at each point of taking a message in: while it downloads, after the download but
// before the message is committed, and after the commit but before MESH hears of it. The
// windows are held open for real: MESH not answering, or the table locked by another session.
// Afterwards a fresh run processes every message exactly once.
#include "db/rows.h"
#include "security/exchange_faults.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QDeadlineTimer>
#include <QProcess>
#include <QThread>

#include <functional>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
constexpr int kWaitMs = 60000;

// Polls until `done` holds; fails the test after kWaitMs.
void waitUntil(const std::function<bool()> &done, const char *what)
{
    QDeadlineTimer deadline(kWaitMs);
    while (!done()) {
        if (deadline.hasExpired())
            FAIL("timed out waiting until " << what);
        QThread::msleep(50);
    }
}

// cpisctl exchange --once, started as the exchange login, to be killed.
class ExchangeProcess
{
public:
    explicit ExchangeProcess(ExchangeWorld &x) : m_x(x)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(CPIS_CPISCTL), {u"exchange"_s, u"--once"_s, u"--database"_s,
                                                       x.conninfoAs(x.world.exchange.login)});
        REQUIRE(m_process.waitForStarted());
    }
    ~ExchangeProcess() { kill(); }
    Q_DISABLE_COPY_MOVE(ExchangeProcess)

    // The database sessions of this process (not the test's own exchange connection).
    QVariantList sessions()
    {
        auto own = require(queryValue(*m_x.exchangeLogin, u"SELECT pg_backend_pid()"_s));
        auto rows =
            require(execute(m_x.db.connection(),
                            u"SELECT pid FROM pg_stat_activity WHERE usename = $1 AND pid <> $2"_s,
                            {m_x.world.exchange.login, own.integer()}));
        QVariantList pids;
        for (const Row &row : rows)
            pids << row.integer("pid");
        return pids;
    }

    // SIGKILL, then waits until the server has ended its sessions (and so its locks).
    void kill() { waitUntilEnded(killProcess()); }

    // SIGKILL only; returns the sessions it had, which the server ends in its own time.
    QVariantList killProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return {};
        const QVariantList pids = sessions();
        m_process.kill();
        m_process.waitForFinished();
        return pids;
    }

    void waitUntilEnded(const QVariantList &pids)
    {
        waitUntil(
            [&] {
                QStringList list;
                for (const QVariant &pid : pids)
                    list << pid.toString();
                return m_x.count(
                           u"SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1::int[])"_s,
                           {u"{%1}"_s.arg(list.join(u','))}) == 0;
            },
            "the killed exchange's database sessions have ended");
    }

private:
    ExchangeWorld &m_x;
    QProcess m_process;
};

bool meshLogged(ExchangeWorld &x, const QString &line)
{
    return !x.mesh.requestLog().filter(line).isEmpty();
}

// The next exchange, run as an administrator would after the crash.
void runAgain(ExchangeWorld &x)
{
    const auto run = runCpisctl(
        {u"exchange"_s, u"--once"_s, u"--database"_s, x.conninfoAs(x.world.exchange.login)});
    INFO(run.out.toStdString() + run.err.toStdString());
    REQUIRE(run.exitCode == 0);
}
} // namespace

TEST_CASE("The exchange killed while downloading stores and acknowledges nothing, and the next "
          "run gets every message once",
          "[security][exchange]")
{
    ExchangeWorld x;
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    const QStringList ids = deliverNotifications(x, 2, u"KDL"_s);
    x.mesh.stallRequestsEndingWith(u"/inbox/"_s + ids[0]);
    {
        ExchangeProcess exchange(x);
        waitUntil([&] { return meshLogged(x, ids[0] + u" -> stalled"_s); },
                  "the download has started");
        exchange.kill();
    }
    CHECK(storedCopies(x, ids[0]) == 0);
    CHECK(x.mesh.acknowledgedIds().isEmpty());

    x.mesh.stallRequestsEndingWith({});
    runAgain(x);
    requireEachProcessedOnce(x, ids, before);
}

TEST_CASE("The exchange killed after a download but before the message is committed "
          "acknowledges nothing, and the next run gets every message once",
          "[security][exchange]")
{
    ExchangeWorld x;
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    const QStringList ids = deliverNotifications(x, 2, u"KCOMMIT"_s);
    // Another session holds the table, so the store waits with the message in hand.
    auto blocker = x.db.openAnother();
    REQUIRE(execute(*blocker, u"BEGIN"_s).ok());
    REQUIRE(execute(*blocker, u"LOCK TABLE inbound_message IN SHARE ROW EXCLUSIVE MODE"_s).ok());
    {
        ExchangeProcess exchange(x);
        waitUntil([&] { return meshLogged(x, u"/inbox/"_s + ids[0] + u" -> 200"_s); },
                  "the first message has been downloaded");
        waitUntil(
            [&] {
                return x.count(
                           u"SELECT count(*) FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'"_s,
                           {x.world.exchange.login}) == 1;
            },
            "the exchange waits to store it");
        const QVariantList sessions = exchange.killProcess();
        CHECK(x.mesh.acknowledgedIds().isEmpty());
        // Its statement now runs on with nobody to answer to, and the session ends.
        REQUIRE(execute(*blocker, u"COMMIT"_s).ok());
        exchange.waitUntilEnded(sessions);
    }
    CHECK(x.mesh.acknowledgedIds().isEmpty());
    CHECK(x.mesh.inboxIds(kMeshMailbox) == ids);

    runAgain(x);
    requireEachProcessedOnce(x, ids, before);
}

TEST_CASE("The exchange killed after storing a message but before acknowledging it loses "
          "nothing, and the next run processes it once",
          "[security][exchange]")
{
    ExchangeWorld x;
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    const QStringList ids = deliverNotifications(x, 2, u"KACK"_s);
    x.mesh.stallRequestsEndingWith(ids[0] + u"/status/acknowledged"_s);
    {
        ExchangeProcess exchange(x);
        waitUntil([&] { return meshLogged(x, ids[0] + u"/status/acknowledged -> stalled"_s); },
                  "the acknowledgement has been sent");
        // Committed before MESH was told: it is safe in the database.
        CHECK(storedCopies(x, ids[0]) == 1);
        exchange.kill();
    }
    CHECK(x.mesh.acknowledgedIds().isEmpty());
    CHECK(x.mesh.inboxIds(kMeshMailbox) == ids);

    x.mesh.stallRequestsEndingWith({});
    runAgain(x);
    requireEachProcessedOnce(x, ids, before);
}
