// What a tired admin and a busy key worker tripped over in the real window (issue 22), each
// through the real widgets: Find worker, the SUBJECT panel, the note template, the
// unsaved-changes guard, the confirmation after Finish, the menu bar and the Help window.
#include "admin/data_quality_window.h"
#include "admin/exchange_monitor_resolve_dialog.h"
#include "admin/records_import_window.h"
#include "admin/user_dialogs.h"
#include "admin/users_window.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "dialogs/cancel_work_dialog.h"
#include "dialogs/case_note_dialog.h"
#include "dialogs/find_worker_dialog.h"
#include "dialogs/new_request_dialog.h"
#include "display.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "gui/large_text_support.h"
#include "gui/step_window_support.h"
#include "gui/visible_texts.h"
#include "help/about_dialog.h"
#include "help/help_window.h"
#include "keyboard/shortcuts_dialog.h"
#include "person/find_child_dialog.h"
#include "person/new_child_dialog.h"
#include "person/person_record_window.h"
#include "person/record_dialog.h"
#include "request/request_window.h"
#include "sign_in/change_password_dialog.h"
#include "step/section_widgets.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "translations/welsh_translator.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workview/finished_steps_panel.h"
#include "workview/incoming_requests_model.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QTextCursor>

#include <optional>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::waitFor;

namespace {
// Keys go where a user's would: to the focused widget of the active window.
QWidget *focusIn(QWidget *window)
{
    window->activateWindow();
    QApplication::setActiveWindow(window);
    REQUIRE(QTest::qWaitForWindowActive(window));
    return QApplication::focusWidget() ? QApplication::focusWidget() : window;
}

void key(QWidget *window, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focusIn(window), k, modifiers);
}

// An unborn child with a step of their own, beside the world's Thomas Turner.
qint64 addUnbornKhan(test::TestDatabase &db)
{
    const qint64 person =
        test::require(
            queryValue(db.connection(),
                       u"INSERT INTO person (legal_forenames, legal_surname, "
                       u"expected_delivery, nhs_number_status) "
                       u"VALUES ('Unborn', 'Khan', '2027-01-15', 'unknown') RETURNING id"_s))
            .integer();
    return test::require(
               queryValue(db.connection(),
                          u"SELECT create_follow_up_step($1, 'CP-IS notification: record accessed "
                          u"by the maternity unit.', 'ae', now())"_s,
                          {person}))
        .integer();
}

// The question box of that name, once it is shown on `parent`.
QMessageBox *question(const QWidget *parent, const QString &name)
{
    QMessageBox *box = nullptr;
    REQUIRE(waitFor([&] {
        box = parent->findChild<QMessageBox *>(name);
        return box && box->isVisible();
    }));
    return box;
}

// The key worker's case note on the world's request, opened from the request window (its
// Add case note).
ui::CaseNoteDialog *openCaseNote(ui::RequestWindow *request)
{
    ui::CaseNoteDialog *note = request->addCaseNote();
    REQUIRE(waitFor([&] { return note->isVisible(); }));
    return note;
}

// The title the desktop shows: Qt adds the program's name after one that does not end with it.
QString shownTitle(const QWidget *window)
{
    const QString program = u"CP-IS Workview"_s;
    const QString title = window->windowTitle();
    return title.endsWith(program) ? title : title + u" \u2014 "_s + program;
}

// Signs in through the sign-in dialog, as a user does, and waits for the workview.
void signInThroughDialog(ui::MainWindow &window, const QString &login)
{
    QDialog *dialog = nullptr;
    REQUIRE(waitFor([&] {
        dialog = window.findChild<QDialog *>(u"signInDialog"_s);
        return dialog && dialog->isVisible();
    }));
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    auto *field = child<QLineEdit>(dialog, u"signInLogin"_s);
    field->clear();
    QTest::keyClicks(field, login);
    QTest::keyClick(field, Qt::Key_Return);
    REQUIRE(ready.wait(30000));
}

QStringList column(const QTableView *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        texts << table->model()->index(row, column).data().toString();
    return texts;
}

// The key worker acknowledges the request and finishes a case note against it.
void acknowledgeWithCaseNote(const test::CaseWorld &world, qint64 requestId)
{
    auto keyWorker = world.connectAs(world.keyWorker);
    REQUIRE(RequestService(*keyWorker).acknowledge(requestId).ok());
    CaseNoteService::Input note;
    note.personId = world.childId;
    note.type = u"CP-IS Follow Up"_s;
    note.contactDate = QDate::currentDate();
    note.body = u"Spoke to his mother: no concerns."_s;
    note.finish = true;
    note.requestId = requestId;
    test::require(CaseNoteService(*keyWorker).add(note));
}
} // namespace

TEST_CASE("Find worker: Enter in the Name box searches, Enter in the list chooses, only "
          "caseworkers are listed and nobody is picked for the user among several",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, world.stepId);
    step->showSection(0);
    click(child<QPushButton>(step, u"notifyButton"_s));
    auto *request = test::openDialog<ui::NewRequestDialog>(step);
    click(child<QPushButton>(request, u"findButton"_s));
    QPointer<ui::FindWorkerDialog> find = test::openDialog<ui::FindWorkerDialog>(request);
    auto *text = child<QLineEdit>(find, u"findWorkerText"_s);
    auto *results = child<QTableView>(find, u"findWorkerResults"_s);
    auto *status = child<QLabel>(find, u"findWorkerStatus"_s);
    auto *ok = child<QPushButton>(find, u"findWorkerOk"_s);

    // The search for the current key worker: one match, picked and marked.
    REQUIRE(waitFor([&] { return results->model()->rowCount() == 1; }));
    CHECK(results->selectionModel()->hasSelection());
    CHECK(column(results, 0).first().contains(u"current Key Worker"_s));
    CHECK(column(results, 1) == QStringList{u"Key Worker"_s});
    CHECK(status->text().contains(u"1 caseworker"_s));

    // "a" is in every test user's name: only the key worker and the team manager are listed
    // (no administrator, no system administrator, not the exchange's own worker), and Enter in
    // the Name box searched instead of choosing the earlier pick.
    QSignalSpy searched(find.data(), &ui::FindWorkerDialog::searched);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"a"_s);
    key(find, Qt::Key_Return);
    REQUIRE(find);
    CHECK(find->isVisible());
    REQUIRE(waitFor([&] { return searched.count() == 1; }));
    CHECK(column(results, 0) ==
          QStringList{u"Jane Okafor (current Key Worker)"_s, u"Maria Lopez"_s});
    CHECK(column(results, 1) == QStringList{u"Key Worker"_s, u"Team Manager"_s});
    CHECK(column(results, 2).contains(u"Child Protection North"_s));
    CHECK_FALSE(results->selectionModel()->hasSelection());
    CHECK_FALSE(ok->isEnabled());
    CHECK(status->text().contains(u"2 caseworkers"_s));
    test::screenshot(find, u"find-worker-two"_s);

    // "tom": Enter searches (the dialog stays), the one match is picked, Enter in the list
    // chooses it.
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"tom"_s);
    key(find, Qt::Key_Return);
    REQUIRE(find);
    CHECK(find->isVisible());
    CHECK(results->model()->rowCount() == 0); // the old list is gone while searching
    REQUIRE(waitFor([&] { return searched.count() == 2; }));
    CHECK(column(results, 0) == QStringList{u"Tom Price"_s});
    CHECK(status->text().contains(u"1 caseworker"_s));
    CHECK(status->text().contains(u"tom"_s));
    REQUIRE(QApplication::focusWidget() == results);
    key(find, Qt::Key_Return);
    REQUIRE(waitFor([&] { return !find || !find->isVisible(); }));
    CHECK(child<QLineEdit>(request, u"passToWorker"_s)->text() == u"Tom Price"_s);
}

TEST_CASE("The SUBJECT panel shows the selected row's child, and nobody when Find leaves no row "
          "selected",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 khanStep = addUnbornKhan(db);
    auto window = test::signedInWindow(db, world.admin.login);
    auto *name = child<QLabel>(window.get(), u"summaryName"_s);
    auto *keyWorker = child<QLabel>(window.get(), u"summaryKeyWorker"_s);
    REQUIRE(window->workview()->selectStep(world.stepId));
    REQUIRE(waitFor([&] { return keyWorker->isVisible() && name->text() == u"Thomas Turner"_s; }));

    // Find "Khan": Thomas's row is filtered away, so the panel no longer names him or his key
    // worker.
    auto *search = child<QLineEdit>(window.get(), u"currentWorkSearch"_s);
    search->setFocus();
    QTest::keyClicks(search, u"Khan"_s);
    REQUIRE(waitFor([&] { return window->workview()->selectedStepId() != world.stepId; }));
    REQUIRE(waitFor([&] { return name->text() != u"Thomas Turner"_s; }, 2000));
    CHECK_FALSE(keyWorker->isVisible());
    test::screenshot(window.get(), u"subject-after-find"_s);

    // Selecting Khan's row shows Khan; clearing Find and selecting Thomas shows Thomas again.
    REQUIRE(window->workview()->selectStep(khanStep));
    REQUIRE(waitFor([&] { return name->text().contains(u"Khan"_s); }));
    search->clear();
    REQUIRE(window->workview()->selectStep(world.stepId));
    REQUIRE(waitFor([&] { return name->text() == u"Thomas Turner"_s && keyWorker->isVisible(); }));
}

TEST_CASE("The SUBJECT panel shows every line of a long team name and of the plans at 1280x720 "
          "and 1366x768",
          "[gui]")
{
    const QSize size = GENERATE(QSize(1280, 720), QSize(1366, 768));
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 khanStep = addUnbornKhan(db);
    test::require(execute(db.connection(), uR"(
        WITH khan AS (SELECT id FROM person WHERE legal_surname = 'Khan'),
             kw AS (INSERT INTO involvement (person_id, worker_id, role, started_on)
                    SELECT id, $1, 'Key Worker', '2026-11-07' FROM khan),
             p AS (INSERT INTO plan (person_id, kind, start_date)
                   SELECT id, 'UCPP', '2026-11-07' FROM khan)
        UPDATE team SET name = 'Child Protection Team North'
         WHERE id = (SELECT team_id FROM worker WHERE id = $1))"_s,
                          {world.keyWorker.workerId}));
    auto window = test::signedInWindow(db, world.admin.login);
    window->resize(size - QSize(16, 48));
    auto *keyWorker = child<QLabel>(window.get(), u"summaryKeyWorker"_s);
    REQUIRE(window->workview()->selectStep(khanStep));
    REQUIRE(
        waitFor([&] { return keyWorker->isVisible() && keyWorker->text().contains(u"North"_s); }));
    QTest::qWait(100);
    INFO("screen " << size.width() << "x" << size.height());
    const QStringList clipped = test::clippedText(window.get());
    INFO(clipped.join(u'\n').toStdString());
    CHECK(clipped.isEmpty());
    test::screenshot(window.get(), u"subject-unborn-%1"_s.arg(size.width()));
}

TEST_CASE("Switching the note template asks before it replaces text the user typed", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, world.stepId);
    step->showSection(0);
    click(child<QPushButton>(step, u"notifyButton"_s));
    auto *dialog = test::openDialog<ui::NewRequestDialog>(step);
    auto *note = child<QPlainTextEdit>(dialog, u"requestNote"_s);
    auto *ae = child<QRadioButton>(dialog, u"templateAe"_s);
    auto *dhu = child<QRadioButton>(dialog, u"templateDhu"_s);
    REQUIRE(ae->isChecked());

    // An untouched template switches at once, and back.
    click(dhu);
    CHECK(note->toPlainText().startsWith(u"A CP-IS notification of service access request"_s));
    CHECK_FALSE(dialog->findChild<QMessageBox *>(u"replaceNoteQuestion"_s));
    click(ae);
    CHECK(note->toPlainText().startsWith(u"Please acknowledge"_s));

    // Typed text: the switch asks; Keep my text keeps it and the A&E template stays chosen.
    note->moveCursor(QTextCursor::End);
    QTest::keyClicks(note, u" Seen with her mother."_s);
    const QString typed = note->toPlainText();
    click(dhu);
    QMessageBox *box = question(dialog, u"replaceNoteQuestion"_s);
    CHECK(note->toPlainText() == typed);
    CHECK(ae->isChecked());
    test::screenshot(box, u"replace-note-question"_s);
    click(child<QPushButton>(box, u"keepNoteButton"_s));
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(note->toPlainText() == typed);
    CHECK(ae->isChecked());

    // Replace the note: the DHU template replaces it.
    click(dhu);
    box = question(dialog, u"replaceNoteQuestion"_s);
    click(child<QPushButton>(box, u"replaceNoteButton"_s));
    REQUIRE(waitFor([&] { return dhu->isChecked(); }));
    CHECK(note->toPlainText().startsWith(u"A CP-IS notification of service access request"_s));
}

TEST_CASE("A case note with text not saved asks before Esc, Cancel, closing the request window "
          "or quitting lose it",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    QPointer<ui::CaseNoteDialog> note = openCaseNote(request);

    // Nothing typed: Esc closes without asking.
    key(note, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !note; }));
    CHECK_FALSE(request->findChild<QMessageBox *>(u"unsavedCaseNoteDialog"_s));

    note = openCaseNote(request);
    QTest::keyClicks(child<QPlainTextEdit>(note, u"caseNoteBody"_s), u"Phoned the school."_s);
    // Esc asks; Cancel in the question goes back to the note.
    key(note, Qt::Key_Escape);
    QMessageBox *box = question(note, u"unsavedCaseNoteDialog"_s);
    test::screenshot(box, u"unsaved-case-note"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    REQUIRE(note);
    CHECK(note->isVisible());
    // The dialog's own Cancel asks too.
    click(child<QPushButton>(note, u"caseNoteCancel"_s));
    box = question(note, u"unsavedCaseNoteDialog"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(note->isVisible());
    // Closing the request window asks, and the window stays while the note does.
    CHECK_FALSE(request->close());
    box = question(note, u"unsavedCaseNoteDialog"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(request->isVisible());
    // Quitting asks too.
    CHECK_FALSE(window->close());
    box = question(note, u"unsavedCaseNoteDialog"_s);
    // Save in the question stores the draft and closes the note.
    box->button(QMessageBox::Save)->click();
    REQUIRE(waitFor([&] { return !note || !note->isVisible(); }));
    REQUIRE(waitFor([&] { return request->view().notes.size() == 1; }));
    CHECK(request->view().notes.first().body == u"Phoned the school."_s);
    CHECK_FALSE(request->view().notes.first().final);
}

TEST_CASE("Retrying a case note save after a lost answer stores the latest text and Finish",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    QPointer<ui::CaseNoteDialog> note = openCaseNote(request);
    auto *body = child<QPlainTextEdit>(note, u"caseNoteBody"_s);
    QTest::keyClicks(body, u"Phoned the school."_s);

    // The first save as a draft: the connection goes, so the dialog never hears back...
    REQUIRE(execute(db.connection(),
                    u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    u"WHERE usename = $1 AND datname = current_database()"_s,
                    {world.keyWorker.login})
                .ok());
    click(child<QPushButton>(note, u"caseNoteSaveDraft"_s));
    auto *problem = child<QLabel>(note, u"caseNoteProblem"_s);
    REQUIRE(waitFor([&] { return problem->isVisible(); }, 15000));
    // The client reconnects by itself.
    auto *connectionBanner = child<QLabel>(window.get(), u"connectionBanner"_s);
    REQUIRE(waitFor([&] { return !connectionBanner->isVisible(); }, 20000));
    // ...although (as when only the answer was lost) the draft reached the database.
    {
        auto keyWorker = world.connectAs(world.keyWorker);
        CaseNoteService::Input first;
        first.personId = world.childId;
        first.type = u"CP-IS Follow Up"_s;
        first.contactDate = QDate::currentDate();
        first.body = u"Phoned the school."_s;
        first.requestId = requestId;
        first.saveKey = note->saveKey();
        test::require(CaseNoteService(*keyWorker).add(first));
    }

    // More text, then Finish: the retry carries both.
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, u" No concerns."_s);
    REQUIRE(waitFor([&] { return child<QPushButton>(note, u"caseNoteFinish"_s)->isEnabled(); }));
    click(child<QPushButton>(note, u"caseNoteFinish"_s));
    REQUIRE(waitFor([&] { return !note || !note->isVisible() || !problem->isHidden(); }, 15000));
    INFO("problem: " << (note ? problem->text().toStdString() : std::string()));
    REQUIRE(waitFor([&] { return !note || !note->isVisible(); }, 15000));
    auto keyWorker = world.connectAs(world.keyWorker);
    const QList<CaseNote> stored =
        test::require(CaseNoteService(*keyWorker).forPerson(world.childId, -1));
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().body == u"Phoned the school. No concerns."_s);
    CHECK(stored.first().final);
}

TEST_CASE("After Finish the main window says what was done, and a Find that now hides "
          "everything is cleared",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    auto *search = child<QLineEdit>(window.get(), u"currentWorkSearch"_s);
    search->setFocus();
    QTest::keyClicks(search, u"Turner"_s);
    QPointer<ui::StepWindow> step = test::startStep(*window, world.stepId);
    test::addNextAction(step);
    test::addRequest(step);
    click(child<QPushButton>(step, u"finishButton"_s));
    REQUIRE(waitFor([&] { return !step || !step->isVisible(); }));

    auto *message = child<QLabel>(window.get(), u"workviewMessage"_s);
    REQUIRE(waitFor([&] { return message->isVisible(); }));
    CHECK(message->text() ==
          u"CPIS Follow Up for Thomas Turner finished: request sent to Jane Okafor"_s);
    REQUIRE(waitFor([&] { return search->text().isEmpty(); }));
    CHECK(child<QLabel>(window.get(), u"emptyLabel"_s)->text() !=
          u"Nothing matches these filters."_s);
    test::screenshot(window.get(), u"finished-confirmation"_s);
}

TEST_CASE("After signing in, typing goes to the main list of the user's work, the menu bar "
          "signs out and in again as someone else, and the title names the program once",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    test::sendRequestToKeyWorker(world, world.addStep());
    ui::MainWindow window(test::serverChoice(db));
    window.resize(1280, 720);
    window.show();
    window.connectToDatabase();
    signInThroughDialog(window, world.admin.login);
    REQUIRE(waitFor([&] { return focusIn(&window)->objectName() == u"currentWorkTable"_s; }));
    CHECK(shownTitle(&window) == u"Sam Admin \u2014 CP-IS Workview"_s);

    QStringList menus;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->isVisible())
            menus << menu->text();
    }
    CHECK(menus == QStringList{u"&File"_s, u"Vi&ew"_s, u"&Go"_s, u"&Help"_s});
    CHECK(window.goMenu() != nullptr);

    // View → Current work moves the keyboard there.
    child<QLineEdit>(&window, u"currentWorkSearch"_s)->setFocus();
    child<QAction>(&window, u"viewCurrentWork"_s)->trigger();
    CHECK(focusIn(&window)->objectName() == u"currentWorkTable"_s);

    // The admin's panels: Current work first; empty Incoming requests and Alerts are one line.
    auto *panels = child<QSplitter>(&window, u"workviewFolders"_s);
    CHECK(panels->widget(0)->isAncestorOf(child<QTableView>(&window, u"currentWorkTable"_s)));
    CHECK(child<QLabel>(&window, u"incomingRequestsHeading"_s)->isVisible());
    CHECK_FALSE(child<QTableView>(&window, u"incomingRequestsTable"_s)->isVisible());
    CHECK_FALSE(child<QTableView>(&window, u"alertsTable"_s)->isVisible());
    test::screenshot(&window, u"admin-panels"_s);

    // The admin looks at the Finished folder last.
    auto *folders = child<QTabBar>(&window, u"folderTabs"_s);
    folders->setCurrentIndex(2);
    auto *finished = child<QTableView>(&window, u"finishedStepsTable"_s);
    REQUIRE(waitFor([&] { return finished->model()->rowCount() == 1; }));

    // File → Switch user: the sign-in comes again; the key worker starts in Incoming requests,
    // with nothing of the admin's left on the page.
    child<QAction>(&window, u"switchUserAction"_s)->trigger();
    CHECK(folders->currentIndex() == 0);
    CHECK(finished->model()->rowCount() == 0);
    CHECK_FALSE(child<QMenu>(&window, u"viewMenu"_s)->menuAction()->isEnabled());
    signInThroughDialog(window, world.keyWorker.login);
    CHECK(window.worker().name == u"Jane Okafor"_s);
    REQUIRE(waitFor([&] { return focusIn(&window)->objectName() == u"incomingRequestsTable"_s; }));
    CHECK(shownTitle(&window) == u"Jane Okafor \u2014 CP-IS Workview"_s);
    // The key worker's panels: Incoming requests first; Current work does not promise
    // notifications that never come to them.
    CHECK(panels->widget(0)->isAncestorOf(child<QTableView>(&window, u"incomingRequestsTable"_s)));
    CHECK(child<QLabel>(&window, u"emptyLabel"_s)->text() == u"No incoming work."_s);
    // Their empty Alerts are one line too, leaving the room to the requests.
    REQUIRE(child<QTableView>(&window, u"alertsTable"_s)->model()->rowCount() == 0);
    CHECK_FALSE(child<QTableView>(&window, u"alertsTable"_s)->isVisible());
    test::screenshot(&window, u"key-worker-after-switch"_s);
}

TEST_CASE("Escape and Ctrl+W close the Help window, whose title names the program once", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    for (const QKeySequence &close :
         {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        child<QAction>(window.get(), u"helpAction"_s)->trigger();
        ui::HelpWindow *help = nullptr;
        REQUIRE(waitFor([&] {
            help = window->findChild<ui::HelpWindow *>();
            return help && help->isVisible();
        }));
        CHECK(shownTitle(help) == u"Help \u2014 CP-IS Workview"_s);
        QTest::keySequence(focusIn(help), close);
        INFO(close.toString().toStdString());
        REQUIRE(waitFor([&] { return !help->isVisible(); }));
    }
}

TEST_CASE("A step shows an unborn child's expected date, and each section's completion as a "
          "state, not a box to tick",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 khanStep = addUnbornKhan(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, khanStep);
    CHECK(child<QLabel>(step, u"childDateOfBirth"_s)->text() == u"Unborn, expected 15/01/2027"_s);
    CHECK(child<QLabel>(step, u"childAge"_s)->text() == u"Unborn"_s);

    CHECK_FALSE(step->findChild<QCheckBox *>(u"section1Completed"_s));
    CHECK_FALSE(step->findChild<QCheckBox *>(u"section2Completed"_s));
    auto *state = child<ui::SectionState>(step, u"section2Completed"_s);
    CHECK_FALSE(state->isComplete());
    CHECK(state->text() == u"Not completed yet"_s);
    test::addNextAction(step);
    CHECK(state->isComplete());
    CHECK(state->text().contains(u"Section completed"_s));
    test::screenshot(step, u"unborn-step"_s);
}

TEST_CASE("Sample steps arrive when the exchange runs and are due within office hours", "[gui]")
{
    test::TestDatabase db;
    test::require(loadSampleData(db.connection()));
    const auto steps = test::require(execute(db.connection(), uR"(
        SELECT s.id,
               (SELECT min(((s.received_at AT TIME ZONE 'Europe/London')::time - btrim(x)::time))
                FROM unnest(string_to_array(config_value('exchange.times'), ',')) AS x
                WHERE (s.received_at AT TIME ZONE 'Europe/London')::time >= btrim(x)::time)
                   <= interval '5 minutes' AS at_a_run,
               (s.due_at AT TIME ZONE 'Europe/London')::time
                   BETWEEN split_part(config_value('office.hours'), '-', 1)::time
                       AND split_part(config_value('office.hours'), '-', 2)::time AS due_in_hours,
               extract(isodow FROM s.due_at AT TIME ZONE 'Europe/London') < 6 AS due_on_a_weekday,
               to_char(s.received_at AT TIME ZONE 'Europe/London', 'Dy DD/MM HH24:MI') AS received,
               to_char(s.due_at AT TIME ZONE 'Europe/London', 'Dy DD/MM HH24:MI') AS due
        FROM work_step s ORDER BY s.id)"_s));
    REQUIRE(steps.size() >= 8);
    for (const Row &step : steps) {
        INFO("step " << step.integer("id") << ": received " << step.text("received").toStdString()
                     << ", due " << step.text("due").toStdString());
        CHECK(step.boolean("at_a_run"));
        CHECK(step.boolean("due_in_hours"));
        CHECK(step.boolean("due_on_a_weekday"));
    }
}

TEST_CASE("A colleague's step says who has it since when, opens to read, and a Safeguarding "
          "Admin can take it over (audited, the colleague told)",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    {
        auto sam = world.connectAs(world.admin);
        test::require(StepService(*sam).start(world.stepId));
    }
    // A key worker may not take a step over.
    {
        auto keyWorker = world.connectAs(world.keyWorker);
        CHECK_FALSE(StepService(*keyWorker).takeOver(world.stepId).ok());
    }
    auto alex = test::signedInWindow(db, world.otherAdmin.login);
    REQUIRE(alex->workview()->selectStep(world.stepId));
    auto *why = child<QLabel>(alex.get(), u"selectedStepExplanation"_s);
    REQUIRE(waitFor([&] { return why->text().contains(u"Sam Admin has had this step since"_s); }));
    auto *open = child<QPushButton>(alex.get(), u"openStepButton"_s);
    auto *takeOver = child<QPushButton>(alex.get(), u"takeOverButton"_s);
    CHECK(open->isEnabled());
    CHECK(open->text() == u"O&pen to read"_s);
    CHECK(takeOver->isVisible());
    CHECK(takeOver->isEnabled());
    test::screenshot(alex.get(), u"colleagues-step"_s);

    // Open to read: the window says whose it is, and nothing can be changed.
    click(open);
    ui::StepWindow *reading = nullptr;
    REQUIRE(waitFor([&] {
        reading = alex->stepWindow(world.stepId);
        return reading && !reading->step().subjectName.isEmpty();
    }));
    CHECK(child<QLabel>(reading, u"finishBlockedLabel"_s)
              ->text()
              .startsWith(u"Open to read: Sam Admin has had this step since"_s));
    CHECK_FALSE(child<QPushButton>(reading, u"saveButton"_s)->isEnabled());
    QPointer<ui::StepWindow> closing = reading;
    reading->close();
    REQUIRE(waitFor([&] { return !closing; }));

    // Take over: asked first, then the step is Alex's and opens to work on.
    click(takeOver);
    QMessageBox *box = question(alex.get(), u"takeOverQuestion"_s);
    click(child<QPushButton>(box, u"takeOverConfirm"_s));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = alex->stepWindow(world.stepId);
        return step && step->step().startedBy == u"Alex Admin"_s;
    }));
    REQUIRE(waitFor([&] { return child<QPushButton>(step, u"notifyButton"_s)->isEnabled(); }));
    const auto audited = test::require(queryValue(
        db.connection(),
        u"SELECT count(*) FROM audit WHERE action = 'step.taken_over' AND worker_id = $1 "
        u"AND (details->>'from')::int = $2"_s,
        {world.otherAdmin.workerId, world.admin.workerId}));
    CHECK(audited.integer() == 1);
    const auto told = test::require(
        queryValue(db.connection(),
                   u"SELECT count(*) FROM alert WHERE alert_type = 'Step taken over' "
                   u"AND recipient_worker = $1 AND body LIKE 'Alex Admin took over%'"_s,
                   {world.admin.workerId}));
    CHECK(told.integer() == 1);
}

TEST_CASE("Open to read does not start a step, and a started step discarded untouched goes back "
          "to Incoming work",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    const auto stateOfStep = [&] {
        return test::require(queryValue(db.connection(),
                                        u"SELECT state FROM work_step WHERE id = $1"_s,
                                        {world.stepId}))
            .text();
    };

    // Open (Ctrl+O) on an incoming step reads it without claiming it.
    REQUIRE(window->workview()->selectStep(world.stepId));
    click(child<QPushButton>(window.get(), u"openStepButton"_s));
    ui::StepWindow *reading = nullptr;
    REQUIRE(waitFor([&] {
        reading = window->stepWindow(world.stepId);
        return reading && !reading->step().subjectName.isEmpty();
    }));
    CHECK(reading->step().state == u"incoming"_s);
    CHECK(child<QLabel>(reading, u"finishBlockedLabel"_s)->text().startsWith(u"Open to read"_s));
    CHECK(stateOfStep() == u"incoming"_s);
    QPointer<ui::StepWindow> closing = reading;
    reading->close();
    REQUIRE(waitFor([&] { return !closing; }));

    // Started, a next action added but not saved, then closed with Discard: back to Incoming.
    QPointer<ui::StepWindow> step = test::startStep(*window, world.stepId);
    CHECK(stateOfStep() == u"in_progress"_s);
    test::addNextAction(step);
    step->close();
    QMessageBox *box = question(step, u"unsavedChangesDialog"_s);
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !step; }));
    REQUIRE(waitFor([&] { return stateOfStep() == u"incoming"_s; }));
    auto *message = child<QLabel>(window.get(), u"workviewMessage"_s);
    CHECK(message->text() ==
          u"CPIS Follow Up for Thomas Turner is back in Incoming work: nothing was saved on it."_s);
}

TEST_CASE("The Finished folder shows what came of each finished step, most recent first, a "
          "page at a time, and opens a step to read",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    // Fifty-one steps finished over the last days...
    test::require(execute(db.connection(), uR"(
        INSERT INTO work_step (subject_id, assignee_id, state, source, received_at, due_at,
                               started_by, started_at, finished_by, finished_at)
        SELECT $1, $2, 'finished', 'ae', now() - n * interval '1 hour' - interval '2 hours',
               now() - n * interval '1 hour', $3, now() - n * interval '1 hour' - interval '1 hour',
               $3, now() - n * interval '1 hour'
        FROM generate_series(1, 51) AS n)"_s,
                          {world.childId, world.cpisWorkerId, world.otherAdmin.workerId}));
    // ...and the world's step, finished now: the key worker acknowledged it and wrote the note.
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    acknowledgeWithCaseNote(world, requestId);

    auto window = test::signedInWindow(db, world.admin.login);
    auto *folders = child<QTabBar>(window.get(), u"folderTabs"_s);
    REQUIRE(folders->count() == 3);
    CHECK(folders->tabText(2) == u"Finished"_s);
    folders->setCurrentIndex(2);
    auto *table = child<QTableView>(window.get(), u"finishedStepsTable"_s);
    const auto cell = [table](int row, int column) {
        return table->model()->index(row, column).data().toString();
    };
    REQUIRE(waitFor([&] { return table->model()->rowCount() == ui::FinishedStepsPanel::kPage; }));
    QAbstractItemModelTester tester(table->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK_FALSE(child<QTableView>(window.get(), u"currentWorkTable"_s)->isVisible());
    const QString outcome = cell(0, 3);
    INFO(outcome.toStdString());
    CHECK(outcome.startsWith(u"Request to Jane Okafor \u00b7 acknowledged by Jane Okafor "_s));
    CHECK(outcome.endsWith(u"case note added"_s));
    CHECK(cell(1, 3) == u"No request sent"_s);
    CHECK(cell(1, 2) == u"Alex Admin"_s);
    CHECK(table->model()->index(0, 0).data(Qt::UserRole).toLongLong() > 0);
    test::screenshot(window.get(), u"finished-folder"_s);

    auto *more = child<QPushButton>(window.get(), u"finishedShowMore"_s);
    click(more);
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 52; }));
    CHECK_FALSE(more->isEnabled());

    table->selectRow(0);
    click(child<QPushButton>(window.get(), u"finishedOpenButton"_s));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = window->stepWindow(world.stepId);
        return step && step->step().state == u"finished"_s;
    }));
    CHECK_FALSE(child<QPushButton>(step, u"finishButton"_s)->isEnabled());
}

TEST_CASE("The main window fits the screen, and each user's size and splitters come back", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
    const auto signIn = [&](ui::MainWindow &window) {
        window.show();
        QSignalSpy ready(&window, &ui::MainWindow::ready);
        window.connectToDatabase();
        REQUIRE(ready.wait(30000));
    };
    QList<int> sizes;
    QSize chosen;
    {
        ui::MainWindow window(test::serverChoice(db), world.admin.login);
        // Room is left for the title bar and borders, so the status line stays on screen (and
        // no wider than the screen, unless the window cannot be narrower).
        CHECK(window.height() + 48 <= available.height());
        CHECK(window.width() <= std::max(available.width() - 16, window.minimumSizeHint().width()));
        signIn(window);
        // Narrower than the fitted width is not possible on the test's small screen; the height
        // is halfway between the smallest the window allows and the fitted one.
        chosen = QSize(window.width(), (window.minimumSizeHint().height() + window.height()) / 2);
        REQUIRE(chosen.height() < window.height());
        window.resize(chosen);
        QTest::qWait(50);
        auto *splitter = child<QSplitter>(&window, u"workviewFolders"_s);
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1) +
                          splitter->sizes().value(2) + splitter->sizes().value(3);
        splitter->setSizes({total - 3 * 60, 60, 60, 60});
        sizes = splitter->sizes();
        INFO("window " << window.width() << "x" << window.height() << ", minimum "
                       << window.minimumSizeHint().width() << "x"
                       << window.minimumSizeHint().height());
        REQUIRE(window.size() == chosen);
        REQUIRE(window.close());
    }
    {
        ui::MainWindow again(test::serverChoice(db), world.admin.login);
        signIn(again);
        INFO("restored " << again.width() << "x" << again.height() << ", chosen " << chosen.width()
                         << "x" << chosen.height());
        // A window manager may apply a size a moment after it is asked for.
        CHECK(waitFor([&] { return again.size() == chosen; }));
        CHECK(child<QSplitter>(&again, u"workviewFolders"_s)->sizes() == sizes);
    }
    {
        // Another user on the same computer starts from the fitted size, not Sam's.
        ui::MainWindow other(test::serverChoice(db), world.otherAdmin.login);
        signIn(other);
        CHECK(child<QSplitter>(&other, u"workviewFolders"_s)->sizes() != sizes);
    }
}

TEST_CASE("The request-ready banner and the Reason error keep their room: nothing below or "
          "beside them moves",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, world.stepId);
    auto *pages = child<QWidget>(step, u"sectionPages"_s);
    const auto top = [&] {
        QTest::qWait(50); // the layout settles
        return pages->mapTo(step, QPoint(0, 0)).y();
    };
    const int before = top();
    test::addRequest(step);
    auto *banner = child<QLabel>(step, u"stepBanner"_s);
    REQUIRE(banner->isVisible());
    CHECK(banner->text().contains(u"is ready"_s));
    CHECK(top() == before);

    auto *dialog = test::openNextActionDialog(step);
    auto *reason = child<QComboBox>(dialog, u"reason"_s);
    QTest::qWait(50);
    const int width = reason->width();
    click(child<QPushButton>(dialog, u"nextActionAdd"_s));
    REQUIRE(child<QLabel>(dialog, u"reasonProblem"_s)->isVisible());
    QTest::qWait(50);
    CHECK(reason->width() == width);
}

namespace {
// The cells of a list whose text does not fit (cut short or hidden below the row), as
// "column: text".
QStringList clippedCells(const QTableView *table)
{
    QStringList clipped;
    const QAbstractItemModel *model = table->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            const QString text = index.data().toString();
            if (text.isEmpty())
                continue;
            QFont font = table->font();
            if (const QVariant f = index.data(Qt::FontRole); f.isValid())
                font = f.value<QFont>();
            int room = table->columnWidth(column) - 10;
            if (index.data(Qt::DecorationRole).isValid())
                room -= table->iconSize().width() > 0 ? table->iconSize().width() + 6 : 22;
            const QFontMetrics metrics(font);
            const QRect needed = table->wordWrap() ? metrics.boundingRect(QRect(0, 0, room, 100000),
                                                                          Qt::TextWordWrap, text)
                                                   : metrics.boundingRect(text);
            if (needed.width() > room || needed.height() > table->rowHeight(row))
                clipped << model->headerData(column, Qt::Horizontal).toString() + u": "_s + text;
        }
    }
    return clipped;
}
} // namespace

TEST_CASE("Nothing is cut short in the workview at 1280x720 and 1366x768: Work in progress's "
          "Subject and every column of Incoming requests",
          "[gui]")
{
    const QSize size = GENERATE(QSize(1280, 720), QSize(1366, 768));
    test::TestDatabase db;
    test::CaseWorld world(db, u"dhu_111"_s);
    test::sendRequestToKeyWorker(world, world.stepId);
    test::sendRequestToKeyWorker(world, world.addStep(u"ae"_s));
    {
        auto sam = world.connectAs(world.admin);
        test::require(StepService(*sam).start(world.addStep(u"ae"_s)));
    }
    INFO("screen " << size.width() << "x" << size.height());

    auto alex = test::signedInWindow(db, world.otherAdmin.login);
    alex->resize(size - QSize(16, 48));
    child<QTabBar>(alex.get(), u"folderTabs"_s)->setCurrentIndex(1);
    auto *current = child<QTableView>(alex.get(), u"currentWorkTable"_s);
    REQUIRE(waitFor([&] { return current->model()->rowCount() == 1; }));
    QTest::qWait(100);
    CHECK(clippedCells(current) == QStringList{});
    test::screenshot(alex.get(), u"work-in-progress-%1"_s.arg(size.width()));

    auto jane = test::signedInWindow(db, world.keyWorker.login);
    jane->resize(size - QSize(16, 48));
    auto *incoming = child<QTableView>(jane.get(), u"incomingRequestsTable"_s);
    REQUIRE(waitFor([&] { return incoming->model()->rowCount() == 2; }));
    QTest::qWait(100);
    // The note is too long for a column: it is shown whole below the list.
    CHECK(incoming->isColumnHidden(ui::IncomingRequestsModel::Note));
    CHECK(clippedCells(incoming) == QStringList{});
    incoming->setFocus();
    incoming->selectRow(0);
    auto *note = child<QLabel>(jane.get(), u"incomingRequestNote"_s);
    REQUIRE(waitFor([&] { return note->isVisible(); }));
    CHECK(note->text().endsWith(incoming->model()
                                    ->index(0, ui::IncomingRequestsModel::Note)
                                    .data(Qt::ToolTipRole)
                                    .toString()));
    test::screenshot(jane.get(), u"incoming-requests-%1"_s.arg(size.width()));
}

TEST_CASE("The Next actions table shows the whole Reason at 1280x720 and 1366x768", "[gui]")
{
    const QSize size = GENERATE(QSize(1280, 720), QSize(1366, 768));
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    ui::StepWindow *step = test::startStep(*window, world.stepId);
    test::addNextAction(step); // "Notification passed to allocated worker"
    step->resize(size - QSize(16, 48));
    step->showSection(1);
    auto *table = child<QTableView>(step, u"nextActionsTable"_s);
    QTest::qWait(100);
    INFO("screen " << size.width() << "x" << size.height());
    CHECK(clippedCells(table) == QStringList{});
    test::screenshot(step, u"next-actions-%1"_s.arg(size.width()));
}

TEST_CASE("The person record shows what happened: the finished step, who acknowledged its request "
          "when, and the case note, at 1280x720",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    acknowledgeWithCaseNote(world, requestId);
    const auto acknowledgedAt = test::require(queryValue(
        db.connection(), u"SELECT acknowledged_at FROM request WHERE id = $1"_s, {requestId}));
    const auto finishedAt = test::require(queryValue(
        db.connection(), u"SELECT finished_at FROM work_step WHERE id = $1"_s, {world.stepId}));

    auto window = test::signedInWindow(db, world.admin.login);
    ui::PersonRecordWindow *person = window->openPerson(world.childId);
    REQUIRE(waitFor([person] { return person->isLoaded(); }));
    person->resize(QSize(1280, 720) - QSize(16, 48));
    QTest::qWait(100);

    // The step is finished, yet shown: who finished it when, then its request.
    const QString work = child<QLabel>(person, u"personWork"_s)->text();
    INFO(work.toStdString());
    CHECK(work.contains(u"</b> \u00b7 finished \u00b7 "_s));
    CHECK(work.contains(
        u"finished by Sam Admin %1"_s.arg(ui::Display::dateTime(finishedAt.dateTime()))));
    CHECK(work.contains(
        u"acknowledged by Jane Okafor %1"_s.arg(ui::Display::dateTime(acknowledgedAt.dateTime()))));
    CHECK(work.contains(u"case note added"_s));
    CHECK(work.indexOf(u"finished by"_s) < work.indexOf(u"acknowledged by"_s));
    CHECK(child<QLabel>(person, u"personCaseNotes"_s)
              ->text()
              .contains(u"Spoke to his mother: no concerns."_s));

    // It fits 1280x720 in width: lines wrap, the page scrolls down, never sideways.
    auto *scroll = child<QScrollArea>(person, u"personRecordScroll"_s);
    CHECK(scroll->widget()->width() <= scroll->viewport()->width());
    CHECK_FALSE(scroll->horizontalScrollBar()->isVisible());
    test::screenshot(person, u"person-record-what-happened"_s);

    // Open steps stay listed too, with no one having finished them.
    const qint64 openStep = world.addStep(u"ae"_s);
    person->reload();
    REQUIRE(waitFor([&] {
        return person->record().work.size() == 3 &&
               person->record().work.first().stepId == openStep;
    }));
    CHECK(person->record().work.first().doneBy.isEmpty());
}

TEST_CASE("The Import records and Data quality windows' titles name the program once",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    auto *action = child<QAction>(window.get(), u"recordsImportAction"_s);
    REQUIRE(waitFor([&] { return action->isVisible(); }));
    action->trigger();
    ui::RecordsImportWindow *importer = window->recordsImportWindow();
    REQUIRE(importer);
    CHECK(shownTitle(importer) == u"Import records \u2014 CP-IS Workview"_s);
    CHECK(shownTitle(importer).count(u"CP-IS"_s) == 1);
    const QWidget *quality = window->openDataQuality();
    CHECK(shownTitle(quality) == u"Data quality \u2014 CP-IS Workview"_s);
    CHECK(shownTitle(quality).count(u"CP-IS"_s) == 1);
}

// --- The unsaved-changes guard on every editing window, titles, the menu bar (issue 22's audit)

namespace {
// The guard's question on `dialog`, which must still be open: not closed without asking.
template<typename Dialog>
QMessageBox *guardAsks(const QPointer<Dialog> &dialog, const QString &name)
{
    QMessageBox *box = nullptr;
    const bool asked = waitFor([&] {
        box = dialog ? dialog->template findChild<QMessageBox *>(name) : nullptr;
        return box && box->isVisible();
    });
    INFO((dialog ? "the dialog did not ask" : "the dialog closed without asking"));
    REQUIRE(asked);
    return box;
}
} // namespace

TEST_CASE("New request, Next actions and Cancel work ask before Esc, their own Cancel or closing "
          "the step lose what was typed",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 second = world.addStep(u"ae"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    QPointer<ui::StepWindow> step = test::startStep(*window, world.stepId);
    step->showSection(0);
    auto *notify = child<QPushButton>(step, u"notifyButton"_s);

    // The note as the template filled it: Esc closes without a question.
    click(notify);
    QPointer<ui::NewRequestDialog> request = test::openDialog<ui::NewRequestDialog>(step);
    key(request, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !request || !request->isVisible(); }));
    CHECK_FALSE(step->findChild<QMessageBox *>(u"unsavedRequestDialog"_s));

    // Typed in the note: Esc asks, and Cancel in the question goes back with the text kept.
    click(notify);
    request = test::openDialog<ui::NewRequestDialog>(step);
    auto *note = child<QPlainTextEdit>(request, u"requestNote"_s);
    note->setFocus();
    note->moveCursor(QTextCursor::End);
    QTest::keyClicks(note, u" Seen at A&E with her mother."_s);
    const QString typed = note->toPlainText();
    key(request, Qt::Key_Escape);
    QMessageBox *box = guardAsks(request, u"unsavedRequestDialog"_s);
    test::screenshot(box, u"unsaved-request"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    REQUIRE(request);
    CHECK(request->isVisible());
    CHECK(note->toPlainText() == typed);
    // The dialog's own Cancel asks too; Discard closes it and the step has no request.
    click(child<QPushButton>(request, u"requestCancel"_s));
    box = guardAsks(request, u"unsavedRequestDialog"_s);
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !request || !request->isVisible(); }));
    CHECK(step->changes().requests.isEmpty());

    // Closing the step window asks for the open request first; Save makes the request ready.
    click(notify);
    request = test::openDialog<ui::NewRequestDialog>(step);
    note = child<QPlainTextEdit>(request, u"requestNote"_s);
    note->moveCursor(QTextCursor::End);
    QTest::keyClicks(note, u" Seen at A&E."_s);
    const QString kept = note->toPlainText().trimmed();
    CHECK_FALSE(step->close());
    box = guardAsks(request, u"unsavedRequestDialog"_s);
    CHECK(step->isVisible());
    box->button(QMessageBox::Save)->click();
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));
    CHECK(step->changes().requests.first().note == kept);
    REQUIRE(step);
    CHECK(step->isVisible());

    // Next actions: nothing chosen closes at once; a reason chosen and a note typed ask.
    QPointer<ui::NextActionDialog> action = test::openNextActionDialog(step);
    key(action, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !action || !action->isVisible(); }));
    action = test::openNextActionDialog(step);
    auto *reason = child<QComboBox>(action, u"reason"_s);
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    QTest::keyClicks(child<QPlainTextEdit>(action, u"nextActionNote"_s), u"Phone the GP."_s);
    key(action, Qt::Key_Escape);
    box = guardAsks(action, u"unsavedNextActionDialog"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    REQUIRE(action);
    CHECK(action->isVisible());
    // Close asks too; Save in the question adds the action to the step and closes the dialog.
    click(child<QPushButton>(action, u"nextActionClose"_s));
    box = guardAsks(action, u"unsavedNextActionDialog"_s);
    box->button(QMessageBox::Save)->click();
    REQUIRE(waitFor([&] { return step->changes().nextActions.size() == 1; }));
    CHECK(step->changes().nextActions.first().note == u"Phone the GP."_s);
    REQUIRE(waitFor([&] { return !action || !action->isVisible(); }));

    // Cancel work: a reason typed, Esc asks whether to cancel the work with it. Enter does not
    // cancel the work; Discard keeps the step.
    REQUIRE(window->workview()->selectStep(second));
    click(child<QPushButton>(window.get(), u"cancelWorkButton"_s));
    QPointer<ui::CancelWorkDialog> cancel = test::openDialog<ui::CancelWorkDialog>(window.get());
    auto *why = child<QComboBox>(cancel, u"cancelReason"_s);
    why->setFocus();
    QTest::keyClicks(why->lineEdit(), u"Duplicate of an earlier notification"_s);
    key(cancel, Qt::Key_Escape);
    box = guardAsks(cancel, u"unsavedCancelWorkDialog"_s);
    test::screenshot(box, u"unsaved-cancel-work"_s);
    CHECK(box->button(QMessageBox::Save)->text() == u"Cancel &work"_s);
    CHECK(box->defaultButton() == box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !cancel || !cancel->isVisible(); }));
    QTest::qWait(200);
    CHECK(window->workview()->selectStep(second));
}

TEST_CASE("Mark resolved asks before Esc or Cancel lose the note typed", "[gui][monitor]")
{
    QWidget parent;
    parent.show();
    QPointer<ui::ResolveMessageDialog> dialog = new ui::ResolveMessageDialog(
        u"Message 7"_s, u"quarantined"_s, u"The NHS number is not known."_s, &parent);
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    dialog->open();
    REQUIRE(QTest::qWaitForWindowExposed(dialog));

    // Nothing typed: its Cancel closes it.
    click(child<QPushButton>(dialog, u"cancelResolve"_s));
    REQUIRE(waitFor([&] { return !dialog || !dialog->isVisible(); }));
    CHECK(accepted.isEmpty());

    dialog = new ui::ResolveMessageDialog(u"Message 7"_s, u"quarantined"_s, {}, &parent);
    QSignalSpy acceptedAfter(dialog.data(), &QDialog::accepted);
    dialog->open();
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    auto *note = child<QPlainTextEdit>(dialog, u"resolveNote"_s);
    note->setFocus();
    QTest::keyClicks(note, u"Duplicate of message 6."_s);
    key(dialog, Qt::Key_Escape);
    QMessageBox *box = guardAsks(dialog, u"unsavedResolveDialog"_s);
    CHECK(box->button(QMessageBox::Save)->text() == u"Mark &resolved"_s);
    CHECK(box->defaultButton() == box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK(note->toPlainText() == u"Duplicate of message 6."_s);
    click(child<QPushButton>(dialog, u"cancelResolve"_s));
    box = guardAsks(dialog, u"unsavedResolveDialog"_s);
    box->button(QMessageBox::Save)->click();
    REQUIRE(waitFor([&] { return acceptedAfter.count() == 1; }));
    CHECK(dialog->note() == u"Duplicate of message 6."_s);
}

TEST_CASE("Quitting, signing out or closing a person record asks its open record dialog first, "
          "and Find a child's New child, and Cancel keeps everything open",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    QPointer<ui::PersonRecordWindow> person = window->openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    person->openAction(ui::PersonRecordWindow::Action::Details);
    REQUIRE(waitFor([&] { return person->actionDialog() && person->actionDialog()->isVisible(); }));
    QPointer<ui::RecordDialog> details = person->actionDialog();
    auto *forenames = child<QLineEdit>(details, u"forenames"_s);
    forenames->setFocus();
    forenames->end(false);
    QTest::keyClicks(forenames, u" James"_s);
    const QString typed = forenames->text();
    const auto allOpen = [&] {
        return window->isVisible() && person && person->isVisible() && details &&
               details->isVisible() && forenames->text() == typed;
    };

    // Quitting asks; Cancel keeps the main window, the record and its dialog open.
    CHECK_FALSE(window->close());
    QMessageBox *box = guardAsks(details, u"editDetailsDialogUnsaved"_s);
    test::screenshot(box, u"quit-asks-record-dialog"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(allOpen());

    // Signing out and switching user ask the same, and nobody is signed out.
    for (const bool switchUser : {false, true}) {
        CHECK_FALSE(window->signOut(switchUser));
        box = guardAsks(details, u"editDetailsDialogUnsaved"_s);
        box->button(QMessageBox::Cancel)->click();
        REQUIRE(waitFor([&] { return !box->isVisible(); }));
        CHECK(allOpen());
        CHECK(window->worker().login == world.admin.login);
    }

    // Closing the record asks too; Discard closes the dialog, and the record stays.
    CHECK_FALSE(person->close());
    box = guardAsks(details, u"editDetailsDialogUnsaved"_s);
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !details || !details->isVisible(); }));
    REQUIRE(person);
    CHECK(person->isVisible());

    // Find a child's New child, with a name typed: quitting asks there too.
    ui::FindChildDialog *find = window->openFindChild();
    QPointer<ui::NewChildDialog> newChild = find->openNewChild(false);
    REQUIRE(waitFor([&] { return newChild->isVisible(); }));
    QTest::keyClicks(child<QLineEdit>(newChild, u"forenames"_s), u"Amira"_s);
    CHECK_FALSE(window->close());
    box = guardAsks(newChild, u"newChildDialogUnsaved"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(window->isVisible());
    CHECK(newChild->isVisible());
    CHECK(person->isVisible());
    CHECK_FALSE(window->close());
    box = guardAsks(newChild, u"newChildDialogUnsaved"_s);
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !newChild || !newChild->isVisible(); }));

    // Nothing unsaved is left: quitting closes everything.
    CHECK(window->close());
    REQUIRE(waitFor([&] { return !person; }));
}

TEST_CASE("Add a user with details typed asks before Esc, closing Users or quitting lose them",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    child<QAction>(window->administrationMenu(), u"usersAction"_s)->trigger();
    QPointer<ui::UsersWindow> users = child<ui::UsersWindow>(window.get(), u"usersWindow"_s);
    click(child<QPushButton>(users, u"addUserButton"_s));
    QPointer<ui::AddUserDialog> add = test::openDialog<ui::AddUserDialog>(users);
    auto *login = child<QLineEdit>(add, u"addUserLogin"_s);
    login->setFocus();
    QTest::keyClicks(login, u"new.worker"_s);
    const auto answer = [&](QMessageBox::StandardButton button) {
        QMessageBox *box = guardAsks(add, u"addUserUnsavedDialog"_s);
        box->button(button)->click();
        REQUIRE(waitFor([&] { return !box->isVisible(); }));
    };

    key(add, Qt::Key_Escape); // Esc asks
    answer(QMessageBox::Cancel);
    REQUIRE(add);
    CHECK(add->isVisible());
    CHECK_FALSE(users->close()); // closing the Users window asks
    answer(QMessageBox::Cancel);
    CHECK(users->isVisible());
    CHECK_FALSE(window->close()); // quitting asks, and Cancel keeps everything open
    answer(QMessageBox::Cancel);
    CHECK(window->isVisible());
    CHECK(users->isVisible());
    CHECK(add->isVisible());
    CHECK(login->text() == u"new.worker"_s);
    CHECK_FALSE(window->signOut(false)); // so does signing out
    answer(QMessageBox::Discard);
    REQUIRE(waitFor([&] { return !add || !add->isVisible(); }));
    // Signed out, the Users window goes with the user.
    CHECK(window->signOut(false));
    REQUIRE(waitFor([&] { return !users || !users->isVisible(); }));
}

namespace {
// The shown titles of every window and dialog open now, each once, to check them all.
struct TitlesSeen
{
    QStringList all;
    QStringList namingTheProgramOtherThanOnce;

    void look()
    {
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (!window->isVisible())
                continue;
            // The desktop adds the display name, in the client's language (application.cpp).
            const QString program = QCoreApplication::translate("QObject", "CP-IS Workview");
            const QString own = window->windowTitle();
            const QString title = own.endsWith(program) ? own : own + u" \u2014 "_s + program;
            if (all.contains(title))
                continue;
            all << title;
            if (title.count(u"CP-IS"_s) != 1)
                namingTheProgramOtherThanOnce << title;
        }
    }
};

// Opens `dialog`'s kind through `open`, looks at every title, then closes it (Esc).
template<typename Dialog, typename Open>
void lookAt(TitlesSeen &titles, const QWidget *parent, Open open)
{
    open();
    QPointer<Dialog> dialog = test::openDialog<Dialog>(parent);
    titles.look();
    dialog->close();
    REQUIRE(waitFor([&] { return !dialog || !dialog->isVisible(); }));
}
} // namespace

TEST_CASE("Every window and dialog the client opens names the program once in its shown title, "
          "in English and Welsh",
          "[gui]")
{
    const bool inWelsh = GENERATE(false, true);
    INFO((inWelsh ? "Welsh" : "English"));
    std::optional<test::WelshTranslator> welsh;
    if (inWelsh)
        welsh.emplace();
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.addStep());
    TitlesSeen titles;

    // The sign-in dialog, then the admin's windows and dialogs.
    ui::MainWindow admin(test::serverChoice(db));
    admin.resize(1280, 720);
    admin.show();
    admin.connectToDatabase();
    REQUIRE(waitFor([&] {
        auto *signIn = admin.findChild<QDialog *>(u"signInDialog"_s);
        return signIn && signIn->isVisible();
    }));
    titles.look();
    signInThroughDialog(admin, world.admin.login);
    titles.look();
    lookAt<ui::AboutDialog>(titles, &admin,
                            [&] { child<QAction>(&admin, u"aboutAction"_s)->trigger(); });
    child<QAction>(&admin, u"helpAction"_s)->trigger();
    REQUIRE(waitFor([&] { return admin.findChild<ui::HelpWindow *>() != nullptr; }));
    lookAt<ui::ShortcutsDialog>(titles, &admin, [&] { admin.openKeyboardShortcuts(); });
    lookAt<ui::ChangePasswordDialog>(
        titles, &admin, [&] { child<QAction>(&admin, u"changePasswordAction"_s)->trigger(); });
    ui::FindChildDialog *find = admin.openFindChild();
    lookAt<ui::NewChildDialog>(titles, find, [&] { find->openNewChild(true); });
    find->close();
    ui::PersonRecordWindow *person = admin.openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    lookAt<ui::RecordDialog>(titles, person,
                             [&] { person->openAction(ui::PersonRecordWindow::Action::Details); });
    ui::StepWindow *step = test::startStep(admin, world.stepId);
    lookAt<ui::NextActionDialog>(titles, step, [&] { test::openNextActionDialog(step); });
    step->showSection(0);
    click(child<QPushButton>(step, u"notifyButton"_s));
    QPointer<ui::NewRequestDialog> request = test::openDialog<ui::NewRequestDialog>(step);
    lookAt<ui::FindWorkerDialog>(titles, request,
                                 [&] { click(child<QPushButton>(request, u"findButton"_s)); });
    // A question of the unsaved-changes guard.
    QTest::keyClicks(child<QPlainTextEdit>(request, u"requestNote"_s), u"Seen."_s);
    request->close();
    QMessageBox *box = guardAsks(request, u"unsavedRequestDialog"_s);
    titles.look();
    box->button(QMessageBox::Discard)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    const qint64 third = world.addStep();
    lookAt<ui::CancelWorkDialog>(titles, admin.workview(), [&] {
        REQUIRE(waitFor([&] { return admin.workview()->selectStep(third); }));
        click(child<QPushButton>(&admin, u"cancelWorkButton"_s));
    });

    // The system administrator's windows.
    auto sysadmin = test::signedInWindow(db, world.sysadmin.login);
    sysadmin->openConfigurationTools();
    sysadmin->openExchangeMonitor();
    sysadmin->openDataQuality();
    sysadmin->openRecordsImport();
    child<QAction>(sysadmin->administrationMenu(), u"usersAction"_s)->trigger();
    auto *users = child<ui::UsersWindow>(sysadmin.get(), u"usersWindow"_s);
    lookAt<ui::AddUserDialog>(titles, users,
                              [&] { click(child<QPushButton>(users, u"addUserButton"_s)); });

    // The key worker's request and case note.
    auto keyWorker = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *incoming = test::openFirstRequest(keyWorker.get(), requestId);
    lookAt<ui::CaseNoteDialog>(titles, incoming, [&] { incoming->addCaseNote(); });

    INFO("Shown titles:\n" << titles.all.join(u'\n').toStdString());
    CHECK(titles.all.size() >= 25);
    CHECK(titles.namingTheProgramOtherThanOnce == QStringList{});
}

TEST_CASE("The menu bar's items work: Find a child opens in its box, Refresh shows a step added "
          "meanwhile, Quit asks when something is unsaved, Sign out leaves nothing of the user",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    ui::MainWindow window(test::serverChoice(db));
    window.resize(1280, 720);
    window.show();
    window.connectToDatabase();
    signInThroughDialog(window, world.admin.login);
    auto *current = child<QTableView>(&window, u"currentWorkTable"_s);
    REQUIRE(waitFor([&] { return current->model()->rowCount() == 1; }));
    const auto item = [&](const char *menu, const char *name) {
        auto *action = child<QAction>(child<QMenu>(&window, QString::fromLatin1(menu)),
                                      QString::fromLatin1(name));
        REQUIRE(action->isEnabled());
        REQUIRE(action->isVisible());
        return action;
    };

    // Go → Find a child: the dialog opens, and what is typed goes into its box.
    item("goMenu", "findChildAction")->trigger();
    ui::FindChildDialog *find = window.findChildDialog();
    REQUIRE(find);
    REQUIRE(waitFor([&] { return find->isVisible(); }));
    CHECK(focusIn(find) == find->searchBox());
    QTest::keyClicks(focusIn(find), u"Turner"_s);
    CHECK(find->searchBox()->text() == u"Turner"_s);
    key(find, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !find->isVisible(); }));

    // View → Refresh: a step stored without a notification (as by another program) appears
    // only when asked for.
    test::require(execute(db.connection(), uR"(
        INSERT INTO work_step (subject_id, assignee_id, state, source, received_at, due_at)
        VALUES ($1, $2, 'incoming', 'ae', now(), now() + interval '1 day'))"_s,
                          {world.childId, world.cpisWorkerId}));
    QTest::qWait(500);
    REQUIRE(current->model()->rowCount() == 1);
    item("viewMenu", "refreshMenuItem")->trigger();
    REQUIRE(waitFor([&] { return current->model()->rowCount() == 2; }));

    // File → Quit with a step not saved: it asks, and Cancel keeps everything open.
    QPointer<ui::StepWindow> step = test::startStep(window, world.stepId);
    test::addNextAction(step);
    item("fileMenu", "quitMenuItem")->trigger();
    QMessageBox *box = question(step, u"unsavedChangesDialog"_s);
    box->button(QMessageBox::Cancel)->click();
    REQUIRE(waitFor([&] { return !box->isVisible(); }));
    CHECK(window.isVisible());
    REQUIRE(step);
    CHECK(step->isVisible());
    step->save();
    REQUIRE(waitFor([&] { return step->changes().nextActions.isEmpty(); }));

    // File → Sign out: back to the sign-in, with nothing of Sam's left.
    ui::PersonRecordWindow *person = window.openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    QPointer<ui::FindChildDialog> searched = window.openFindChild(u"Turner"_s);
    // Signed out while Current work loads: what comes back is not shown to anyone.
    item("viewMenu", "refreshMenuItem")->trigger();
    item("fileMenu", "signOutAction")->trigger();
    QDialog *signIn = nullptr;
    REQUIRE(waitFor([&] {
        signIn = window.findChild<QDialog *>(u"signInDialog"_s);
        return signIn && signIn->isVisible();
    }));
    CHECK(window.worker().id == 0);
    CHECK(shownTitle(&window) == u"CP-IS Workview"_s);
    CHECK(window.stepWindow(world.stepId) == nullptr);
    CHECK(window.personWindow(world.childId) == nullptr);
    REQUIRE(waitFor([&] { return !searched; }));
    CHECK(current->model()->rowCount() == 0);
    CHECK(child<QLabel>(&window, u"summaryName"_s)->text() == u"No step selected"_s);
    CHECK(child<QLabel>(&window, u"currentWorkSubheading"_s)->text().isEmpty());
    QStringList left;
    for (QWidget *shown : QApplication::topLevelWidgets()) {
        if (shown->isVisible() && shown != &window && shown != signIn)
            left << shown->objectName() + u": "_s + shown->windowTitle();
    }
    CHECK(left == QStringList{});

    // Signed in again, File → Quit with nothing unsaved closes the window.
    signInThroughDialog(window, world.otherAdmin.login);
    item("fileMenu", "quitMenuItem")->trigger();
    REQUIRE(waitFor([&] { return !window.isVisible(); }));
}

TEST_CASE("The SUBJECT panel is empty when Find leaves no row selected: its heading says so and "
          "no child's rows show",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    addUnbornKhan(db);
    auto window = test::signedInWindow(db, world.admin.login);
    auto *panel = child<QWidget>(window.get(), u"personSummary"_s);
    auto *name = child<QLabel>(window.get(), u"summaryName"_s);
    const QStringList rows{u"summaryPersonId"_s,   u"summaryDateOfBirth"_s, u"summaryGender"_s,
                           u"summaryNhsNumber"_s,  u"summaryKeyWorker"_s,   u"summaryPlans"_s,
                           u"summaryOtherNames"_s, u"summaryAlerts"_s};
    REQUIRE(window->workview()->selectStep(world.stepId));
    REQUIRE(waitFor([&] {
        return name->text() == u"Thomas Turner"_s &&
               child<QLabel>(window.get(), u"summaryKeyWorker"_s)->isVisible();
    }));

    // A Find that matches nobody: Thomas's row goes, and no row is selected.
    auto *search = child<QLineEdit>(window.get(), u"currentWorkSearch"_s);
    search->setFocus();
    QTest::keyClicks(search, u"Zebedee"_s);
    REQUIRE(waitFor([&] { return window->workview()->selectedStepId() == 0; }));
    REQUIRE(waitFor([&] { return name->text() == u"No step selected"_s; }));
    for (const QString &row : rows) {
        INFO(row.toStdString());
        CHECK_FALSE(child<QLabel>(panel, row)->isVisible());
    }
    CHECK(child<QLabel>(panel, u"summaryMessage"_s)->isVisible());
    // Nothing of Thomas is left in the panel, shown or hidden.
    const QString shown = test::visibleTexts(panel).join(u'\n');
    INFO(shown.toStdString());
    for (const QString &stale :
         {u"Thomas"_s, u"Turner"_s, u"Jane Okafor"_s, u"Child Protection North"_s}) {
        CHECK_FALSE(shown.contains(stale));
    }
    test::screenshot(window.get(), u"subject-empty-after-find"_s);
}

TEST_CASE("The Finished folder lists every row shown most recent first, across its pages", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    // Fifty-three steps finished at times not in the order they were stored.
    test::require(execute(db.connection(), uR"(
        INSERT INTO work_step (subject_id, assignee_id, state, source, received_at, due_at,
                               started_by, started_at, finished_by, finished_at)
        SELECT $1, $2, 'finished', 'ae', f - interval '2 hours', f, $3, f - interval '1 hour',
               $3, f
        FROM generate_series(1, 53) AS n,
             LATERAL (SELECT now() - ((n * 37) % 53) * interval '97 minutes' AS f) AS t)"_s,
                          {world.childId, world.cpisWorkerId, world.otherAdmin.workerId}));
    const auto newestFirst = test::require(
        execute(db.connection(), u"SELECT id, finished_at FROM work_step WHERE state = 'finished' "
                                 u"ORDER BY finished_at DESC, id DESC"_s));
    REQUIRE(newestFirst.size() == 53);

    auto window = test::signedInWindow(db, world.admin.login);
    child<QTabBar>(window.get(), u"folderTabs"_s)->setCurrentIndex(2);
    auto *table = child<QTableView>(window.get(), u"finishedStepsTable"_s);
    const QAbstractItemModel *model = table->model();
    REQUIRE(waitFor([&] { return model->rowCount() == ui::FinishedStepsPanel::kPage; }));
    click(child<QPushButton>(window.get(), u"finishedShowMore"_s));
    REQUIRE(waitFor([&] { return model->rowCount() == 53; }));
    for (int row = 0; row < model->rowCount(); ++row) {
        INFO("row " << row);
        const Row &expected = newestFirst[row];
        CHECK(model->index(row, 0).data(Qt::UserRole).toLongLong() == expected.integer("id"));
        CHECK(model->index(row, 0).data().toString() ==
              ui::Display::dateTime(expected.dateTime("finished_at")));
    }
}

TEST_CASE("A colleague's step says who has it and since what time", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    {
        auto sam = world.connectAs(world.admin);
        test::require(StepService(*sam).start(world.stepId));
    }
    const auto startedAt = test::require(queryValue(
        db.connection(), u"SELECT started_at FROM work_step WHERE id = $1"_s, {world.stepId}));
    auto alex = test::signedInWindow(db, world.otherAdmin.login);
    REQUIRE(alex->workview()->selectStep(world.stepId));
    auto *why = child<QLabel>(alex.get(), u"selectedStepExplanation"_s);
    const QString expected =
        u"Sam Admin has had this step since %1. Open it to read it, or take it over."_s.arg(
            ui::Display::dateTime(startedAt.dateTime()));
    REQUIRE(waitFor([&] { return why->text() == expected; }));
    CHECK(why->isVisible());
}

TEST_CASE("For a Safeguarding Admin Current work is the tallest of the workview's panels at "
          "1280x720 and 1366x768",
          "[gui]")
{
    const QSize size = GENERATE(QSize(1280, 720), QSize(1366, 768));
    INFO("screen " << size.width() << "x" << size.height());
    test::TestDatabase db;
    test::CaseWorld world(db);
    // Alerts and a request of their own, so that no panel is folded to its heading.
    REQUIRE(execute(db.connection(),
                    u"SELECT raise_alert('CP-IS upload rejected', $1, $2, NULL, NULL, "
                    u"'The name does not match the NHS number.')"_s,
                    {world.childId, world.admin.workerId})
                .ok());
    auto window = test::signedInWindow(db, world.admin.login);
    window->resize(size - QSize(16, 48));
    REQUIRE(waitFor(
        [&] { return child<QTableView>(window.get(), u"alertsTable"_s)->model()->rowCount(); }));
    QTest::qWait(100);
    auto *panels = child<QSplitter>(window.get(), u"workviewFolders"_s);
    auto *current = child<QTableView>(window.get(), u"currentWorkTable"_s);
    QWidget *currentPanel = nullptr;
    QStringList heights;
    for (int i = 0; i < panels->count(); ++i) {
        QWidget *panel = panels->widget(i);
        if (panel->isAncestorOf(current))
            currentPanel = panel;
        heights
            << u"%1: %2"_s.arg(panel->objectName()).arg(panel->isVisible() ? panel->height() : 0);
    }
    INFO(heights.join(u", "_s).toStdString());
    REQUIRE(currentPanel);
    for (int i = 0; i < panels->count(); ++i) {
        const QWidget *panel = panels->widget(i);
        if (panel != currentPanel && panel->isVisible())
            CHECK(panel->height() < currentPanel->height());
    }
    test::screenshot(window.get(), u"admin-current-work-tallest-%1"_s.arg(size.width()));
}

TEST_CASE("Current work's subheading names the virtual workers the signed-in worker works from, "
          "and none for a key worker",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    {
        auto admin = test::signedInWindow(db, world.admin.login);
        CHECK(child<QLabel>(admin.get(), u"currentWorkSubheading"_s)->text() ==
              u"Steps for Sam Admin and for CP-IS Worker, the virtual worker you work from."_s);
    }
    {
        auto keyWorker = test::signedInWindow(db, world.keyWorker.login);
        CHECK(child<QLabel>(keyWorker.get(), u"currentWorkSubheading"_s)->text() ==
              u"Steps for Jane Okafor."_s);
    }
    // A second queue is named too.
    test::require(execute(db.connection(), uR"(
        WITH q AS (INSERT INTO worker (name, is_virtual) VALUES ('Front Door', true) RETURNING id)
        INSERT INTO queue_member (queue_id, member_id) SELECT id, $1 FROM q)"_s,
                          {world.admin.workerId}));
    auto admin = test::signedInWindow(db, world.admin.login);
    CHECK(child<QLabel>(admin.get(), u"currentWorkSubheading"_s)->text() ==
          u"Steps for Sam Admin and for the virtual workers you work from: CP-IS Worker, "
          u"Front Door."_s);
}
