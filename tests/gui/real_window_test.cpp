// What a tired admin and a busy key worker tripped over in the real window (issue 22), each
// through the real widgets.
#include "db/rows.h"
#include "db/sample_data.h"
#include "dialogs/find_worker_dialog.h"
#include "dialogs/new_request_dialog.h"
#include "gui/gui_support.h"
#include "gui/step_window_support.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTextCursor>
#include <QTableView>

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

QStringList column(const QTableView *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        texts << table->model()->index(row, column).data().toString();
    return texts;
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
