// The seed procedure carried out through core/workflow, as a Safeguarding Admin and then
// as the key worker, each connected as their own login; and the rules around it.
#include "config/config_store.h"
#include "db/change_listener.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "workflow/alert_service.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <atomic>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
const QString kReason = u"Notification passed to allocated worker"_s;

NextActionInput noFurtherAction()
{
    NextActionInput input;
    input.reason = kReason;
    return input;
}

Workview workviewOf(Connection &c)
{
    return require(loadWorkview(c, require(WorkerDirectory(c).current())));
}

} // namespace

TEST_CASE(
    "The A&E procedure end to end: admin triages, key worker acknowledges and writes the note",
    "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    auto admin = world.connectAs(world.admin);
    auto keyWorker = world.connectAs(world.keyWorker);

    // Workview -> Current work -> Incoming work (1), with the subject's current key worker.
    const Workview before = workviewOf(*admin);
    REQUIRE(before.incomingWorkCount() == 1);
    const CurrentWorkItem &item = before.currentWork.first();
    CHECK(item.type == u"CPIS Follow Up"_s);
    CHECK(item.subjectName == u"Thomas Turner"_s);
    CHECK(item.subjectId == 3549728);
    CHECK(item.keyWorker == u"Jane Okafor"_s);
    CHECK(item.source == u"ae"_s);

    StepService steps(*admin);
    int version = require(steps.start(world.stepId));
    StepDetail step = require(steps.load(world.stepId));
    CHECK(step.state == u"in_progress"_s);
    CHECK(step.startedBy == u"Sam Admin"_s);
    CHECK(step.comments.contains(u"Royal Derby Hospital"_s));
    CHECK(step.dateOfBirth == QDate(2016, 11, 28));
    CHECK(step.incompleteSections() == QStringList{u"1. CPIS Follow Up"_s, u"2. Next actions"_s});

    // New request: the A&E template, passed to the current key worker.
    const RequestProposal proposal = require(steps.proposeRequest(world.stepId));
    CHECK(proposal.requestType == u"CS Notification to Allocated Worker - CPIS Follow Up"_s);
    CHECK(proposal.source == u"ae"_s);
    CHECK(
        proposal.note.startsWith(u"Please acknowledge notification of service access request."_s));
    CHECK(proposal.recipientId == world.keyWorker.workerId);
    CHECK(proposal.recipientName == u"Jane Okafor"_s);
    version = require(steps.addRequest(world.stepId, version, proposal.recipientId, proposal.note,
                                       proposal.source))
                  .rowVersion;

    // Not sent until saved: the key worker sees nothing yet, and section 1 is not complete.
    CHECK(workviewOf(*keyWorker).incomingRequests.isEmpty());
    version = require(steps.addNextAction(world.stepId, version, noFurtherAction())).rowVersion;
    const Status early = steps.finish(world.stepId, version);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == u"incomplete"_s);
    CHECK(early.error().message.contains(u"1. CPIS Follow Up"_s));
    CHECK_FALSE(early.error().message.contains(u"2. Next actions"_s));

    version = require(steps.save(world.stepId, version));
    step = require(steps.load(world.stepId));
    CHECK(step.canFinish());
    REQUIRE(steps.finish(world.stepId, version).ok());
    CHECK(workviewOf(*admin).currentWork.isEmpty()); // the step has left Current work

    // The key worker's Incoming requests (1), with the note alongside.
    const Workview mine = workviewOf(*keyWorker);
    REQUIRE(mine.incomingRequests.size() == 1);
    const IncomingRequest request = mine.incomingRequests.first();
    CHECK(request.subjectName == u"Thomas Turner"_s);
    CHECK(request.type == u"CS Notification to Allocated Worker - CPIS Follow Up"_s);
    CHECK(request.stepTitle == u"CPIS Follow Up"_s);
    CHECK(request.note == proposal.note);
    CHECK(request.state == u"sent"_s);
    CHECK(request.awaitingCaseNote);
    // Due after the handling time in office hours from when it was sent, as a step is: the
    // database's rule (tests/db/due_time_test.cpp checks the rule itself), to the millisecond
    // a QDateTime holds.
    const auto ruled = queryValue(
        db.connection(),
        u"SELECT abs(extract(epoch FROM _due_after(sent_at) - $1)) < 0.001 FROM request WHERE id = $2"_s,
        {request.dueAt, request.requestId});
    REQUIRE(ruled.ok());
    CHECK(ruled->boolean());
    CHECK(request.dueAt > request.sentAt);

    RequestService requests(*keyWorker);
    REQUIRE(requests.acknowledge(request.requestId).ok());
    const StepDetail seenByAdmin = require(steps.load(world.stepId));
    REQUIRE(seenByAdmin.requests.size() == 1);
    CHECK(seenByAdmin.requests.first().state == u"acknowledged"_s);
    CHECK(seenByAdmin.requests.first().acknowledgedBy == u"Jane Okafor"_s);
    // Acknowledged, but an A&E request still awaits its case note.
    CHECK(require(requests.awaitingCaseNote(request.requestId)));
    CHECK(workviewOf(*keyWorker).incomingRequests.size() == 1);

    CaseNoteService notes(*keyWorker);
    CaseNoteService::Input note;
    note.personId = world.childId;
    note.contactDate = QDate::currentDate();
    note.body = u"Spoke to mother; attendance was for a sprained wrist. No concerns."_s;
    note.requestId = request.requestId;
    const qint64 draft = require(notes.add(note));
    CHECK(require(requests.awaitingCaseNote(request.requestId))); // a draft is not enough
    REQUIRE(notes.update(draft, note.contactDate, note.body, true).ok());
    CHECK_FALSE(require(requests.awaitingCaseNote(request.requestId)));
    CHECK(workviewOf(*keyWorker).incomingRequests.isEmpty());

    // Every change was audited, with who and which person.
    CHECK(queryValue(
              db.connection(),
              u"SELECT count(*) FROM audit WHERE person_id = $1 AND action IN "
              "('step.started', 'request.drafted', 'next_action.added', 'request.sent', "
              "'step.finished', 'request.acknowledged', 'case_note.added', 'case_note.changed')"_s,
              {world.childId})
              ->integer() == 8);
}

TEST_CASE("A DHU/111 step proposes the DHU note, and its request needs a note only on concern",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"dhu_111"_s);
    auto admin = world.connectAs(world.admin);
    const RequestProposal proposal = [&] {
        StepService steps(*admin);
        require(steps.start(world.stepId));
        return require(steps.proposeRequest(world.stepId));
    }();
    CHECK(proposal.source == u"dhu_111"_s);
    CHECK(proposal.note.startsWith(
        u"A CP-IS notification of service access request has been triggered by DHU"_s));

    auto admin2 = world.connectAs(world.admin);
    StepService steps(*admin2);
    int version = require(steps.load(world.stepId)).rowVersion;
    version = require(steps.addRequest(world.stepId, version, proposal.recipientId, proposal.note,
                                       proposal.source))
                  .rowVersion;
    version = require(steps.addNextAction(world.stepId, version, noFurtherAction())).rowVersion;
    version = require(steps.save(world.stepId, version));
    REQUIRE(steps.finish(world.stepId, version).ok());

    auto keyWorker = world.connectAs(world.keyWorker);
    const Workview mine = workviewOf(*keyWorker);
    REQUIRE(mine.incomingRequests.size() == 1);
    CHECK_FALSE(mine.incomingRequests.first().awaitingCaseNote);
    CHECK(mine.incomingRequests.first().caseNoteExpected == u"on_concern"_s);
    REQUIRE(RequestService(*keyWorker).acknowledge(mine.incomingRequests.first().requestId).ok());
    CHECK(workviewOf(*keyWorker).incomingRequests.isEmpty());
}

TEST_CASE("Of two admins starting one step at once, exactly one wins and the other is told who",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    for (int round = 0; round < 5; ++round) {
        const qint64 stepId = world.addStep();
        std::atomic<int> wins = 0;
        QString loserMessage;
        QString loserCode;
        std::mutex lock;
        auto claim = [&](const test::CaseWorld::User &who) {
            ConnInfo info = db.connInfo();
            info.set(u"user"_s, who.login);
            auto c = Connection::open(info);
            if (!c)
                return;
            auto started = StepService(**c).start(stepId);
            if (started) {
                ++wins;
            } else {
                const std::lock_guard guard(lock);
                loserMessage = started.error().message;
                loserCode = started.error().code;
            }
        };
        std::thread a(claim, world.admin);
        std::thread b(claim, world.otherAdmin);
        a.join();
        b.join();
        CHECK(wins == 1);
        CHECK(loserCode == u"taken"_s);
        CHECK((loserMessage.contains(u"Sam Admin"_s) || loserMessage.contains(u"Alex Admin"_s)));
        CHECK(loserMessage.contains(u"already started this step"_s));
    }
}

TEST_CASE("A stale save is refused and says who changed the step", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto first = world.connectAs(world.admin);
    auto second = world.connectAs(world.admin); // the same admin in a second window
    const int version = require(StepService(*first).start(world.stepId));

    const int seenBySecond = require(StepService(*second).load(world.stepId)).rowVersion;
    CHECK(seenBySecond == version);
    require(StepService(*first).addNextAction(world.stepId, version, noFurtherAction()));

    auto stale = StepService(*second).save(world.stepId, seenBySecond);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().code == u"stale"_s);
    CHECK(stale.error().message.contains(u"changed by Sam Admin"_s));
    CHECK(stale.error().hint.contains(u"Reload"_s));
    // Nothing was lost: the first change stands, once.
    CHECK(require(StepService(*second).load(world.stepId)).nextActions.size() == 1);
}

TEST_CASE("Another admin cannot work on a step someone has started", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    auto other = world.connectAs(world.otherAdmin);
    const int version = require(StepService(*admin).start(world.stepId));
    auto refused = StepService(*other).addNextAction(world.stepId, version, noFurtherAction());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"taken"_s);
    CHECK(refused.error().message.contains(u"Sam Admin is working on this step"_s));
}

TEST_CASE("Starting a step one has already started opens it as it is: nothing is claimed again "
          "or audited twice, and another admin is still refused",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    const int version = require(StepService(*admin).start(world.stepId));
    // A list that has not caught up still offers Start work (Ctrl+O, Enter) on the step.
    CHECK(require(StepService(*admin).start(world.stepId)) == version);
    CHECK(require(queryValue(db.connection(),
                             u"SELECT count(*) FROM audit WHERE action = 'step.started' "
                             u"AND details->>'step' = $1::text"_s,
                             {world.stepId}))
              .integer() == 1);
    auto other = world.connectAs(world.otherAdmin);
    const auto refused = StepService(*other).start(world.stepId);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"taken"_s);
}

TEST_CASE("Bad input is refused with a message naming the field, and nothing is written",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    const int version = require(steps.start(world.stepId));
    auto &owner = db.connection();
    const auto count = [&](const QString &table) {
        return queryValue(owner, u"SELECT count(*) FROM "_s + table)->integer();
    };

    SECTION("a next action without a reason")
    {
        NextActionInput input = noFurtherAction();
        input.reason = u"  "_s;
        auto refused = steps.addNextAction(world.stepId, version, input);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == u"invalid"_s);
        CHECK(refused.error().message.startsWith(u"Reason is required"_s));
        CHECK(count(u"next_action"_s) == 0);
    }
    SECTION("a reason that is not in the list")
    {
        NextActionInput input = noFurtherAction();
        input.reason = u"Because"_s;
        auto refused = steps.addNextAction(world.stepId, version, input);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(u"not in the list of reasons"_s));
    }
    SECTION("cancelling without a reason")
    {
        const Status refused = steps.cancel(world.stepId, QString());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == u"A reason is required to cancel work."_s);
        CHECK(require(steps.load(world.stepId)).state == u"in_progress"_s);
    }
    SECTION("a request to an unknown worker, or with no note")
    {
        auto unknown = steps.addRequest(world.stepId, version, 999999, u"note"_s, u"ae"_s);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message.contains(u"no active worker 999999"_s));
        auto empty =
            steps.addRequest(world.stepId, version, world.keyWorker.workerId, u" "_s, u"ae"_s);
        REQUIRE_FALSE(empty.ok());
        CHECK(empty.error().message == u"Note is required."_s);
        CHECK(count(u"request"_s) == 0);
    }
    SECTION("an invalid NHS number")
    {
        auto refused = execute(
            owner,
            u"INSERT INTO person (legal_forenames, legal_surname, date_of_birth, nhs_number, "
            "nhs_number_status) VALUES ('A', 'B', '2020-01-01', '9990000027', 'recorded')"_s);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(u"person_nhs_number_valid"_s));
        CHECK(count(u"person"_s) == 1);
    }
    SECTION("a plan ending before it starts, and a second current key worker")
    {
        auto plan = execute(
            owner,
            u"INSERT INTO plan (person_id, kind, start_date, end_date) VALUES ($1, 'CPP', '2024-02-01', '2024-01-01')"_s,
            {world.childId});
        REQUIRE_FALSE(plan.ok());
        CHECK(plan.error().message.contains(u"plan_end_not_before_start"_s));
        auto second = execute(
            owner,
            u"INSERT INTO involvement (person_id, worker_id, role) VALUES ($1, $2, 'Key Worker')"_s,
            {world.childId, world.otherKeyWorker.workerId});
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().message.contains(u"involvement_one_key_worker"_s));
        CHECK(count(u"plan"_s) == 1);
    }
    SECTION("a case note dated in the future")
    {
        auto keyWorker = world.connectAs(world.keyWorker);
        CaseNoteService::Input note;
        note.personId = world.childId;
        note.contactDate = QDate::currentDate().addDays(2);
        note.body = u"text"_s;
        auto refused = CaseNoteService(*keyWorker).add(note);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == u"Contact date cannot be in the future."_s);
        CHECK(count(u"case_note"_s) == 0);
    }
}

TEST_CASE("Finish is refused for a step not started, and names both sections when empty",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    auto notStarted = steps.finish(world.stepId, 1);
    REQUIRE_FALSE(notStarted.ok());
    CHECK(notStarted.error().message == u"Start work on this step first."_s);

    const int version = require(steps.start(world.stepId));
    auto empty = steps.finish(world.stepId, version);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.contains(u"1. CPIS Follow Up, 2. Next actions"_s));
    CHECK(require(steps.load(world.stepId)).state == u"in_progress"_s);
}

TEST_CASE("Cancel work with a reason takes the step out of Current work", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    REQUIRE(StepService(*admin).cancel(world.stepId, u"Duplicate notification"_s).ok());
    CHECK(workviewOf(*admin).currentWork.isEmpty());
    auto again = StepService(*admin).start(world.stepId);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == u"This step is cancelled already."_s);
}

TEST_CASE("Pass to Worker finds workers by part of a name, case-insensitively", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    const QList<Worker> found = require(WorkerDirectory(*admin).find(u"oKaF"_s));
    REQUIRE(found.size() == 1);
    CHECK(found.first().name == u"Jane Okafor"_s);
    CHECK(found.first().team == u"Child Protection North"_s);
    // Wildcards are text, not patterns.
    CHECK(require(WorkerDirectory(*admin).find(u"%"_s)).isEmpty());
    CHECK(require(WorkerDirectory(*admin).resolve(u"cp-is worker"_s)).isVirtual);
}

TEST_CASE("Alerts are raised to a worker and acknowledged by them, with who and when",
          "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto admin = world.connectAs(world.admin);
    auto keyWorker = world.connectAs(world.keyWorker);
    // A user's own alert type: "CP-IS ..." types are the system's (issue 21).
    const qint64 alertId = require(AlertService(*admin).raise(
        u"NHS number to check"_s, world.childId, {world.keyWorker.workerId, 0, {}},
        u"The NHS number is no longer active."_s));
    const QList<Alert> mine = require(AlertService(*keyWorker).mine());
    REQUIRE(mine.size() == 1);
    CHECK(mine.first().personName == u"Thomas Turner"_s);
    CHECK(require(AlertService(*world.connectAs(world.otherKeyWorker)).mine()).isEmpty());

    const Status notMine =
        AlertService(*world.connectAs(world.otherKeyWorker)).acknowledge(alertId);
    REQUIRE_FALSE(notMine.ok());
    CHECK(notMine.error().code == u"denied"_s);
    REQUIRE(AlertService(*keyWorker).acknowledge(alertId).ok());
    CHECK(require(AlertService(*keyWorker).mine()).isEmpty());
    CHECK(
        queryValue(db.connection(), u"SELECT acknowledged_by FROM alert WHERE id = $1"_s, {alertId})
            ->integer() == world.keyWorker.workerId);
}

TEST_CASE("A change made on one connection is heard on another", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    ChangeListener listener;
    REQUIRE(listener.listen(db.connInfo()).ok());
    QSignalSpy heard(&listener, &ChangeListener::changed);

    auto admin = world.connectAs(world.admin);
    require(StepService(*admin).start(world.stepId));
    REQUIRE(heard.wait(5000));
    CHECK(heard.first().at(0).toString() == u"step"_s);
    CHECK(heard.first().at(1).toLongLong() == world.stepId);
}

TEST_CASE("Opening a child's record is audited", "[procedure]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto keyWorker = world.connectAs(world.keyWorker);
    REQUIRE(execute(*keyWorker, u"SELECT record_person_opened($1)"_s, {world.childId}).ok());
    CHECK(
        queryValue(
            db.connection(),
            u"SELECT count(*) FROM audit WHERE action = 'person.opened' AND person_id = $1 AND worker_id = $2"_s,
            {world.childId, world.keyWorker.workerId})
            ->integer() == 1);
}
