// The exchange with cpis.schema_dir set, over the loopback MESH server: an upload that fails
// NHS England's schemas is not sent, a received message that fails them is quarantined, and a
// schema folder that cannot be loaded stops sending and processing, never skipping validation.
#include "config/config_store.h"
#include "cpis/schema_validator.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
void setSchemaDir(test::ExchangeWorld &x, const QString &dir)
{
    const Status set =
        ConfigStore(*x.world.connectAs(x.world.sysadmin)).set(u"cpis.schema_dir"_s, dir);
    INFO((set ? std::string() : set.error().message.toStdString()));
    REQUIRE(set.ok());
}

// An upload file ready to send with this body, as the builder leaves one; no other is built.
void readyUpload(test::ExchangeWorld &x, qint64 sequence, const QByteArray &body)
{
    require(execute(x.db.connection(), u"DELETE FROM upload_pending"_s));
    require(execute(
        x.db.connection(),
        u"INSERT INTO upload_file (sequence_number, message_id, record_count, body) VALUES ($1, gen_random_uuid(), 1, $2)"_s,
        {sequence, body}));
}

void replaceBody(test::ExchangeWorld &x, qint64 sequence, const QByteArray &body)
{
    require(execute(x.db.connection(),
                    u"UPDATE upload_file SET body = $1 WHERE sequence_number = $2"_s,
                    {body, sequence}));
}

int notValidAlerts(test::ExchangeWorld &x)
{
    return x.count(
        u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload not valid' AND recipient_role = 'cpis_sysadmin'"_s);
}
} // namespace

TEST_CASE("An upload that fails NHS England's schemas is not sent: it stays ready, says why, "
          "and alerts once for each reason; later uploads wait behind it",
          "[exchange][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    test::ExchangeWorld x;
    const QByteArray valid = test::schemaSample("upload.xml");
    readyUpload(x, 900, test::changed(valid, "<CP-ISRecord>", "<CP-ISRecord classCode=\"ACTN\">"));
    // A later file, valid, waits behind it: sent out of order, an older file could overwrite a
    // child's newer plan at CP-IS.
    require(execute(
        x.db.connection(),
        u"INSERT INTO upload_file (sequence_number, message_id, record_count, body) VALUES (901, gen_random_uuid(), 1, $1)"_s,
        {valid}));
    setSchemaDir(x, schemas);

    const ExchangeReport first = require(x.run());
    CHECK(first.uploadsSent.isEmpty());
    CHECK(x.mesh.sentMessages().isEmpty());
    CHECK(
        x.count(
            u"SELECT count(*) FROM upload_file WHERE sequence_number = 900 AND status = 'ready' AND detail LIKE $1"_s,
            {u"Not sent: not valid against NHS England's CP-IS schema: line 18: Element "
             "'{urn:hl7-org:v3}CP-ISRecord', attribute 'classCode'%"_s}) == 1);
    CHECK(notValidAlerts(x) == 1);
    CHECK(
        x.count(
            u"SELECT count(*) FROM alert WHERE body LIKE 'Upload 900 (1 records) was not sent to CP-IS.%line 18:%'"_s) ==
        1);

    // The same reason at the next exchange: still not sent, no second alert.
    require(x.run());
    CHECK(x.mesh.sentMessages().isEmpty());
    CHECK(notValidAlerts(x) == 1);

    // A new reason is a new alert.
    replaceBody(x, 900,
                test::changed(valid, "<given>Thomas</given><family>Example</family>",
                              "<family>Example</family><given>Thomas</given>"));
    require(x.run());
    CHECK(x.mesh.sentMessages().isEmpty());
    CHECK(notValidAlerts(x) == 2);
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE detail LIKE '%family%'"_s) == 1);

    // Once it is valid it goes, and no longer says why it did not.
    replaceBody(x, 900, valid);
    const ExchangeReport sent = require(x.run());
    CHECK(sent.uploadsSent == QList<qint64>{900, 901});
    REQUIRE(x.mesh.sentMessages().size() == 2);
    CHECK(x.mesh.sentMessages().first().body == valid);
    CHECK(
        x.count(
            u"SELECT count(*) FROM upload_file WHERE sequence_number = 900 AND status = 'sent' AND detail IS NULL"_s) ==
        1);
    CHECK(notValidAlerts(x) == 2);
}

// Hidden until the dms-codec branch lands (today's writer is not the DMS structure): then
// take the "." out of the tags, and the program's own upload must pass the schemas.
TEST_CASE("With the schemas set, the upload the program writes is valid and is sent",
          "[exchange][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    test::ExchangeWorld x;
    setSchemaDir(x, schemas);
    const ExchangeReport report = require(x.run());
    CHECK(report.uploadsSent.size() == 1);
    CHECK(x.mesh.sentMessages().size() == 1);
    CHECK(notValidAlerts(x) == 0);
}

TEST_CASE("A received message that fails NHS England's schemas is quarantined with the "
          "schema's first error",
          "[exchange][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    test::ExchangeWorld x;
    setSchemaDir(x, schemas);
    x.deliver(test::changed(test::schemaSample("access_notification.xml"),
                            "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                            "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    const ExchangeReport report = require(x.run());
    CHECK(report.quarantined() == 1);
    CHECK(
        x.count(
            u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined' AND reason LIKE $1"_s,
            {u"Not valid against NHS England's CP-IS schema: line 6: Element "
             "'{urn:hl7-org:v3}id', attribute 'root': '6a1b2c3d-%"_s}) == 1);
}

TEST_CASE("A schema folder that cannot be loaded stops sending and processing, alerts once, "
          "and still collects the inbox",
          "[exchange][schema]")
{
    test::ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-S1"_s, u"9990000026"_s));
    setSchemaDir(x, u"/no/such/dms-schemas"_s);

    const auto refused = x.run();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QString::fromLatin1(hl7::kErrorSchemaLoad));
    CHECK(refused.error().message.contains(u"/no/such/dms-schemas does not exist"_s));
    CHECK(x.mesh.sentMessages().isEmpty());
    CHECK(x.count(u"SELECT count(*) FROM upload_file WHERE status = 'sent'"_s) == 0);
    // Collected and stored, so MESH does not expire it, but not processed.
    CHECK(x.mesh.acknowledgedIds().size() == 1);
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'received'"_s) == 1);
    const QString alerts =
        u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS schemas not loaded' AND recipient_role = 'cpis_sysadmin' AND body LIKE '%/no/such/dms-schemas does not exist%'"_s;
    CHECK(x.count(alerts) == 1);
    CHECK(
        x.count(
            u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE '%could not be loaded%'"_s) ==
        1);

    CHECK_FALSE(x.run().ok());
    CHECK(x.count(alerts) == 1); // not one per run

    // Validation switched off: what waited is sent and processed.
    setSchemaDir(x, u""_s);
    require(x.run());
    CHECK(x.mesh.sentMessages().size() == 1);
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'received'"_s) == 0);
}
