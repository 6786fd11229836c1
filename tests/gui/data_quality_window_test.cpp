// Administration → Data quality on a known sample: the headline and the lists, a row opens
// the person record at the action that fixes it, Export to CSV writes the file (or says why
// not), the charts' series, and the models under QAbstractItemModelTester.
#include "admin/data_quality_filter.h"
#include "admin/data_quality_model.h"
#include "admin/data_quality_window.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "person/person_record_window.h"
#include "person/record_dialog.h"
#include "support/case_world.h"
#include "support/data_quality_sample.h"
#include "support/security_checks.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
// The known sample, its system administrator signed in; open() opens Data quality from the
// Administration menu.
struct QualityScreen
{
    test::TestDatabase db;
    test::CaseWorld world{db};
    test::DataQualitySample sample{db, world};
    std::unique_ptr<ui::MainWindow> window = test::signedInWindow(db, world.sysadmin.login);

    ui::DataQualityWindow *open() const
    {
        REQUIRE(window->administrationMenu()->menuAction()->isVisible());
        child<QAction>(window.get(), u"dataQualityAction"_s)->trigger();
        ui::DataQualityWindow *quality = window->dataQualityWindow();
        REQUIRE(quality);
        REQUIRE(waitFor([&] { return quality->isLoaded(); }));
        quality->resize(1280, 900);
        return quality;
    }
};

QLineSeries *series(QWidget *window, const QString &chart, const QString &name)
{
    for (QAbstractSeries *s : child<QChartView>(window, chart)->chart()->series()) {
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    }
    FAIL("no series " << name.toStdString() << " in " << chart.toStdString());
    return nullptr;
}
} // namespace

TEST_CASE("Data quality models", "[gui]")
{
    ui::DataQualityModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    ui::DataQualityFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({{u"rejected"_s, 1, u"Ellie Marsh"_s, u"9990000093"_s, u"No match."_s},
                   {u"no_nhs_number"_s, 2, u"Mia Stone"_s, {}, u"No NHS number."_s},
                   {u"no_nhs_number"_s, 3, u"Ruby Quinn"_s, {}, u"No NHS number."_s}});
    CHECK(filter.rowCount() == 3);
    filter.setList(u"no_nhs_number"_s);
    CHECK(filter.rowCount() == 2);
    CHECK(filter.index(0, ui::DataQualityModel::NhsNumber).data().toString() == u"none"_s);
    filter.setList(u"rejected"_s);
    REQUIRE(filter.rowCount() == 1);
    CHECK(filter.index(0, ui::DataQualityModel::Person).data().toString() == u"Ellie Marsh (1)"_s);
    model.setRows({});
    CHECK(filter.rowCount() == 0);
}

TEST_CASE("The data quality headline says in words whether the matched share is enough", "[gui]")
{
    DataQualityReport report;
    CHECK(ui::DataQualityWindow::headline(report) ==
          u"No children are in CP-IS scope (none on a shared plan)."_s);
    report.inScope = 1000;
    report.matched = 950;
    CHECK(ui::DataQualityWindow::headline(report) ==
          u"\u2714 95.0% matched — meets the 95% CP-IS requires"_s);
    report.matched = 934;
    CHECK(ui::DataQualityWindow::headline(report) ==
          u"\u26a0 93.4% matched — below the 95% CP-IS requires"_s);
}

TEST_CASE("The data quality window shows the matched share, the lists and the charts", "[gui]")
{
    QualityScreen screen;
    auto &db = screen.db;
    auto &world = screen.world;
    const auto &sample = screen.sample;
    // Earlier weeks' notifications, so that the charts have a shape to look at: some finished
    // in time, some late, a few still open, from both sources.
    REQUIRE(
        execute(db.connection(), uR"(
        INSERT INTO work_step (subject_id, assignee_id, source, received_at, due_at, state,
                               started_by, started_at, finished_by, finished_at)
        SELECT $1, $2, CASE WHEN n % 3 = 0 THEN 'dhu_111' ELSE 'ae' END, r, r + interval '1 day',
               CASE WHEN n % 11 = 0 THEN 'incoming' ELSE 'finished' END,
               CASE WHEN n % 11 = 0 THEN NULL ELSE $3::integer END, CASE WHEN n % 11 = 0 THEN NULL ELSE r END,
               CASE WHEN n % 11 = 0 THEN NULL ELSE $4::integer END,
               CASE WHEN n % 11 = 0 THEN NULL WHEN n % 7 = 0 THEN r + interval '2 days' ELSE r + interval '3 hours' END
        FROM generate_series(1, 160) AS n,
             LATERAL (SELECT now() - interval '1 day' * (1 + n % 60) - interval '1 hour' * (n % 5) AS r) AS t)"_s,
                {world.childId, world.cpisWorkerId, world.admin.workerId, world.admin.workerId}));
    ui::DataQualityWindow *quality = screen.open();

    const QString headline = child<QLabel>(quality, u"dataQualityHeadline"_s)->text();
    INFO(headline.toStdString());
    CHECK(headline.contains(u"16.6% matched — below the 95% CP-IS requires"_s));
    const QString counts = child<QLabel>(quality, u"dataQualityCounts"_s)->text();
    CHECK(counts.contains(u"1 of 6 children in CP-IS scope are matched"_s));
    CHECK(counts.contains(u"1 more child with a problem has a restricted record"_s));

    auto *lists = child<QTabBar>(quality, u"dataQualityLists"_s);
    REQUIRE(lists->count() == 6);
    CHECK(lists->tabText(0) == u"No NHS number (1)"_s);
    CHECK(lists->tabText(1) == u"NHS number fails the check (0)"_s);
    CHECK(lists->tabText(2) == u"Rejected by CP-IS (1)"_s);
    CHECK(lists->tabText(5) == u"Legal name changed since the last upload (1)"_s);
    auto *table = child<QTableView>(quality, u"dataQualityTable"_s);
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 0).data().toString() ==
          u"Mia Stone (%1)"_s.arg(sample.noNumber));
    lists->setCurrentIndex(2);
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 2).data().toString() ==
          u"The NHS number does not match the name."_s);

    // The world's own step came in today from A&E and is still open.
    QLineSeries *ae = series(quality, u"receivedChart"_s, u"A&E"_s);
    constexpr int today = ui::DataQualityWindow::kChartDays - 1;
    REQUIRE(ae->count() == ui::DataQualityWindow::kChartDays);
    CHECK(ae->at(today).y() == 1);
    CHECK(ae->at(0).y() == 0);
    QLineSeries *dhu = series(quality, u"receivedChart"_s, u"DHU-111"_s);
    CHECK(dhu->at(today).y() == 0);
    CHECK(series(quality, u"handledChart"_s, u"Still open"_s)->at(today).y() == 1);
    CHECK(series(quality, u"handledChart"_s, u"In time"_s)->at(today).y() == 0);
    CHECK(child<QLabel>(quality, u"chartsSummary"_s)
              ->text()
              .contains(u"notifications received: 161 (A&E 108, DHU-111 53)"_s));
    test::screenshot(quality, u"data-quality"_s);

    // Another client's change shows without reloading by hand.
    auto exchange = world.connectAs(world.exchange);
    REQUIRE(execute(*exchange, u"SELECT create_follow_up_step($1, 'Another.', 'dhu_111', now())"_s,
                    {world.childId}));
    CHECK(waitFor([&] {
        return dhu->count() == ui::DataQualityWindow::kChartDays && dhu->at(today).y() == 1;
    }));
}

TEST_CASE("A data quality row opens the person record", "[gui]")
{
    QualityScreen screen;
    ui::DataQualityWindow *quality = screen.open();
    child<QTabBar>(quality, u"dataQualityLists"_s)->setCurrentIndex(3); // NHS number inactive
    auto *table = child<QTableView>(quality, u"dataQualityTable"_s);
    REQUIRE(table->model()->rowCount() == 1);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    ui::PersonRecordWindow *person = nullptr;
    REQUIRE(waitFor([&] {
        person = screen.window->personWindow(screen.sample.inactive);
        return person && person->isLoaded();
    }));
    CHECK(person->record().summary.name == u"Leo Hart"_s);

    // A double-click does the same; an empty list has nothing to open.
    auto *lists = child<QTabBar>(quality, u"dataQualityLists"_s);
    lists->setCurrentIndex(4); // unborn children past their due date
    REQUIRE(table->model()->rowCount() == 1);
    const QPoint centre = table->visualRect(table->model()->index(0, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    CHECK(waitFor([&] { return screen.window->personWindow(screen.sample.overdue) != nullptr; }));
    lists->setCurrentIndex(1); // fails the check: nobody
    CHECK(table->model()->rowCount() == 0);
    CHECK_FALSE(child<QPushButton>(quality, u"dataQualityOpenPersonButton"_s)->isEnabled());
    CHECK(child<QLabel>(quality, u"dataQualityEmpty"_s)->isVisible());
    // The menu opens the same window again, not a second one.
    child<QAction>(screen.window.get(), u"dataQualityAction"_s)->trigger();
    CHECK(screen.window->dataQualityWindow() == quality);
}

TEST_CASE("Export to CSV writes the file, and says so when it cannot", "[gui]")
{
    QualityScreen screen;
    ui::DataQualityWindow *quality = screen.open();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"quality.csv"_s);

    QSignalSpy exported(quality, &ui::DataQualityWindow::exported);
    QTest::mouseClick(child<QPushButton>(quality, u"dataQualityExportButton"_s), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    REQUIRE(waitFor([&] {
        dialog = quality->findChild<QFileDialog *>(u"exportCsvDialog"_s);
        return dialog && dialog->isVisible();
    }));
    test::screenshot(dialog, u"data-quality-export"_s);
    // The full path in place of the proposed name, then Enter (set at once: typing it opens
    // the completer's popup, which takes the Enter).
    auto *name = child<QLineEdit>(dialog, u"fileNameEdit"_s);
    name->setText(path);
    QTest::keyClick(name, Qt::Key_Return);
    auto *message = child<QLabel>(quality, u"dataQualityMessage"_s);
    REQUIRE(waitFor([&] { return exported.count() == 1; }));
    CHECK(exported.first().first().toBool());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    CHECK(written == quality->report().toCsv());
    CHECK(written.contains("Ellie Marsh"));
    CHECK(message->text().contains(u"Saved the lists (5 rows)"_s));

    const QString nowhere = dir.filePath(u"missing-folder/quality.csv"_s);
    quality->exportCsv(nowhere);
    REQUIRE(waitFor([&] { return exported.count() == 2; }));
    CHECK_FALSE(exported.last().first().toBool());
    CHECK_FALSE(QFile::exists(nowhere));
    CHECK(message->isVisible());
    CHECK(message->text().contains(u"could not be written"_s));
    CHECK(message->text().contains(u"Nothing was saved"_s));
}

TEST_CASE("Export notifications writes the period's notifications for the main case system",
          "[gui][records]")
{
    QualityScreen screen;
    ui::DataQualityWindow *quality = screen.open();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notifications.csv"_s);

    QSignalSpy exported(quality, &ui::DataQualityWindow::recordsExported);
    auto *from = child<QDateEdit>(quality, u"recordsExportFrom"_s);
    auto *to = child<QDateEdit>(quality, u"recordsExportTo"_s);
    CHECK(to->date() == QDate::currentDate());
    from->setDate(QDate::currentDate());
    QTest::mouseClick(child<QPushButton>(quality, u"recordsExportButton"_s), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    REQUIRE(waitFor([&] {
        dialog = quality->findChild<QFileDialog *>(u"exportRecordsDialog"_s);
        return dialog && dialog->isVisible();
    }));
    auto *name = child<QLineEdit>(dialog, u"fileNameEdit"_s);
    name->setText(path);
    QTest::keyClick(name, Qt::Key_Return);
    REQUIRE(waitFor([&] { return exported.count() == 1; }));
    CHECK(exported.first().first().toBool());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    CHECK(lines.first().startsWith("authority_person_id,person_id,nhs_number,received_at,"));
    // The world's step, received today, about Thomas Turner.
    CHECK(std::any_of(lines.cbegin(), lines.cend(),
                      [&](const QByteArray &l) { return l.startsWith(",3549728,9990000026,"); }));
    CHECK(child<QLabel>(quality, u"dataQualityMessage"_s)->text().contains(u"Saved"_s));
}

TEST_CASE("Each data quality row opens the person record at the action that fixes it", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    test::DataQualitySample sample(db, world);
    const auto officer = test::addRecordsOfficer(db.connection());
    auto window = test::signedInWindow(db, officer.login);
    REQUIRE(waitFor([&] { return window->isRecordsOfficer(); }));
    child<QAction>(window.get(), u"dataQualityAction"_s)->trigger();
    ui::DataQualityWindow *quality = window->dataQualityWindow();
    REQUIRE(quality);
    REQUIRE(waitFor([&] { return quality->isLoaded(); }));
    auto *lists = child<QTabBar>(quality, u"dataQualityLists"_s);
    auto *table = child<QTableView>(quality, u"dataQualityTable"_s);

    struct Fix
    {
        QString list;
        qint64 person;
        QString dialog;
        QString shows; // a field of the fixing action
    };
    for (const Fix &fix : {
             Fix{u"inactive"_s, sample.inactive, u"nhsNumberDialog"_s, u"nhsNumber"_s},
             Fix{u"unborn_past_due"_s, sample.overdue, u"birthDialog"_s, u"dateOfBirth"_s},
             Fix{u"name_changed"_s, world.childId, u"editDetailsDialog"_s, u"forenames"_s},
         }) {
        INFO(fix.list.toStdString());
        int tab = -1;
        for (int i = 0; i < lists->count(); ++i)
            if (lists->tabData(i).toString() == fix.list)
                tab = i;
        REQUIRE(tab >= 0);
        lists->setCurrentIndex(tab);
        REQUIRE(table->model()->rowCount() == 1);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        ui::PersonRecordWindow *record = nullptr;
        REQUIRE(waitFor([&] {
            record = window->personWindow(fix.person);
            return record && record->isLoaded() && record->actionDialog() != nullptr;
        }));
        ui::RecordDialog *dialog = record->actionDialog();
        CHECK(dialog->objectName() == fix.dialog);
        CHECK(dialog->isVisible());
        CHECK(child<QWidget>(dialog, fix.shows)->isVisible());
        if (fix.list == u"inactive"_s) // Record the replacement number, which resumes uploads
            CHECK(child<QLabel>(dialog, u"nhsNumberIntro"_s)
                      ->text()
                      .contains(u"Record the replacement number"_s));
        dialog->close();
        record->close();
    }
}
