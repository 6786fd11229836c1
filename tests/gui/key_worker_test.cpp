// The key worker's screens against a real database: Incoming requests, the request window
// and its document, and what the database refuses (another worker's request, a finished
// note).
#include "db/error_codes.h"
#include "db/rows.h"
#include "dialogs/case_note_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "person/person_record_window.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "workflow/alert_service.h"
#include "workflow/case_note_service.h"
#include "workflow/person_record.h"
#include "workflow/request_service.h"
#include "workflow/team_requests.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"
#include "workview/alerts_model.h"
#include "workview/incoming_requests_model.h"
#include "workview/team_requests_panel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {} // namespace

TEST_CASE("Incoming requests model", "[gui]")
{
    ui::IncomingRequestsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    IncomingRequest ae;
    ae.requestId = 7;
    ae.subjectId = 3549728;
    ae.subjectName = u"Thomas Turner"_s;
    ae.type = u"CS Notification to Allocated Worker - CPIS Follow Up"_s;
    ae.stepTitle = u"CPIS Follow Up"_s;
    ae.state = u"sent"_s;
    ae.awaitingCaseNote = true;
    IncomingRequest dhu = ae;
    dhu.requestId = 8;
    dhu.state = u"acknowledged"_s;
    dhu.awaitingCaseNote = false;
    dhu.caseNoteExpected = u"on_concern"_s;
    model.setRows({ae, dhu});
    CHECK(model.rowCount() == 2);
    CHECK(model.index(0, ui::IncomingRequestsModel::Subject).data().toString() ==
          u"Thomas Turner (3549728)"_s);
    CHECK(model.index(0, ui::IncomingRequestsModel::Status).data().toString() ==
          u"Not acknowledged · awaiting case note"_s);
    CHECK(model.index(1, ui::IncomingRequestsModel::Status).data().toString() ==
          u"Acknowledged · case note only if concerns"_s);
    CHECK(model.rowOf(8) == 1);
    // Overdue says so in words, with a badge, not only in colour.
    ae.dueAt = QDateTime::currentDateTime().addDays(-2);
    dhu.dueAt = QDateTime::currentDateTime().addDays(3);
    model.setRows({ae, dhu});
    const QModelIndex overdue = model.index(0, ui::IncomingRequestsModel::Due);
    CHECK(overdue.data().toString().endsWith(u"· Overdue"_s));
    CHECK_FALSE(overdue.data(Qt::DecorationRole).value<QIcon>().isNull());
    CHECK_FALSE(
        model.index(1, ui::IncomingRequestsModel::Due).data().toString().contains(u"Overdue"_s));
    model.setRows({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("A key worker cannot acknowledge another worker's request", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto other = world.connectAs(world.otherKeyWorker);
    const Status refused = RequestService(*other).acknowledge(requestId);
    REQUIRE_FALSE(refused.ok());
    CHECK((refused.error().code == QLatin1String(errc::kDenied) ||
           refused.error().code == QLatin1String(errc::kNotFound)));
    auto mine = world.connectAs(world.keyWorker);
    CHECK(RequestService(*mine).acknowledge(requestId).ok());
}

TEST_CASE("A finished case note cannot be edited, only followed by another", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);

    auto connection = world.connectAs(world.keyWorker);
    CaseNoteService notes(*connection);
    CaseNoteService::Input input;
    input.personId = world.childId;
    input.contactDate = QDate::currentDate();
    input.body = u"Visited the child at home."_s;
    input.finish = true;
    input.requestId = requestId;
    const qint64 noteId = require(notes.add(input));
    const Status changed = notes.update(noteId, QDate::currentDate(), u"Changed"_s, true);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == QLatin1String(errc::kFinalNote));

    // The window shows the finished note, with nothing offered to change it.
    auto *list = child<QListWidget>(request, u"requestCaseNotes"_s);
    REQUIRE(waitFor([&] { return list->count() == 1; }));
    list->setCurrentRow(0);
    CHECK(list->item(0)->text().contains(u"Finished"_s));
    CHECK_FALSE(child<QPushButton>(request, u"continueDraftButton"_s)->isVisible());
    CHECK_FALSE(child<QLabel>(request, u"requestStatus"_s)->text().contains(u"Awaiting"_s));
}

TEST_CASE("The request document renders to PDF", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"dhu_111"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    // A DHU/111 request needs a note only when there are concerns.
    CHECK(child<QLabel>(request, u"requestStatus"_s)
              ->text()
              .contains(u"A case note is needed only if you have concerns"_s));
    CHECK(request->documentHtml().contains(u"111 telephone service"_s));

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(u"document.pdf"_s);
    REQUIRE(request->writePdf(file).ok());
    QFile pdf(file);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == QByteArray("%PDF-"));
    CHECK(pdf.size() > 2000);
}

TEST_CASE("A key worker acknowledges an alert from the workview's alerts panel", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *heading = child<QLabel>(window.get(), u"alertsHeading"_s);
    REQUIRE(waitFor([&] { return heading->text() == u"Alerts (0)"_s; }));

    auto admin = world.connectAs(world.admin);
    AlertService::Recipient to;
    to.workerId = world.keyWorker.workerId;
    // A user's own alert type: "CP-IS ..." types are the system's (issue 21).
    const qint64 alertId = require(AlertService(*admin).raise(
        u"Name to check"_s, world.childId, to, u"Name does not match the NHS number."_s));
    REQUIRE(waitFor([&] { return heading->text() == u"Alerts (1)"_s; }));
    test::screenshot(window.get(), u"kw-06-workview-alert"_s);

    auto *table = child<QTableView>(window.get(), u"alertsTable"_s);
    table->selectRow(0);
    auto *acknowledge = child<QPushButton>(window.get(), u"acknowledgeAlertButton"_s);
    REQUIRE(waitFor([&] { return acknowledge->isEnabled(); }));
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    REQUIRE(waitFor([&] { return heading->text() == u"Alerts (0)"_s; }));

    // Recorded once: acknowledging again is refused, naming who did.
    auto mine = world.connectAs(world.keyWorker);
    const Status again = AlertService(*mine).acknowledge(alertId);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(u"Jane Okafor"_s));
}

TEST_CASE("The person record opens from a request, and opening it is audited", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);

    QTest::mouseClick(child<QPushButton>(request, u"openPersonButton"_s), Qt::LeftButton);
    ui::PersonRecordWindow *person = nullptr;
    REQUIRE(waitFor([&] {
        person = window->personWindow(world.childId);
        return person && person->isLoaded();
    }));
    person->resize(1280, 800);
    const QString details = child<QLabel>(person, u"personDetails"_s)->text();
    CHECK(details.contains(u"Thomas Turner"_s));
    CHECK(details.contains(u"999 000 0026"_s));
    CHECK(details.contains(u"28/11/2016"_s));
    CHECK(child<QLabel>(person, u"personInvolvements"_s)->text().contains(u"Jane Okafor"_s));
    CHECK(child<QLabel>(person, u"personPlans"_s)->text().contains(u"Child protection plan"_s));
    CHECK_FALSE(child<QLabel>(person, u"personCpisStatus"_s)->text().isEmpty());
    CHECK(child<QLabel>(person, u"personWork"_s)->text().contains(u"CS Notification"_s));
    CHECK(person->record().openedBy.isEmpty()); // key workers do not read the audit
    test::screenshot(person, u"kw-07-person-record"_s);

    // A team manager sees who opened it.
    auto manager = world.connectAs(world.manager);
    const PersonRecord seen = require(loadPersonRecord(*manager, world.childId));
    REQUIRE_FALSE(seen.openedBy.isEmpty());
    CHECK(seen.openedBy.first().worker == u"Jane Okafor"_s);
}

TEST_CASE("The CP-IS status reads in words", "[gui]")
{
    PersonCpisStatus status;
    CHECK(ui::PersonRecordWindow::cpisStatusText(status).startsWith(u"Not shared"_s));
    status.status = u"rejected"_s;
    status.reason = u"Name does not match the NHS number"_s;
    CHECK(ui::PersonRecordWindow::cpisStatusText(status).contains(
        u"Rejected by CP-IS: Name does not match the NHS number"_s));
    status.status = u"shared"_s;
    CHECK(ui::PersonRecordWindow::cpisStatusText(status).startsWith(u"Shared"_s));
    status.status = u"ended_at_18"_s;
    CHECK(ui::PersonRecordWindow::cpisStatusText(status).startsWith(u"Ended at 18"_s));
}

TEST_CASE("The person record of a child of 18 says Ended at 18, and a plan recorded in error "
          "is not current",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    REQUIRE(execute(owner, uR"(
        WITH p AS (UPDATE person SET date_of_birth = current_date - interval '18 years' WHERE id = $1)
        UPDATE person_cpis_status SET status = 'shared' WHERE person_id = $2)"_s,
                    {world.childId, world.childId})
                .ok());
    REQUIRE(execute(owner, uR"(
        INSERT INTO plan (person_id, kind, start_date, recorded_in_error_at, recorded_in_error_by,
                          recorded_in_error_reason)
        VALUES ($1, 'C2', '2024-01-01', now(), 'sysadmin', 'Belongs to another child.'))"_s,
                    {world.childId})
                .ok());
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::PersonRecordWindow *person = window->openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    person->resize(1280, 800);
    CHECK(child<QLabel>(person, u"personCpisStatus"_s)->text().contains(u"Ended at 18"_s));
    const QString plans = child<QLabel>(person, u"personPlans"_s)->text();
    CHECK(plans.contains(u"C2 Full care order (s31) from 01/01/2024: recorded in error "
                         u"(Belongs to another child.)"_s));
    CHECK(plans.count(u"(current)"_s) == 1); // the child protection plan only
    test::screenshot(person, u"person-record-ended-at-18"_s);
}

TEST_CASE("Alerts model", "[gui]")
{
    ui::AlertsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Alert alert;
    alert.id = 3;
    alert.type = u"CP-IS upload rejected"_s;
    alert.personId = 3549728;
    alert.personName = u"Thomas Turner"_s;
    alert.body = u"Name does not match\nthe NHS number."_s;
    model.setRows({alert});
    CHECK(model.index(0, ui::AlertsModel::Person).data().toString() ==
          u"Thomas Turner (3549728)"_s);
    CHECK(model.index(0, ui::AlertsModel::Body).data().toString() ==
          u"Name does not match the NHS number."_s);
    CHECK(model.index(0, 0).data(ui::AlertsModel::AlertIdRole).toLongLong() == 3);
    model.setRows({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("A team manager passes a request on and the new worker sees it", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);

    // A key worker cannot pass requests on.
    auto keyWorker = world.connectAs(world.keyWorker);
    const Status refused =
        TeamRequests(*keyWorker).passOn(requestId, world.otherKeyWorker.workerId, u"Leave"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QLatin1String(errc::kDenied));

    // The new worker has nothing yet.
    auto theirs = test::signedInWindow(db, world.otherKeyWorker.login);
    auto *heading = child<QLabel>(theirs.get(), u"incomingRequestsHeading"_s);
    CHECK(heading->text() == u"Incoming requests (0)"_s);

    // The manager's workview lists the team's outstanding request with its age.
    auto manager = test::signedInWindow(db, world.manager.login);
    auto *panel = child<ui::TeamRequestsPanel>(manager.get(), u"teamRequestsPanel"_s);
    REQUIRE(waitFor([&] { return panel->isVisible() && panel->rows().size() == 1; }));
    auto *table = child<QTableView>(manager.get(), u"teamRequestsTable"_s);
    const auto cell = [table](int row, int column) {
        return table->model()->index(row, column).data().toString();
    };
    CHECK(cell(0, 1) == u"Jane Okafor"_s);
    CHECK(cell(0, 2).contains(u"minute"_s));
    CHECK(table->model()->index(0, 2).data(Qt::ToolTipRole).toString().startsWith(u"Sent "_s));
    CHECK(cell(0, 3) == u"Not acknowledged · awaiting case note"_s);
    test::screenshot(manager.get(), u"kw-08-manager-workview"_s);
    table->selectRow(0);
    QSignalSpy passed(panel, &ui::TeamRequestsPanel::passed);
    panel->passSelected(world.otherKeyWorker.workerId, u"Jane is on leave this week."_s);
    REQUIRE(passed.wait(10000));

    // The new worker sees it by themselves; Jane no longer does.
    REQUIRE(waitFor([&] { return heading->text() == u"Incoming requests (1)"_s; }));
    const Workview janes =
        require(loadWorkview(*keyWorker, require(WorkerDirectory(*keyWorker).current())));
    CHECK(janes.incomingRequests.isEmpty());
    REQUIRE(waitFor([&] {
        return panel->rows().size() == 1 && panel->rows().first().recipient == u"Tom Price"_s;
    }));
    // The child's record shows the request with its new worker.
    auto managerConnection = world.connectAs(world.manager);
    const PersonRecord record = require(loadPersonRecord(*managerConnection, world.childId));
    bool withTom = false;
    for (const PersonWorkItem &item : record.work)
        withTom = withTom || (item.kind == u"request"_s && item.who == u"Tom Price"_s);
    CHECK(withTom);
}

TEST_CASE("Ages of outstanding requests read in words", "[gui]")
{
    const QDateTime now(QDate(2026, 11, 22), QTime(12, 0));
    CHECK(ui::TeamRequestsPanel::ageText(now.addSecs(-5 * 60), now) == u"5 minutes"_s);
    CHECK(ui::TeamRequestsPanel::ageText(now.addSecs(-3 * 3600), now) == u"3 hours"_s);
    CHECK(ui::TeamRequestsPanel::ageText(now.addDays(-3), now) == u"3 days"_s);
}

TEST_CASE("A draft case note keeps the request awaiting until it is finished", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    auto *status = child<QLabel>(request, u"requestStatus"_s);

    QTest::mouseClick(child<QPushButton>(request, u"addCaseNoteButton"_s), Qt::LeftButton);
    ui::CaseNoteDialog *note = nullptr;
    REQUIRE(waitFor([&] { return (note = request->findChild<ui::CaseNoteDialog *>()); }));
    QTest::keyClicks(child<QPlainTextEdit>(note, u"caseNoteBody"_s), u"Phoned the school."_s);
    QTest::mouseClick(child<QPushButton>(note, u"caseNoteSaveDraft"_s), Qt::LeftButton);
    auto *list = child<QListWidget>(request, u"requestCaseNotes"_s);
    REQUIRE(waitFor([&] { return list->count() == 1; }));
    CHECK(list->item(0)->text().contains(u"Draft"_s));
    CHECK(status->text().contains(u"Awaiting case note"_s));

    // Continue the draft: what was written is there; finishing it ends the wait.
    list->setCurrentRow(0);
    auto *resume = child<QPushButton>(request, u"continueDraftButton"_s);
    REQUIRE(waitFor([&] { return resume->isVisible() && resume->isEnabled(); }));
    QTest::mouseClick(resume, Qt::LeftButton);
    ui::CaseNoteDialog *draft = nullptr;
    REQUIRE(waitFor([&] { return (draft = request->findChild<ui::CaseNoteDialog *>()); }));
    auto *body = child<QPlainTextEdit>(draft, u"caseNoteBody"_s);
    CHECK(body->toPlainText() == u"Phoned the school."_s);
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, u" No concerns."_s);
    QTest::mouseClick(child<QPushButton>(draft, u"caseNoteFinish"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return !status->text().contains(u"Awaiting case note"_s); }));
    REQUIRE(request->view().notes.size() == 1);
    CHECK(request->view().notes.first().final);
    CHECK(request->view().notes.first().body == u"Phoned the school. No concerns."_s);
}

TEST_CASE("A long case note history opens a page at a time, newest first", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    {
        auto keyWorker = world.connectAs(world.keyWorker);
        CaseNoteService notes(*keyWorker);
        for (int day = 1; day <= 120; ++day) {
            CaseNoteService::Input note;
            note.personId = world.childId;
            note.contactDate = QDate::currentDate().addDays(-day);
            note.body = u"Visit %1 days ago"_s.arg(day);
            note.finish = true;
            test::require(notes.add(note));
        }
    }
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::PersonRecordWindow *person = window->openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    auto *notes = child<QLabel>(person, u"personCaseNotes"_s);
    auto *shown = child<QLabel>(person, u"personCaseNotesShown"_s);
    auto *older = child<QPushButton>(person, u"personOlderCaseNotes"_s);
    CHECK(person->record().caseNotes.size() == ui::PersonRecordWindow::kCaseNotePage);
    CHECK(shown->text() == u"Showing the newest 50 of 120 case notes."_s);
    CHECK(notes->text().contains(u"Visit 1 days ago"_s));
    CHECK_FALSE(notes->text().contains(u"Visit 51 days ago"_s));
    person->resize(1280, 800);
    test::screenshot(person, u"kw-08-person-record-paged"_s);

    test::click(older);
    REQUIRE(waitFor([&] { return person->record().caseNotes.size() == 100; }));
    CHECK(shown->text() == u"Showing the newest 100 of 120 case notes."_s);
    CHECK(notes->text().contains(u"Visit 51 days ago"_s));

    test::click(older);
    REQUIRE(waitFor([&] { return person->record().caseNotes.size() == 120; }));
    CHECK(notes->text().contains(u"Visit 120 days ago"_s));
    CHECK_FALSE(older->isVisible()); // all of them are shown
    CHECK_FALSE(shown->isVisible());
}
