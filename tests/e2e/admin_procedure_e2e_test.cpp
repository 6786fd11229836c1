// The seed procedure through the client alone: a Safeguarding Admin signs in, starts the
// CPIS Follow Up step, sends the request with the proposed template to the proposed key
// worker, adds CS No Further Action with a reason, saves and finishes, by clicking and
// typing through the widgets. Then core confirms the key worker has the request.
#include "dialogs/find_worker_dialog.h"
#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "gui/gui_support.h"
#include "step/section_widgets.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>

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

void clickRow(QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

int proxyRowOf(QAbstractItemModel *model, qint64 stepId)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ui::CurrentWorkModel::StepIdRole).toLongLong() == stepId)
            return row;
    }
    return -1;
}
} // namespace

TEST_CASE("A Safeguarding Admin works a CPIS Follow Up step from start to finish in the client",
          "[e2e]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    test::screenshot(window.get(), u"01-workview"_s);

    // Workview -> Current work -> Incoming work (1): select Thomas Turner.
    auto *table = child<QTableView>(window.get(), u"currentWorkTable"_s);
    const int row = proxyRowOf(table->model(), world.stepId);
    REQUIRE(row >= 0);
    clickRow(table, row);
    // The current Key Worker is visible without leaving the list.
    auto *keyWorker = child<QLabel>(window.get(), u"summaryKeyWorker"_s);
    REQUIRE(waitFor([&] { return keyWorker->text().contains(u"Jane Okafor"_s); }));
    CHECK(child<QLabel>(window.get(), u"summaryNhsNumber"_s)->text() == u"999 000 0026"_s);

    // Start work opens the step on section 1.
    click(child<QPushButton>(window.get(), u"startWorkButton"_s));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = window->stepWindow(world.stepId);
        return step && step->step().state == u"in_progress"_s;
    }));
    step->resize(1280, 800);
    CHECK(step->windowTitle() == u"CPIS Follow Up : Thomas Turner 3549728"_s);
    CHECK(child<QLabel>(step, u"childName"_s)->text() == u"Thomas Turner"_s);
    CHECK(child<QLabel>(step, u"childGender"_s)->text() == u"Male"_s);
    CHECK(child<QLabel>(step, u"childDateOfBirth"_s)->text() == u"28/11/2016"_s);
    CHECK(child<QLabel>(step, u"comments"_s)->text().contains(u"Dr Priya Raman"_s));
    auto *finish = child<QPushButton>(step, u"finishButton"_s);
    CHECK_FALSE(finish->isEnabled());
    test::screenshot(step, u"02-step-section1"_s);
    step->resize(1920, 1080);
    test::screenshot(step, u"02-step-section1-1920x1080"_s);
    step->resize(1280, 800);

    // CS Notification to Allocated Worker - CPIS Follow Up -> New request, proposed for A&E
    // and the current key worker.
    click(child<QPushButton>(step, u"notifyButton"_s));
    ui::NewRequestDialog *request = nullptr;
    REQUIRE(waitFor([&] { return (request = step->findChild<ui::NewRequestDialog *>()); }));
    REQUIRE(waitFor([&] { return request->isVisible(); }));
    CHECK(child<QLineEdit>(request, u"passToWorker"_s)->text() == u"Jane Okafor"_s);
    CHECK(child<QRadioButton>(request, u"templateAe"_s)->isChecked());
    const QString note = child<QPlainTextEdit>(request, u"requestNote"_s)->toPlainText();
    CHECK(note.startsWith(u"Please acknowledge notification of service access request."_s));
    test::screenshot(request, u"03-new-request"_s);

    // Find next to Pass to Worker: search by name, pick from the results, OK.
    click(child<QPushButton>(request, u"findButton"_s));
    QPointer<ui::FindWorkerDialog> find;
    REQUIRE(waitFor([&] { return (find = request->findChild<ui::FindWorkerDialog *>()); }));
    auto *findText = child<QLineEdit>(find, u"findWorkerText"_s);
    findText->selectAll();
    QTest::keyClicks(findText, u"okafor"_s);
    click(child<QPushButton>(find, u"findWorkerButton"_s));
    auto *results = child<QTableView>(find, u"findWorkerResults"_s);
    REQUIRE(waitFor([&] { return results->model()->rowCount() == 1; }));
    clickRow(results, 0);
    test::screenshot(find, u"04-find-worker"_s);
    click(child<QPushButton>(find, u"findWorkerOk"_s));
    REQUIRE(waitFor([&] { return !find || !find->isVisible(); }));
    CHECK(child<QLineEdit>(request, u"passToWorker"_s)->text() == u"Jane Okafor"_s);
    CHECK(child<QLabel>(request, u"requestAssignedTo"_s)->text().contains(u"current Key Worker"_s));

    click(child<QPushButton>(request, u"requestOk"_s));
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));
    CHECK(step->changes().requests.first().recipientId == world.keyWorker.workerId);
    CHECK(child<ui::SectionState>(step, u"section1Completed"_s)->isComplete());

    // Section 2. Next actions -> Add: CS No Further Action with a reason, Normal priority.
    auto *sections = child<QListWidget>(step, u"sectionList"_s);
    QTest::mouseClick(sections->viewport(), Qt::LeftButton, {},
                      sections->visualItemRect(sections->item(1)).center());
    click(child<QPushButton>(step, u"addNextActionButton"_s));
    ui::NextActionDialog *nextAction = nullptr;
    REQUIRE(waitFor([&] { return (nextAction = step->findChild<ui::NextActionDialog *>()); }));
    CHECK(child<QComboBox>(nextAction, u"selectAction"_s)->currentText() ==
          u"CS No Further Action"_s);
    CHECK(child<QRadioButton>(nextAction, u"priorityNormal"_s)->isChecked());
    auto *reason = child<QComboBox>(nextAction, u"reason"_s);
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    CHECK(reason->currentText() == u"Notification passed to allocated worker"_s);
    QTest::keyClicks(child<QPlainTextEdit>(nextAction, u"nextActionNote"_s),
                     u"Passed to Jane Okafor."_s);
    test::screenshot(nextAction, u"05-next-action"_s);
    click(child<QPushButton>(nextAction, u"nextActionAddAndClose"_s));
    REQUIRE(waitFor([&] { return step->changes().nextActions.size() == 1; }));
    CHECK(finish->isEnabled());
    CHECK(child<QLabel>(step, u"finishBlockedLabel"_s)->text().isEmpty());
    test::screenshot(step, u"06-step-section2"_s);

    // Save sends the request; Finish ends the step.
    QSignalSpy saved(step, &ui::StepWindow::saved);
    click(child<QPushButton>(step, u"saveButton"_s));
    REQUIRE(saved.wait(10000));
    REQUIRE(waitFor([&] { return step->step().requests.size() == 1; }));
    CHECK(step->step().requests.first().state == u"sent"_s);
    CHECK_FALSE(step->hasUnsavedChanges());
    test::screenshot(step, u"07-step-saved"_s);

    QSignalSpy finished(step, &ui::StepWindow::finished);
    REQUIRE(waitFor([&] { return finish->isEnabled(); }));
    click(finish);
    REQUIRE(finished.wait(10000));

    // Core: the step is finished, the key worker has the request with the A&E note.
    auto keyWorkerConnection = world.connectAs(world.keyWorker);
    const Workview theirs = require(loadWorkview(
        *keyWorkerConnection, require(WorkerDirectory(*keyWorkerConnection).current())));
    REQUIRE(theirs.incomingRequests.size() == 1);
    CHECK(theirs.incomingRequests.first().stepId == world.stepId);
    CHECK(theirs.incomingRequests.first().note == note);
    CHECK(theirs.incomingRequests.first().caseNoteExpected == u"required"_s);
    auto adminConnection = world.connectAs(world.admin);
    const StepDetail done = require(StepService(*adminConnection).load(world.stepId));
    CHECK(done.state == u"finished"_s);
    REQUIRE(done.nextActions.size() == 1);
    CHECK(done.nextActions.first().reason == u"Notification passed to allocated worker"_s);
    CHECK(done.nextActions.first().note == u"Passed to Jane Okafor."_s);

    // And it leaves Current work.
    REQUIRE(waitFor([&] { return proxyRowOf(table->model(), world.stepId) < 0; }, 2000));
}
