// Issue 18, "Inbound keeps flowing, whatever else fails": sending, receiving and processing are
// independent, a download that fails holds up no other, and a message that cannot be processed
// never blocks the ones behind it. Real database, loopback MESH server with injected faults.
#include "cpis/exchange_monitor.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::ExchangeWorld;
using test::require;

namespace {
int steps(ExchangeWorld &x)
{
    return x.count(u"SELECT count(*) FROM work_step"_s);
}

int alerts(ExchangeWorld &x, const QString &type)
{
    return x.count(u"SELECT count(*) FROM alert WHERE alert_type = $1"_s, {type});
}

QString text(ExchangeWorld &x, const QString &sql, const QVariantList &params = {})
{
    return require(queryValue(x.db.connection(), sql, params)).text();
}
} // namespace

TEST_CASE("With the CP-IS mailbox mistyped and a misbehaving message in the inbox, every "
          "notification still becomes a step in the same run, and the failures are said in words",
          "[exchange][flow]")
{
    ExchangeWorld x;
    x.setConfig(u"mesh.cpis_mailbox"_s, test::kMistypedCpisMailbox);
    const int before = steps(x);
    x.deliver(test::accessNotification(u"ASN-FLOW-1"_s));
    x.deliver(test::misbehavingNotification(u"ASN-FLOW-BAD"_s));
    x.deliver(test::accessNotification(u"ASN-FLOW-2"_s));

    const auto run = test::runCpisctl(
        {u"exchange"_s, u"--once"_s, u"--database"_s, x.conninfoAs(x.world.exchange.login)});
    INFO(run.out.toStdString() + run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(run.out.contains(u"3 message(s) received, 1 quarantined"_s));
    CHECK(run.out.contains(u"Failed: Upload 1 was not sent"_s));
    CHECK(run.out.contains(u"Unregistered to address"_s));

    // Both notifications are steps; the misbehaving one is quarantined with a bounded reason.
    CHECK(steps(x) == before + 2);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox).isEmpty());
    const QString reason =
        text(x, u"SELECT reason FROM inbound_message WHERE status = 'quarantined'"_s);
    CHECK(reason.contains(u"is not a UUID"_s));
    CHECK(reason.size() <= InboundProcessor::kMaxReason);
    CHECK_FALSE(reason.contains(QString(100, u'X')));
    CHECK(alerts(x, u"CP-IS message quarantined"_s) == 1);

    // The upload stays ready, says why, and the administrators hear what to fix.
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'ready' AND detail LIKE "
                  "'%Unregistered to address%'"_s) == 1);
    REQUIRE(alerts(x, u"CP-IS upload not sent"_s) == 1);
    const QString alert =
        text(x, u"SELECT body FROM alert WHERE alert_type = 'CP-IS upload not sent'"_s);
    CHECK(alert.contains(u"mesh.cpis_mailbox"_s));
    CHECK(alert.contains(test::kMistypedCpisMailbox));
    CHECK(alert.contains(u"mesh.workflow_upload"_s));
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE "
                  "'Upload 1 was not sent%Unregistered to address%' AND received = 3"_s) == 1);

    // Every run says it again; the administrators hear it once.
    const ExchangeReport again = require(x.run());
    REQUIRE(again.failures.size() == 1);
    CHECK(again.failures.first().contains(u"Unregistered to address"_s));
    CHECK(alerts(x, u"CP-IS upload not sent"_s) == 1);

    // Once the mailbox is right, the upload goes and the run is clean.
    x.setConfig(u"mesh.cpis_mailbox"_s, test::kCpisMailbox);
    const ExchangeReport fixed = require(x.run());
    CHECK(fixed.uploadsSent == QList<qint64>{1});
    CHECK(fixed.problems().isEmpty());
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'sent' AND detail IS NULL"_s) ==
          1);
}

TEST_CASE("An upload that fails to send does not stop the exchange receiving", "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    x.deliver(test::accessNotification(u"ASN-FLOW-503"_s));
    x.mesh.failNextRequests(4, 503); // the upload's try and its three retries
    const ExchangeReport report = require(x.run());
    CHECK(report.uploadsSent.isEmpty());
    REQUIRE(report.failures.size() == 1);
    CHECK(report.failures.first().contains(u"HTTP 503"_s));
    CHECK(steps(x) == before + 1);
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'ready' AND detail LIKE "
                  "'Not sent:%503%'"_s) == 1);
    CHECK(alerts(x, u"CP-IS upload not sent"_s) == 1);
    CHECK(require(x.run()).uploadsSent == QList<qint64>{1});
}

TEST_CASE("A download that fails for any reason is left for the next run, and the ones behind "
          "it are downloaded and processed",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << x.deliver(test::accessNotification(u"ASN-FLOW-DL-%1"_s.arg(i)));
    x.mesh.breakGzipOnce(ids[0]);        // a body that cannot be un-gzipped
    x.mesh.failDownloadsOf(ids[1], 502); // a 5xx that outlasts the retries

    const ExchangeReport first = require(x.run());
    REQUIRE(first.leftInInbox.size() == 2);
    CHECK(first.leftInInbox[0].contains(ids[0]));
    CHECK(first.leftInInbox[0].contains(u"un-gzipped"_s));
    CHECK(first.leftInInbox[1].contains(ids[1]));
    CHECK(first.leftInInbox[1].contains(u"HTTP 502"_s));
    CHECK(steps(x) == before + 2);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox) == QStringList{ids[0], ids[1]});
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE $1"_s,
                  {QString(u"%"_s + ids[1] + u"%HTTP 502%"_s)}) == 1);

    x.mesh.failDownloadsOf(ids[1], 0);
    const ExchangeReport second = require(x.run());
    CHECK(second.problems().isEmpty());
    CHECK(steps(x) == before + 4);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox).isEmpty());
}

TEST_CASE("Messages already stored are processed even when the inbox cannot be listed",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    // Stored by an earlier run that stopped before processing it.
    require(InboundProcessor(*x.exchangeLogin)
                .store({test::accessNotification(u"ASN-FLOW-STORED"_s),
                        u"mesh"_s,
                        u"20261206000000000001_AAAAAA"_s,
                        u"CPIS_ASN"_s,
                        {}}));
    x.mesh.failNextRequests(1000, 500);
    auto failed = x.run();
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.contains(u"Upload 1 was not sent"_s));
    CHECK(failed.error().message.contains(u"failed to list the inbox (HTTP 500)"_s));
    CHECK(steps(x) == before + 1);
    CHECK(x.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE "
                  "'Upload 1 was not sent%failed to list the inbox%'"_s) == 1);
}

TEST_CASE("Quarantining cannot fail: the reason is kept to one bounded line", "[exchange][flow]")
{
    ExchangeWorld x;
    const qint64 id = require(
        InboundProcessor(*x.exchangeLogin).store({"not a message", u"import"_s, {}, {}, {}}));
    // Straight through SQL, as every inbound path calls it: 10,000 characters with line breaks.
    const QString huge = u"line one\nline two\t"_s + QString(10000, u'v');
    require(execute(*x.exchangeLogin, u"SELECT quarantine_inbound($1, $2)"_s, {id, huge}));
    const QString reason = text(x, u"SELECT reason FROM inbound_message WHERE id = $1"_s, {id});
    CHECK(reason.size() == 500);
    CHECK(reason.startsWith(u"line one line two v"_s));
    CHECK(reason.endsWith(u"…"_s));

    // The values a schema error quotes are left out, and long quotes cut short.
    const QString schema =
        u"line 12: Element '{urn:hl7-org:v3}id', attribute 'extension': [facet 'pattern'] The "
        "value '9990000026' is not accepted by the pattern '[0-9]{10}'. Element "
        "'{urn:hl7-org:v3}given': 'Thomas' is not a valid value of the atomic type 'st'."_s;
    const QString bounded = InboundProcessor::boundedReason(schema);
    CHECK_FALSE(bounded.contains(u"9990000026"_s));
    CHECK_FALSE(bounded.contains(u"Thomas"_s));
    CHECK(bounded.contains(u"attribute 'extension'"_s));
    CHECK(bounded.contains(u"The value '…' is not accepted"_s));
    CHECK(
        InboundProcessor::boundedReason(u"\"%1\" is not a UUID"_s.arg(QString(5000, u'X'))).size() <
        100);
    CHECK(InboundProcessor::boundedReason(QString(2000, u'y')).size() ==
          InboundProcessor::kMaxReason);
    CHECK_FALSE(InboundProcessor::boundedReason(u"\n\t "_s).isEmpty());
}

TEST_CASE("A message that fails every time holds up no other, and can be marked resolved",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    const QString broken = x.deliver(test::accessNotification(u"ASN-FLOW-BROKEN"_s));
    x.deliver(test::accessNotification(u"ASN-FLOW-OK"_s, u"9990000026"_s));
    // Something no check foresaw: the database refuses to mark that one row processed, or
    // even quarantined (but lets a person resolve it).
    auto &owner = x.db.connection();
    require(execute(owner, uR"(CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS
                           $$ BEGIN RAISE EXCEPTION 'row damaged'; END $$)"_s));
    require(execute(
        owner,
        uR"(
        CREATE TRIGGER refuse_row BEFORE UPDATE ON inbound_message FOR EACH ROW
        WHEN (OLD.mesh_message_id = ')"_s +
            broken +
            uR"(' AND NEW.status IN ('processed', 'quarantined')) EXECUTE FUNCTION refuse_row())"_s));

    const ExchangeReport first = require(x.run());
    CHECK(steps(x) == before + 1);
    REQUIRE(first.failures.size() == 1);
    CHECK(first.failures.first().contains(u"row damaged"_s));
    const qint64 id =
        x.count(u"SELECT id FROM inbound_message WHERE mesh_message_id = $1"_s, {broken});
    CHECK(first.failures.first().contains(u"Message %1 "_s.arg(id)));
    // Later runs go on the same way: the message waits, nothing else does.
    x.deliver(test::accessNotification(u"ASN-FLOW-LATER"_s));
    const ExchangeReport second = require(x.run());
    CHECK(steps(x) == before + 2);
    CHECK(second.failures.size() == 1);

    // The monitor lists it for a person, who can mark it resolved though it was never
    // quarantined.
    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    ExchangeMonitor monitor(*sysadmin);
    const ExchangeMonitorData data = require(monitor.load());
    REQUIRE(data.quarantined.size() == 1);
    CHECK(data.quarantined.first().id == id);
    CHECK(data.quarantined.first().status == u"received"_s);
    CHECK(data.quarantined.first().reason.contains(u"row damaged"_s));
    require(monitor.processAgain(id)); // tried again at the exchange it asks for
    CHECK(require(monitor.load()).quarantined.isEmpty());
    CHECK(require(x.run()).failures.size() == 1); // and it fails again
    require(monitor.resolve(id, u"Asked CP-IS to send it again."_s));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'resolved'"_s,
                  {id}) == 1);
    CHECK(require(x.run()).problems().isEmpty());
    // A processed message is not for resolving.
    const qint64 done =
        x.count(u"SELECT min(id) FROM inbound_message WHERE status = 'processed'"_s);
    const Status refused = monitor.resolve(done, u"Nothing to do."_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"already processed"_s));
}

namespace {
// Delivers `n` good notifications and returns their MESH ids.
QStringList deliverGood(ExchangeWorld &x, int n, const QString &label)
{
    QStringList ids;
    for (int i = 0; i < n; ++i)
        ids << x.deliver(test::accessNotification(u"ASN-%1-%2"_s.arg(label).arg(i)));
    return ids;
}

// The run leaves `left` (and only it) in the inbox, saying why, and the others are steps.
void checkLeftAlone(ExchangeWorld &x, const ExchangeReport &report, const QString &left,
                    const QString &why, int stepsBefore, int good)
{
    INFO(report.problems().join(u"\n"_s).toStdString());
    REQUIRE(report.leftInInbox.size() == 1);
    CHECK(report.leftInInbox.first().contains(left));
    CHECK(report.leftInInbox.first().contains(why));
    CHECK(report.inboxCollected);
    CHECK(steps(x) == stepsBefore + good);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox) == QStringList{left});
    CHECK_FALSE(x.mesh.acknowledgedIds().contains(left));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE mesh_message_id = $1"_s, {left}) ==
          0);
}
} // namespace

TEST_CASE("A message too large to download is left in the inbox at every run, and the others "
          "are downloaded and become steps",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    x.mesh.gzipDownloads(true);
    QStringList ids = deliverGood(x, 1, u"BIG"_s);
    // A few hundred kilobytes on the wire, one byte over settings.maxMessageBytes un-gzipped.
    MeshMessage big;
    big.body = QByteArray(MeshSettings().maxMessageBytes + 1, '\0');
    const QString tooLarge = x.mesh.putInbox(test::kMeshMailbox, big);
    big.body.clear();
    ids << deliverGood(x, 1, u"BIG-AFTER"_s);

    const ExchangeReport first = require(x.run());
    checkLeftAlone(x, first, tooLarge, u"larger than"_s, before, 2);
    // Still too large at the next run, which leaves it again and does not stop for it.
    x.deliver(test::accessNotification(u"ASN-BIG-LATER"_s));
    const ExchangeReport second = require(x.run());
    checkLeftAlone(x, second, tooLarge, u"larger than"_s, before, 3);
}

TEST_CASE("A chunk that arrives cut short at every try leaves its message for the next run, and "
          "the others are downloaded and become steps",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    x.mesh.setChunkSize(1024); // a notification goes in several chunks
    const QStringList ids = deliverGood(x, 3, u"CUT"_s);
    x.mesh.truncateChunkAlways(ids[1], 2);

    const ExchangeReport first = require(x.run());
    checkLeftAlone(x, first, ids[1], u"could not be downloaded"_s, before, 2);
    // Served whole again: the next run collects it.
    x.mesh.truncateChunkAlways(ids[1], 0);
    CHECK(require(x.run()).problems().isEmpty());
    CHECK(steps(x) == before + 3);
}

TEST_CASE("A message whose download times out at every try is left for the next run, and the "
          "others are downloaded and become steps (about two minutes: four 30 s timeouts)",
          "[exchange][flow][slow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    const QStringList ids = deliverGood(x, 3, u"SLOW"_s);
    x.mesh.stallRequestsEndingWith(u"/inbox/"_s + ids[0]);

    const ExchangeReport first = require(x.run());
    checkLeftAlone(x, first, ids[0], u"did not answer within 30 s"_s, before, 2);
    x.mesh.stallRequestsEndingWith({});
    CHECK(require(x.run()).problems().isEmpty());
    CHECK(steps(x) == before + 3);
}

TEST_CASE("A message the database refuses to store is left in the inbox, and the collection goes "
          "on with the others",
          "[exchange][flow]")
{
    ExchangeWorld x;
    const int before = steps(x);
    const QStringList ids = deliverGood(x, 3, u"STORE"_s);
    // Something no check foresaw refuses that one row, with the connection alive.
    auto &owner = x.db.connection();
    require(execute(owner, uR"(CREATE FUNCTION refuse_store() RETURNS trigger LANGUAGE plpgsql AS
                           $$ BEGIN RAISE EXCEPTION 'storage refused'; END $$)"_s));
    require(execute(owner, u"CREATE TRIGGER refuse_store BEFORE INSERT ON inbound_message FOR "
                           u"EACH ROW WHEN (NEW.mesh_message_id = '"_s +
                               ids[0] + u"') EXECUTE FUNCTION refuse_store()"_s));

    const ExchangeReport first = require(x.run());
    checkLeftAlone(x, first, ids[0], u"could not be stored"_s, before, 2);
    CHECK(first.leftInInbox.first().contains(u"storage refused"_s));

    require(execute(owner, u"DROP TRIGGER refuse_store ON inbound_message"_s));
    CHECK(require(x.run()).problems().isEmpty());
    CHECK(steps(x) == before + 3);
}
