// Children's records (issue 19): who may record, the rules each change checks, and the person
// search, as real logins through the services and through plain SQL.
#include "db/error_codes.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/security_checks.h"
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
    auto c = world.connectAs(world.keyWorker);

    CHECK(namesFound(*c, u"turn"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"BLAKE"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"3549728"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"999 000 0026"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"9990000026"_s) == QStringList{u"Thomas Turner"_s});
    CHECK(namesFound(*c, u"28/11/2016"_s) == QStringList{u"Thomas Turner"_s});
    const auto hit = require(PersonSearch(*c).find(u"turner"_s)).value(0);
    CHECK(hit.nhsNumber == u"999 000 0026"_s);
    CHECK(hit.keyWorker == u"Jane Okafor"_s);
    CHECK(hit.dateOfBirth == QDate(2016, 11, 28));

    // Amelia Hart is restricted: only the worker granted her finds her, by any key.
    for (const QString &key : {u"hart"_s, QString::number(hidden), u"01/05/2019"_s})
        CHECK(namesFound(*c, key).isEmpty());
    CHECK(namesFound(*world.connectAs(world.otherKeyWorker), u"hart"_s) ==
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
    REQUIRE(records.recordPlanInError(plan, u"Entered against the wrong child"_s));

    v = require(records.setRestricted(world.childId, v, true));
    const auto allowed = require(records.access(world.childId));
    CHECK(allowed.size() == 2); // the officer and the key worker
    CHECK(codeOf(PersonRecords(*world.connectAs(world.otherKeyWorker))
                     .setRestricted(world.childId, v, false)) == errc::kDenied);
    CHECK(require(records.setRestricted(world.childId, v, false)) == v + 1);
}
