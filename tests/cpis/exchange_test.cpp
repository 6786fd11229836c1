// Whole exchanges against the loopback MESH server and a real database: uploads go out,
// notifications come in and become work, and nothing is acknowledged before it is stored.
#include "config/config_store.h"
#include "cpis/exchange.h"
#include "cpis/upload_message.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
const QString kMailbox = test::kMeshMailbox;
const QString kCpisMailbox = test::kCpisMailbox;
using test::ExchangeWorld;

QByteArray notification(const QString &id, const QString &nhsNumber = u"9990000026"_s)
{
    return test::accessNotification(id, nhsNumber);
}
} // namespace

TEST_CASE("A notification in the mailbox becomes a step, the child's plan goes out and its "
          "acknowledgement comes back",
          "[exchange]")
{
    ExchangeWorld x;
    x.deliver(notification(u"ASN-1"_s));
    const QString conninfo = [&] {
        ConnInfo info = x.db.connInfo();
        info.set(u"user"_s, x.world.exchange.login);
        return info.toKeywordValueString();
    }();

    const auto run = test::runCpisctl({u"exchange"_s, u"--once"_s, u"--database"_s, conninfo});
    INFO(run.out.toStdString() + run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(u"1 upload(s) sent, 1 message(s) received, 0 quarantined"_s));
    CHECK(x.mesh.inboxIds(kMailbox).isEmpty());

    const auto workview =
        test::runCpisctl({u"workview"_s, u"CP-IS Worker"_s, u"--database"_s, conninfo});
    CHECK(workview.out.contains(u"Incoming work (2)"_s)); // the world's own step, and the new one

    // The upload reached the CP-IS mailbox, numbered, carrying Thomas.
    const auto sent = x.mesh.sentMessages();
    REQUIRE(sent.size() == 1);
    CHECK(sent.first().header("mex-to") == kCpisMailbox.toUtf8());
    CHECK(sent.first().header("mex-workflowid") == "CPIS_UPLOAD");
    const hl7::Upload upload = require(hl7::readUpload(sent.first().body));
    CHECK(upload.records.first().ids.nhsNumber == u"9990000026"_s);
    CHECK(x.count(
              u"SELECT count(*) FROM person_cpis_status WHERE person_id = $1 AND status = 'sent'"_s,
              {x.world.childId}) == 1);

    // CP-IS acknowledges: the child is shared.
    MeshMessage ack;
    ack.messageType = u"DATA"_s;
    ack.body = test::acknowledgement(upload.sequenceNumber, u"CPF02"_s);
    x.mesh.putInbox(kMailbox, ack);
    const ExchangeReport second = require(x.run());
    CHECK(second.uploadsSent.isEmpty());
    CHECK(
        x.count(
            u"SELECT count(*) FROM person_cpis_status WHERE person_id = $1 AND status = 'shared'"_s,
            {x.world.childId}) == 1);
}

TEST_CASE("A notification delivered twice becomes exactly one step", "[exchange]")
{
    ExchangeWorld x;
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    x.deliver(notification(u"ASN-2"_s));
    x.deliver(notification(u"ASN-2"_s));
    const ExchangeReport report = require(x.run());
    CHECK(report.inbound.size() == 2);
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
    CHECK(x.mesh.acknowledgedIds().size() == 2);
}

TEST_CASE("Nothing is acknowledged before it is stored", "[exchange]")
{
    ExchangeWorld x;
    const QString id = x.deliver(notification(u"ASN-3"_s));
    // The database refuses to store anything, as if it had failed.
    auto &owner = x.db.connection();
    REQUIRE(execute(owner, uR"(CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
                           $$ BEGIN RAISE EXCEPTION 'disk full'; END $$)"_s)
                .ok());
    REQUIRE(
        execute(
            owner,
            u"CREATE TRIGGER refuse BEFORE INSERT ON inbound_message FOR EACH ROW EXECUTE FUNCTION refuse()"_s)
            .ok());
    // Not a lost connection: the message is left in the inbox for the next run, in words, and
    // the run goes on with the others (issue 18).
    const ExchangeReport left = require(x.run());
    REQUIRE(left.leftInInbox.size() == 1);
    CHECK(left.leftInInbox.first().contains(u"could not be stored: disk full"_s));
    CHECK(x.mesh.acknowledgedIds().isEmpty());
    CHECK(x.mesh.inboxIds(kMailbox) == QStringList{id});

    // Once the database is back, the next exchange gets it, once.
    REQUIRE(execute(owner, u"DROP TRIGGER refuse ON inbound_message"_s).ok());
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    require(x.run());
    CHECK(x.mesh.acknowledgedIds() == QStringList{id});
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
}

TEST_CASE("A connection dropped mid-download is retried and the message processed once",
          "[exchange]")
{
    ExchangeWorld x;
    const QString id = x.deliver(notification(u"ASN-4"_s));
    x.mesh.dropConnectionMidDownloadOnce(id);
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
    CHECK(x.mesh.acknowledgedIds() == QStringList{id});
}

TEST_CASE("A second exchange while one runs refuses and says so", "[exchange]")
{
    ExchangeWorld x;
    auto other = x.world.connectAs(x.world.exchange);
    REQUIRE(execute(*other, u"SET application_name = 'the other exchange'"_s).ok());
    Exchange running(*other);
    REQUIRE(running.takeLock().ok());
    auto refused = x.run();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"exchange.busy"_s);
    CHECK(refused.error().message.contains(u"the other exchange"_s)); // it names the holder
    CHECK(x.mesh.requestLog().isEmpty());                             // it did not touch MESH
    running.releaseLock();
    CHECK(x.run().ok());
    // A holder whose session is gone holds nothing.
    REQUIRE(running.takeLock().ok());
    other.reset();
    // The backend leaves pg_stat_activity a moment after its client has gone.
    CHECK(QTest::qWaitFor([&] { return require(Exchange::lockHolder(*x.exchangeLogin)).isEmpty(); },
                          10000));
    CHECK(x.run().ok());
}

TEST_CASE("A MESH REPORT about an upload marks it failed, alerts, and queues its children again",
          "[exchange]")
{
    ExchangeWorld x;
    require(x.run());
    REQUIRE(x.mesh.sentMessages().size() == 1);
    MeshMessage report;
    report.messageType = u"REPORT"_s;
    report.linkedMessageId = x.mesh.sentMessages().first().id;
    report.statusCode = u"15"_s;
    report.statusDescription = u"Bad CP-IS file"_s;
    x.mesh.putInbox(kMailbox, report);
    require(x.run());
    CHECK(
        x.count(
            u"SELECT count(*) FROM upload_file WHERE status = 'failed' AND detail LIKE '%Bad CP-IS file%'"_s) ==
        1);
    CHECK(
        x.count(
            u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload failed' AND body LIKE '%error 15%'"_s) ==
        1);
    CHECK(x.count(u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                  {x.world.childId}) == 1);
}

TEST_CASE("Wrong MESH credentials are reported clearly and nothing is acknowledged", "[exchange]")
{
    ExchangeWorld x;
    x.deliver(notification(u"ASN-5"_s));
    REQUIRE(
        ConfigStore(*x.world.connectAs(x.world.sysadmin)).set(u"mesh.password"_s, u"wrong"_s).ok());
    auto refused = x.run();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"mesh.auth"_s);
    CHECK_FALSE(refused.error().message.contains(u"wrong"_s));
    CHECK(x.mesh.acknowledgedIds().isEmpty());
    // The upload was built but not sent: it goes at the next exchange.
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'ready'"_s) == 1);
}

TEST_CASE(
    "Every exchange is logged for the monitor, and one that has stalled for a day alerts once",
    "[exchange]")
{
    ExchangeWorld x;
    require(execute(
        x.db.connection(),
        u"INSERT INTO exchange_run (started_at, finished_at, status, error) VALUES (now() - interval '2 days', now() - interval '2 days', 'failed', 'MESH unreachable')"_s));
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS exchange stalled'"_s) ==
          1);
    CHECK(
        x.count(
            u"SELECT count(*) FROM exchange_run WHERE status = 'ok' AND finished_at IS NOT NULL AND uploads_sent = 1"_s) ==
        1);
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS exchange stalled'"_s) ==
          1);

    // A failed run is logged with its reason.
    REQUIRE(
        ConfigStore(*x.world.connectAs(x.world.sysadmin)).set(u"mesh.password"_s, u"wrong"_s).ok());
    CHECK_FALSE(x.run().ok());
    CHECK(
        x.count(
            u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE 'MESH refused the credentials%'"_s) ==
        1);
}
