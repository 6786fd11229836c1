// The step window's rules through its widgets: Reason* enforced, Finish disabled with the
// reason shown, closing with unsaved changes asks, a stale save names who and offers to
// reload, and a lost connection keeps everything and saves once when it is back.
#include "db/rows.h"
#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "gui/gui_support.h"
#include "gui/step_window_support.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTextCursor>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::require;
using test::waitFor;

using test::addNextAction;
using test::addRequest;
using test::openNextActionDialog;
using test::startStep;

TEST_CASE("Reason* is required: the dialog says so beside the field and adds nothing", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = startStep(*window, world.stepId);
    QPointer<ui::NextActionDialog> dialog = openNextActionDialog(step);
    auto *problem = child<QLabel>(dialog, u"reasonProblem"_s);
    CHECK(child<QComboBox>(dialog, u"reason"_s)->currentText() == u"Please Select"_s);

    click(child<QPushButton>(dialog, u"nextActionAddAndClose"_s));
    CHECK(dialog->isVisible());
    CHECK(problem->isVisible());
    CHECK(problem->text().contains(u"Reason is required"_s));
    click(child<QPushButton>(dialog, u"nextActionAdd"_s));
    CHECK(dialog->isVisible());
    CHECK(step->changes().nextActions.isEmpty());
    test::screenshot(dialog, u"next-action-reason-required"_s);

    // With a reason, Add adds and keeps the dialog open for another; Close closes.
    auto *reason = child<QComboBox>(dialog, u"reason"_s);
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    CHECK_FALSE(problem->isVisible());
    click(child<QPushButton>(dialog, u"nextActionAdd"_s));
    CHECK(step->changes().nextActions.size() == 1);
    CHECK(dialog->isVisible());
    CHECK(reason->currentText() == u"Please Select"_s); // ready for the next one
    QTest::keyClick(dialog, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !dialog || !dialog->isVisible(); }));
    CHECK(step->changes().nextActions.size() == 1);
}

TEST_CASE("Finish is disabled until every section is complete, and says which is not", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = startStep(*window, world.stepId);
    auto *finish = child<QPushButton>(step, u"finishButton"_s);
    auto *blocked = child<QLabel>(step, u"finishBlockedLabel"_s);
    CHECK_FALSE(finish->isEnabled());
    CHECK(blocked->text().contains(u"1. CPIS Follow Up"_s));
    CHECK(blocked->text().contains(u"2. Next actions"_s));
    CHECK(finish->toolTip() == blocked->text());

    addNextAction(step);
    CHECK_FALSE(finish->isEnabled());
    CHECK(blocked->text().contains(u"1. CPIS Follow Up"_s));
    CHECK_FALSE(blocked->text().contains(u"2. Next actions"_s));

    addRequest(step);
    CHECK(finish->isEnabled());
    CHECK(blocked->text().isEmpty());
}

TEST_CASE("Closing the step with unsaved changes asks first", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    QPointer<ui::StepWindow> step = startStep(*window, world.stepId);
    addNextAction(step);

    click(child<QPushButton>(step, u"closeStepButton"_s));
    QMessageBox *ask = nullptr;
    REQUIRE(waitFor([&] {
        ask = step->findChild<QMessageBox *>(u"unsavedChangesDialog"_s);
        return ask && ask->isVisible();
    }));
    CHECK(ask->informativeText().contains(u"1 next action"_s));
    test::screenshot(ask, u"unsaved-changes"_s);
    click(ask->button(QMessageBox::Cancel));
    QTest::qWait(50);
    REQUIRE(step);
    CHECK(step->isVisible());
    CHECK(step->changes().nextActions.size() == 1);

    // Closing the whole client asks too, and stays open meanwhile.
    CHECK_FALSE(window->close());
    CHECK(window->isVisible());
    REQUIRE(waitFor([&] {
        ask = step->findChild<QMessageBox *>(u"unsavedChangesDialog"_s);
        return ask && ask->isVisible();
    }));
    click(ask->button(QMessageBox::Cancel));
    QTest::qWait(50);

    click(child<QPushButton>(step, u"closeStepButton"_s));
    REQUIRE(waitFor([&] {
        ask = step->findChild<QMessageBox *>(u"unsavedChangesDialog"_s);
        return ask && ask->isVisible();
    }));
    click(ask->button(QMessageBox::Discard));
    REQUIRE(waitFor([&] { return !step || !step->isVisible(); }));
    auto admin = world.connectAs(world.admin);
    CHECK(require(StepService(*admin).load(world.stepId)).nextActions.isEmpty());
}

TEST_CASE("A stale save says who changed the step and offers to reload", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = startStep(*window, world.stepId);
    addNextAction(step);

    // The same admin, in another client, adds a next action to the step meanwhile.
    auto elsewhere = world.connectAs(world.admin);
    StepService other(*elsewhere);
    NextActionInput input;
    input.reason = u"Duplicate notification"_s;
    require(other.addNextAction(world.stepId, step->step().rowVersion, input));

    QSignalSpy failed(step, &ui::StepWindow::saveFailed);
    click(child<QPushButton>(step, u"saveButton"_s));
    REQUIRE(failed.wait(10000));
    QMessageBox *stale = nullptr;
    REQUIRE(waitFor([&] {
        stale = step->findChild<QMessageBox *>(u"staleDialog"_s);
        return stale && stale->isVisible();
    }));
    CHECK(stale->text().contains(u"changed by Sam Admin"_s));
    test::screenshot(stale, u"stale-save"_s);
    QSignalSpy loaded(step, &ui::StepWindow::loaded);
    click(child<QPushButton>(stale, u"staleReload"_s));
    REQUIRE(loaded.wait(10000));
    CHECK(step->step().nextActions.size() == 1);    // theirs
    CHECK(step->changes().nextActions.size() == 1); // ours, kept

    QSignalSpy saved(step, &ui::StepWindow::saved);
    click(child<QPushButton>(step, u"saveButton"_s));
    REQUIRE(saved.wait(10000));
    CHECK(require(other.load(world.stepId)).nextActions.size() == 2);
}

TEST_CASE("A lost connection shows a banner, keeps what was typed and saves once when back",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = startStep(*window, world.stepId);
    addRequest(step);
    addNextAction(step);

    // The server drops every connection of this user.
    REQUIRE(execute(db.connection(),
                    u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    u"WHERE usename = $1 AND datname = current_database()"_s,
                    {world.admin.login})
                .ok());
    QSignalSpy saved(step, &ui::StepWindow::saved);
    click(child<QPushButton>(step, u"saveButton"_s));
    auto *banner = child<QLabel>(step, u"stepBanner"_s);
    auto *connectionBanner = child<QLabel>(window.get(), u"connectionBanner"_s);
    REQUIRE(waitFor([&] { return connectionBanner->isVisible(); }));
    CHECK(banner->text().contains(u"lost"_s));
    CHECK(step->changes().requests.size() == 1);
    CHECK(step->changes().nextActions.size() == 1);
    test::screenshot(step, u"connection-lost"_s);

    REQUIRE(saved.wait(15000));
    REQUIRE(waitFor([&] { return !connectionBanner->isVisible(); }));
    CHECK_FALSE(step->hasUnsavedChanges());
    auto admin = world.connectAs(world.admin);
    const StepDetail stored = require(StepService(*admin).load(world.stepId));
    REQUIRE(stored.requests.size() == 1);
    CHECK(stored.requests.first().state == u"sent"_s);
    CHECK(stored.nextActions.size() == 1);
}

TEST_CASE("New request proposes the DHU template for a 111 call, and the admin can change it",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"dhu_111"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = startStep(*window, world.stepId);
    click(child<QPushButton>(step, u"notifyButton"_s));
    ui::NewRequestDialog *dialog = nullptr;
    REQUIRE(waitFor([&] { return (dialog = step->findChild<ui::NewRequestDialog *>()); }));
    auto *note = child<QPlainTextEdit>(dialog, u"requestNote"_s);
    CHECK(child<QRadioButton>(dialog, u"templateDhu"_s)->isChecked());
    CHECK(note->toPlainText().startsWith(
        u"A CP-IS notification of service access request has been triggered by DHU"_s));
    CHECK(child<QLineEdit>(dialog, u"passToWorker"_s)->text() == u"Jane Okafor"_s);

    click(child<QRadioButton>(dialog, u"templateAe"_s));
    CHECK(note->toPlainText().startsWith(u"Please acknowledge"_s));
    note->moveCursor(QTextCursor::End);
    QTest::keyClicks(note, u" Seen by the school nurse too."_s);
    click(child<QPushButton>(dialog, u"requestOk"_s));
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));
    const PendingRequest request = step->changes().requests.first();
    CHECK(request.source == u"ae"_s);
    CHECK(request.note.endsWith(u"Seen by the school nurse too."_s));
    CHECK(request.recipientId == world.keyWorker.workerId);
}

TEST_CASE("A step opened again at once after closing it opens, though the closed window is not yet "
          "deleted",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    QPointer<ui::StepWindow> closed = startStep(*window, world.stepId);

    // Closing only hides the window; its deletion waits for the event loop. A quick user (or a
    // busy machine) can ask for the step again before that.
    REQUIRE(closed->close());
    REQUIRE(closed);
    ui::StepWindow *reopened = window->openStep(world.stepId);
    CHECK(reopened != closed.data());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK_FALSE(closed);
    REQUIRE(window->stepWindow(world.stepId) != nullptr);
    CHECK(window->stepWindow(world.stepId)->isVisible());
}
