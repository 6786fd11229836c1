// Issue 18, "a dead exchange is visible": SQL exchange_health is the one rule for "stalled"
// (no successful run since the last scheduled time more than 30 minutes ago), read from the
// database's own record of runs, in the words the workview and `cpisctl exchange --check` use.
#include "cpis/exchange_health.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/exchange_world.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
QDateTime uk(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), QTimeZone("Europe/London"));
}

void addRun(Connection &owner, const QDateTime &finished, const QString &status)
{
    require(execute(owner,
                    u"INSERT INTO exchange_run (started_at, finished_at, status) "
                    u"VALUES ($1::timestamptz - interval '1 minute', $1, $2)"_s,
                    {finished, status}));
}

ExchangeHealth at(Connection &c, const QDateTime &now)
{
    return require(ExchangeHealth::load(c, now));
}
} // namespace

TEST_CASE("The exchange has stalled when the last scheduled run over 30 minutes ago has not "
          "succeeded",
          "[exchange][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto admin = world.connectAs(world.admin); // Safeguarding Admin sees it, as in the workview

    // Before MESH is set up and before any run, there is nothing to miss.
    ExchangeHealth health = at(*admin, uk(2, 14, 45));
    CHECK_FALSE(health.configured);
    CHECK_FALSE(health.stalled);
    CHECK(health.statusLine() == u"CP-IS exchange: not set up yet"_s);

    require(execute(owner,
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    health = at(*admin, uk(2, 14, 45));
    CHECK(health.stalled);
    CHECK(
        health.summary() ==
        u"CP-IS exchange: no successful run yet; the 14:00 run has not succeeded (it is 14:45)"_s);

    // The default times are 08:00, 11:00, 14:00 and 16:45.
    addRun(owner, uk(2, 11, 2), u"ok"_s);
    addRun(owner, uk(2, 14, 1), u"failed"_s); // a failed run is no run
    health = at(*admin, uk(2, 14, 45));
    CHECK(health.stalled);
    CHECK(health.missedRun == uk(2, 14, 0));
    CHECK(health.summary() == u"CP-IS exchange: last successful run at 11:02 today; the 14:00 "
                              u"run has not succeeded (it is 14:45)"_s);

    // Within the margin the 14:00 run may still be running.
    health = at(*admin, uk(2, 14, 20));
    CHECK_FALSE(health.stalled);
    CHECK(health.summary() ==
          u"CP-IS exchange: last successful run at 11:02 today; next at 16:45"_s);
    CHECK(health.statusLine() == health.summary());

    addRun(owner, uk(2, 14, 3), u"ok"_s);
    health = at(*admin, uk(2, 14, 45));
    CHECK_FALSE(health.stalled);
    CHECK(health.statusLine() ==
          u"CP-IS exchange: last successful run at 14:03 today; next at 16:45"_s);

    // Overnight: the 16:45 run of yesterday never happened.
    health = at(*admin, uk(3, 7, 0));
    CHECK(health.stalled);
    CHECK(health.summary() == u"CP-IS exchange: last successful run at 14:03 yesterday; the run "
                              u"at 16:45 yesterday has not succeeded (it is 07:00)"_s);

    // The rule follows the schedule: with one run a day at 09:00, 14:03 yesterday is enough.
    require(execute(owner, u"UPDATE config SET value = '09:00' WHERE key = 'exchange.times'"_s));
    health = at(*admin, uk(3, 7, 0));
    CHECK_FALSE(health.stalled);
    CHECK(health.statusLine() ==
          u"CP-IS exchange: last successful run at 14:03 yesterday; next at 09:00"_s);
}

TEST_CASE("Safeguarding Admin, system administrators and the exchange may read the exchange's "
          "health, and others may not",
          "[exchange][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    for (const auto *user : {&world.admin, &world.sysadmin, &world.exchange}) {
        auto c = world.connectAs(*user);
        INFO(user->login.toStdString());
        CHECK(ExchangeHealth::load(*c).ok());
    }
    for (const auto *user : {&world.keyWorker, &world.manager}) {
        auto c = world.connectAs(*user);
        const auto refused = ExchangeHealth::load(*c);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().sqlState == u"42501"_s);
    }
}

TEST_CASE("The exchange's stalled alert follows the same rule and is raised once",
          "[exchange][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto exchange = world.connectAs(world.exchange);
    const QString alert = u"SELECT alert_if_exchange_stalled()"_s;
    const QString alerts =
        u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS exchange stalled'"_s;
    // Not set up: nothing has stalled.
    CHECK(require(queryValue(*exchange, alert)).isNull());
    require(execute(db.connection(),
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    // Every time of day has passed within the last day, and no run ever succeeded.
    CHECK_FALSE(require(queryValue(*exchange, alert)).isNull());
    CHECK(require(queryValue(*exchange, alert)).isNull()); // not again while unacknowledged
    CHECK(require(queryValue(db.connection(), alerts)).integer() == 1);
    CHECK(
        require(queryValue(db.connection(),
                           u"SELECT body FROM alert WHERE alert_type = 'CP-IS exchange stalled'"_s))
            .text()
            .contains(u"has not succeeded"_s));

    auto admin = world.connectAs(world.admin);
    CHECK_FALSE(queryValue(*admin, alert).ok()); // the exchange's own
}

TEST_CASE("Issue 21: a user's fake \"CP-IS exchange stalled\" alert is refused and never "
          "silences the real one",
          "[exchange][health][security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString raise = u"SELECT raise_alert($1, NULL, $2, NULL, NULL, 'Ignore this')"_s;
    // The attack: a Safeguarding Admin addresses a fake to the exchange's own worker; nor may
    // a system administrator, nor a look-alike type.
    for (const auto *user : {&world.admin, &world.sysadmin, &world.manager}) {
        auto c = world.connectAs(*user);
        for (const QString &type :
             {u"CP-IS exchange stalled"_s, u" cp-is  exchange stalled"_s, u"CP - IS inbox"_s}) {
            INFO(user->login.toStdString() << " raising " << type.toStdString());
            const auto refused = queryValue(*c, raise, {type, world.exchange.workerId});
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().sqlState == u"42501"_s);
        }
    }
    CHECK(require(queryValue(db.connection(), u"SELECT count(*) FROM alert"_s)).integer() == 0);
    // A user's own alert still goes, marked as not the system's.
    auto admin = world.connectAs(world.admin);
    require(queryValue(*admin, raise, {u"Exchange looks stuck"_s, world.exchange.workerId}));
    CHECK_FALSE(require(queryValue(db.connection(),
                                   u"SELECT raised_by_system FROM alert WHERE alert_type = "
                                   u"'Exchange looks stuck'"_s))
                    .boolean());

    // The real one comes, marked as the system's.
    require(execute(db.connection(),
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    auto exchange = world.connectAs(world.exchange);
    CHECK_FALSE(require(queryValue(*exchange, u"SELECT alert_if_exchange_stalled()"_s)).isNull());
    CHECK(require(queryValue(db.connection(), u"SELECT bool_and(raised_by_system) FROM alert "
                                              u"WHERE alert_type = 'CP-IS exchange stalled'"_s))
              .boolean());
}

TEST_CASE("A run that collected the inbox but could not send its upload has not stalled, and "
          "says uploads fail",
          "[exchange][health]")
{
    // The issue's own scenario: the CP-IS mailbox mistyped, so MESH refuses the upload, and the
    // notification waiting is collected. Saying "not being collected" would be false.
    test::ExchangeWorld x;
    x.setConfig(u"mesh.cpis_mailbox"_s, test::kMistypedCpisMailbox);
    x.deliver(test::accessNotification(u"ASN-HEALTH-UP"_s));
    const ExchangeReport report = require(x.run());
    CHECK(report.uploadsFailed);
    CHECK(report.inboxCollected);
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND inbox_collected "
                  u"AND uploads_failed"_s) == 1);

    auto admin = x.world.connectAs(x.world.admin);
    const ExchangeHealth health = require(ExchangeHealth::load(*admin));
    CHECK(health.configured);
    CHECK_FALSE(health.stalled);
    CHECK(health.uploadsFailing);
    CHECK(health.lastSuccess.isValid());
    CHECK(health.checkLine().contains(u"uploads to CP-IS are not being sent"_s));
    CHECK_FALSE(health.checkLine().contains(u"not being collected"_s));

    // Once the mailbox is right, the upload goes and nothing fails.
    x.setConfig(u"mesh.cpis_mailbox"_s, test::kCpisMailbox);
    require(x.run());
    CHECK_FALSE(require(ExchangeHealth::load(*admin)).uploadsFailing);

    // A run that could not list the inbox has not collected it, whatever else it did.
    x.mesh.failNextRequests(1000, 500);
    REQUIRE_FALSE(x.run().ok());
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE NOT inbox_collected"_s) == 1);
}

TEST_CASE("The stalled rule follows collection: a failed run that collected the inbox counts",
          "[exchange][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto admin = world.connectAs(world.admin);
    require(execute(owner,
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    addRun(owner, uk(2, 11, 2), u"ok"_s);
    require(execute(owner,
                    u"INSERT INTO exchange_run (started_at, finished_at, status, "
                    u"inbox_collected, uploads_failed) VALUES ($1::timestamptz - interval "
                    u"'1 minute', $1, 'failed', true, true)"_s,
                    {uk(2, 14, 1)}));
    ExchangeHealth health = at(*admin, uk(2, 14, 45));
    CHECK_FALSE(health.stalled);
    CHECK(health.uploadsFailing);
    CHECK(health.lastSuccess == uk(2, 14, 1));
    CHECK(health.checkLine() == u"CP-IS exchange: last successful run at 14:01 today; next at "
                                u"16:45; uploads to CP-IS are not being sent (see the CP-IS "
                                u"upload alerts)"_s);
    // As of before that run, the older one is what counts.
    CHECK_FALSE(at(*admin, uk(2, 13, 0)).uploadsFailing);

    // Three hours later, with no run at 16:45: stalled, and the line says which part fails.
    health = at(*admin, uk(2, 17, 30));
    CHECK(health.stalled);
    CHECK(health.checkLine().endsWith(u"(it is 17:30); notifications from CP-IS are not being "
                                      u"collected; uploads to CP-IS are not being sent (see the "
                                      u"CP-IS upload alerts)"_s));
}
