// A black-holed network (issue 18): the database's packets dropped without anything closing,
// through a proxy the test controls (support/black_hole_proxy.h). The workview shows its
// lost-connection banner within seconds and the exchange service says it lost the database,
// in words, within seconds (the connect timeout, keepalives and TCP user timeout of core/db);
// and when MESH stops answering, the run reports the timeout and still processes the messages
// already stored.
#include "cpis/exchange.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "security/loopback_server.h"
#include "support/black_hole_proxy.h"
#include "support/exchange_world.h"
#include "support/process.h"
#include "support/reference_schemas.h"
#include "support/sample_notification.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QLabel>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
// "Within seconds": well under the quarter of an hour the kernel takes by itself.
constexpr int kNoticeMs = 30000;

std::unique_ptr<BlackHoleProxy> proxyOrSkip(int upstreamPort)
{
    auto proxy = BlackHoleProxy::start(upstreamPort);
    if (!proxy) {
        std::fprintf(stderr, "SKIPPED: no black-hole network here (%s %s); this test needs it.\n",
                     qPrintable(proxy.error().message), qPrintable(proxy.error().hint));
        std::fflush(stderr);
        std::exit(kSkipReturnCode);
    }
    return std::move(proxy).value();
}

// Brings the network back before what sits behind it is torn down, should a check fail while
// it is a black hole: a connection waiting on it would otherwise hold the test forever.
struct NetworkBack
{
    BlackHoleProxy &proxy;
    ~NetworkBack() { (void)proxy.restore(); }
};
} // namespace

TEST_CASE("Black-holed network: the workview shows the lost-connection banner within seconds",
          "[failover][blackhole]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    auto proxy = proxyOrSkip(server->port());
    TestDatabase db(server->connInfo(), TestDatabase::Schema::Migrated);
    CaseWorld world(db);
    isolateSettings();
    const DatabaseChoice choice{DatabaseChoice::Source::CommandLine,
                                proxy->route(db.connInfo()).toKeywordValueString(),
                                {}};
    auto window = std::make_unique<ui::MainWindow>(choice, world.keyWorker.login);
    window->show();
    QSignalSpy ready(window.get(), &ui::MainWindow::ready);
    window->connectToDatabase();
    REQUIRE(waitFor([&] { return ready.count() > 0; }, 30000));
    auto *banner = child<QLabel>(window.get(), u"connectionBanner"_s);
    REQUIRE_FALSE(banner->isVisible());
    const NetworkBack back{*proxy};

    REQUIRE(proxy->blackHole().ok());
    QElapsedTimer noticed;
    noticed.start();
    REQUIRE(waitFor([&] { return banner->isVisible(); }, 120000));
    INFO("noticed after " << noticed.elapsed() << " ms");
    CHECK(noticed.elapsed() < kNoticeMs);
    CHECK(banner->text().contains(u"lost"_s));
    screenshot(window.get(), u"black_hole_workview"_s);

    REQUIRE(proxy->restore().ok());
    CHECK(waitFor([&] { return !banner->isVisible(); }, 120000));
}

TEST_CASE("Black-holed network: the exchange service says within seconds that it lost the "
          "database, and carries on when it is back",
          "[failover][blackhole]")
{
    ServerFolder folder;
    auto server = LoopbackServer::primary(folder.path(u"server"_s));
    auto proxy = proxyOrSkip(server->port());
    ExchangeWorld x(server->connInfo());
    const ConnInfo direct = require(ConnInfo::parse(x.conninfoAs(x.world.exchange.login)));
    ExchangeService service(proxy->route(direct).toKeywordValueString());
    REQUIRE(waitFor([&] { return service.said(u"Next exchange at"_s); }, 120000));
    const NetworkBack back{*proxy};

    REQUIRE(proxy->blackHole().ok());
    QElapsedTimer noticed;
    noticed.start();
    REQUIRE(
        waitFor([&] { return service.said(u"lost the connection to the database"_s); }, 120000));
    INFO(service.output().toStdString());
    INFO("noticed after " << noticed.elapsed() << " ms");
    // The service looks at the database every ExchangeSchedule::kRequestCheckSeconds; the
    // TCP user timeout then gives up on the unanswered look within seconds.
    CHECK(noticed.elapsed() < kNoticeMs);
    CHECK(service.isRunning());

    REQUIRE(proxy->restore().ok());
    REQUIRE(
        waitFor([&] { return service.said(u"Connected to the database again after"_s); }, 120000));
    x.deliver(accessNotification(u"ASN-BACK"_s));
    require(queryValue(*x.world.connectAs(x.world.sysadmin), u"SELECT request_exchange()"_s));
    REQUIRE(waitFor([&] { return service.said(u"Exchange finished"_s); }, 120000));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'processed'"_s) == 1);
    CHECK(service.isRunning());
}

TEST_CASE("MESH black-holed: the run reports the timeout and processes what is already stored",
          "[exchange][blackhole]")
{
    ExchangeWorld x;
    require(x.run()); // the first upload goes; the inbox is empty
    // Stored by an earlier run that was cut short before processing it.
    {
        auto exchange = x.world.connectAs(x.world.exchange);
        InboundProcessor processor(*exchange, nullptr);
        InboundProcessor::Received stored;
        stored.body = accessNotification(u"ASN-STORED"_s);
        stored.meshMessageId = u"20261120090500000000_STORED"_s;
        require(processor.store(stored));
    }
    const int steps = x.count(u"SELECT count(*) FROM work_step"_s);
    x.deliver(accessNotification(u"ASN-WAITING"_s, u"9990000026"_s)); // stays in MESH
    x.mesh.stallNextRequests(1000); // MESH reads every request and never answers

    QElapsedTimer took;
    took.start();
    auto run = x.run();
    INFO("the run took " << took.elapsed() << " ms");
    REQUIRE_FALSE(run.ok());
    INFO(run.error().message.toStdString());
    CHECK(run.error().message.contains(u"did not answer within 30 s"_s));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE mesh_message_id = "
                  u"'20261120090500000000_STORED' AND status = 'processed'"_s) == 1);
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == steps + 1);
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE "
                  u"'%did not answer%'"_s) == 1);
}
