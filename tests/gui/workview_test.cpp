// Current work against a real database: the subject's summary beside the list, two
// clients seeing each other's changes within a second, Start work refused with who and
// when, Cancel work with a reason, and filters whose counts match the rows.
#include "db/rows.h"
#include "gui/gui_support.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
QString folderText(ui::MainWindow &window, int index)
{
    return child<QTabBar>(&window, u"folderTabs"_s)->tabText(index);
}

const CurrentWorkItem *itemFor(ui::MainWindow &window, qint64 stepId)
{
    ui::CurrentWorkModel *model = window.workview()->model();
    const int row = model->rowOf(stepId);
    return row < 0 ? nullptr : model->item(model->index(row, 0));
}
} // namespace

TEST_CASE("Selecting a step shows the child's summary beside the list", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    REQUIRE(execute(db.connection(),
                    u"INSERT INTO person_other_name (person_id, kind, forenames, surname) "
                    u"VALUES ($1, 'Known as', 'Tommy', 'Turner')"_s,
                    {world.childId})
                .ok());
    REQUIRE(execute(db.connection(),
                    u"SELECT raise_alert('CP-IS upload rejected', $1, $2, NULL, NULL, "
                    u"'The name does not match the NHS number.')"_s,
                    {world.childId, world.keyWorker.workerId})
                .ok());
    auto window = test::signedInWindow(db, world.admin.login);
    REQUIRE(window->workview()->selectStep(world.stepId));
    auto *name = child<QLabel>(window.get(), u"summaryName"_s);
    auto *nhs = child<QLabel>(window.get(), u"summaryNhsNumber"_s);
    REQUIRE(waitFor([&] { return nhs->isVisible() && !nhs->text().isEmpty(); }));
    CHECK(name->text() == u"Thomas Turner"_s);
    CHECK(child<QLabel>(window.get(), u"summaryPersonId"_s)->text() == u"3549728"_s);
    CHECK(child<QLabel>(window.get(), u"summaryDateOfBirth"_s)
              ->text()
              .startsWith(u"28/11/2016 (age "_s));
    CHECK(child<QLabel>(window.get(), u"summaryGender"_s)->text() == u"Male"_s);
    CHECK(nhs->text() == u"999 000 0026"_s);
    const QString keyWorker = child<QLabel>(window.get(), u"summaryKeyWorker"_s)->text();
    CHECK(keyWorker.contains(u"Jane Okafor"_s));
    CHECK(keyWorker.contains(u"Child Protection North"_s));
    CHECK(child<QLabel>(window.get(), u"summaryPlans"_s)
              ->text()
              .contains(u"Child protection plan"_s));
    CHECK(child<QLabel>(window.get(), u"summaryOtherNames"_s)->text() ==
          u"Tommy Turner (Known as)"_s);
    CHECK(child<QLabel>(window.get(), u"summaryAlerts"_s)
              ->text()
              .contains(u"CP-IS upload rejected"_s));
    test::screenshot(window.get(), u"workview-summary"_s);
}

TEST_CASE("Two clients: when one starts the step, the other sees it taken within a second", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto sam = test::signedInWindow(db, world.admin.login);
    auto alex = test::signedInWindow(db, world.otherAdmin.login);
    CHECK(folderText(*alex, 0) == u"Incoming work (1)"_s);
    REQUIRE(alex->workview()->selectStep(world.stepId));

    REQUIRE(sam->workview()->selectStep(world.stepId));
    QTest::mouseClick(child<QPushButton>(sam.get(), u"startWorkButton"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return sam->stepWindow(world.stepId) != nullptr; }));

    QElapsedTimer seen;
    seen.start();
    REQUIRE(waitFor(
        [&] {
            const CurrentWorkItem *item = itemFor(*alex, world.stepId);
            return item && item->state == u"in_progress"_s;
        },
        1000));
    INFO("seen after " << seen.elapsed() << " ms");
    CHECK(itemFor(*alex, world.stepId)->startedBy == u"Sam Admin"_s);
    CHECK(folderText(*alex, 0) == u"Incoming work (0)"_s);
    CHECK(folderText(*alex, 1) == u"Work in progress (1)"_s);

    // In Alex's Work in progress the step is Sam's: Start work is off and says why.
    REQUIRE(alex->workview()->selectStep(world.stepId));
    auto *start = child<QPushButton>(alex.get(), u"startWorkButton"_s);
    CHECK_FALSE(start->isEnabled());
    CHECK(start->toolTip() == u"Sam Admin is working on this step."_s);
    CHECK(alex->workview()->selectedStepId() == world.stepId);
}

TEST_CASE("Start work on a step someone has just taken says who and when", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto alex = test::signedInWindow(db, world.otherAdmin.login);
    REQUIRE(alex->workview()->selectStep(world.stepId));
    // Sam takes it from another client; Alex clicks before the list has caught up.
    auto sam = world.connectAs(world.admin);
    require(StepService(*sam).start(world.stepId));
    QTest::mouseClick(child<QPushButton>(alex.get(), u"startWorkButton"_s), Qt::LeftButton);
    auto *message = child<QLabel>(alex.get(), u"workviewMessage"_s);
    REQUIRE(waitFor([&] { return message->isVisible(); }));
    INFO(message->text().toStdString());
    CHECK(message->text().contains(u"Sam Admin already started this step at"_s));
    CHECK(alex->stepWindow(world.stepId) == nullptr);
}

TEST_CASE("A step created by someone else appears within a second, keeping the selection", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    REQUIRE(window->workview()->selectStep(world.stepId));
    const qint64 second = world.addStep(u"dhu_111"_s);
    REQUIRE(waitFor([&] { return folderText(*window, 0) == u"Incoming work (2)"_s; }, 1000));
    CHECK(window->workview()->model()->rowOf(second) >= 0);
    CHECK(window->workview()->selectedStepId() == world.stepId);
    CHECK(child<QTableView>(window.get(), u"currentWorkTable"_s)->model()->rowCount() == 2);
}

TEST_CASE("Filters: the folder counts always match the rows shown", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    world.addStep(u"dhu_111"_s);
    world.addStep(u"dhu_111"_s);
    auto window = test::signedInWindow(db, world.admin.login);
    auto *table = child<QTableView>(window.get(), u"currentWorkTable"_s);
    CHECK(folderText(*window, 0) == u"Incoming work (3)"_s);
    CHECK(table->model()->rowCount() == 3);

    auto *source = child<QComboBox>(window.get(), u"sourceFilter"_s);
    source->setFocus();
    QTest::keyClick(source, Qt::Key_Down); // A&E
    CHECK(folderText(*window, 0) == u"Incoming work (1)"_s);
    CHECK(table->model()->rowCount() == 1);
    QTest::keyClick(source, Qt::Key_Down); // DHU-111
    CHECK(folderText(*window, 0) == u"Incoming work (2)"_s);
    CHECK(table->model()->rowCount() == 2);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        CHECK(table->model()->index(row, ui::CurrentWorkModel::Source).data().toString() ==
              u"DHU-111"_s);

    // Sorting by any column keeps the rows.
    table->sortByColumn(ui::CurrentWorkModel::Subject, Qt::DescendingOrder);
    CHECK(table->model()->rowCount() == 2);
}

TEST_CASE("Cancel work asks for a reason, then the step leaves Current work", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    REQUIRE(window->workview()->selectStep(world.stepId));
    QTest::mouseClick(child<QPushButton>(window.get(), u"cancelWorkButton"_s), Qt::LeftButton);
    QDialog *dialog = nullptr;
    REQUIRE(waitFor([&] {
        dialog = window->findChild<QDialog *>(u"cancelWorkDialog"_s);
        return dialog && dialog->isVisible();
    }));
    test::screenshot(dialog, u"cancel-work"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"confirmCancelWork"_s), Qt::LeftButton);
    CHECK(dialog->isVisible());
    CHECK(child<QLabel>(dialog, u"cancelReasonProblem"_s)->isVisible());

    auto *reason = child<QComboBox>(dialog, u"cancelReason"_s);
    QTest::keyClicks(reason->lineEdit(), u"Duplicate notification"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"confirmCancelWork"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return window->workview()->model()->rowOf(world.stepId) < 0; }));
    auto admin = world.connectAs(world.admin);
    CHECK(require(StepService(*admin).load(world.stepId)).state == u"cancelled"_s);
    CHECK(child<QLabel>(window.get(), u"workviewMessage"_s)->text().contains(u"Work cancelled"_s));
}
