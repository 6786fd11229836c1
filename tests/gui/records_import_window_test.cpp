// Administration → Import records… as a records officer, on real widgets: the file checked and
// shown as a table (refused rows first, with the reasons), imported, and an import cancelled
// before it commits leaves nothing applied.
#include "admin/records_import_window.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "long_work.h"
#include "support/case_world.h"
#include "support/security_checks.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
QString feedFile(const QTemporaryDir &dir, const test::CaseWorld &world)
{
    QFile source(QStringLiteral(CPIS_TEST_DATA "/records/import_50.csv"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    QFile out(dir.filePath(u"feed.csv"_s));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(source.readAll().replace("{key_worker}", world.keyWorker.login.toUtf8()));
    return out.fileName();
}

int imported(Connection &owner)
{
    return test::countOf(owner,
                         u"SELECT count(*) FROM person WHERE authority_person_id IS NOT NULL"_s);
}
} // namespace

TEST_CASE("Import records checks the file as a table, imports it, and a cancelled import applies "
          "nothing",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = test::addRecordsOfficer(owner);
    QTemporaryDir dir;
    const QString path = feedFile(dir, world);
    auto window = test::signedInWindow(db, officer.login);

    // Records officers find it in the Administration menu.
    auto *action = child<QAction>(window.get(), u"recordsImportAction"_s);
    REQUIRE(waitFor([&] { return window->isRecordsOfficer() && action->isVisible(); }));
    CHECK(window->administrationMenu()->menuAction()->isVisible());
    action->trigger();
    ui::RecordsImportWindow *importer = window->recordsImportWindow();
    REQUIRE(importer);
    auto *apply = child<QPushButton>(importer, u"recordsImportApply"_s);
    CHECK_FALSE(apply->isEnabled());

    // The dry run: a table with the refused rows first, nothing changed.
    QSignalSpy checked(importer, &ui::RecordsImportWindow::checked);
    importer->check(path);
    REQUIRE(waitFor([&] { return checked.size() == 1; }, 60000));
    CHECK(checked.first().first().toBool());
    auto *table = child<QTableView>(importer, u"recordsImportTable"_s);
    QAbstractItemModel *model = table->model();
    REQUIRE(model->rowCount() == 50);
    CHECK(model->index(0, 0).data().toInt() == 40);
    CHECK(model->index(0, 1).data().toString() == u"Refused"_s);
    CHECK(model->index(0, 3).data().toString() == u"nhs_number"_s);
    CHECK(model->index(0, 4).data().toString().contains(u"check digit"_s));
    CHECK(model->index(12, 1).data().toString() == u"New"_s);
    CHECK(child<QLabel>(importer, u"recordsImportSummary"_s)
              ->text()
              .contains(u"38 new, 0 changed, 0 unchanged, 12 refused"_s));
    CHECK(apply->isEnabled());
    CHECK(imported(owner) == 0);

    // Cancelled before it commits: nothing applied, and it says so. A colleague's lock on the
    // people holds the import at its first write, so that Cancel always comes before the commit.
    test::require(execute(owner, u"BEGIN"_s));
    test::require(execute(owner, u"LOCK TABLE person IN EXCLUSIVE MODE"_s));
    QSignalSpy done(importer, &ui::RecordsImportWindow::imported);
    importer->import();
    CHECK(child<QPushButton>(importer, u"recordsImportCancel"_s)->isEnabled());
    REQUIRE(waitFor(
        [&] {
            return test::countOf(owner, u"SELECT count(*) FROM pg_stat_activity WHERE "
                                        u"wait_event_type = 'Lock' AND datname = "
                                        u"current_database()"_s) > 0;
        },
        60000));
    // While it waits, the window says how far the database got: in words, and as a bar.
    auto *words = child<QLabel>(importer, u"recordsImportProgress"_s);
    auto *bar = child<QProgressBar>(importer, u"recordsImportProgressBar"_s);
    REQUIRE(waitFor([&] { return words->text() == u"Checked 50 of 50 rows"_s; }, 60000));
    CHECK_FALSE(bar->isHidden());
    CHECK(bar->value() == 50);
    CHECK(bar->maximum() == 151); // three phases of 50 rows, then the commit
    // No progress dialog stands over the window (one would show by now): its own Cancel the
    // import is the way out.
    QTest::qWait(ui::LongWork::kShowAfterMs + 200);
    CHECK(importer->findChild<QProgressDialog *>() == nullptr);
    test::click(child<QPushButton>(importer, u"recordsImportCancel"_s));
    REQUIRE(waitFor([&] { return done.size() == 1; }, 60000));
    test::require(execute(owner, u"ROLLBACK"_s));
    CHECK_FALSE(done.first().first().toBool());
    CHECK(child<QLabel>(importer, u"recordsImportMessage"_s)
              ->text()
              .contains(u"nothing was applied"_s));
    CHECK(imported(owner) == 0);
    CHECK(bar->isHidden());

    // Checked again, then imported, every phase shown on the way.
    importer->check(path);
    REQUIRE(waitFor([&] { return checked.size() == 2; }, 60000));
    QSignalSpy shown(importer, &ui::RecordsImportWindow::progressShown);
    test::click(apply);
    REQUIRE(waitFor([&] { return done.size() == 2; }, 60000));
    CHECK(done.last().first().toBool());
    CHECK(imported(owner) == 37);
    QStringList steps;
    for (const QList<QVariant> &signal : std::as_const(shown))
        steps << signal.first().toString();
    CHECK(steps == QStringList{u"Checked 50 of 50 rows"_s, u"Applied the people of 50 of 50 rows"_s,
                               u"Applied the plans of 50 of 50 rows"_s,
                               u"Saving the import of 50 rows"_s});
    CHECK(bar->isHidden());
    CHECK(child<QLabel>(importer, u"recordsImportMessage"_s)
              ->text()
              .contains(u"12 rows were refused"_s));
}
