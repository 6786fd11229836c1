// The keyboard shortcuts, each pressed as a user presses it in a real window against the test
// database and checked for its real effect; the Keyboard shortcuts dialog lists the windows'
// own actions with no key used twice; typing in Current work searches it.
#include "db/rows.h"
#include "dialogs/cancel_work_dialog.h"
#include "dialogs/case_note_dialog.h"
#include "gui/key_worker_support.h"
#include "gui/step_window_support.h"
#include "keyboard/shortcuts_dialog.h"
#include "keyboard/window_keys.h"
#include "person/edit_details_dialog.h"
#include "person/find_child_dialog.h"
#include "person/new_child_dialog.h"
#include "person/person_record_window.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "support/security_checks.h"
#include "workview/alerts_panel.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
void activate(QWidget *window)
{
    INFO("activating " << window->objectName().toStdString());
    window->activateWindow();
    QApplication::setActiveWindow(window);
    REQUIRE(QTest::qWaitForWindowActive(window));
}

// Presses the keys where focus is, as the keyboard would.
void press(QWidget *window, const QKeySequence &keys)
{
    activate(window);
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window;
    QTest::keySequence(target, keys);
}

// Space on a button in its own (now active) window, as a keyboard user presses it.
void pressButton(QPushButton *button)
{
    activate(button->window());
    button->setFocus(Qt::TabFocusReason);
    REQUIRE(QApplication::focusWidget() == button);
    QTest::keyClick(button, Qt::Key_Space);
}

// Types each character into whichever widget has focus then, as the keyboard would.
void type(const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
}

QSet<QString> actionNames(const QWidget *owner)
{
    QSet<QString> names;
    for (const QAction *action : owner->actions())
        names << action->objectName();
    return names;
}

QSet<QString> actionNames(const QList<QAction *> &actions)
{
    QSet<QString> names;
    for (const QAction *action : actions)
        names << action->objectName();
    return names;
}

// "Ctrl+S used by saveAction and ..." for every key sequence two of the actions share.
QStringList clashes(const QList<QAction *> &actions)
{
    QHash<QKeySequence, QString> owner;
    QStringList found;
    for (const QAction *action : actions) {
        for (const QKeySequence &keys : action->shortcuts()) {
            if (owner.contains(keys))
                found << keys.toString() + u" used by "_s + owner.value(keys) + u" and "_s +
                             action->objectName();
            owner.insert(keys, action->objectName());
        }
    }
    return found;
}
} // namespace

TEST_CASE("Keyboard: Ctrl+/ opens Keyboard shortcuts, listing the windows' own actions with no "
          "key used twice",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    press(window.get(), QKeySequence(Qt::CTRL | Qt::Key_Slash));
    ui::ShortcutsDialog *dialog = window->findChild<ui::ShortcutsDialog *>();
    REQUIRE(dialog);
    REQUIRE(waitFor([&] { return dialog->isVisible(); }));
    CHECK(window->openKeyboardShortcuts() == dialog); // one dialog, raised
    test::screenshot(dialog, u"keyboard-shortcuts"_s);

    const auto &groups = dialog->groups();
    REQUIRE(groups.size() == 4);
    // The same actions the windows carry: the list cannot go stale.
    // The main window's, and F1 from the Help menu.
    CHECK(actionNames(groups.at(0).actions) == (actionNames(window.get()) << u"helpAction"_s));
    CHECK(actionNames(groups.at(1).actions) == actionNames(window->workview()));
    ui::StepWindow *step = test::startStep(*window, world.stepId);
    CHECK(actionNames(groups.at(2).actions) == actionNames(step));

    // Every action has keys and the dialog shows them, in the platform's spelling.
    auto *list = child<QTreeWidget>(dialog, u"shortcutsList"_s);
    QStringList shown;
    for (int g = 0; g < list->topLevelItemCount(); ++g) {
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem *item = list->topLevelItem(g)->child(i);
            shown << item->text(0) + u" = "_s + item->text(1);
        }
    }
    CHECK(shown.contains(u"Save the step and send its request = "_s +
                         QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    CHECK(shown.contains(u"Keyboard shortcuts… = Ctrl+/"_s));
    CHECK(shown.contains(u"Help for your work = F1"_s));
    for (const auto &group : groups) {
        for (const QAction *action : group.actions) {
            INFO(action->objectName().toStdString());
            CHECK_FALSE(action->shortcut().isEmpty());
        }
    }

    // No key twice in one window; the main window's keys count inside the workview too.
    for (const auto &group : groups) {
        INFO(group.window.toStdString());
        const QStringList found = clashes(group.actions);
        INFO(found.join(u'\n').toStdString());
        CHECK(found.isEmpty());
    }
    const QStringList mainWindow = clashes(groups.at(0).actions + groups.at(1).actions);
    INFO(mainWindow.join(u'\n').toStdString());
    CHECK(mainWindow.isEmpty());
}

TEST_CASE("Keyboard: the workview's shortcuts move between panels, find, refresh, start, open "
          "and cancel work, acknowledge alerts and open the person record",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 second = world.addStep(u"dhu_111"_s);
    REQUIRE(execute(db.connection(),
                    u"SELECT raise_alert('CP-IS upload rejected', $1, $2, NULL, NULL, "
                    u"'The name does not match the NHS number.')"_s,
                    {world.childId, world.admin.workerId})
                .ok());
    auto window = test::signedInWindow(db, world.admin.login);
    ui::WorkviewPage *workview = window->workview();
    auto *current = child<QTableView>(window.get(), u"currentWorkTable"_s);
    auto *incoming = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    auto *alerts = child<QTableView>(window.get(), u"alertsTable"_s);
    REQUIRE(waitFor([&] { return alerts->model()->rowCount() == 1; }));

    // F6 and Shift+F6 go round the panels' lists in the order they are shown: for a
    // Safeguarding Admin Current work comes first, and an empty Incoming requests is only its
    // heading line.
    CHECK_FALSE(incoming->isVisible());
    current->setFocus();
    press(window.get(), QKeySequence(Qt::Key_F6));
    CHECK(QApplication::focusWidget() == alerts);
    press(window.get(), QKeySequence(Qt::Key_F6));
    CHECK(QApplication::focusWidget() == current);
    press(window.get(), QKeySequence(Qt::SHIFT | Qt::Key_F6));
    CHECK(QApplication::focusWidget() == alerts);
    press(window.get(), QKeySequence(Qt::SHIFT | Qt::Key_F6));
    CHECK(QApplication::focusWidget() == current);

    // Ctrl+K acknowledges the selected alert.
    alerts->setFocus();
    alerts->selectRow(0);
    press(window.get(), QKeySequence(Qt::CTRL | Qt::Key_K));
    REQUIRE(waitFor([&] { return alerts->model()->rowCount() == 0; }));

    // Ctrl+F goes to Find; F5 reloads.
    current->setFocus();
    press(window.get(), QKeySequence::Find);
    CHECK(QApplication::focusWidget() == child<QLineEdit>(window.get(), u"currentWorkSearch"_s));
    QSignalSpy loaded(workview, &ui::WorkviewPage::loaded);
    press(window.get(), QKeySequence::Refresh);
    REQUIRE(loaded.wait(5000));

    // Ctrl+Shift+Delete cancels the selected step, asking for the reason first.
    REQUIRE(workview->selectStep(second));
    current->setFocus();
    press(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    auto *cancel = test::openDialog<ui::CancelWorkDialog>(workview);
    cancel->reject();

    // Ctrl+Shift+O opens the selected subject's person record.
    press(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    REQUIRE(waitFor([&] { return window->personWindow(world.childId) != nullptr; }));
    window->personWindow(world.childId)->close();

    // Ctrl+Enter starts work and opens the step; Ctrl+O opens it again once closed.
    REQUIRE(workview->selectStep(world.stepId));
    current->setFocus();
    press(window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = window->stepWindow(world.stepId);
        return step && step->step().state == u"in_progress"_s;
    }));
    step->close();
    REQUIRE(waitFor([&] { return window->stepWindow(world.stepId) == nullptr; }));
    auto *open = child<QPushButton>(window.get(), u"openStepButton"_s);
    REQUIRE(waitFor([&] { return workview->selectStep(world.stepId) && open->isEnabled(); }));
    current->setFocus();
    press(window.get(), QKeySequence::Open);
    REQUIRE(waitFor([&] { return window->stepWindow(world.stepId) != nullptr; }));
}

TEST_CASE("Keyboard: the step window's shortcuts close and reopen it, pass to worker, add a "
          "next action, change section, save and finish",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, world.stepId);

    // Ctrl+W closes it (nothing unsaved yet); Ctrl+O in the workview opens it again.
    QPointer<ui::StepWindow> closing = step;
    press(step, QKeySequence::Close);
    REQUIRE(waitFor([&] { return !closing || !closing->isVisible(); }));
    // Once the list knows the step is in progress and ours.
    auto *open = child<QPushButton>(window.get(), u"openStepButton"_s);
    REQUIRE(
        waitFor([&] { return window->workview()->selectStep(world.stepId) && open->isEnabled(); }));
    child<QTableView>(window.get(), u"currentWorkTable"_s)->setFocus();
    press(window.get(), QKeySequence::Open);
    REQUIRE(waitFor([&] {
        step = window->stepWindow(world.stepId);
        return step && step->isVisible() && step->step().state == u"in_progress"_s;
    }));
    auto *pages = child<QStackedWidget>(step, u"sectionPages"_s);

    press(step, QKeySequence(Qt::CTRL | Qt::Key_2));
    CHECK(pages->currentIndex() == 1);
    press(step, QKeySequence(Qt::CTRL | Qt::Key_1));
    CHECK(pages->currentIndex() == 0);

    // Ctrl+Shift+R: New request, proposed for the key worker; Space on OK.
    press(step, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    auto *request = test::openDialog<ui::NewRequestDialog>(step);
    pressButton(child<QPushButton>(request, u"requestOk"_s));
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));

    // Ctrl+N: Next action, a reason picked with the arrow keys, Add and close.
    press(step, QKeySequence::New);
    auto *nextAction = test::openDialog<ui::NextActionDialog>(step);
    auto *reason = child<QComboBox>(nextAction, u"reason"_s);
    activate(nextAction);
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    pressButton(child<QPushButton>(nextAction, u"nextActionAddAndClose"_s));
    REQUIRE(waitFor([&] { return step->changes().nextActions.size() == 1; }));

    // Ctrl+S saves; Ctrl+Shift+Enter finishes.
    QSignalSpy saved(step, &ui::StepWindow::saved);
    press(step, QKeySequence::Save);
    REQUIRE(saved.wait(10000));
    CHECK_FALSE(step->hasUnsavedChanges());
    QSignalSpy finished(step, &ui::StepWindow::finished);
    REQUIRE(waitFor([&] { return child<QPushButton>(step, u"finishButton"_s)->isEnabled(); }));
    press(step, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    REQUIRE(finished.wait(10000));
    CHECK(step->step().state == u"finished"_s);
}

TEST_CASE("Keyboard: the request window's shortcuts acknowledge, add a case note, open the person "
          "record and close",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    press(window.get(), QKeySequence::Open);
    ui::RequestWindow *request = nullptr;
    REQUIRE(waitFor([&] {
        request = window->requestWindow(requestId);
        return request && request->isLoaded();
    }));

    auto *status = child<QLabel>(request, u"requestStatus"_s);
    press(request, QKeySequence(Qt::CTRL | Qt::Key_K));
    REQUIRE(waitFor([&] { return status->text().contains(u"Acknowledged by Jane Okafor"_s); }));

    press(request, QKeySequence::New);
    auto *note = test::openDialog<ui::CaseNoteDialog>(request);
    note->reject();

    press(request, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    REQUIRE(waitFor([&] { return window->personWindow(world.childId) != nullptr; }));
    window->personWindow(world.childId)->close();

    QPointer<ui::RequestWindow> closing = request;
    press(request, QKeySequence::Close);
    REQUIRE(waitFor([&] { return !closing || !closing->isVisible(); }));
}

TEST_CASE("Keyboard: typing in Current work puts the text into Find and filters the list", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    world.addStep(u"dhu_111"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    auto *current = child<QTableView>(window.get(), u"currentWorkTable"_s);
    auto *search = child<QLineEdit>(window.get(), u"currentWorkSearch"_s);
    REQUIRE(waitFor([&] { return current->model()->rowCount() == 2; }));
    activate(window.get());
    current->setFocus();

    type(u"dhu"_s);
    CHECK(search->text() == u"dhu"_s);
    CHECK(QApplication::focusWidget() == search);
    REQUIRE(current->model()->rowCount() == 1);
    CHECK(current->model()->index(0, 0).data(ui::CurrentWorkModel::SourceRole).toString() ==
          u"dhu_111"_s);

    // Down goes back to the filtered list, with its row selected.
    QTest::keyClick(search, Qt::Key_Down);
    CHECK(QApplication::focusWidget() == current);
    CHECK(window->workview()->selectedStepId() != 0);

    // Text that matches nothing says so; a new word typed in the list starts a new search.
    type(u"nobody-by-this-name"_s);
    CHECK(current->model()->rowCount() == 0);
    CHECK(child<QLabel>(window.get(), u"emptyLabel"_s)->text() ==
          u"Nothing matches these filters."_s);
    search->clear();
    CHECK(current->model()->rowCount() == 2);

    // Space and arrows in the list still select; Ctrl with a letter is a shortcut, not text.
    current->setFocus();
    QTest::keyClick(current, Qt::Key_Down);
    QTest::keyClick(current, Qt::Key_Space);
    QTest::keyClick(current, Qt::Key_K, Qt::ControlModifier);
    CHECK(search->text().isEmpty());
    CHECK(QApplication::focusWidget() == current);
}

namespace {
// Tabs from where focus is until `target` has it (at most `limit` presses).
void tabTo(QWidget *target, int limit = 40)
{
    for (int i = 0; i < limit && QApplication::focusWidget() != target; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget() == target);
}

// Tab to the dialog's Save button and press Enter, as a keyboard user saves.
void saveByKeyboard(ui::RecordDialog *dialog)
{
    auto *save = child<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save);
    REQUIRE(save);
    tabTo(save);
    QSignalSpy saved(dialog, &ui::RecordDialog::saved);
    QTest::keyClick(save, Qt::Key_Return);
    REQUIRE(waitFor([&] { return saved.count() > 0; }));
}
} // namespace

TEST_CASE("Keyboard: the record dialogs open by their access keys and save by keyboard alone, "
          "and Ctrl+Shift+F finds a child from a person record",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto officer = test::addRecordsOfficer(db.connection());
    auto window = test::signedInWindow(db, officer.login);
    window->openPerson(world.childId);
    ui::PersonRecordWindow *record = nullptr;
    REQUIRE(waitFor([&] {
        record = window->personWindow(world.childId);
        return record && record->isLoaded() && record->editable().id == world.childId;
    }));

    // Edit details: Alt+E on the record, Alt+F to the legal forename(s), type, Tab to Save, Enter.
    press(record, QKeySequence(Qt::ALT | Qt::Key_E));
    auto *details = test::openDialog<ui::EditDetailsDialog>(record);
    press(details, QKeySequence(Qt::ALT | Qt::Key_F));
    REQUIRE(QApplication::focusWidget() == child<QLineEdit>(details, u"forenames"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    type(u"Tom"_s);
    saveByKeyboard(details);
    REQUIRE(waitFor([&] { return record->editable().forenames == u"Tom"_s; }));

    // Ctrl+Shift+F from the person record, not only from the main window.
    REQUIRE(window->findChildDialog() == nullptr);
    press(record, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    ui::FindChildDialog *find = nullptr;
    REQUIRE(waitFor([&] { return (find = window->findChildDialog()) && find->isVisible(); }));

    // New child: Alt+W in Find a child, each field by its access key, Tab to Save, Enter.
    press(find, QKeySequence(Qt::ALT | Qt::Key_W));
    auto *newChild = test::openDialog<ui::NewChildDialog>(find);
    press(newChild, QKeySequence(Qt::ALT | Qt::Key_F));
    type(u"Lily"_s);
    press(newChild, QKeySequence(Qt::ALT | Qt::Key_S));
    type(u"Marsh"_s);
    press(newChild, QKeySequence(Qt::ALT | Qt::Key_D));
    type(u"14/03/2020"_s);
    CHECK(child<QLineEdit>(newChild, u"surname"_s)->text() == u"Marsh"_s);
    saveByKeyboard(newChild);
    CHECK(test::countOf(db.connection(),
                        u"SELECT count(*) FROM person WHERE legal_forenames = 'Lily' "
                        u"AND legal_surname = 'Marsh' AND date_of_birth = '2020-03-14'"_s) == 1);
}

TEST_CASE("Keyboard: F6 from outside every list goes to the user's main panel first: Current "
          "work for a Safeguarding Admin, Incoming requests for a key worker",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    test::sendRequestToKeyWorker(world, world.addStep());
    // An alert each, so that more than one list is shown for both.
    for (const int worker : {world.admin.workerId, world.keyWorker.workerId}) {
        REQUIRE(execute(db.connection(),
                        u"SELECT raise_alert('CP-IS upload rejected', $1, $2, NULL, NULL, "
                        u"'The name does not match the NHS number.')"_s,
                        {world.childId, worker})
                    .ok());
    }
    const struct
    {
        QString login;
        QString mainList;
    } users[] = {{world.admin.login, u"currentWorkTable"_s},
                 {world.keyWorker.login, u"incomingRequestsTable"_s}};
    for (const auto &user : users) {
        INFO(user.login.toStdString());
        auto window = test::signedInWindow(db, user.login);
        auto *alerts = child<QTableView>(window.get(), u"alertsTable"_s);
        REQUIRE(waitFor([&] { return alerts->isVisible() && alerts->model()->rowCount() == 1; }));
        for (const QString &box : {u"currentWorkSearch"_s, u"workviewFindChild"_s}) {
            INFO("from " << box.toStdString());
            child<QLineEdit>(window.get(), box)->setFocus();
            REQUIRE(QApplication::focusWidget() == child<QLineEdit>(window.get(), box));
            press(window.get(), QKeySequence(Qt::Key_F6));
            REQUIRE(QApplication::focusWidget());
            CHECK(QApplication::focusWidget()->objectName() == user.mainList);
        }
    }
}
