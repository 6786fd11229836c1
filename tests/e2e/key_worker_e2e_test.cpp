// The key worker's side of the seed procedure through the client alone: the request appears
// in Incoming requests by itself, the worker opens it, reads the document, acknowledges it,
// adds a CP-IS Follow Up case note and finishes it; the A&E request stops awaiting its note
// and the Safeguarding Admin sees the acknowledgement.
#include "dialogs/case_note_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workview/incoming_requests_model.h"
#include "workview/incoming_requests_panel.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
void click(QWidget *widget)
{
    REQUIRE(widget->isVisible());
    REQUIRE(waitFor([widget] { return widget->isEnabled(); }, 5000));
    QTest::mouseClick(widget, Qt::LeftButton);
}
} // namespace

TEST_CASE("A key worker acknowledges a CP-IS request and adds a case note in the client", "[e2e]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *heading = child<QLabel>(window.get(), u"incomingRequestsHeading"_s);
    CHECK(heading->text() == u"Incoming requests (0)"_s);

    // The admin sends the request: it appears without a refresh.
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    REQUIRE(waitFor([&] { return heading->text() == u"Incoming requests (1)"_s; }));
    auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    QAbstractItemModel *model = table->model();
    using Model = ui::IncomingRequestsModel;
    CHECK(model->index(0, Model::Subject).data().toString() == u"Thomas Turner (3549728)"_s);
    CHECK(model->index(0, Model::Request).data().toString() ==
          u"CS Notification to Allocated Worker - CPIS Follow Up: CPIS Follow Up"_s);
    CHECK(model->index(0, Model::Note)
              .data()
              .toString()
              .startsWith(u"Please acknowledge notification of service access request."_s));
    CHECK(model->index(0, Model::Status).data().toString().contains(u"awaiting case note"_s));
    test::screenshot(window.get(), u"kw-01-workview"_s);

    // The request link opens the step's summary.
    const QRect link = table->visualRect(model->index(0, Model::Request));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, link.center());
    ui::RequestWindow *request = nullptr;
    REQUIRE(waitFor([&] {
        request = window->requestWindow(requestId);
        return request && request->isLoaded();
    }));
    request->resize(1280, 800);
    CHECK(child<QLabel>(request, u"childName"_s)->text() == u"Thomas Turner"_s);
    CHECK(child<QLabel>(request, u"childGender"_s)->text() == u"Male"_s);
    CHECK(child<QLabel>(request, u"notificationDetails"_s)->text().contains(u"Dr Priya Raman"_s));
    auto *status = child<QLabel>(request, u"requestStatus"_s);
    CHECK(status->text().contains(u"Not acknowledged"_s));
    CHECK(status->text().contains(u"Awaiting case note"_s));
    test::screenshot(request, u"kw-02-request-summary"_s);

    // The document: everything in one readable page.
    child<QTabWidget>(request, u"requestTabs"_s)->setCurrentIndex(1);
    const QString document = child<QTextBrowser>(request, u"requestDocument"_s)->toPlainText();
    CHECK(document.contains(u"Child's Details"_s));
    CHECK(document.contains(u"Royal Derby Hospital"_s));
    CHECK(document.contains(u"Please acknowledge notification of service access request."_s));
    CHECK(document.contains(u"CS No Further Action"_s));
    test::screenshot(request, u"kw-03-request-document"_s);

    // Acknowledge records who and when.
    click(child<QPushButton>(request, u"acknowledgeButton"_s));
    REQUIRE(waitFor([&] { return status->text().contains(u"Acknowledged by Jane Okafor"_s); }));
    CHECK_FALSE(child<QPushButton>(request, u"acknowledgeButton"_s)->isEnabled());

    // Add case note: CP-IS Follow Up, today, what was done; Finish.
    click(child<QPushButton>(request, u"addCaseNoteButton"_s));
    ui::CaseNoteDialog *note = nullptr;
    REQUIRE(waitFor([&] { return (note = request->findChild<ui::CaseNoteDialog *>()); }));
    CHECK(child<QLabel>(note, u"caseNoteType"_s)->text() == u"CP-IS Follow Up"_s);
    QTest::keyClicks(child<QPlainTextEdit>(note, u"caseNoteBody"_s),
                     u"Spoke to the foster carer; the A&E visit was for a sprained wrist."_s);
    test::screenshot(note, u"kw-04-case-note"_s);
    click(child<QPushButton>(note, u"caseNoteFinish"_s));
    REQUIRE(waitFor([&] { return !status->text().contains(u"Awaiting case note"_s); }));
    CHECK(status->text().contains(u"Case note added"_s));
    REQUIRE(request->view().notes.size() == 1);
    CHECK(request->view().notes.first().final);
    test::screenshot(request, u"kw-05-request-done"_s);

    // Acknowledged and no longer awaiting its note, the request leaves Incoming requests.
    REQUIRE(waitFor([&] { return heading->text() == u"Incoming requests (0)"_s; }));
    CHECK(model->rowCount() == 0);

    // The admin who sent it sees the acknowledgement on the step.
    auto admin = world.connectAs(world.admin);
    const StepDetail step = require(StepService(*admin).load(world.stepId));
    REQUIRE(step.requests.size() == 1);
    CHECK(step.requests.first().state == u"acknowledged"_s);
    CHECK(step.requests.first().acknowledgedBy == u"Jane Okafor"_s);
    CHECK(step.requests.first().acknowledgedAt.isValid());
}
