// The whole procedure with the keyboard alone, as a user who cannot use a mouse does it: QTest
// key events only, sent to whichever widget has focus (no clicks, no slots called). The
// Safeguarding Admin triages the notification, the key worker acknowledges it and adds the
// case note; the key worker's part once more at 150% font size, with screenshots.
#include "dialogs/case_note_dialog.h"
#include "dialogs/find_worker_dialog.h"
#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "gui/large_text_support.h"
#include "gui/step_window_support.h"
#include "request/request_window.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
// The window the user is in: the newest one shown is the active one, as a desktop makes it.
QWidget *focused(QWidget *window)
{
    window->activateWindow();
    QApplication::setActiveWindow(window);
    REQUIRE(QTest::qWaitForWindowActive(window));
    // With nothing focused, keys go to the window itself.
    return QApplication::focusWidget() ? QApplication::focusWidget() : window;
}

void keys(QWidget *window, const QKeySequence &sequence)
{
    QTest::keySequence(focused(window), sequence);
}

void key(QWidget *window, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(window), k, modifiers);
}

void type(QWidget *window, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(focused(window), c.toLatin1());
}

// Tab until the button has focus, then Space presses it.
void tabAndPress(QWidget *window, QWidget *button)
{
    for (int i = 0; i < 12 && focused(window) != button; ++i)
        key(window, Qt::Key_Tab);
    REQUIRE(focused(window) == button);
    key(window, Qt::Key_Space);
}

// F6 until that panel's list has focus.
void goToPanel(QWidget *window, const QString &listName)
{
    for (int i = 0; i < 6 && focused(window)->objectName() != listName; ++i)
        key(window, Qt::Key_F6);
    REQUIRE(focused(window)->objectName() == listName);
}

void keyWorkerProcedure(test::CaseWorld &world, test::TestDatabase &db, const QString &shots)
{
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *heading = child<QLabel>(window.get(), u"incomingRequestsHeading"_s);
    REQUIRE(waitFor([&] { return heading->text() == u"Incoming requests (1)"_s; }));
    test::checkFitsGivenScreen(window.get());
    test::screenshot(window.get(), shots + u"-01-workview"_s);

    // Incoming requests: F6 to the list, Down to the request, Enter opens it.
    goToPanel(window.get(), u"incomingRequestsTable"_s);
    key(window.get(), Qt::Key_Down);
    key(window.get(), Qt::Key_Return);
    ui::RequestWindow *request = nullptr;
    REQUIRE(waitFor([&] {
        request = window->requestWindow(requestId);
        return request && request->isLoaded();
    }));
    if (!test::onGivenScreen())
        request->resize(1280, 800);
    test::checkFitsGivenScreen(request);
    test::screenshot(request, shots + u"-02-request"_s);

    // The document tab, by its mnemonic.
    key(request, Qt::Key_O, Qt::AltModifier);
    REQUIRE(waitFor([&] { return child<QWidget>(request, u"requestDocument"_s)->isVisible(); }));
    test::screenshot(request, shots + u"-03-document"_s);

    // Acknowledge (Ctrl+K); Add case note (Ctrl+N): type the note, Tab to Finish, Space.
    auto *status = child<QLabel>(request, u"requestStatus"_s);
    keys(request, QKeySequence(Qt::CTRL | Qt::Key_K));
    REQUIRE(waitFor([&] { return status->text().contains(u"Acknowledged by Jane Okafor"_s); }));
    keys(request, QKeySequence::New);
    auto *note = test::openDialog<ui::CaseNoteDialog>(request);
    test::checkFitsGivenScreen(note);
    REQUIRE(focused(note) == child<QPlainTextEdit>(note, u"caseNoteBody"_s));
    type(note, u"Spoke to the foster carer, the visit was for a sprained wrist."_s);
    test::screenshot(note, shots + u"-04-case-note"_s);
    tabAndPress(note, child<QPushButton>(note, u"caseNoteFinish"_s));
    REQUIRE(waitFor([&] { return status->text().contains(u"Case note added"_s); }));
    test::screenshot(request, shots + u"-05-done"_s);

    REQUIRE(waitFor([&] { return heading->text() == u"Incoming requests (0)"_s; }));
    auto admin = world.connectAs(world.admin);
    const StepDetail step = require(StepService(*admin).load(world.stepId));
    REQUIRE(step.requests.size() == 1);
    CHECK(step.requests.first().state == u"acknowledged"_s);
}
} // namespace

TEST_CASE("Keyboard only: a Safeguarding Admin works a CPIS Follow Up step from start to finish",
          "[e2e][keyboard]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    test::checkFitsGivenScreen(window.get());

    // Current work: F6 to the list; the first step is selected; Ctrl+Enter starts work.
    goToPanel(window.get(), u"currentWorkTable"_s);
    key(window.get(), Qt::Key_Home);
    REQUIRE(window->workview()->selectedStepId() == world.stepId);
    keys(window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = window->stepWindow(world.stepId);
        return step && step->step().state == u"in_progress"_s;
    }));
    test::checkFitsGivenScreen(step);

    // Ctrl+Shift+R: New request to the key worker. Alt+F: Find; Alt+N, type the name, Alt+F
    // searches, Enter picks the one found; Tab to OK and Space.
    keys(step, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    auto *request = test::openDialog<ui::NewRequestDialog>(step);
    test::checkFitsGivenScreen(request);
    key(request, Qt::Key_F, Qt::AltModifier);
    auto *find = test::openDialog<ui::FindWorkerDialog>(request);
    test::checkFitsGivenScreen(find);
    auto *findText = child<QLineEdit>(find, u"findWorkerText"_s);
    key(find, Qt::Key_N, Qt::AltModifier); // Name:
    REQUIRE(focused(find) == findText);
    key(find, Qt::Key_A, Qt::ControlModifier);
    type(find, u"okafor"_s);
    QSignalSpy searched(find, &ui::FindWorkerDialog::searched);
    key(find, Qt::Key_F, Qt::AltModifier); // Find
    REQUIRE(waitFor([&] { return searched.count() == 1; }));
    auto *results = child<QTableView>(find, u"findWorkerResults"_s);
    REQUIRE(results->model()->rowCount() == 1);
    INFO("find dialog visible: " << find->isVisible());
    REQUIRE(focused(find) == results);
    key(find, Qt::Key_Return);
    REQUIRE(waitFor([&] { return !find->isVisible(); }));
    CHECK(child<QLineEdit>(request, u"passToWorker"_s)->text() == u"Jane Okafor"_s);
    tabAndPress(request, child<QPushButton>(request, u"requestOk"_s));
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));

    // Ctrl+N: Next action. Alt+R to the reason, Down picks the first, Alt+C: Add and close.
    keys(step, QKeySequence::New);
    auto *nextAction = test::openDialog<ui::NextActionDialog>(step);
    test::checkFitsGivenScreen(nextAction);
    key(nextAction, Qt::Key_R, Qt::AltModifier);
    auto *reason = child<QComboBox>(nextAction, u"reason"_s);
    REQUIRE(focused(nextAction) == reason);
    key(nextAction, Qt::Key_Down);
    CHECK(reason->currentText() == u"Notification passed to allocated worker"_s);
    key(nextAction, Qt::Key_C, Qt::AltModifier);
    REQUIRE(waitFor([&] { return step->changes().nextActions.size() == 1; }));

    // Ctrl+S saves and sends; Ctrl+Shift+Enter finishes.
    QSignalSpy saved(step, &ui::StepWindow::saved);
    keys(step, QKeySequence::Save);
    REQUIRE(saved.wait(10000));
    QSignalSpy finished(step, &ui::StepWindow::finished);
    REQUIRE(waitFor([&] { return child<QPushButton>(step, u"finishButton"_s)->isEnabled(); }));
    keys(step, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    REQUIRE(finished.wait(10000));

    auto admin = world.connectAs(world.admin);
    const StepDetail done = require(StepService(*admin).load(world.stepId));
    CHECK(done.state == u"finished"_s);
    REQUIRE(done.requests.size() == 1);
    CHECK(done.requests.first().recipient == u"Jane Okafor"_s);
}

TEST_CASE("Keyboard only: a key worker opens the request, acknowledges it and adds the case note",
          "[e2e][keyboard]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    keyWorkerProcedure(world, db, u"kbd-kw"_s);
}

TEST_CASE("Keyboard only at 150% font size: the key worker's procedure, with screenshots",
          "[e2e][keyboard]")
{
    test::LargeText large(150);
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    keyWorkerProcedure(world, db, u"kbd-kw-150"_s);
}
