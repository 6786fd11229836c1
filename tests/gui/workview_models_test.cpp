// Every workview model under QAbstractItemModelTester, through inserts, updates, removals
// and filter changes; and the folder counts always match the rows.
#include "db/database_worker.h"
#include "dialogs/worker_list_model.h"
#include "display.h"
#include "step/next_actions_model.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
CurrentWorkItem item(qint64 id, const QString &state, const QString &source, int dueInHours,
                     const QString &startedBy = {})
{
    const QDateTime now = QDateTime::currentDateTime();
    return {id,
            u"CPIS Follow Up"_s,
            3549700 + id,
            u"Child %1"_s.arg(id),
            u"CPIS Follow Up"_s,
            state,
            now.addSecs(-3600 * 24),
            now.addSecs(3600 * dueInHours),
            u"Jane Okafor"_s,
            source,
            startedBy};
}

int count(QAbstractItemModel &model)
{
    return model.rowCount();
}
} // namespace

TEST_CASE("Current work model and filter pass the model tester through live updates", "[gui]")
{
    ui::CurrentWorkModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    ui::CurrentWorkFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.setRows({item(1, u"incoming"_s, u"ae"_s, 20), item(2, u"incoming"_s, u"dhu_111"_s, -2),
                   item(3, u"in_progress"_s, u"ae"_s, 5, u"Sam Admin"_s),
                   item(4, u"in_progress"_s, u"dhu_111"_s, -1, u"Alex Admin"_s)});
    REQUIRE(model.rowCount() == 4);
    CHECK(model.index(1, ui::CurrentWorkModel::Due).data().toString().contains(u"Overdue"_s));
    CHECK(model.index(0, ui::CurrentWorkModel::Subject).data().toString() ==
          u"Child 1 (3549701)"_s);
    CHECK(model.index(0, ui::CurrentWorkModel::Source).data().toString() == u"A&E"_s);
    CHECK(model.index(1, ui::CurrentWorkModel::Source).data().toString() == u"DHU-111"_s);

    filter.setState(u"incoming"_s);
    CHECK(count(filter) == 2);
    CHECK(filter.countFor(u"incoming"_s) == 2);
    CHECK(filter.countFor(u"in_progress"_s) == 2);

    filter.setSource(u"dhu_111"_s);
    CHECK(count(filter) == filter.countFor(u"incoming"_s));
    CHECK(count(filter) == 1);
    filter.setSource({});
    filter.setOverdueOnly(true);
    CHECK(count(filter) == 1);
    CHECK(filter.countFor(u"in_progress"_s) == 1);
    filter.setOverdueOnly(false);

    filter.setState(u"in_progress"_s);
    filter.setMineOnly(true, u"Sam Admin"_s);
    CHECK(count(filter) == 1);
    CHECK(filter.countFor(u"incoming"_s) == 2); // incoming work is everyone's to take
    filter.setMineOnly(false, u"Sam Admin"_s);

    // A live update: step 2 is taken, step 1 goes, step 5 arrives; rows are kept in place.
    const QPersistentModelIndex three = model.index(model.rowOf(3), 0);
    model.setRows({item(2, u"in_progress"_s, u"dhu_111"_s, -2, u"Sam Admin"_s),
                   item(3, u"in_progress"_s, u"ae"_s, 5, u"Sam Admin"_s),
                   item(4, u"in_progress"_s, u"dhu_111"_s, -1, u"Alex Admin"_s),
                   item(5, u"incoming"_s, u"ae"_s, 23)});
    CHECK(model.rowCount() == 4);
    CHECK(three.isValid());
    CHECK(three.data(ui::CurrentWorkModel::StepIdRole).toLongLong() == 3);
    CHECK(model.rowOf(1) == -1);
    CHECK(count(filter) == 3);
    CHECK(filter.countFor(u"incoming"_s) == 1);

    filter.sort(ui::CurrentWorkModel::Due, Qt::AscendingOrder);
    CHECK(filter.index(0, 0).data(ui::CurrentWorkModel::StepIdRole).toLongLong() == 2);
    filter.sort(ui::CurrentWorkModel::Subject, Qt::DescendingOrder);
    CHECK(filter.index(0, 0).data(ui::CurrentWorkModel::StepIdRole).toLongLong() == 4);

    model.setRows({});
    CHECK(model.rowCount() == 0);
    CHECK(filter.countFor(u"incoming"_s) == 0);
    model.setNow(QDateTime::currentDateTime());
}

TEST_CASE("Next actions and worker list models pass the model tester", "[gui]")
{
    ui::NextActionsModel actions;
    QAbstractItemModelTester actionsTester(&actions,
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    NextAction saved{
        7,        u"CS No Further Action"_s, u"Sam Admin"_s, 3, u"Duplicate notification"_s, {},
        u"Low"_s, u"Outstanding"_s};
    NextActionInput pending;
    pending.reason = u"Notification passed to allocated worker"_s;
    actions.setRows({saved}, {pending});
    REQUIRE(actions.rowCount() == 2);
    CHECK(actions.headerData(0, Qt::Horizontal).toString() == u"Next action"_s);
    CHECK(actions.index(1, ui::NextActionsModel::Status).data().toString() == u"Not saved yet"_s);
    CHECK(actions.index(1, ui::NextActionsModel::Priority).data().toString() == u"Normal"_s);
    actions.setRows({}, {});
    CHECK(actions.rowCount() == 0);

    ui::WorkerListModel workers;
    QAbstractItemModelTester workersTester(&workers,
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    workers.setWorkers(
        {{1, u"Jane Okafor"_s, {}, false, u"Child Protection North"_s, u"Key Worker"_s},
         {2, u"Tom Price"_s, {}, false, u"Child Protection North"_s, u"Key Worker"_s}});
    CHECK(workers.rowCount() == 2);
    CHECK(workers.index(1, 0).data().toString() == u"Tom Price"_s);
    CHECK(workers.index(1, 0).data(ui::WorkerListModel::WorkerIdRole).toInt() == 2);
    workers.setWorkers({});
    CHECK(workers.rowCount() == 0);
}

TEST_CASE("Due times read as overdue and due soon in words, not colour alone", "[gui]")
{
    const QDateTime now = QDateTime::currentDateTime();
    CHECK(ui::Display::dueText(now.addSecs(-60), now).endsWith(u"Overdue"_s));
    CHECK(ui::Display::dueText(now.addSecs(3600), now).endsWith(u"Due soon"_s));
    CHECK_FALSE(ui::Display::dueText(now.addSecs(5 * 3600), now).contains(u"Due"_s));
    CHECK(ui::Display::source(u"dhu_111"_s) == u"DHU-111"_s);
}

TEST_CASE("A database job's result is dropped when its window is gone", "[gui]")
{
    DatabaseThread database;
    auto *context = new QObject;
    bool called = false;
    database.submit<int>(
        context, [](Connection &) -> Result<int> { return 1; },
        [&called](Result<int>) { called = true; });
    delete context;
    bool answered = false;
    QObject alive;
    database.submit<int>(
        &alive, [](Connection &) -> Result<int> { return 2; },
        [&answered](Result<int> r) {
            // Not connected: the job does not run and says why.
            answered = !r.ok() && r.error().code == u"db.unreachable"_s;
        });
    QElapsedTimer timer;
    timer.start();
    while (!answered && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    CHECK(answered);
    CHECK_FALSE(called);
    CHECK(DatabaseWorker::backoffMs(0) == 250);
    CHECK(DatabaseWorker::backoffMs(10) == 8000);
}
