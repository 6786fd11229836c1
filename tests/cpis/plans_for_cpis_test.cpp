// What the upload carries beyond today's plans: a plan recorded in error goes once more with a
// delete date until CP-IS accepts it, a child of 18 drops out without an error, and without
// the sending authority's settings no upload is built at all.
#include "cpis/data_quality.h"
#include "cpis/upload_message.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/upload_support.h"
#include "workflow/person_record.h"
#include "workflow/person_summary.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
BuiltUpload build(Connection &c)
{
    return test::buildUpload(c);
}

void acknowledgeAll(Connection &c, qint64 sequence)
{
    test::acknowledge(c, sequence, u"CPF02"_s);
}

Value valueOf(Connection &c, const QString &sql, const QVariantList &params = {})
{
    return require(queryValue(c, sql, params));
}

qint64 planOf(Connection &c, qint64 personId)
{
    return valueOf(c, u"SELECT id FROM plan WHERE person_id = $1 ORDER BY id LIMIT 1"_s, {personId})
        .integer();
}

void queueAgain(Connection &c, qint64 personId)
{
    REQUIRE(execute(c,
                    u"INSERT INTO upload_pending (person_id) VALUES ($1) ON CONFLICT DO NOTHING"_s,
                    {personId})
                .ok());
}
} // namespace

TEST_CASE("A plan recorded in error goes with a delete date until CP-IS accepts it, and is never "
          "current again",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &c = db.connection();
    const qint64 plan = planOf(c, world.childId);
    const BuiltUpload first = build(c);
    REQUIRE(first.recordCount == 1);
    CHECK_FALSE(
        require(hl7::readUpload(first.body)).records.value(0).plans.value(0).deleteDate.isValid());
    acknowledgeAll(c, first.sequenceNumber);
    CHECK(require(loadPersonRecord(c, world.childId)).cpis.status == u"shared"_s);

    // Only those who may record the child (issue 19) and the CP-IS administrators may, and they
    // must say why: a key worker not involved with the child is refused.
    auto byKeyWorker =
        execute(*world.connectAs(world.otherKeyWorker),
                u"SELECT record_plan_in_error(pl.id, p.row_version, 'wrong child') FROM plan pl "
                u"JOIN person p ON p.id = pl.person_id WHERE pl.id = $1"_s,
                {plan});
    CHECK_FALSE(byKeyWorker.ok());
    auto sysadmin = world.connectAs(world.sysadmin);
    auto noReason = execute(*sysadmin,
                            u"SELECT record_plan_in_error(pl.id, p.row_version, '  ') FROM plan pl "
                            u"JOIN person p ON p.id = pl.person_id WHERE pl.id = $1"_s,
                            {plan});
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().message.contains(u"Say why"_s));
    REQUIRE(execute(*sysadmin,
                    u"SELECT record_plan_in_error(pl.id, p.row_version, 'Recorded against the "
                    u"wrong child.') FROM plan pl "
                    u"JOIN person p ON p.id = pl.person_id WHERE pl.id = $1"_s,
                    {plan})
                .ok());
    CHECK(valueOf(c, u"SELECT count(*) FROM audit WHERE action = 'plan.recorded_in_error'"_s)
              .integer() == 1);
    CHECK(valueOf(c, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s, {world.childId})
              .integer() == 1);
    auto twice = execute(*sysadmin,
                         u"SELECT record_plan_in_error(pl.id, p.row_version, 'again') FROM plan pl "
                         u"JOIN person p ON p.id = pl.person_id WHERE pl.id = $1"_s,
                         {plan});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message.contains(u"already recorded in error"_s));

    // Never shown as a current plan.
    const PersonSummary summary = require(loadPersonSummary(c, world.childId));
    REQUIRE(summary.plans.size() == 1);
    CHECK(summary.plans[0].recordedInError);
    CHECK(summary.plans[0].errorReason == u"Recorded against the wrong child."_s);

    // The next upload sends it with today's date as its delete date.
    const BuiltUpload deletion = build(c);
    REQUIRE(deletion.recordCount == 1);
    const hl7::UploadRecord record = require(hl7::readUpload(deletion.body)).records.value(0);
    CHECK(record.ids.nhsNumber == u"9990000026"_s);
    CHECK(record.plans.value(0).kind == hl7::PlanInformation::ChildProtection);
    CHECK(record.plans.value(0).deleteDate == QDate::currentDate());

    // Not acknowledged yet: a change queues the child, and the deletion goes again.
    queueAgain(c, world.childId);
    const BuiltUpload again = build(c);
    REQUIRE(again.recordCount == 1);
    CHECK(require(hl7::readUpload(again.body)).records.value(0).plans.value(0).deleteDate ==
          QDate::currentDate());

    // Accepted: it is never sent again, with or without the delete date.
    acknowledgeAll(c, again.sequenceNumber);
    CHECK(require(loadPersonRecord(c, world.childId)).cpis.status.isEmpty()); // not "shared"
    queueAgain(c, world.childId);
    const BuiltUpload after = build(c);
    CHECK(after.recordCount == 0);
    CHECK(after.fileId == 0);
    CHECK(valueOf(c, u"SELECT count(*) FROM upload_pending"_s).integer() == 0);

    // Nor does it count as a problem or as in scope.
    const DataQualityReport quality = require(loadDataQuality(*sysadmin));
    CHECK(quality.inScope == 0);
}

TEST_CASE("A plan recorded in error that CP-IS never had is not sent at all", "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &c = db.connection();
    REQUIRE(execute(*world.connectAs(world.sysadmin),
                    u"SELECT record_plan_in_error(pl.id, p.row_version, 'Typed in by mistake.') "
                    u"FROM plan pl "
                    u"JOIN person p ON p.id = pl.person_id WHERE pl.id = $1"_s,
                    {planOf(c, world.childId)})
                .ok());
    const BuiltUpload built = build(c);
    CHECK(built.recordCount == 0);
    CHECK(built.blocked.isEmpty());
}

TEST_CASE("At 18 a child drops out of the upload: no error, no alert, and the record says "
          "Ended at 18",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &c = db.connection();
    const QDate today = QDate::currentDate();
    // Eighteen today, eighteen tomorrow, and one of 18 with no NHS number (not a problem now).
    const auto addChild = [&](const QString &forename, const QDate &born, const QString &number) {
        const qint64 id = valueOf(c, uR"(
            INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
            VALUES ($1, 'Marsh', 'Female', $2, $3, CASE WHEN $4 THEN 'recorded' ELSE 'unknown' END) RETURNING id)"_s,
                                  {forename, born, number.isEmpty() ? QVariant() : QVariant(number),
                                   !number.isEmpty()})
                              .integer();
        REQUIRE(
            execute(
                c,
                u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'C2', '2020-01-01')"_s,
                {id})
                .ok());
        return id;
    };
    const qint64 adult = addChild(u"Erin"_s, today.addYears(-18), u"9990000034"_s);
    const qint64 nearly = addChild(u"Faye"_s, today.addYears(-18).addDays(1), u"9990000042"_s);
    const qint64 noNumber = addChild(u"Gina"_s, today.addYears(-19), QString());

    const BuiltUpload built = build(c);
    CHECK(built.recordCount == 2); // Thomas and Faye
    CHECK(built.blocked.isEmpty());
    CHECK(built.endedAt18.size() == 2);
    CHECK(built.endedAt18.contains(adult));
    CHECK(built.endedAt18.contains(noNumber));
    for (const hl7::UploadRecord &r : require(hl7::readUpload(built.body)).records)
        CHECK(r.ids.nhsNumber != u"9990000034"_s);
    CHECK(valueOf(c, u"SELECT count(*) FROM alert"_s).integer() == 0);
    CHECK(valueOf(c, u"SELECT count(*) FROM upload_pending"_s).integer() == 0);
    CHECK(valueOf(c, u"SELECT status FROM person_cpis_status WHERE person_id = $1"_s, {adult})
              .text() == u"ended_at_18"_s);
    CHECK(require(loadPersonRecord(c, adult)).cpis.status == u"ended_at_18"_s);
    CHECK(require(loadPersonRecord(c, nearly)).cpis.status == u"sent"_s);

    // Shared before, and 18 since: the record says so without an upload.
    REQUIRE(execute(c, u"UPDATE person_cpis_status SET status = 'shared' WHERE person_id = $1"_s,
                    {nearly})
                .ok());
    REQUIRE(execute(c, u"UPDATE person SET date_of_birth = $1 WHERE id = $2"_s,
                    {today.addYears(-18).addDays(-1), nearly})
                .ok());
    CHECK(require(loadPersonRecord(c, nearly)).cpis.status == u"ended_at_18"_s);

    const DataQualityReport quality = require(loadDataQuality(*world.connectAs(world.sysadmin)));
    CHECK(quality.inScope == 1); // Thomas
    CHECK(quality.rows.isEmpty());
}

TEST_CASE("Without the sending authority's settings no upload is built: nothing leaves the "
          "queue, the administrators are alerted once and the run says which setting",
          "[upload][exchange]")
{
    test::ExchangeWorld w;
    Connection &c = w.db.connection();
    for (const QString &key : {u"cpis.authority_ods"_s, u"cpis.authority_name"_s,
                               u"cpis.phone_office_hours"_s, u"cpis.phone_out_of_hours"_s}) {
        INFO(key.toStdString());
        const QString before =
            valueOf(c, u"SELECT value FROM config WHERE key = $1"_s, {key}).text();
        REQUIRE(execute(c, u"UPDATE config SET value = '' WHERE key = $1"_s, {key}).ok());
        const BuiltUpload refused = build(c);
        CHECK(refused.fileId == 0);
        CHECK(refused.refused.contains(key));
        CHECK(refused.refused.contains(u"cpisctl config set"_s));
        CHECK(refused.refused.contains(u"Configuration"_s));
        CHECK(w.count(u"SELECT count(*) FROM upload_pending"_s) == 1);
        REQUIRE(execute(c, u"UPDATE config SET value = $1 WHERE key = $2"_s, {before, key}).ok());
    }
    CHECK(w.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload refused'"_s) == 4);

    REQUIRE(
        execute(c, u"UPDATE config SET value = '' WHERE key = 'cpis.phone_out_of_hours'"_s).ok());
    for (int run = 0; run < 2; ++run) {
        auto report = w.run();
        REQUIRE(report.ok());
        CHECK(report->uploadsSent.isEmpty());
        CHECK(report->uploadRefused.contains(u"cpis.phone_out_of_hours"_s));
    }
    CHECK(w.count(u"SELECT count(*) FROM upload_pending"_s) == 1);
    CHECK(w.count(u"SELECT count(*) FROM upload_file"_s) == 0);
    CHECK(w.count(uR"(SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload refused'
                      AND body LIKE '%cpis.phone_out_of_hours%' AND recipient_role = 'cpis_sysadmin')"_s) ==
          1);
    CHECK(w.count(uR"(SELECT count(*) FROM exchange_run WHERE status = 'failed'
                      AND error LIKE '%cpis.phone_out_of_hours is empty%')"_s) == 2);

    // With nobody waiting there is nothing to refuse: the run is not a failure.
    REQUIRE(execute(c, u"DELETE FROM upload_pending"_s).ok());
    auto idle = w.run();
    REQUIRE(idle.ok());
    CHECK(idle->uploadRefused.isEmpty());
    CHECK(w.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed'"_s) == 2);
    REQUIRE(execute(c, u"INSERT INTO upload_pending (person_id) VALUES ($1)"_s, {w.world.childId})
                .ok());

    // Set, the next run sends it, with the number as digits.
    REQUIRE(
        execute(
            c,
            u"UPDATE config SET value = '+44 1632 960999' WHERE key = 'cpis.phone_out_of_hours'"_s)
            .ok());
    auto sent = w.run();
    REQUIRE(sent.ok());
    CHECK(sent->uploadsSent.size() == 1);
    CHECK(sent->uploadRefused.isEmpty());
    CHECK(phoneForSending(u" +44 1632 960999"_s) == u"+441632960999"_s);
    CHECK(phoneForSending(u"01632 960000"_s) == u"01632960000"_s);
}
