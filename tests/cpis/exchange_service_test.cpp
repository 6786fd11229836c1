// Issue 18, "the exchange service survives": `cpisctl exchange`, a real process, outlives
// its database restarting under it (a throwaway loopback server, stopped and started), a
// failover to a promoted standby, and MESH not answering for a while (the loopback MESH server
// failing every request): it says so once, comes back by itself, and the next run succeeds.
// And the "Done when", whole: a mistyped CP-IS mailbox, a misbehaving message and the
// database restarted in the middle of a run, then the stopped service seen in the workviews.
#include "cpis/exchange_schedule.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "kit/message_banner.h"
#include "security/loopback_server.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
constexpr int kWaitMs = 120000;

// Asks for an exchange now, as a system administrator does in the monitor.
void requestExchange(ExchangeWorld &x)
{
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    require(queryValue(*sysadmin, u"SELECT request_exchange()"_s));
}

int count(Connection &c, const QString &sql)
{
    return int(require(queryValue(c, sql)).integer());
}

// After the database came back (or another took over): a notification waits and an exchange
// is asked for; the service runs it, said the loss `lost` times, and is still running.
void checkRunsAfterOutage(ExchangeWorld &x, ExchangeService &service, int lost = 1)
{
    x.deliver(accessNotification(u"ASN-AFTER"_s));
    requestExchange(x);
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Exchange finished"_s); }, kWaitMs));
    INFO(service.output().toStdString());
    CHECK(service.isRunning());
    CHECK(service.timesSaid(u"lost the connection to the database"_s) == lost);
    CHECK(service.said(u"Connected to the database again after"_s));
    // Many retries, few words: each way of failing is said once.
    CHECK(service.timesSaid(u"cpisctl exchange:"_s) <= 3);
    auto owner = x.db.openAnother();
    CHECK(count(*owner, u"SELECT count(*) FROM exchange_run WHERE status = 'ok'"_s) == 1);
    CHECK(count(*owner, u"SELECT count(*) FROM inbound_message WHERE status = 'processed'"_s) == 1);
}
} // namespace

TEST_CASE("The exchange service outlives a database restart and runs the next exchange",
          "[exchange][service]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    ExchangeWorld x(server->connInfo());
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Next exchange at"_s); }, kWaitMs));

    REQUIRE(server->stop().ok());
    // Down for longer than the service takes to notice, and for several of its retries.
    QTest::qWait((ExchangeSchedule::kRequestCheckSeconds + 6) * 1000);
    REQUIRE(service.isRunning());
    REQUIRE(server->start().ok());

    checkRunsAfterOutage(x, service);
}

TEST_CASE("The exchange service started while its database is down waits for it",
          "[exchange][service]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    ExchangeWorld x(server->connInfo());
    REQUIRE(server->stop().ok());
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"still cannot reach the database"_s); },
                            kWaitMs));
    QTest::qWait(3000); // a few of its retries
    REQUIRE(service.isRunning());
    REQUIRE(server->start().ok());
    checkRunsAfterOutage(x, service, 0);
}

TEST_CASE("The exchange service follows a failover to the promoted standby", "[exchange][service]")
{
    ServerFolder folder;
    auto primary = LoopbackServer::primary(folder.path(u"primary"_s));
    auto standby = LoopbackServer::standbyOf(*primary, folder.path(u"standby"_s));
    ExchangeWorld x(eitherServer(*primary, *standby));
    REQUIRE(primary->waitForStandbys(1).ok());
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Next exchange at"_s); }, kWaitMs));

    REQUIRE(primary->stop().ok());
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"lost the connection"_s); }, kWaitMs));
    REQUIRE(standby->promote().ok());
    checkRunsAfterOutage(x, service);
}

TEST_CASE("The exchange service waits out a MESH outage and runs as soon as MESH answers",
          "[exchange][service]")
{
    ExchangeWorld x;
    x.deliver(accessNotification(u"ASN-OUTAGE"_s));
    // The run's own tries (1 + 3 retries) at sending the upload, then as many at listing the
    // inbox (a failed upload alone does not stop the run), then two of the service's own looks
    // at MESH.
    x.mesh.failNextRequests(10, 503);
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Next exchange at"_s); }, kWaitMs));
    requestExchange(x);

    REQUIRE(QTest::qWaitFor([&] { return service.said(u"MESH answers again"_s); }, kWaitMs));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Exchange finished"_s); }, kWaitMs));
    INFO(service.output().toStdString());
    CHECK(service.isRunning());
    CHECK(service.timesSaid(u"MESH is not answering"_s) == 1);
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'ok'"_s) == 1);
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed'"_s) == 1);
    CHECK(x.mesh.inboxIds(kMeshMailbox).isEmpty()); // the notification was collected
}

TEST_CASE("Done when: with the CP-IS mailbox mistyped, a misbehaving message and the database "
          "restarted mid-run, every notification becomes a step, the failures reach the right "
          "people, the service runs on, and once stopped every admin's workview shows it",
          "[exchange][service][done]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    ExchangeWorld x(server->connInfo());
    x.setConfig(u"mesh.cpis_mailbox"_s, kMistypedCpisMailbox);
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    const QString first = x.deliver(accessNotification(u"ASN-DONE-1"_s));
    x.deliver(misbehavingNotification(u"ASN-DONE-BAD"_s));
    x.deliver(accessNotification(u"ASN-DONE-2"_s, u"9990000026"_s));

    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Next exchange at"_s); }, kWaitMs));
    // The first download is held in MESH while the database restarts under the run.
    x.mesh.stallRequestsEndingWith(u"/inbox/"_s + first);
    requestExchange(x);
    REQUIRE(QTest::qWaitFor(
        [&] { return !x.mesh.requestLog().filter(first + u" -> stalled"_s).isEmpty(); }, kWaitMs));
    REQUIRE(server->stop().ok());
    REQUIRE(server->start().ok());
    x.mesh.stallRequestsEndingWith({});

    // The run cut short by the restart stores nothing more; the attempt right after the service
    // reconnects (it owes that run, and runs it at once) collects every message.
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Exchange finished"_s); }, kWaitMs));
    INFO(service.output().toStdString());
    CHECK(service.said(u"Connected to the database again after"_s));
    CHECK(service.said(u"3 message(s) received, 1 quarantined"_s));
    // The test's own owner connection went with the restart.
    auto owner = x.db.openAnother();
    CHECK(count(*owner, u"SELECT count(*) FROM work_step"_s) == before + 2);
    CHECK(x.mesh.inboxIds(kMeshMailbox).isEmpty());
    const QString reason = require(queryValue(*owner, u"SELECT reason FROM "
                                                      u"inbound_message WHERE status = "
                                                      u"'quarantined'"_s))
                               .text();
    CHECK(reason.contains(u"is not a UUID"_s));
    CHECK(reason.size() <= InboundProcessor::kMaxReason);
    // The upload is still ready, and says why; the CP-IS administrators heard it once.
    CHECK(count(*owner, u"SELECT count(*) FROM upload_file WHERE status = 'ready' AND detail LIKE "
                        u"'%Unregistered to address%'"_s) == 1);
    CHECK(count(*owner,
                u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload not sent'"_s) == 1);
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    CHECK(count(*sysadmin, u"SELECT count(*) FROM alert a WHERE a.alert_type = 'CP-IS upload not "
                           u"sent' AND alert_is_for_me(a)"_s) == 1);
    // Still running, and it said the lost connection once.
    CHECK(service.isRunning());
    CHECK(service.timesSaid(u"lost the connection to the database"_s) == 1);
    // The run that collected is not a stalled exchange, though its upload failed.
    CHECK(count(*owner, u"SELECT count(*) FROM exchange_run WHERE inbox_collected AND "
                        u"uploads_failed"_s) == 1);

    // The service stops (as systemd stops it), and its gap passes: the last run backdated two
    // days rather than waited for. Every admin's workview shows the stopped exchange.
    service.stop();
    CHECK_FALSE(service.isRunning());
    require(execute(*owner, u"UPDATE exchange_run SET started_at = started_at - interval '2 days', "
                            u"finished_at = finished_at - interval '2 days'"_s));
    for (const QString &login : {x.world.admin.login, x.world.sysadmin.login}) {
        INFO(login.toStdString());
        auto window = signedInWindow(x.db, login);
        auto *banner = child<ui::MessageBanner>(window.get(), u"exchangeStalledBanner"_s);
        REQUIRE(waitFor([&] { return banner->isVisible(); }));
        CHECK(banner->text().contains(u"Notifications from CP-IS are not being collected"_s));
        CHECK(banner->text().contains(u"check the exchange service"_s));
    }
}

TEST_CASE("The exchange service keeps its schedule across a database outage: a time that passes "
          "while the database is down runs when it is back",
          "[exchange][service][schedule]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    ExchangeWorld x(server->connInfo());
    // The only scheduled time: the next minute in UK time at least 20 s away, so the service
    // has read the schedule and is waiting for it when the database goes.
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/London"));
    QDateTime due = now.addSecs(60 - now.time().second());
    if (now.secsTo(due) < 20)
        due = due.addSecs(60);
    due.setTime(QTime(due.time().hour(), due.time().minute()));
    x.setConfig(u"exchange.times"_s, due.toString(u"HH:mm"_s));
    x.deliver(accessNotification(u"ASN-SCHEDULE"_s));
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Next exchange at"_s); }, kWaitMs));
    INFO(service.output().toStdString());
    REQUIRE(service.said(u"Next exchange at "_s + due.toString(u"dd/MM/yyyy HH:mm"_s)));

    REQUIRE(server->stop().ok());
    // Down until the scheduled time has passed.
    const qint64 untilDue = QDateTime::currentDateTime().msecsTo(due);
    QTest::qWait(int(std::max<qint64>(0, untilDue)) + 3000);
    REQUIRE(service.isRunning());
    CHECK_FALSE(service.said(u"Exchange finished"_s));
    REQUIRE(server->start().ok());

    REQUIRE(QTest::qWaitFor([&] { return service.said(u"Exchange finished"_s); }, kWaitMs));
    CHECK(service.said(u"Connected to the database again after"_s));
    // It ran the owed run, not a request: nobody asked for one.
    CHECK_FALSE(service.said(u"Exchange requested from the exchange monitor"_s));
    auto owner = x.db.openAnother();
    CHECK(count(*owner, u"SELECT count(*) FROM exchange_run WHERE status = 'ok'"_s) == 1);
    CHECK(count(*owner, u"SELECT count(*) FROM inbound_message WHERE status = 'processed'"_s) == 1);
}

TEST_CASE("The service's retries wait 1 s, doubling to a minute", "[exchange][service]")
{
    CHECK(ExchangeSchedule::backoffMs(0) == 1000);
    CHECK(ExchangeSchedule::backoffMs(1) == 2000);
    CHECK(ExchangeSchedule::backoffMs(5) == 32000);
    CHECK(ExchangeSchedule::backoffMs(6) == 60000);
    CHECK(ExchangeSchedule::backoffMs(100) == 60000);
}
