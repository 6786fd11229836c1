// Children's records (issue 19): who may record, the rules each change checks, and the person
// search, as real logins through the services and through plain SQL.
#include "cpis/data_quality.h"
#include "cpis/upload_message.h"
#include "db/error_codes.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/security_checks.h"
#include "support/upload_support.h"
#include "workflow/person_record.h"
#include "workflow/person_records.h"
#include "workflow/person_search.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
int versionOf(Connection &owner, qint64 person)
{
    return int(
        valueOf(owner, u"SELECT row_version FROM person WHERE id = $1"_s, {person}).integer());
}

QStringList namesFound(Connection &c, const QString &text)
{
    QStringList names;
    for (const PersonSearchHit &hit : require(PersonSearch(c).find(text)))
        names << hit.name;
    return names;
}
} // namespace

TEST_CASE("A records officer records a new child, and a duplicate NHS number is refused by name",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = addRecordsOfficer(owner);
    auto c = world.connectAs(officer.login);
    PersonRecords records(*c);

    PersonRecords::NewChild child;
    child.forenames = u"Lily"_s;
    child.surname = u"Marsh"_s;
    child.gender = u"Female"_s;
    child.dateOfBirth = QDate(2020, 3, 14);
    child.nhsNumber = u"999 000 0026"_s; // Thomas Turner's
    const auto duplicates = require(records.possibleDuplicates(child));
    REQUIRE(duplicates.size() == 1);
    CHECK(duplicates[0].reason == u"nhs_number"_s);
    CHECK(duplicates[0].name == u"Thomas Turner"_s);

    const std::string before = fingerprint(owner);
    auto refused = records.addChild(child);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == QLatin1String(errc::kInvalid));
    CHECK(refused.error().message.contains(u"Thomas Turner (person ID 3549728)"_s));
    CHECK(refused.error().column == u"nhs_number"_s); // for the dialog to show it there
    CHECK(fingerprint(owner) == before);

    child.nhsNumber = u"999 100 0004"_s; // fails the check digit
    auto badDigit = records.addChild(child);
    REQUIRE_FALSE(badDigit);
    CHECK(badDigit.error().message.contains(u"check digit"_s));

    child.nhsNumber = u"999 100 0003"_s;
    const qint64 lily = require(records.addChild(child));
    CHECK(textOf(owner,
                 u"SELECT nhs_number || ' ' || nhs_number_status FROM person WHERE id = $1"_s,
                 {lily}) == "9991000003 recorded");
    CHECK(
        countOf(owner,
                u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = 'person.created'"_s,
                {lily}) == 1);

    // The same legal name and date of birth: a warning to confirm, then saved.
    PersonRecords::NewChild twin = child;
    twin.nhsNumber.clear();
    auto unconfirmed = records.addChild(twin);
    REQUIRE_FALSE(unconfirmed);
    CHECK(unconfirmed.error().message.contains(u"confirm"_s));
    twin.confirmed = true;
    CHECK(require(records.addChild(twin)) > lily);
}

TEST_CASE("A key worker cannot change a child they are not involved with, and nothing changes",
          "[workflow][records][security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const int version = versionOf(owner, world.childId);
    const std::string before = fingerprint(owner);

    for (const CaseWorld::User *user : {&world.otherKeyWorker, &world.admin, &world.sysadmin}) {
        INFO(user->login.toStdString());
        auto c = world.connectAs(*user);
        PersonRecords records(*c);
        auto person = require(records.load(world.childId));
        CHECK_FALSE(person.mayRecord);
        person.surname = u"Changed"_s;
        CHECK(codeOf(records.editDetails(person)) == errc::kDenied);
        CHECK(codeOf(records.uploadAgainNow(world.childId, version)) == errc::kDenied);
        CHECK(
            sqlStateOf(
                *c,
                u"SELECT edit_person_details($1, $2, 'Thomas', 'Changed', 'Male', '2016-11-28', NULL)"_s,
                {world.childId, version}) == "42501");
        CHECK(sqlStateOf(*c, u"UPDATE person SET legal_surname = 'Changed' WHERE id = $1"_s,
                         {world.childId}) == "42501");
        CHECK(fingerprint(owner) == before);
    }

    // Their own key worker may, once; the second change from the same version is stale.
    auto c = world.connectAs(world.keyWorker);
    PersonRecords records(*c);
    auto person = require(records.load(world.childId));
    CHECK(person.mayRecord);
    CHECK_FALSE(person.mayRestrict);
    person.forenames = u"Tom"_s;
    const int next = require(records.editDetails(person));
    CHECK(next == version + 1);
    CHECK(codeOf(records.editDetails(person)) == errc::kStale);
    CHECK(textOf(owner, u"SELECT legal_forenames FROM person WHERE id = $1"_s, {world.childId}) ==
          "Tom");
    // The change goes to CP-IS: the child is on a shared plan.
    CHECK(countOf(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                  {world.childId}) == 1);
}

TEST_CASE("The person search finds by each key and hides restricted children",
          "[workflow][records][search]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    require(execute(owner,
                    u"INSERT INTO person_other_name (person_id, kind, forenames, surname) "
                    u"VALUES ($1, 'Known as', 'Tommy', 'Blake')"_s,
                    {world.childId}));
    const qint64 hidden = addRestrictedChild(owner, world.otherKeyWorker.workerId);
    require(execute(owner,
                    u"UPDATE person SET nhs_number = '9991000046', nhs_number_status = 'recorded' "
                    u"WHERE id = $1"_s,
                    {hidden}));
    auto c = world.connectAs(world.keyWorker);

    CHECK(namesFound(*c, u"turn"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"BLAKE"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"3549728"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"999 000 0026"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"9990000026"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"28/11/2016"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"2016-11-28"_s) == QStringList{u"Thomas Turner"_s});
    const auto hit = require(PersonSearch(*c).find(u"turner"_s)).value(0);
    CHECK(hit.nhsNumber == u"999 000 0026"_s);
    CHECK(hit.keyWorker == u"Jane Okafor"_s);
    CHECK(hit.dateOfBirth == QDate(2016, 11, 28));

    // Amelia Hart is restricted: only the worker granted her finds her, by any key.
    for (const QString &key :
         {u"hart"_s, QString::number(hidden), u"01/05/2019"_s, u"2019-05-01"_s, u"999 100 0046"_s})
        CHECK(namesFound(*c, key).isEmpty());
    for (const QString &key : {u"hart"_s, u"999 100 0046"_s, u"2019-05-01"_s})
        CHECK(namesFound(*world.connectAs(world.otherKeyWorker), key) ==
              QStringList{u"Amelia Hart"_s});
    CHECK(codeOf(PersonSearch(*c).find(u"t"_s)) == errc::kInvalid);
}

TEST_CASE("An unborn child is recorded with the mother, born, and moves to their own plan",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = addRecordsOfficer(owner);
    auto c = world.connectAs(officer.login);
    PersonRecords records(*c);

    PersonRecords::NewChild mother;
    mother.forenames = u"Grace"_s;
    mother.surname = u"Hollis"_s;
    mother.gender = u"Female"_s;
    mother.dateOfBirth = QDate(1998, 6, 2);
    mother.nhsNumber = u"9991000011"_s;
    const qint64 motherId = require(records.addChild(mother));

    PersonRecords::NewChild unborn;
    unborn.forenames = u"Unborn"_s;
    unborn.surname = u"Hollis"_s;
    unborn.expectedDelivery = QDate::currentDate().addDays(20);
    unborn.motherId = motherId;
    const qint64 baby = require(records.addChild(unborn));
    auto person = require(records.load(baby));
    CHECK(person.unborn());
    CHECK(person.motherName == u"Grace Hollis"_s);
    CHECK(codeOf(records.recordNhsNumber(baby, person.rowVersion, u"9991000038"_s)) ==
          errc::kInvalid);
    CHECK(codeOf(records.startPlan(baby, person.rowVersion, u"CPP"_s, QDate::currentDate())) ==
          errc::kInvalid);
    int v = require(
        records.startPlan(baby, person.rowVersion, u"UCPP"_s, QDate::currentDate().addDays(-3)));

    PersonRecords::Birth birth{QDate::currentDate(), u"Ava"_s,          u"Hollis"_s,
                               u"Female"_s,          u"999 100 0038"_s, true};
    v = require(records.recordBirth(baby, v, birth));
    person = require(records.load(baby));
    CHECK(person.rowVersion == v);
    CHECK(person.dateOfBirth == QDate::currentDate());
    CHECK(person.nhsNumber == u"9991000038"_s);
    REQUIRE(person.plans.size() == 2);
    CHECK(person.plans[0].kind == u"CPP"_s);
    CHECK_FALSE(person.plans[0].end.isValid());
    CHECK(person.plans[1].kind == u"UCPP"_s);
    CHECK(person.plans[1].end == QDate::currentDate());
    CHECK(countOf(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s, {baby}) ==
          1);
}

TEST_CASE("Key worker, plans in error, NHS number history and restriction by the records role",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = addRecordsOfficer(owner);
    auto c = world.connectAs(officer.login);
    PersonRecords records(*c);
    auto person = require(records.load(world.childId));
    CHECK(person.mayRecord);
    CHECK(person.mayRestrict);

    const auto workers = require(records.caseworkers());
    CHECK(std::none_of(workers.cbegin(), workers.cend(),
                       [&](const Caseworker &w) { return w.id == world.admin.workerId; }));
    int v = require(
        records.allocateKeyWorker(world.childId, person.rowVersion, world.otherKeyWorker.workerId));
    CHECK(
        valueOf(owner, u"SELECT subject_key_worker FROM work_step WHERE id = $1"_s, {world.stepId})
            .integer() == world.otherKeyWorker.workerId);
    // The first key worker is no longer involved, so may no longer change the record.
    CHECK(
        codeOf(PersonRecords(*world.connectAs(world.keyWorker)).uploadAgainNow(world.childId, v)) ==
        errc::kDenied);

    v = require(records.correctNhsNumber(world.childId, v, u"9991000046"_s,
                                         u"Typed wrongly at referral"_s));
    CHECK(codeOf(records.correctNhsNumber(world.childId, v, u"9991000054"_s, u""_s)) ==
          errc::kInvalid);
    CHECK(
        countOf(
            owner,
            u"SELECT count(*) FROM nhs_number_change WHERE person_id = $1 AND reason = 'Typed wrongly at referral'"_s,
            {world.childId}) == 1);
    v = require(records.markNhsNumberVerified(world.childId, v));

    const qint64 plan =
        valueOf(owner, u"SELECT id FROM plan WHERE person_id = $1"_s, {world.childId}).integer();
    v = require(records.recordPlanInError(plan, v, u"Entered against the wrong child"_s));

    v = require(records.setRestricted(world.childId, v, true));
    const auto allowed = require(records.access(world.childId));
    CHECK(allowed.size() == 2); // the officer and the key worker
    CHECK(codeOf(PersonRecords(*world.connectAs(world.otherKeyWorker))
                     .setRestricted(world.childId, v, false)) == errc::kDenied);
    CHECK(require(records.setRestricted(world.childId, v, false)) == v + 1);
}

// ---------------------------------------------------------------- the audit's gaps (0041)

namespace {
bool queued(Connection &owner, qint64 person)
{
    return countOf(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                   {person}) == 1;
}

// Grace Hollis (9991000011) and her unborn child on an unborn child protection plan, both
// recorded by the officer; the upload that carries the plan built and accepted.
struct UnbornOnPlan
{
    qint64 mother = 0;
    qint64 baby = 0;
};

UnbornOnPlan unbornOnPlan(Connection &owner, PersonRecords &records)
{
    PersonRecords::NewChild mother;
    mother.forenames = u"Grace"_s;
    mother.surname = u"Hollis"_s;
    mother.gender = u"Female"_s;
    mother.dateOfBirth = QDate(1998, 6, 2);
    mother.nhsNumber = u"9991000011"_s;
    UnbornOnPlan made;
    made.mother = require(records.addChild(mother));
    PersonRecords::NewChild unborn;
    unborn.forenames = u"Unborn"_s;
    unborn.surname = u"Hollis"_s;
    unborn.expectedDelivery = QDate::currentDate().addDays(20);
    unborn.motherId = made.mother;
    made.baby = require(records.addChild(unborn));
    require(records.startPlan(made.baby, versionOf(owner, made.baby), u"UCPP"_s,
                              QDate::currentDate().addDays(-3)));
    test::acknowledge(owner, buildUpload(owner).sequenceNumber, u"CPF02"_s);
    REQUIRE_FALSE(queued(owner, made.baby));
    return made;
}

// The one record of the upload built now, which must carry just it.
hl7::UploadRecord onlyRecord(Connection &owner)
{
    const BuiltUpload built = buildUpload(owner);
    const hl7::Upload upload = require(hl7::readUpload(built.body));
    REQUIRE(upload.records.size() == 1);
    return upload.records.first();
}
} // namespace

TEST_CASE("An unborn child's expected date, and the mother's NHS number and name, queue the "
          "unborn child's upload with the new values",
          "[workflow][records][upload]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    buildUpload(owner); // Thomas Turner goes first, so each upload below carries one record
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    PersonRecords records(*c);
    const UnbornOnPlan made = unbornOnPlan(owner, records);

    // The expected date, by the dialog's call and by a change of that column alone.
    auto baby = require(records.load(made.baby));
    baby.expectedDelivery = QDate::currentDate().addDays(25);
    require(records.editDetails(baby));
    CHECK(queued(owner, made.baby));
    CHECK(onlyRecord(owner).plans.value(0).end == QDate::currentDate().addDays(25));
    require(execute(owner,
                    u"UPDATE person SET expected_delivery = current_date + 27 WHERE id = $1"_s,
                    {made.baby}));
    CHECK(queued(owner, made.baby));
    CHECK(onlyRecord(owner).plans.value(0).end == QDate::currentDate().addDays(27));

    // The mother's NHS number corrected: CP-IS holds the plan under it.
    require(records.correctNhsNumber(made.mother, versionOf(owner, made.mother), u"9991000046"_s,
                                     u"Typed wrongly"_s));
    CHECK(queued(owner, made.baby));
    CHECK(textOf(owner, u"SELECT status FROM person_cpis_status WHERE person_id = $1"_s,
                 {made.baby}) == "awaiting_upload");
    hl7::UploadRecord record = onlyRecord(owner);
    CHECK(record.unborn);
    CHECK(record.ids.nhsNumber == u"9991000046"_s);

    // Her legal name corrected.
    auto mother = require(records.load(made.mother));
    mother.surname = u"Hollis-Reed"_s;
    require(records.editDetails(mother));
    CHECK(queued(owner, made.baby));
    record = onlyRecord(owner);
    CHECK(record.surname == u"Hollis-Reed"_s);
    CHECK(record.dateOfBirth == QDate(1998, 6, 2));
}

TEST_CASE("A legal name change is flagged until CP-IS acknowledges the upload that carries it",
          "[workflow][records][upload]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = addRecordsOfficer(owner);
    auto c = world.connectAs(officer.login);
    PersonRecords records(*c);
    const auto flagged = [&] {
        const DataQualityReport report = require(loadDataQuality(*c));
        const bool listed = !report.list(u"name_changed"_s).isEmpty();
        const QString held = require(loadPersonRecord(*c, world.childId)).nameHeldByCpis;
        CHECK(listed == !held.isEmpty()); // the list and the record say the same
        return listed;
    };
    test::acknowledge(owner, buildUpload(owner).sequenceNumber, u"CPF02"_s);
    CHECK_FALSE(flagged());

    auto person = require(records.load(world.childId));
    person.forenames = u"Tom"_s;
    require(records.editDetails(person));
    CHECK(flagged());
    const BuiltUpload carrying = buildUpload(owner); // built and sent, not yet acknowledged
    REQUIRE(carrying.recordCount == 1);
    CHECK(flagged());
    CHECK(require(loadPersonRecord(*c, world.childId)).nameHeldByCpis == u"Thomas Turner"_s);
    CHECK(require(loadDataQuality(*c))
              .list(u"name_changed"_s)
              .first()
              .detail.contains(
                  u"CP-IS has it as Thomas Turner until the next upload is acknowledged"_s));

    test::acknowledge(owner, carrying.sequenceNumber, u"CPF02"_s);
    CHECK_FALSE(flagged());
}

TEST_CASE("Recording a plan in error takes the record's version and raises it",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(world.keyWorker);
    PersonRecords records(*c);
    const int version = versionOf(owner, world.childId);
    const qint64 plan =
        valueOf(owner, u"SELECT id FROM plan WHERE person_id = $1"_s, {world.childId}).integer();

    const std::string before = fingerprint(owner);
    auto stale = records.recordPlanInError(plan, version - 1, u"Entered against the wrong child"_s);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == QLatin1String(errc::kStale));
    CHECK(stale.error().message.contains(u"since you opened it"_s));
    CHECK(sqlStateOf(*c, u"SELECT record_plan_in_error($1, $2, 'wrong child')"_s,
                     {plan, version - 1}) == "CPST1");
    CHECK(fingerprint(owner) == before);

    CHECK(require(records.recordPlanInError(plan, version, u"Entered against the wrong child"_s)) ==
          version + 1);
    CHECK(versionOf(owner, world.childId) == version + 1);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 "
                  u"AND action = 'plan.recorded_in_error' AND worker_id = $2"_s,
                  {world.childId, world.keyWorker.workerId}) == 1);
}

TEST_CASE("A replacement NHS number after CP-IS reported the number inactive resumes uploads",
          "[workflow][records][upload]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    buildUpload(owner);
    require(execute(*world.connectAs(world.exchange),
                    u"SELECT record_nhs_number_inactive($1, NULL)"_s, {world.childId}));
    CHECK_FALSE(queued(owner, world.childId));
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    PersonRecords records(*c);
    CHECK(require(loadPersonRecord(*c, world.childId)).cpis.status == u"blocked"_s);
    CHECK(codeOf(records.uploadAgainNow(world.childId, versionOf(owner, world.childId))) ==
          errc::kInvalid);
    CHECK(codeOf(records.recordNhsNumber(world.childId, versionOf(owner, world.childId),
                                         u"9991000046"_s)) == errc::kInvalid);

    require(records.recordReplacementNhsNumber(world.childId, versionOf(owner, world.childId),
                                               u"999 100 0046"_s));
    CHECK(queued(owner, world.childId));
    CHECK(require(loadPersonRecord(*c, world.childId)).cpis.status == u"awaiting_upload"_s);
    CHECK(onlyRecord(owner).ids.nhsNumber == u"9991000046"_s);
}

TEST_CASE("A plan ends on its end date, once, and the end goes to CP-IS", "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    buildUpload(owner);
    auto c = world.connectAs(world.keyWorker);
    PersonRecords records(*c);
    const qint64 plan =
        valueOf(owner, u"SELECT id FROM plan WHERE person_id = $1"_s, {world.childId}).integer();
    const QDate start =
        valueOf(owner, u"SELECT start_date FROM plan WHERE id = $1"_s, {plan}).date();
    const int version = versionOf(owner, world.childId);

    CHECK(codeOf(records.endPlan(plan, version, start.addDays(-1))) == errc::kInvalid);
    CHECK(codeOf(records.endPlan(plan, version, QDate::currentDate().addDays(1))) ==
          errc::kInvalid);
    CHECK(codeOf(records.endPlan(plan, version - 1, QDate::currentDate())) == errc::kStale);
    const int next = require(records.endPlan(plan, version, QDate::currentDate()));
    CHECK(next == version + 1);
    CHECK(require(records.load(world.childId)).plans.value(0).end == QDate::currentDate());
    CHECK(codeOf(records.endPlan(plan, next, QDate::currentDate())) == errc::kInvalid);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = 'plan.ended'"_s,
                  {world.childId}) == 1);
    CHECK(queued(owner, world.childId));
    CHECK(onlyRecord(owner).plans.value(0).end == QDate::currentDate());
}

TEST_CASE("Other names are added and ended apart from the legal name, and a new child with the "
          "same other name is a possible duplicate",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    PersonRecords records(*c);
    int v = versionOf(owner, world.childId);

    CHECK(codeOf(records.addOtherName(world.childId, v, u"Nickname"_s, u"Tommy"_s, u"Blake"_s,
                                      {})) == errc::kInvalid);
    v = require(records.addOtherName(world.childId, v, u"Known as"_s, u"Tommy"_s, u"Blake"_s,
                                     QDate(2023, 1, 1)));
    auto person = require(records.load(world.childId));
    REQUIRE(person.otherNames.size() == 1);
    const EditablePerson::OtherName name = person.otherNames.first();
    CHECK(name.kind == u"Known as"_s);
    CHECK(name.from == QDate(2023, 1, 1));
    CHECK_FALSE(name.to.isValid());
    CHECK(person.forenames == u"Thomas"_s); // never mixed into the legal name

    // New child "Tommy Blake": the same other name is a warning to confirm.
    PersonRecords::NewChild child;
    child.forenames = u"Tommy"_s;
    child.surname = u"Blake"_s;
    child.gender = u"Male"_s;
    child.dateOfBirth = QDate(2017, 4, 4);
    const auto duplicates = require(records.possibleDuplicates(child));
    REQUIRE(duplicates.size() == 1);
    CHECK(duplicates[0].reason == u"other_name"_s);
    CHECK(duplicates[0].id == world.childId);
    CHECK(duplicates[0].name == u"Thomas Turner"_s);
    const std::string before = fingerprint(owner);
    auto unconfirmed = records.addChild(child);
    REQUIRE_FALSE(unconfirmed);
    CHECK(unconfirmed.error().column == u"confirm"_s);
    CHECK(fingerprint(owner) == before);

    CHECK(codeOf(records.endOtherName(name.id, v, QDate(2022, 12, 31))) == errc::kInvalid);
    v = require(records.endOtherName(name.id, v, QDate::currentDate()));
    person = require(records.load(world.childId));
    CHECK(person.otherNames.value(0).to == QDate::currentDate());
    CHECK(person.rowVersion == v);
    CHECK(codeOf(records.endOtherName(name.id, v, QDate::currentDate())) == errc::kInvalid);
}

TEST_CASE("A worker granted access to a restricted child finds them, and not once it is removed",
          "[workflow][records][search]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    PersonRecords records(*c);
    auto other = world.connectAs(world.otherKeyWorker);
    int v = require(records.setRestricted(world.childId, versionOf(owner, world.childId), true));
    CHECK(namesFound(*other, u"turner"_s).isEmpty());

    v = require(records.setAccess(world.childId, v, world.otherKeyWorker.workerId, true));
    CHECK(namesFound(*other, u"turner"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(require(records.access(world.childId)).size() == 3); // officer, key worker, granted

    v = require(records.setAccess(world.childId, v, world.otherKeyWorker.workerId, false));
    CHECK(namesFound(*other, u"turner"_s).isEmpty());
    CHECK(namesFound(*other, u"9990000026"_s).isEmpty());
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 "
                  u"AND action IN ('person.access_granted', 'person.access_removed')"_s,
                  {world.childId}) == 2);
}

TEST_CASE("Upload again now queues the child, and the next upload carries them",
          "[workflow][records][upload]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    test::acknowledge(owner, buildUpload(owner).sequenceNumber, u"CPF02"_s);
    CHECK_FALSE(queued(owner, world.childId));
    auto c = world.connectAs(world.keyWorker);
    CHECK(require(loadPersonRecord(*c, world.childId)).cpis.status == u"shared"_s);

    const int v = versionOf(owner, world.childId);
    CHECK(require(PersonRecords(*c).uploadAgainNow(world.childId, v)) == v + 1);
    CHECK(queued(owner, world.childId));
    CHECK(require(loadPersonRecord(*c, world.childId)).cpis.status == u"awaiting_upload"_s);
    CHECK(onlyRecord(owner).ids.nhsNumber == u"9990000026"_s);
}

TEST_CASE("Marking an NHS number verified shows who verified it, until it is corrected",
          "[workflow][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    auto c = world.connectAs(world.keyWorker);
    PersonRecords records(*c);
    auto person = require(records.load(world.childId));
    CHECK_FALSE(person.nhsNumberVerifiedAt.isValid());
    CHECK(person.nhsNumberVerifiedBy.isEmpty());

    int v = require(records.markNhsNumberVerified(world.childId, person.rowVersion));
    person = require(records.load(world.childId));
    CHECK(person.nhsNumberVerifiedAt.isValid());
    CHECK(person.nhsNumberVerifiedBy == u"Jane Okafor"_s);
    CHECK(person.rowVersion == v);

    v = require(records.correctNhsNumber(world.childId, v, u"9991000046"_s, u"Typed wrongly"_s));
    person = require(records.load(world.childId));
    CHECK_FALSE(person.nhsNumberVerifiedAt.isValid());
    CHECK(person.nhsNumberVerifiedBy.isEmpty());
}

TEST_CASE("At the birth CP-IS is told to end the unborn child plan under the mother's number, "
          "and the child's own plan goes under theirs",
          "[workflow][records][upload]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    buildUpload(owner);
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    PersonRecords records(*c);
    const UnbornOnPlan made = unbornOnPlan(owner, records);

    const PersonRecords::Birth birth{QDate::currentDate(), u"Ava"_s,          u"Hollis"_s,
                                     u"Female"_s,          u"999 100 0038"_s, true};
    require(records.recordBirth(made.baby, versionOf(owner, made.baby), birth));
    const BuiltUpload built = buildUpload(owner);
    const hl7::Upload upload = require(hl7::readUpload(built.body));
    REQUIRE(upload.records.size() == 2);
    for (const hl7::UploadRecord &record : upload.records) {
        REQUIRE(record.plans.size() == 1);
        const hl7::UploadPlan &plan = record.plans.first();
        if (plan.kind == hl7::PlanInformation::UnbornChildProtection) {
            // Where CP-IS holds it: the mother, her number, name and date of birth.
            CHECK(record.unborn);
            CHECK(record.ids.nhsNumber == u"9991000011"_s);
            CHECK(record.surname == u"Hollis"_s);
            CHECK(record.dateOfBirth == QDate(1998, 6, 2));
            CHECK(plan.end == QDate::currentDate());
            CHECK_FALSE(plan.deleteDate.isValid());
        } else {
            CHECK(plan.kind == hl7::PlanInformation::ChildProtection);
            CHECK_FALSE(record.unborn);
            CHECK(record.ids.nhsNumber == u"9991000038"_s);
            CHECK(record.forenames == u"Ava"_s);
            CHECK(record.dateOfBirth == QDate::currentDate());
            CHECK(plan.start == QDate::currentDate());
        }
    }

    // CP-IS refuses the record under the mother's number: the outcome comes back to the child
    // whose plan it was (their upload record holds their own number), not quarantined.
    test::acknowledge(owner, built.sequenceNumber, u"CPF03"_s,
                      {{u"9991000011"_s, QString::number(made.mother), u"CPR01"_s, true}});
    CHECK(textOf(owner, u"SELECT status FROM person_cpis_status WHERE person_id = $1"_s,
                 {made.baby}) == "rejected");
    CHECK(countOf(owner, u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined'"_s) ==
          0);
}
