// Issue 18, "database calls have timeouts": a server that never answers fails a connection
// within the connect timeout, every connection gets TCP keepalives unless its settings say
// otherwise, and the client's own session gives up on a lock in words, while the exchange's
// and the migrator's connections keep the server's limits.
#include "db/database_worker.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
// A loopback port whose listening socket takes connections (the kernel finishes the
// handshake) and never says a word: what a hung server or a black-holed address looks like
// to libpq. It closes after `giveUpAfterS` even so, so that a client without a timeout fails
// the test instead of hanging it.
class SilentServer
{
public:
    explicit SilentServer(int giveUpAfterS)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
        REQUIRE(::listen(m_fd, 8) == 0);
        socklen_t size = sizeof address;
        REQUIRE(::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &size) == 0);
        m_port = ntohs(address.sin_port);
        m_closer = std::thread([this, giveUpAfterS] {
            std::unique_lock lock(m_mutex);
            m_done.wait_for(lock, std::chrono::seconds(giveUpAfterS), [this] { return m_stop; });
            ::shutdown(m_fd, SHUT_RDWR);
            ::close(m_fd);
        });
    }
    ~SilentServer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_done.notify_all();
        m_closer.join();
    }
    Q_DISABLE_COPY_MOVE(SilentServer)

    [[nodiscard]] ConnInfo connInfo() const
    {
        return ConnInfo::fromPairs({{u"host"_s, u"127.0.0.1"_s},
                                    {u"port"_s, QString::number(m_port)},
                                    {u"dbname"_s, u"cpis"_s},
                                    {u"user"_s, u"nobody"_s}});
    }

private:
    int m_fd = -1;
    int m_port = 0;
    std::thread m_closer;
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_stop = false;
};

// Opens a connection to `info`; how long it took to fail, in seconds.
double secondsToFail(const ConnInfo &info, Error *error)
{
    QElapsedTimer clock;
    clock.start();
    auto connection = Connection::open(info);
    REQUIRE_FALSE(connection.ok());
    *error = connection.error();
    return clock.elapsed() / 1000.0;
}
} // namespace

TEST_CASE("A connection to a server that never answers fails within the connect timeout",
          "[db][timeouts]")
{
    REQUIRE(qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"));
    const int limit = Connection::kConnectTimeoutSeconds;
    SilentServer silent(limit + 20);
    Error error;
    const double seconds = secondsToFail(silent.connInfo(), &error);
    INFO(error.message.toStdString());
    CHECK(seconds >= limit - 1);
    CHECK(seconds < limit + 5);
    CHECK(error.code == u"db.unreachable"_s);
    CHECK(error.message.contains(u"timeout"_s));

    // The user's own setting wins.
    ConnInfo quicker = silent.connInfo();
    quicker.set(u"connect_timeout"_s, u"2"_s);
    CHECK(secondsToFail(quicker, &error) < 5);
}

TEST_CASE("Every connection gets a connect timeout and TCP keepalives unless its settings "
          "set them",
          "[db][timeouts]")
{
    const QProcessEnvironment none;
    const ConnInfo plain = ConnInfo::fromPairs({{u"host"_s, u"db1"_s}});
    const ConnInfo limited = Connection::withNetworkLimits(plain, none);
    CHECK(limited.value(u"connect_timeout"_s) ==
          QString::number(Connection::kConnectTimeoutSeconds));
    CHECK(limited.value(u"keepalives"_s) == u"1"_s);
    CHECK(limited.value(u"keepalives_idle"_s) == u"5"_s);
    CHECK(limited.value(u"keepalives_interval"_s) == u"2"_s);
    CHECK(limited.value(u"keepalives_count"_s) == u"3"_s);
    CHECK(limited.value(u"tcp_user_timeout"_s) == u"10000"_s);

    ConnInfo own = plain;
    own.set(u"connect_timeout"_s, u"30"_s);
    own.set(u"keepalives"_s, u"0"_s);
    const ConnInfo kept = Connection::withNetworkLimits(own, none);
    CHECK(kept.value(u"connect_timeout"_s) == u"30"_s);
    CHECK(kept.value(u"keepalives"_s) == u"0"_s);

    QProcessEnvironment env;
    env.insert(u"PGCONNECT_TIMEOUT"_s, u"45"_s);
    CHECK(Connection::withNetworkLimits(plain, env).value(u"connect_timeout"_s).isEmpty());
    // What the connection was opened with is what it reconnects with: the user's settings.
    test::TestDatabase db;
    CHECK(db.connection().connInfo().value(u"keepalives"_s).isEmpty());
}

TEST_CASE("In the client's session a statement blocked on a lock fails in words, and the exchange "
          "keeps the server's limits",
          "[db][timeouts]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    DatabaseThread client;
    QSignalSpy opened(&client, &DatabaseThread::opened);
    client.open({DatabaseChoice::Source::CommandLine, db.connInfo().toKeywordValueString(), {}},
                SignIn{world.admin.login, {}});
    REQUIRE(opened.wait(30000));

    // Another session holds the steps' table, as a long change to it would.
    auto blocker = db.openAnother();
    Transaction hold(*blocker);
    REQUIRE(execute(*blocker, u"LOCK TABLE work_step IN ACCESS EXCLUSIVE MODE"_s).ok());

    std::optional<Status> result;
    QElapsedTimer clock;
    clock.start();
    QObject context;
    client.submit<Done>(
        &context,
        [](Connection &c) -> Status {
            auto read = execute(c, u"SELECT count(*) FROM work_step"_s);
            if (!read)
                return read.error();
            return success();
        },
        [&result](Status s) { result = s; });
    REQUIRE(QTest::qWaitFor([&] { return result.has_value(); }, 60000));
    const double seconds = clock.elapsed() / 1000.0;
    REQUIRE_FALSE(result->ok());
    INFO(result->error().message.toStdString());
    CHECK(result->error().code == u"busy"_s);
    CHECK(result->error().message.contains(u"Someone else is changing the same record"_s));
    CHECK(seconds < DatabaseWorker::kLockTimeoutMs / 1000.0 + 10);
    CHECK(client.isConnected()); // a refusal, not a lost connection

    // The exchange's and the migrator's connections are not the client's: no limits added.
    auto exchange = world.connectAs(world.exchange);
    CHECK(require(queryValue(*exchange, u"SHOW lock_timeout"_s)).text() == u"0"_s);
    CHECK(require(queryValue(*exchange, u"SHOW statement_timeout"_s)).text() == u"0"_s);
}
