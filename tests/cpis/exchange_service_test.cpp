// Issue 18, "the exchange service survives": `cpisctl exchange`, a real process, outlives
// its database restarting under it (a throwaway loopback server, stopped and started), a
// failover to a promoted standby, and MESH not answering for a while (the loopback MESH server
// failing every request): it says so once, comes back by itself, and the next run succeeds.
#include "cpis/exchange_schedule.h"
#include "db/rows.h"
#include "security/loopback_server.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QTest>

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

TEST_CASE("The service's retries wait 1 s, doubling to a minute", "[exchange][service]")
{
    CHECK(ExchangeSchedule::backoffMs(0) == 1000);
    CHECK(ExchangeSchedule::backoffMs(1) == 2000);
    CHECK(ExchangeSchedule::backoffMs(5) == 32000);
    CHECK(ExchangeSchedule::backoffMs(6) == 60000);
    CHECK(ExchangeSchedule::backoffMs(100) == 60000);
}
