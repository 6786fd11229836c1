// Who may do what, proven by connecting as each role: PostgreSQL refuses the rest, unchanged.
#include "db/rows.h"
#include "support/case_world.h"
#include "support/security_checks.h"
#include "workflow/alert_service.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

#include <QDate>

#include <utility>
#include <vector>

using namespace Qt::StringLiterals;
using namespace cpis;
using User = test::CaseWorld::User;

using test::codeOf;
using test::countOf;
using test::fingerprint;
using test::noteAbout;
using test::sqlStateOf;
using test::textOf;
using test::triage;
using test::valueOf;

namespace {
std::string stepState(Connection &owner, qint64 stepId)
{
    return textOf(owner, u"SELECT state FROM work_step WHERE id = $1"_s, {stepId});
}

// Every way into a step's work, through the service and around it: all must be refused.
void checkCannotWorkStep(Connection &c, qint64 stepId, int version)
{
    StepService steps(c);
    CHECK(codeOf(steps.start(stepId)) == "denied");
    CHECK(codeOf(steps.cancel(stepId, u"Created in error"_s)) == "denied");
    CHECK(codeOf(steps.save(stepId, version)) == "denied");
    CHECK(codeOf(steps.finish(stepId, version)) == "denied");
    CHECK(sqlStateOf(c, u"SELECT start_work($1)"_s, {stepId}) == "42501");
    CHECK(sqlStateOf(c, u"SELECT cancel_work($1, 'Created in error')"_s, {stepId}) == "42501");
    CHECK(sqlStateOf(c, u"SELECT finish_step($1, $2)"_s, {stepId, version}) == "42501");
    CHECK(sqlStateOf(
              c, u"UPDATE work_step SET state = 'finished', finished_at = now() WHERE id = $1"_s,
              {stepId}) == "42501");
}

} // namespace

TEST_CASE("Only a Safeguarding Admin can start, cancel, save or finish a CP-IS step", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();

    SECTION("An incoming step stays incoming whoever else tries")
    {
        const std::string before = fingerprint(owner);
        for (const User *user :
             {&world.keyWorker, &world.manager, &world.sysadmin, &world.exchange}) {
            INFO("as " << user->login.toStdString());
            auto c = world.connectAs(*user);
            checkCannotWorkStep(*c, world.stepId, 1);
        }
        CHECK(stepState(owner, world.stepId) == "incoming");
        CHECK(fingerprint(owner) == before);
        // The refusals were about the role, not the step: an admin can start it.
        auto admin = world.connectAs(world.admin);
        CHECK(codeOf(StepService(*admin).start(world.stepId)) == "succeeded");
        CHECK(stepState(owner, world.stepId) == "in_progress");
    }

    SECTION("A step ready to finish is finished only by the admin who started it")
    {
        auto admin = world.connectAs(world.admin);
        const int version = triage(*admin, world.stepId, world.keyWorker.workerId);
        const std::string before = fingerprint(owner);

        auto keyWorker = world.connectAs(world.keyWorker);
        checkCannotWorkStep(*keyWorker, world.stepId, version);
        auto otherAdmin = world.connectAs(world.otherAdmin);
        CHECK(codeOf(StepService(*otherAdmin).finish(world.stepId, version)) == "taken");
        CHECK(codeOf(StepService(*otherAdmin).cancel(world.stepId, u"Created in error"_s)) ==
              "taken");
        CHECK(stepState(owner, world.stepId) == "in_progress");
        CHECK(fingerprint(owner) == before);

        CHECK(codeOf(StepService(*admin).finish(world.stepId, version)) == "succeeded");
        CHECK(stepState(owner, world.stepId) == "finished");
    }
}

TEST_CASE("Only the worker a request was sent to can acknowledge it", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto admin = world.connectAs(world.admin);
    REQUIRE(test::require(StepService(*admin).proposeRequest(world.stepId)).recipientId ==
            world.keyWorker.workerId);
    triage(*admin, world.stepId, world.keyWorker.workerId);
    const qint64 requestId =
        valueOf(owner, u"SELECT id FROM request WHERE step_id = $1"_s, {world.stepId}).integer();
    const QString requestState = u"SELECT state FROM request WHERE id = $1"_s;
    REQUIRE(textOf(owner, requestState, {requestId}) == "sent");
    const std::string before = fingerprint(owner);

    for (const User *user : {&world.otherKeyWorker, &world.admin, &world.manager}) {
        INFO("as " << user->login.toStdString());
        auto c = world.connectAs(*user);
        CHECK(codeOf(RequestService(*c).acknowledge(requestId)) == "denied");
        CHECK(sqlStateOf(*c,
                         u"UPDATE request SET state = 'acknowledged', acknowledged_by = $1, "
                         u"acknowledged_at = now() WHERE id = $2"_s,
                         {user->workerId, requestId}) == "42501");
    }
    CHECK(textOf(owner, requestState, {requestId}) == "sent");
    CHECK(fingerprint(owner) == before);

    // Even the recipient goes through the function, not the table.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(sqlStateOf(
              *keyWorker,
              u"UPDATE request SET state = 'acknowledged', acknowledged_at = now() WHERE id = $1"_s,
              {requestId}) == "42501");
    CHECK(codeOf(RequestService(*keyWorker).acknowledge(requestId)) == "succeeded");
    CHECK(textOf(owner, requestState, {requestId}) == "acknowledged");
    CHECK(valueOf(owner, u"SELECT acknowledged_by FROM request WHERE id = $1"_s, {requestId})
              .integer() == world.keyWorker.workerId);
}

TEST_CASE("Nobody can change the lists, note templates or installation by writing to them",
          "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const std::string before = fingerprint(owner);
    const QStringList writes{
        u"INSERT INTO list_item (list, label) VALUES ('next_action_reason', 'Not our problem')"_s,
        u"UPDATE list_item SET active = false WHERE list = 'request_type'"_s,
        u"DELETE FROM list_item WHERE list = 'case_note_type'"_s,
        u"INSERT INTO note_template (source, label, body, case_note_expected) "
        u"VALUES ('ae', 'A&E', 'No need to reply.', 'on_concern')"_s,
        u"UPDATE note_template SET body = 'No need to reply.', case_note_expected = 'on_concern'"_s,
        u"DELETE FROM note_template WHERE source = 'ae'"_s,
        u"UPDATE installation SET authority = 'Another council'"_s,
        u"DELETE FROM installation"_s,
    };
    for (const User *user :
         {&world.keyWorker, &world.admin, &world.manager, &world.sysadmin, &world.exchange}) {
        auto c = world.connectAs(*user);
        for (const QString &sql : writes) {
            INFO("as " << user->login.toStdString() << ": " << sql.toStdString());
            CHECK(sqlStateOf(*c, sql) == "42501");
        }
    }
    CHECK(fingerprint(owner) == before);
}

TEST_CASE("The audit trail is written by the workflow and nobody can change it", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto admin = world.connectAs(world.admin);
    REQUIRE(codeOf(StepService(*admin).start(world.stepId)) == "succeeded");
    const Value auditId =
        valueOf(owner, uR"(
        SELECT id FROM audit
        WHERE action = 'step.started' AND person_id = $1 AND worker_id = $2 AND login = $3 AND (details->>'step')::bigint = $4)"_s,
                {world.childId, world.admin.workerId, world.admin.login, world.stepId});
    REQUIRE_FALSE(auditId.isNull());
    const qint64 auditRow = auditId.integer();
    const std::string before = fingerprint(owner);

    const QString update =
        u"UPDATE audit SET action = 'person.opened', worker_id = NULL WHERE id = $1"_s;
    const QString remove = u"DELETE FROM audit WHERE id = $1"_s;
    const QString forge = u"INSERT INTO audit (action, person_id) VALUES ('step.finished', $1)"_s;
    for (const User *user :
         {&world.keyWorker, &world.admin, &world.manager, &world.sysadmin, &world.exchange}) {
        INFO("as " << user->login.toStdString());
        auto c = world.connectAs(*user);
        CHECK(sqlStateOf(*c, update, {auditRow}) == "42501");
        CHECK(sqlStateOf(*c, remove, {auditRow}) == "42501");
        CHECK(sqlStateOf(*c, forge, {world.childId}) == "42501");
        CHECK(sqlStateOf(*c, u"SELECT _audit('step.finished', $1::bigint, '{}'::jsonb)"_s,
                         {world.childId}) == "42501");
    }

    // The owner is a superuser, past every privilege: the triggers still stop it.
    CHECK(sqlStateOf(owner, update, {auditRow}) == "CPAU1");
    CHECK(sqlStateOf(owner, remove, {auditRow}) == "CPAU1");
    CHECK(sqlStateOf(owner, u"TRUNCATE audit"_s) == "CPAU1");
    CHECK(codeOf(execute(owner, u"DELETE FROM audit"_s)) == "audit");
    CHECK(fingerprint(owner) == before);

    const QString read =
        u"SELECT count(*) FROM audit WHERE action = 'step.started' AND person_id = $1"_s;
    for (const User *user : {&world.keyWorker, &world.admin, &world.exchange}) {
        INFO("as " << user->login.toStdString());
        CHECK(sqlStateOf(*world.connectAs(*user), read, {world.childId}) == "42501");
    }
    for (const User *user : {&world.manager, &world.sysadmin}) {
        INFO("as " << user->login.toStdString());
        CHECK(countOf(*world.connectAs(*user), read, {world.childId}) == 1);
    }
}

TEST_CASE("A restricted person is invisible to workers without access to them", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const qint64 hidden = test::addRestrictedChild(owner, world.otherKeyWorker.workerId);
    const qint64 hiddenStep =
        valueOf(owner, u"SELECT create_follow_up_step($1, 'x', 'ae', now())"_s, {hidden}).integer();
    const std::string before = fingerprint(owner);

    const QString person = u"SELECT count(*) FROM person WHERE id = $1"_s;
    const QString steps = u"SELECT count(*) FROM work_step WHERE subject_id = $1"_s;
    for (const User *user : {&world.keyWorker, &world.admin, &world.manager, &world.sysadmin}) {
        INFO("as " << user->login.toStdString());
        auto c = world.connectAs(*user);
        CHECK(countOf(*c, person, {hidden}) == 0);
        CHECK(countOf(*c, steps, {hidden}) == 0);
        // The unrestricted child is still there for them.
        CHECK(countOf(*c, person, {world.childId}) == 1);
    }
    // The exchange must match every child's NHS number, restricted or not.
    CHECK(countOf(*world.connectAs(world.exchange), person, {hidden}) == 1);
    for (const User *user : {&world.manager, &world.sysadmin}) {
        INFO("as " << user->login.toStdString());
        CHECK(countOf(*world.connectAs(*user), u"SELECT count(*) FROM audit WHERE person_id = $1"_s,
                      {hidden}) == 0);
    }
    CHECK(countOf(owner, u"SELECT count(*) FROM audit WHERE person_id = $1"_s, {hidden}) == 1);

    auto admin = world.connectAs(world.admin);
    StepService adminSteps(*admin);
    CHECK(codeOf(adminSteps.start(hiddenStep)) == "not_found");
    CHECK(codeOf(adminSteps.load(hiddenStep)) == "not_found");
    CHECK(codeOf(adminSteps.proposeRequest(hiddenStep)) == "not_found");
    CHECK(codeOf(adminSteps.cancel(hiddenStep, u"Created in error"_s)) == "not_found");
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(codeOf(CaseNoteService(*keyWorker).add(noteAbout(hidden, false))) == "not_found");
    CHECK(sqlStateOf(*keyWorker, u"SELECT worker_id FROM person_access"_s) == "42501");
    CHECK(stepState(owner, hiddenStep) == "incoming");
    CHECK(fingerprint(owner) == before);

    auto allowed = world.connectAs(world.otherKeyWorker);
    CHECK(countOf(*allowed, person, {hidden}) == 1);
    CHECK(countOf(*allowed, steps, {hidden}) == 1);
    CHECK(codeOf(CaseNoteService(*allowed).add(noteAbout(hidden, false))) == "succeeded");
}

TEST_CASE("No role can write to the case tables directly", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const std::string before = fingerprint(owner);
    const qint64 child = world.childId;
    const qint64 step = world.stepId;

    for (const User *user :
         {&world.admin, &world.otherAdmin, &world.keyWorker, &world.otherKeyWorker, &world.manager,
          &world.sysadmin, &world.exchange}) {
        const int me = user->workerId;
        const std::vector<std::pair<QString, QVariantList>> writes{
            {u"INSERT INTO case_note (person_id, note_type, author_id, contact_date, body) "
             u"VALUES ($1, 'Case Note', $2, current_date, 'Written around the workflow')"_s,
             {child, me}},
            {u"INSERT INTO work_step (subject_id, assignee_id) VALUES ($1, $2)"_s, {child, me}},
            {u"UPDATE work_step SET assignee_id = $1, state = 'cancelled', cancel_reason = 'x' WHERE id = $2"_s,
             {me, step}},
            {u"DELETE FROM work_step WHERE id = $1"_s, {step}},
            {u"INSERT INTO request (step_id, request_type, recipient_id, note, created_by) "
             u"VALUES ($1, 'x', $2, 'x', $3)"_s,
             {step, me, me}},
            {u"INSERT INTO next_action (step_id, action, reason, created_by) VALUES ($1, 'x', 'x', $2)"_s,
             {step, me}},
            {u"DELETE FROM person WHERE id = $1"_s, {child}},
            {u"UPDATE person SET restricted = true WHERE id = $1"_s, {child}},
            {u"INSERT INTO person (legal_forenames, legal_surname, date_of_birth) VALUES ('A', 'B', '2020-01-01')"_s,
             {}},
            {u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s, {child, me}},
            {u"UPDATE involvement SET worker_id = $1 WHERE person_id = $2"_s, {me, child}},
            {u"DELETE FROM plan WHERE person_id = $1"_s, {child}},
            {u"INSERT INTO worker (name, login) VALUES ('Mallory', 'mallory')"_s, {}},
            {u"UPDATE worker SET active = false WHERE id <> $1"_s, {me}},
            {u"INSERT INTO queue_member (queue_id, member_id) VALUES ($1, $2)"_s,
             {world.cpisWorkerId, me}},
            {u"INSERT INTO alert (alert_type, recipient_worker, body) VALUES ('x', $1, 'x')"_s,
             {me}},
            {u"SELECT _touch_step($1)"_s, {step}},
        };
        auto c = world.connectAs(*user);
        for (const auto &[sql, params] : writes) {
            INFO("as " << user->login.toStdString() << ": " << sql.toStdString());
            CHECK(sqlStateOf(*c, sql, params) == "42501");
        }
    }
    // Nor may anyone but a system administrator add users; nor a key worker raise alerts.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(codeOf(WorkerDirectory(*keyWorker)
                     .addUser({u"mallory"_s, u"sysadmin"_s, u"Mallory"_s, {}, {}})) == "denied");
    CHECK(codeOf(AlertService(*keyWorker)
                     .raise(u"Risk"_s, child, {world.keyWorker.workerId, 0, {}}, u"x"_s)) ==
          "denied");
    CHECK(fingerprint(owner) == before);
}

TEST_CASE("A finished case note can never be changed", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto keyWorker = world.connectAs(world.keyWorker);
    CaseNoteService notes(*keyWorker);
    const qint64 finished = test::require(notes.add(noteAbout(world.childId, true)));
    const qint64 draft = test::require(notes.add(noteAbout(world.childId, false)));
    const std::string before = fingerprint(owner);

    CHECK(codeOf(notes.update(finished, QDate::currentDate(), u"Rewritten"_s, false)) ==
          "final_note");
    CHECK(codeOf(notes.update(finished, QDate::currentDate(), u"Rewritten"_s, true)) ==
          "final_note");
    CHECK(sqlStateOf(*keyWorker, u"UPDATE case_note SET body = 'x' WHERE id = $1"_s, {finished}) ==
          "42501");
    // Even the owner, past every privilege, is stopped by the trigger.
    CHECK(sqlStateOf(owner, u"UPDATE case_note SET body = 'x' WHERE id = $1"_s, {finished}) ==
          "CPFR1");
    CHECK(sqlStateOf(owner, u"DELETE FROM case_note WHERE id = $1"_s, {finished}) == "CPFR1");
    // A draft is changed only by its author.
    auto other = world.connectAs(world.otherKeyWorker);
    CHECK(codeOf(CaseNoteService(*other).update(draft, QDate::currentDate(), u"Rewritten"_s,
                                                false)) == "denied");
    CHECK(fingerprint(owner) == before);

    const QString body = u"SELECT body FROM case_note WHERE id = $1"_s;
    CHECK(textOf(owner, body, {finished}) == noteAbout(0, true).body.toStdString());
    CHECK(codeOf(notes.update(draft, QDate::currentDate(), u"Rewritten"_s, true)) == "succeeded");
    CHECK(textOf(owner, body, {draft}) == "Rewritten");
}

TEST_CASE("A login that is not an active worker is told so and can do nothing", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    test::LoneLogin lone(owner, u"cpis_key_worker"_s);
    auto c = world.connectAs(lone.name());
    const std::string before = fingerprint(owner);

    const auto note = CaseNoteService(*c).add(noteAbout(world.childId, false));
    REQUIRE(codeOf(note) == "denied");
    CHECK(note.error().message.contains(u"not set up as a worker"_s));
    CHECK(codeOf(WorkerDirectory(*c).current()) == "denied");
    CHECK(sqlStateOf(*c, u"SELECT record_person_opened($1)"_s, {world.childId}) == "42501");

    // Holding the Safeguarding Admin role is not enough without a worker.
    lone.grant(u"cpis_safeguarding_admin"_s);
    const auto start = StepService(*c).start(world.stepId);
    CHECK(codeOf(start) == "denied");
    CHECK((!start.ok() && start.error().message.contains(u"not set up as a worker"_s)));
    CHECK(stepState(owner, world.stepId) == "incoming");
    CHECK(fingerprint(owner) == before);

    // A worker who has been deactivated is no longer a worker.
    test::require(execute(owner, u"UPDATE worker SET active = false WHERE id = $1"_s,
                          {world.keyWorker.workerId}));
    auto former = world.connectAs(world.keyWorker);
    const auto formerNote = CaseNoteService(*former).add(noteAbout(world.childId, false));
    REQUIRE(codeOf(formerNote) == "denied");
    CHECK(formerNote.error().message.contains(u"not set up as a worker"_s));
}

// person_is_visible() is open to every role: it must answer the same for a restricted person
// as for no person at all, or anyone could find which ids are restricted people.
TEST_CASE("A restricted person cannot be told apart from no person at all", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 hidden = test::addRestrictedChild(db.connection(), world.otherKeyWorker.workerId);
    const qint64 nobody =
        valueOf(db.connection(), u"SELECT max(id) + 1000 FROM person"_s).integer();
    auto keyWorker = world.connectAs(world.keyWorker);
    const QString probe = u"SELECT coalesce(person_is_visible($1)::text, 'null')"_s;
    CHECK(textOf(*keyWorker, probe, {hidden}) == textOf(*keyWorker, probe, {nobody}));

    // Nor by raising an alert about them.
    auto admin = world.connectAs(world.admin);
    for (const qint64 id : {hidden, nobody}) {
        const auto alert =
            AlertService(*admin).raise(u"Test"_s, id, {world.admin.workerId, 0, {}}, u"x"_s);
        CHECK(codeOf(alert) == "not_found");
    }
}

TEST_CASE("The workview lists show a restricted child only to workers granted access", "[security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const qint64 hidden = test::addRestrictedChild(owner, world.admin.workerId);
    const qint64 hiddenStep =
        valueOf(owner, u"SELECT create_follow_up_step($1, 'x', 'ae', now())"_s, {hidden}).integer();
    // A request about the restricted child, sent to a worker who may not see them.
    valueOf(
        owner,
        uR"(INSERT INTO request (step_id, request_type, recipient_id, note, state, created_by, sent_at)
                       VALUES ($1, 'CS Notification to Allocated Worker - CPIS Follow Up', $2, 'n', 'sent', $3, now())
                       RETURNING id)"_s,
        {hiddenStep, world.keyWorker.workerId, world.admin.workerId});

    const auto stepsOf = [&](const test::CaseWorld::User &user) {
        auto c = world.connectAs(user);
        const Worker worker = test::require(WorkerDirectory(*c).current());
        const Workview view = test::require(loadWorkview(*c, worker));
        QList<qint64> steps;
        for (const CurrentWorkItem &item : view.currentWork)
            steps << item.stepId;
        return std::pair{steps, view.incomingRequests.size()};
    };
    CHECK(stepsOf(world.admin).first.contains(hiddenStep));            // granted access
    CHECK_FALSE(stepsOf(world.otherAdmin).first.contains(hiddenStep)); // not granted
    CHECK(stepsOf(world.otherAdmin).first.contains(world.stepId));
    CHECK(stepsOf(world.keyWorker).second == 0);

    // Nor does their CP-IS status give them away.
    valueOf(
        owner,
        u"INSERT INTO person_cpis_status (person_id, status) VALUES ($1, 'shared') RETURNING person_id"_s,
        {hidden});
    const QString status = u"SELECT count(*) FROM person_cpis_status WHERE person_id = $1"_s;
    CHECK(countOf(*world.connectAs(world.otherAdmin), status, {hidden}) == 0);
    CHECK(countOf(*world.connectAs(world.admin), status, {hidden}) == 1);
}
