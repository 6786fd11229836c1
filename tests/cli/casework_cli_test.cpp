// cpisctl's casework commands: user add, workview (text and JSON), sample-data.
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "workflow/step_service.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;
using test::runCpisctl;
using test::withDatabase;

TEST_CASE("cpisctl workview shows CP-IS Worker's Current work with the key worker", "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    require(StepService(*world.connectAs(world.admin)).start(world.addStep(u"dhu_111"_s)));

    const auto text = runCpisctl(withDatabase(db, {u"workview"_s, u"CP-IS Worker"_s}));
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(u"Incoming work (1)"_s));
    CHECK(text.out.contains(u"Work in progress (1)"_s));
    CHECK(text.out.contains(u"Thomas Turner (3549728)"_s));
    CHECK(text.out.contains(u"key worker: Jane Okafor"_s));
    CHECK(text.out.contains(u"started by Sam Admin"_s));

    const auto json = runCpisctl(withDatabase(db, {u"workview"_s, u"cp-is worker"_s, u"--json"_s}));
    REQUIRE(json.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray work = doc.value(u"current_work"_s).toArray();
    REQUIRE(work.size() == 2);
    const QJsonObject first = work.first().toObject();
    CHECK(first.value(u"step_id"_s).toInteger() == world.stepId);
    CHECK(first.value(u"type"_s).toString() == u"CPIS Follow Up"_s);
    CHECK(first.value(u"subject_id"_s).toInteger() == 3549728);
    CHECK(first.value(u"subject_name"_s).toString() == u"Thomas Turner"_s);
    CHECK(first.value(u"title"_s).toString() == u"CPIS Follow Up"_s);
    CHECK(first.value(u"state"_s).toString() == u"incoming"_s);
    CHECK(first.value(u"key_worker"_s).toString() == u"Jane Okafor"_s);
    CHECK(QDateTime::fromString(first.value(u"received_at"_s).toString(), Qt::ISODate).isValid());
    CHECK(QDateTime::fromString(first.value(u"due_at"_s).toString(), Qt::ISODate).isValid());
    CHECK(doc.value(u"incoming_requests"_s).toArray().isEmpty());
}

TEST_CASE("cpisctl workview of an unknown worker exits 1 and says so", "[cli]")
{
    test::TestDatabase db;
    const auto r = runCpisctl(withDatabase(db, {u"workview"_s, u"Nobody Here"_s}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(u"There is no worker with the login or name \"Nobody Here\""_s));
}

TEST_CASE("cpisctl user add creates a login that can connect, for system administrators only",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString login = world.sysadmin.login + u"-new"_s;

    const auto added =
        runCpisctl(withDatabase(db,
                                {u"user"_s, u"add"_s, login, u"--role"_s, u"key-worker"_s,
                                 u"--name"_s, u"Priya Shah"_s, u"--team"_s, u"Children in Care"_s},
                                world.sysadmin.login));
    INFO(added.err.toStdString());
    CHECK(added.exitCode == 0);
    CHECK(added.out.contains(
        u"Added %1 (Priya Shah) as key-worker in Children in Care"_s.arg(login)));
    // The new login connects and is that worker.
    auto connection = world.connectAs(login);
    CHECK(queryValue(*connection, u"SELECT name FROM worker WHERE id = current_worker_id()"_s)
              ->text() == u"Priya Shah"_s);

    const auto refused = runCpisctl(withDatabase(db,
                                                 {u"user"_s, u"add"_s, login + u"x"_s, u"--role"_s,
                                                  u"sysadmin"_s, u"--name"_s, u"Mallory"_s},
                                                 world.keyWorker.login));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(u"Only system administrators can add users."_s));
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM worker WHERE name = 'Mallory'"_s)
              ->integer() == 0);

    const auto badRole = runCpisctl(withDatabase(
        db, {u"user"_s, u"add"_s, login + u"y"_s, u"--role"_s, u"boss"_s, u"--name"_s, u"X Y"_s}));
    CHECK(badRole.exitCode == 1);
    CHECK(badRole.err.contains(u"Role \"boss\" must be one of"_s));

    const auto badLogin =
        runCpisctl(withDatabase(db, {u"user"_s, u"add"_s, u"Robert'); DROP TABLE worker;--"_s,
                                     u"--role"_s, u"key-worker"_s, u"--name"_s, u"Bobby"_s}));
    CHECK(badLogin.exitCode == 1);
    CHECK(badLogin.err.contains(u"must be 2-63 characters"_s));

    const auto missing = runCpisctl(withDatabase(db, {u"user"_s, u"add"_s, u"someone"_s}));
    CHECK(missing.exitCode == 2);
}

TEST_CASE("cpisctl user add --role exchange is refused to everyone, the owner included, and "
          "says to run cpisctl setup",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString login = world.sysadmin.login + u"-exchange"_s;
    const QStringList args{
        u"user"_s, u"add"_s, login, u"--role"_s, u"exchange"_s, u"--name"_s, u"CP-IS Exchange 2"_s};

    // A system administrator, then the owner (as scripts/run signs in): only setup makes it.
    for (const QString &as : {world.sysadmin.login, QString()}) {
        const auto refused =
            runCpisctl(as.isEmpty() ? withDatabase(db, args) : withDatabase(db, args, as));
        INFO(refused.err.toStdString());
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.contains(u"The exchange's login is made only by cpisctl setup"_s));
    }
    CHECK(
        queryValue(db.connection(), u"SELECT count(*) FROM pg_roles WHERE rolname = $1"_s, {login})
            ->integer() == 0);
}

TEST_CASE("cpisctl sample-data loads realistic data once, and running it again changes nothing",
          "[cli]")
{
    test::TestDatabase db;
    const auto counts = [&] {
        return queryValue(
                   db.connection(),
                   u"SELECT format('%s/%s/%s/%s', (SELECT count(*) FROM person), (SELECT count(*) "
                   u"FROM worker), "
                   "(SELECT count(*) FROM work_step), (SELECT count(*) FROM request))"_s)
            ->text();
    };
    const auto first = runCpisctl(withDatabase(db, {u"sample-data"_s}));
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.contains(u"Sample data loaded"_s));
    const QString after = counts();

    const auto second = runCpisctl(withDatabase(db, {u"sample-data"_s}));
    CHECK(second.exitCode == 0);
    CHECK(second.out.contains(u"already there"_s));
    CHECK(counts() == after);

    auto &c = db.connection();
    CHECK(
        queryValue(
            c,
            u"SELECT count(*) FROM person WHERE date_of_birth IS NOT NULL AND mother_id IS NULL"_s)
            ->integer() >= 45);
    CHECK(
        queryValue(
            c,
            u"SELECT count(*) FROM person WHERE nhs_number IS NOT NULL AND nhs_number NOT LIKE '999%'"_s)
            ->integer() == 0);
    CHECK(
        queryValue(
            c,
            u"SELECT count(*) FROM person WHERE expected_delivery IS NOT NULL AND date_of_birth IS NULL"_s)
            ->integer() >= 1);
    CHECK(queryValue(c, u"SELECT count(*) FROM worker WHERE NOT is_virtual"_s)->integer() >= 10);

    const auto view = runCpisctl(withDatabase(db, {u"workview"_s, u"CP-IS Worker"_s}));
    CHECK(view.out.contains(u"Thomas Turner (3549728)"_s));
    const auto requests =
        runCpisctl(withDatabase(db, {u"workview"_s, u"jane.okafor"_s}, u"jane.okafor"_s));
    CHECK(requests.exitCode == 0);
    CHECK(requests.out.contains(u"Incoming requests (2)"_s));
}

TEST_CASE("cpisctl sample-data --scale makes a large caseload once, with progress", "[cli]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    const auto count = [&](const QString &sql) {
        return require(queryValue(c, sql)).integer();
    };

    const auto made = runCpisctl(withDatabase(db, {u"sample-data"_s, u"--scale"_s, u"300"_s}));
    INFO(made.out.toStdString() + made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    CHECK(made.out.contains(u"historic notifications"_s)); // each step as it starts
    CHECK(made.out.contains(u"Scale data made in"_s));

    CHECK(count(u"SELECT count(*) FROM person WHERE legal_surname LIKE 'Scale-%'"_s) == 300);
    CHECK(count(u"SELECT count(*) FROM person WHERE legal_surname LIKE 'Scale-%' AND nhs_number IS "
                u"NOT NULL AND nhs_number LIKE '999%' AND nhs_number_is_valid(nhs_number)"_s) ==
          294); // one in fifty has no number yet
    // Every child has a current plan and a key worker.
    CHECK(
        count(u"SELECT count(*) FROM person p WHERE p.legal_surname LIKE 'Scale-%' AND NOT EXISTS "
              u"(SELECT 1 FROM involvement i WHERE i.person_id = p.id AND i.role = 'Key Worker' "
              u"AND i.ended_on IS NULL)"_s) == 0);
    CHECK(count(u"SELECT count(*) FROM plan p JOIN person c ON c.id = p.person_id WHERE "
                u"c.legal_surname LIKE 'Scale-%' AND p.end_date IS NULL"_s) == 300);
    // Ten historic notifications each, processed into finished steps with requests.
    CHECK(count(u"SELECT count(*) FROM inbound_message WHERE mesh_message_id LIKE 'SCALE-%' AND "
                u"status = 'processed'"_s) == 3000);
    CHECK(
        count(u"SELECT count(*) FROM work_step WHERE state = 'finished' AND inbound_message_id IS "
              u"NOT NULL"_s) == 3000);
    CHECK(count(u"SELECT count(*) FROM request r JOIN work_step s ON s.id = r.step_id WHERE "
                u"s.inbound_message_id IS NOT NULL"_s) == 3000);
    CHECK(count(u"SELECT count(*) FROM case_note WHERE request_id IS NOT NULL"_s) > 1000);
    CHECK(count(u"SELECT count(*) FROM audit WHERE action = 'step.finished'"_s) >= 3000);
    // N/10 open steps for CP-IS Worker, and nothing queued for upload by the generator.
    CHECK(count(u"SELECT count(*) FROM work_step s JOIN person p ON p.id = s.subject_id WHERE "
                u"s.state = 'incoming' AND p.legal_surname LIKE 'Scale-%'"_s) == 30);
    CHECK(count(u"SELECT count(*) FROM upload_pending u JOIN person p ON p.id = u.person_id WHERE "
                u"p.legal_surname LIKE 'Scale-%'"_s) == 0);

    const int steps = count(u"SELECT count(*) FROM work_step"_s);
    const auto again = runCpisctl(withDatabase(db, {u"sample-data"_s, u"--scale"_s, u"300"_s}));
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(u"already there"_s));
    CHECK(count(u"SELECT count(*) FROM work_step"_s) == steps);

    for (const QString &bad : {u"0"_s, u"lots"_s, u"2000001"_s}) {
        const auto refused = runCpisctl(withDatabase(db, {u"sample-data"_s, u"--scale"_s, bad}));
        CHECK(refused.exitCode == 2);
        CHECK(refused.err.contains(u"--scale takes a number of children"_s));
    }
}
