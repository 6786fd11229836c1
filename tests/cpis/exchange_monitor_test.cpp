// The exchange monitor's data and actions against a real database and the loopback MESH
// server: what it shows, Exchange now answered by the next run, who may do what (enforced by
// PostgreSQL), and the inbox alerts for messages waiting too long.
#include "cpis/exchange_monitor.h"
#include "db/rows.h"
#include "support/exchange_world.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::ExchangeWorld;
using test::require;

namespace {
const QString kUnknownNhsNumber = u"9990000034"_s; // valid, and no child has it

// A MESH message id as MESH makes them: the UTC time of delivery first.
QString meshIdDeliveredAgo(qint64 secs, int n)
{
    return QDateTime::currentDateTimeUtc().addSecs(-secs).toString(u"yyyyMMddHHmmss"_s) +
           u"%1_A1B2C3"_s.arg(n, 6, 10, QChar(u'0'));
}

qint64 quarantinedMessage(ExchangeWorld &x)
{
    x.deliver(test::accessNotification(u"ASN-UNKNOWN"_s, kUnknownNhsNumber));
    require(x.run());
    return x.count(u"SELECT id FROM inbound_message WHERE status = 'quarantined'"_s);
}
} // namespace

TEST_CASE("The monitor shows the last exchange, what went out and came in, and what is "
          "quarantined with its reason",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-M1"_s));
    x.deliver(test::accessNotification(u"ASN-M2"_s, kUnknownNhsNumber));
    require(x.run());

    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    const ExchangeMonitorData data = require(ExchangeMonitor(*sysadmin).load());
    REQUIRE(data.lastRun);
    CHECK(data.lastRun->status == u"ok"_s);
    CHECK(data.lastRun->uploadsSent == 1);
    CHECK(data.lastRun->received == 2);
    CHECK(data.lastRun->quarantined == 1);
    REQUIRE(data.lastSuccess);
    CHECK(data.lastSuccess->id == data.lastRun->id);
    CHECK(data.nextRun.isValid());
    REQUIRE(data.uploads.size() == 1);
    CHECK(data.uploads.first().sequenceNumber == 1);
    CHECK(data.uploads.first().status == u"sent"_s);
    CHECK(data.uploads.first().children == 1);
    CHECK(data.messages.size() == 2);
    REQUIRE(data.quarantined.size() == 1);
    CHECK(data.quarantined.first().reason.contains(kUnknownNhsNumber));
    CHECK(data.inboxWaiting == 0);
}

TEST_CASE("The monitor tells a running exchange from one that stopped before it finished, and "
          "sees whether an exchange service runs",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    require(
        execute(x.db.connection(),
                u"INSERT INTO exchange_run (started_at) VALUES (now() - interval '2 hours')"_s));
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    ExchangeMonitorData data = require(ExchangeMonitor(*sysadmin).load());
    REQUIRE(data.lastRun);
    CHECK(data.lastRun->status == u"running"_s);
    CHECK_FALSE(data.exchangeRunning); // nobody holds the exchange's lock: it was interrupted

    {
        auto running = x.world.connectAs(x.world.exchange);
        Exchange holder(*running);
        CHECK(require(holder.takeLock()));
        CHECK(require(ExchangeMonitor(*sysadmin).load()).exchangeRunning);
        holder.releaseLock();
    }
    CHECK_FALSE(require(ExchangeMonitor(*sysadmin).load()).exchangeRunning);

    // An exchange service shows by the row it keeps while it runs.
    CHECK_FALSE(data.serviceRunning);
    auto service = x.world.connectAs(x.world.exchange);
    require(Exchange::announceService(*service));
    data = require(ExchangeMonitor(*sysadmin).load());
    CHECK(data.serviceRunning);
    CHECK_FALSE(data.exchangeRunning);
}

TEST_CASE("The monitor shows an upload MESH reported as failed, with why", "[exchange][monitor]")
{
    ExchangeWorld x;
    require(x.run());
    REQUIRE(x.mesh.sentMessages().size() == 1);
    MeshMessage report;
    report.messageType = u"REPORT"_s;
    report.linkedMessageId = x.mesh.sentMessages().first().id;
    report.statusCode = u"15"_s;
    report.statusDescription = u"Bad CP-IS file"_s;
    x.mesh.putInbox(test::kMeshMailbox, report);
    require(x.run());
    const ExchangeMonitorData data =
        require(ExchangeMonitor(*x.world.connectAs(x.world.sysadmin)).load());
    REQUIRE_FALSE(data.uploads.isEmpty());
    const MonitorUpload &failed = data.uploads.last(); // newest first: the first upload is last
    CHECK(failed.sequenceNumber == 1);
    CHECK(failed.status == u"failed"_s);
    CHECK(failed.detail.contains(u"Bad CP-IS file"_s));
}

TEST_CASE("Exchange now is recorded once, audited, and answered by the next exchange",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    ExchangeMonitor monitor(*sysadmin);
    const qint64 first = require(monitor.requestExchange());
    CHECK(require(monitor.requestExchange()) == first); // still waiting: the same request
    CHECK(require(Exchange::hasWaitingRequest(*x.exchangeLogin)));
    CHECK(x.count(u"SELECT count(*) FROM audit WHERE action = 'exchange.requested'"_s) == 1);

    const ExchangeMonitorData waiting = require(monitor.load());
    REQUIRE(waiting.latestRequest);
    CHECK(waiting.latestRequest->requestedBy == u"Sys Admin"_s);
    CHECK_FALSE(waiting.latestRequest->run);

    require(x.run());
    CHECK_FALSE(require(Exchange::hasWaitingRequest(*x.exchangeLogin)));
    const ExchangeMonitorData answered = require(monitor.load());
    REQUIRE(answered.latestRequest);
    REQUIRE(answered.latestRequest->run);
    CHECK(answered.latestRequest->run->status == u"ok"_s);
    CHECK(answered.latestRequest->run->id == answered.lastRun->id);
    CHECK(require(monitor.requestExchange()) != first); // a new one after the answer
}

TEST_CASE("Only system administrators may use the monitor, even through SQL",
          "[exchange][monitor][security]")
{
    ExchangeWorld x;
    const qint64 message = quarantinedMessage(x);
    for (const auto &user : {x.world.keyWorker, x.world.admin, x.world.manager}) {
        INFO(user.login.toStdString());
        auto c = x.world.connectAs(user);
        auto request = execute(*c, u"SELECT request_exchange()"_s);
        REQUIRE_FALSE(request.ok());
        CHECK(request.error().sqlState == u"42501"_s);
        auto again = execute(*c, u"SELECT process_inbound_again($1)"_s, {message});
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().sqlState == u"42501"_s);
        auto resolved = execute(*c, u"SELECT resolve_inbound($1, 'done')"_s, {message});
        REQUIRE_FALSE(resolved.ok());
        CHECK(resolved.error().sqlState == u"42501"_s);
        CHECK_FALSE(execute(*c, u"SELECT * FROM exchange_request"_s).ok());
        CHECK_FALSE(ExchangeMonitor(*c).load().ok());
        CHECK_FALSE(execute(*c, u"SELECT check_mesh_inbox('[]')"_s).ok());
    }
    CHECK(x.count(u"SELECT count(*) FROM exchange_request"_s) == 0);
    CHECK(
        x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'quarantined'"_s,
                {message}) == 1);
    // The exchange answers requests; a system administrator cannot pretend to.
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    auto answer = execute(*sysadmin, u"SELECT answer_exchange_requests(1)"_s);
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().sqlState == u"42501"_s);
}

TEST_CASE("Mark resolved needs a note saying how, and then takes the message off the list",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    const qint64 message = quarantinedMessage(x);
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    ExchangeMonitor monitor(*sysadmin);
    const Status empty = monitor.resolve(message, u"   "_s);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == u"invalid"_s);
    CHECK(empty.error().message == u"Say how it was resolved."_s);
    CHECK(require(monitor.load()).quarantined.size() == 1);

    require(monitor.resolve(message, u"Duplicate of a notification already handled."_s));
    const ExchangeMonitorData data = require(monitor.load());
    CHECK(data.quarantined.isEmpty());
    CHECK(data.messages.first().status == u"resolved"_s);
    CHECK(data.messages.first().resolvedNote == u"Duplicate of a notification already handled."_s);
    CHECK(x.count(u"SELECT count(*) FROM audit WHERE action = 'inbound.resolved'"_s) == 1);
}

TEST_CASE("A quarantined message processed again after the fix becomes a step at the "
          "exchange it asks for",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    const qint64 message = quarantinedMessage(x);
    const int steps = x.count(u"SELECT count(*) FROM work_step"_s);
    REQUIRE(execute(x.db.connection(), u"UPDATE person SET nhs_number = $1 WHERE id = $2"_s,
                    {kUnknownNhsNumber, x.world.childId})
                .ok());
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    require(ExchangeMonitor(*sysadmin).processAgain(message));
    CHECK(require(Exchange::hasWaitingRequest(*x.exchangeLogin)));
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'processed'"_s,
                  {message}) == 1);
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == steps + 1);
    CHECK_FALSE(require(Exchange::hasWaitingRequest(*x.exchangeLogin)));
}

TEST_CASE("Messages waiting in the MESH inbox over four days alert the CP-IS administrators "
          "once",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-OLD1"_s), meshIdDeliveredAgo(4 * 86400 + 7200, 1));
    require(x.run());
    const QString expiring =
        u"SELECT count(*) FROM alert WHERE alert_type = "
        u"'CP-IS messages about to expire' AND recipient_role = 'cpis_sysadmin'"_s;
    CHECK(x.count(expiring) == 1);
    CHECK(x.count(expiring + u" AND body LIKE '1 message(s) in the MESH inbox%'"_s) == 1);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox).isEmpty()); // collected all the same

    // The next run finds another old one: no second alert while the first is open.
    x.deliver(test::accessNotification(u"ASN-OLD2"_s), meshIdDeliveredAgo(4 * 86400 + 3600, 2));
    require(x.run());
    CHECK(x.count(expiring) == 1);
    CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS inbox not emptied'"_s) ==
          0);
}

TEST_CASE("An inbox not emptied for over a day alerts once, and a fresh inbox does not",
          "[exchange][monitor]")
{
    ExchangeWorld x;
    const QString notEmptied =
        u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS inbox not emptied'"_s;
    x.deliver(test::accessNotification(u"ASN-NEW"_s), meshIdDeliveredAgo(600, 1));
    x.deliver(test::accessNotification(u"ASN-ODD"_s), u"not-a-dated-id"_s);
    require(x.run());
    CHECK(x.count(notEmptied) == 0);
    CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type LIKE 'CP-IS messages%'"_s) == 0);

    x.deliver(test::accessNotification(u"ASN-DAY"_s), meshIdDeliveredAgo(30 * 3600, 2));
    require(x.run());
    CHECK(x.count(notEmptied) == 1);
    CHECK(x.count(notEmptied + u" AND body LIKE '%not been emptied for over a day%'"_s) == 1);
    x.deliver(test::accessNotification(u"ASN-DAY2"_s), meshIdDeliveredAgo(29 * 3600, 3));
    require(x.run());
    CHECK(x.count(notEmptied) == 1);
}

TEST_CASE("A MESH message id gives the time MESH delivered it", "[exchange][monitor]")
{
    CHECK(Exchange::deliveredAt(u"20200529155357895317_3573F8"_s) ==
          QDateTime(QDate(2020, 5, 29), QTime(15, 53, 57), QTimeZone::utc()));
    CHECK_FALSE(Exchange::deliveredAt(u"not-a-dated-id"_s).isValid());
    CHECK_FALSE(Exchange::deliveredAt(u"2020"_s).isValid());
}
