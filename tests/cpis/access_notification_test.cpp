// Access to Service Notifications in the real DMS structure against a real database: one
// step per child a notification names, the source known from the author's template and the
// authority's own list of organisations, never from words in a name.
#include "config/config_store.h"
#include "cpis/access_notification_message.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "workflow/step_service.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
const QDateTime kAccessed(QDate(2026, 11, 20), QTime(14, 32), QTimeZone::utc());

hl7::AccessRecord byClinician(const QString &ods, const QString &organisation)
{
    hl7::AccessRecord a;
    a.accessedAt = kAccessed;
    a.queryId = u"6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F"_s;
    a.organisation = {ods, organisation};
    a.accessorName = u"Dr Priya Raman"_s;
    a.accessorRoleCode = u"R0260"_s;
    a.accessorRole = u"Emergency Department Doctor"_s;
    a.accessorUserId = u"555123456789"_s;
    return a;
}

hl7::AccessRecord bySystem()
{
    hl7::AccessRecord a;
    a.accessedAt = kAccessed;
    a.queryId = u"7F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F"_s;
    a.organisation = {u"NQT"_s, u"Derbyshire Health United"_s}; // no "111" in the name
    a.bySystem = true;
    a.systemId = u"200000000123"_s;
    a.leadName = u"Karen Holt"_s;
    a.leadRoleCode = u"R8003"_s;
    a.leadRole = u"Safeguarding Lead Nurse"_s;
    return a;
}

hl7::RecordAccess recordOf(const QString &nhsNumber, const QList<hl7::AccessRecord> &accesses)
{
    return {{nhsNumber, {}, {}}, 1, accesses};
}

QByteArray notification(const QString &id, const QList<hl7::RecordAccess> &records)
{
    hl7::AccessNotification n;
    n.notificationId = id;
    n.createdAt = QDateTime(QDate(2026, 11, 20), QTime(15, 0), QTimeZone::utc());
    n.totalReturned = int(records.size());
    n.recipient = {u"830"_s, u"Derbyshire County Council"_s};
    n.records = records;
    return hl7::writeAccessNotification(n);
}

struct Inbound
{
    test::TestDatabase &db;
    InboundProcessor processor{db.connection()};

    InboundOutcome receive(const QByteArray &body)
    {
        return require(
            processor.process(require(processor.store({body, u"import"_s, {}, {}, {}}))));
    }
    int count(const QString &sql, const QVariantList &params = {})
    {
        return int(require(queryValue(db.connection(), sql, params)).integer());
    }
};

qint64 secondChild(Connection &c)
{
    const qint64 id = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Ellie', 'Marsh', 'Female', '2019-05-04', '9990000093', 'recorded') RETURNING id)"_s))
                          .integer();
    REQUIRE(
        execute(
            c, u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2026-01-05')"_s,
            {id})
            .ok());
    return id;
}
} // namespace

TEST_CASE("A notification naming two children makes a step for each, once", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 ellie = secondChild(db.connection());
    Inbound in{db};
    const int before = in.count(u"SELECT count(*) FROM work_step"_s);
    const QByteArray body = notification(
        u"0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s,
        {recordOf(u"9990000026"_s, {byClinician(u"RTG"_s, u"Royal Derby Hospital"_s)}),
         recordOf(u"9990000093"_s, {byClinician(u"RTG"_s, u"Royal Derby Hospital"_s)})});

    const InboundOutcome outcome = in.receive(body);
    REQUIRE(outcome.status == u"processed"_s);
    CHECK(outcome.text.contains(u"Thomas Turner"_s));
    CHECK(outcome.text.contains(u"Ellie Marsh"_s));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before + 2);
    CHECK(in.count(u"SELECT count(*) FROM work_step WHERE subject_id = $1"_s, {ellie}) == 1);

    // The same notification again (imported as other bytes) makes nothing more.
    const InboundOutcome again = in.receive(body + "<!-- again -->");
    CHECK(again.text.contains(u"already processed"_s));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before + 2);
}

TEST_CASE("A notification naming a child nobody has is kept whole, and makes no step", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int before = in.count(u"SELECT count(*) FROM work_step"_s);
    const InboundOutcome outcome = in.receive(notification(
        u"1A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s,
        {recordOf(u"9990000026"_s, {byClinician(u"RTG"_s, u"Royal Derby Hospital"_s)}),
         recordOf(u"9990000107"_s, {byClinician(u"RTG"_s, u"Royal Derby Hospital"_s)})}));
    CHECK(outcome.status == u"quarantined"_s);
    CHECK(outcome.text == u"No child has the NHS number 9990000107."_s);
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before);
}

TEST_CASE("An access by a system is a 111 or out-of-hours access by its template, whatever its "
          "name, and proposes the DHU note",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const InboundOutcome outcome = in.receive(notification(
        u"2A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s, {recordOf(u"9990000026"_s, {bySystem()})}));
    REQUIRE(outcome.status == u"processed"_s);
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    const StepDetail step = require(steps.load(outcome.stepId));
    CHECK(step.source == u"dhu_111"_s);
    CHECK(step.comments.contains(u"Derbyshire Health United (ODS NQT)"_s));
    CHECK(step.comments.contains(u"111 or out of hours"_s));
    CHECK(step.comments.contains(u"system 200000000123"_s));
    CHECK(step.comments.contains(u"Karen Holt (Safeguarding Lead Nurse)"_s));
    require(steps.start(outcome.stepId));
    CHECK(require(steps.proposeRequest(outcome.stepId)).note.contains(u"triggered by DHU"_s));
}

TEST_CASE("The authority's list of organisations sets the source category", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto sysadmin = world.connectAs(world.sysadmin);
    ConfigStore config(*sysadmin);
    REQUIRE(
        config.set(u"cpis.access_sources"_s, u"rtg = minor_injury_unit, NQT9=out_of_hours_111"_s)
            .ok());
    CHECK(require(config.get(u"cpis.access_sources"_s)).value ==
          u"NQT9=out_of_hours_111,RTG=minor_injury_unit"_s);
    const Status refused = config.set(u"cpis.access_sources"_s, u"RTG=hospital"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"\"RTG=hospital\" is not ODS=category"_s));

    Inbound in{db};
    const InboundOutcome mia = in.receive(
        notification(u"3A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s,
                     {recordOf(u"9990000026"_s, {byClinician(u"RTG"_s, u"Ilkeston MIU"_s)})}));
    auto admin = world.connectAs(world.admin);
    const StepDetail miu = require(StepService(*admin).load(mia.stepId));
    CHECK(miu.source == u"ae"_s);
    CHECK(miu.comments.contains(u"(minor injury unit)"_s));

    // A clinician at an organisation the authority lists as out of hours: the DHU note.
    const InboundOutcome ooh = in.receive(
        notification(u"4A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s,
                     {recordOf(u"9990000026"_s, {byClinician(u"NQT9"_s, u"GP out of hours"_s)})}));
    CHECK(require(StepService(*admin).load(ooh.stepId)).source == u"dhu_111"_s);
}

TEST_CASE("An inactive-number notification naming two children records both", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 ellie = secondChild(db.connection());
    Inbound in{db};
    hl7::InactiveNhsNumberNotification n;
    n.notificationId = u"5A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s;
    n.createdAt = QDateTime(QDate(2026, 11, 21), QTime(9, 0), QTimeZone::utc());
    n.recipient = {u"830"_s, u"Derbyshire County Council"_s};
    n.patients = {{{u"9990000026"_s, {}, {}}, {u"9990000034"_s}, 1},
                  {{u"9990000093"_s, {}, {}}, {}, 1}};
    const InboundOutcome outcome = in.receive(hl7::writeInactiveNhsNumber(n));
    REQUIRE(outcome.status == u"processed"_s);
    CHECK(in.count(u"SELECT count(*) FROM person WHERE id = $1 AND nhs_number = '9990000034'"_s,
                   {world.childId}) == 1);
    CHECK(
        in.count(u"SELECT count(*) FROM person WHERE id = $1 AND nhs_number_status = 'inactive'"_s,
                 {ellie}) == 1);
}
