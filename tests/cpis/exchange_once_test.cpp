// Nothing sent twice, nothing held hostage (issue 18): an upload whose POST answer was lost is
// found by its local id, not sent again; the exchange's and the migrator's locks, and the
// service's "I am running", cannot be held by an ordinary login.
#include "config/config_store.h"
#include "cpis/exchange.h"
#include "cpis/exchange_monitor.h"
#include "db/migrator.h"
#include "db/rows.h"
#include "support/exchange_world.h"

#include <catch2/catch.hpp>

#include <QUuid>

#include <atomic>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::ExchangeWorld;
using test::require;

namespace {
// The advisory lock key the exchange took before (any login could take it).
constexpr qint64 kOldExchangeLockKey = 0x43504953'45584348;
constexpr qint64 kOldMigrationLockKey = 0x43504953'4D494752;
// The advisory lock key an exchange service held to show it ran (any login could take it).
constexpr qint64 kOldServiceLockKey = 0x43504953'53455256;

// A login in no group role at all, made by the owner; dropped with the cluster.
QString loginInNoRole(ExchangeWorld &x)
{
    const QString login =
        u"nobody_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12).toLower();
    require(execute(x.db.connection(), u"CREATE ROLE %1 LOGIN"_s.arg(login)));
    return login;
}

// The logins that are not the exchange: each, with what it can do, tries to hold the locks.
QList<std::pair<QString, QString>> ordinaryLogins(ExchangeWorld &x)
{
    return {{u"a key worker"_s, x.world.keyWorker.login},
            {u"a Safeguarding Admin"_s, x.world.admin.login},
            {u"a system administrator"_s, x.world.sysadmin.login},
            {u"a login in no group role"_s, loginInNoRole(x)}};
}
} // namespace

TEST_CASE("An upload whose POST answer was lost is found by its local id, not sent again",
          "[exchange]")
{
    ExchangeWorld x;
    x.mesh.dropNextSendAnswers(1);
    (void)x.run(); // MESH took the file; its answer never came
    REQUIRE(x.mesh.sentMessages().size() == 1);
    const QString taken = x.mesh.sentMessages().first().id;
    CHECK(
        x.count(
            u"SELECT count(*) FROM upload_file WHERE status = 'ready' AND send_attempted_at IS NOT NULL"_s) ==
        1);

    require(x.run());
    CHECK(x.mesh.sentMessages().size() == 1); // not a second copy
    CHECK(x.count(
              u"SELECT count(*) FROM upload_file WHERE status = 'sent' AND mesh_message_id = $1"_s,
              {taken}) == 1);
    CHECK(x.mesh.requestLog().filter(u"/outbox/tracking/"_s).size() == 1);
    // The local id is the file's own uuid: unique, and no personal data.
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE message_id::text = $1"_s,
                  {QString::fromUtf8(x.mesh.sentMessages().first().header("mex-localid"))}) == 1);
}

TEST_CASE("An upload attempted but never taken by MESH is sent at the next run, once", "[exchange]")
{
    ExchangeWorld x;
    // MESH refuses the first POST (the token): nothing reached it.
    REQUIRE(ConfigStore(*x.world.connectAs(x.world.sysadmin))
                .set(u"mesh.cpis_mailbox"_s, u"NOBOX01HC"_s)
                .ok());
    (void)x.run();
    CHECK(x.mesh.sentMessages().isEmpty());
    REQUIRE(ConfigStore(*x.world.connectAs(x.world.sysadmin))
                .set(u"mesh.cpis_mailbox"_s, test::kCpisMailbox)
                .ok());
    require(x.run());
    CHECK(x.mesh.sentMessages().size() == 1);
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'sent'"_s) == 1);
}

TEST_CASE("No login but the exchange can hold the exchange's lock", "[exchange][security]")
{
    ExchangeWorld x;
    for (const auto &[who, login] : ordinaryLogins(x)) {
        INFO(who.toStdString());
        auto c = x.world.connectAs(login);
        CHECK_FALSE(Exchange(*c).takeLock().ok());
        CHECK_FALSE(execute(*c, u"UPDATE exchange_lock SET holder_pid = pg_backend_pid()"_s).ok());
        CHECK_FALSE(execute(*c, u"SELECT 1 FROM exchange_lock FOR UPDATE NOWAIT"_s).ok());
        CHECK_FALSE(execute(*c, u"SELECT 1 FROM exchange_lock FOR KEY SHARE NOWAIT"_s).ok());
        // What it can take (the old advisory key, a read in an open transaction) stops nothing.
        require(execute(*c, u"SELECT pg_advisory_lock($1)"_s, {kOldExchangeLockKey}));
        require(execute(*c, u"BEGIN"_s));
        (void)execute(*c, u"SELECT * FROM exchange_lock"_s);
        auto run = x.run();
        INFO((run ? std::string() : run.error().message.toStdString()));
        CHECK(run.ok());
        (void)execute(*c, u"ROLLBACK"_s);
    }
}

TEST_CASE("No login but the schema owner can hold the migration lock", "[exchange][security]")
{
    ExchangeWorld x;
    for (const auto &[who, login] : ordinaryLogins(x)) {
        INFO(who.toStdString());
        auto c = x.world.connectAs(login);
        require(execute(*c, u"BEGIN"_s));
        CHECK_FALSE(execute(*c, u"LOCK TABLE schema_migrations IN EXCLUSIVE MODE NOWAIT"_s).ok());
        require(execute(*c, u"ROLLBACK"_s));
        require(execute(*c, u"BEGIN"_s));
        CHECK_FALSE(execute(*c, u"LOCK TABLE schema_migrations IN ROW SHARE MODE NOWAIT"_s).ok());
        require(execute(*c, u"ROLLBACK"_s));
        // What it can take stops no migration: the old advisory key, a read left open.
        require(execute(*c, u"SELECT pg_advisory_lock($1)"_s, {kOldMigrationLockKey}));
        require(execute(*c, u"BEGIN"_s));
        (void)execute(*c, u"SELECT count(*) FROM schema_migrations"_s);
        // Bounded, so that a migration blocked by it fails instead of hanging the test.
        auto owner = x.db.openAnother();
        require(execute(*owner, u"SET statement_timeout = '20s'"_s));
        auto migrated = Migrator(*owner).migrate();
        INFO((migrated ? std::string() : migrated.error().message.toStdString()));
        CHECK(migrated.ok());
        (void)execute(*c, u"ROLLBACK"_s);
    }
}

TEST_CASE("A migrator waiting for another one says who holds the lock", "[exchange][migrations]")
{
    ExchangeWorld x;
    auto holder = x.db.openAnother();
    require(execute(*holder, u"SET application_name = 'the other migrator'"_s));
    require(execute(*holder, u"BEGIN"_s));
    require(execute(*holder, u"LOCK TABLE schema_migrations IN EXCLUSIVE MODE"_s));

    std::mutex mutex;
    QStringList lines;
    std::atomic<bool> done = false;
    Result<QList<int>> migrated = QList<int>();
    const ConnInfo info = x.db.connInfo();
    std::thread migrating([&] {
        auto waiter = Connection::open(info); // opened in the thread that uses it
        if (!waiter) {
            migrated = waiter.error();
            done = true;
            return;
        }
        // One migration more than the database has, so that it has something to lock for.
        QList<Migration> migrations = Migrator::bundled();
        migrations.append({migrations.last().version + 1, u"waited_for"_s, u"SELECT 1"_s, "test"});
        Migrator migrator(**waiter, migrations);
        migrator.setProgress([&](const QString &line) {
            const std::lock_guard lock(mutex);
            lines << line;
        });
        migrated = migrator.migrate();
        done = true;
    });
    const auto said = [&] {
        const std::lock_guard lock(mutex);
        return lines.join(u'\n');
    };
    for (int i = 0; i < 200 && said().isEmpty(); ++i)
        QThread::msleep(50);
    CHECK_FALSE(done); // it waits for the holder
    require(execute(*holder, u"COMMIT"_s));
    migrating.join();
    INFO(said().toStdString());
    CHECK(said().contains(u"the other migrator"_s));
    CHECK(said().contains(u"Waiting for the database's migration lock, held by login "_s));
    CHECK(migrated.ok());
    if (migrated)
        CHECK(migrated->size() == 1);
}

TEST_CASE("No login but the exchange can make the monitor show a service running",
          "[exchange][security]")
{
    ExchangeWorld x;
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    for (const auto &[who, login] : ordinaryLogins(x)) {
        INFO(who.toStdString());
        auto c = x.world.connectAs(login);
        CHECK_FALSE(Exchange::announceService(*c).ok());
        CHECK_FALSE(execute(*c, uR"(
            INSERT INTO exchange_service (holder_pid, holder_login) VALUES (pg_backend_pid(), session_user))"_s)
                        .ok());
        // What it can take (the old advisory key) shows nothing.
        require(execute(*c, u"SELECT pg_advisory_lock_shared($1)"_s, {kOldServiceLockKey}));
        CHECK_FALSE(require(ExchangeMonitor(*sysadmin).load()).serviceRunning);
    }
    auto service = x.world.connectAs(x.world.exchange);
    require(Exchange::announceService(*service));
    CHECK(require(ExchangeMonitor(*sysadmin).load()).serviceRunning);
    service.reset(); // the service's connection goes: so does its presence
    bool gone = false;
    for (int i = 0; i < 50 && !gone; ++i) {
        gone = !require(ExchangeMonitor(*sysadmin).load()).serviceRunning;
        if (!gone)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(gone);
}
