// Long work in the client: progress after half a second, and Cancel that really stops the
// work with nothing changed.
#include "db/database_worker.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "long_work.h"
#include "support/case_world.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;
using namespace cpis;
using cpis::test::waitFor;

namespace {
// A client connection on its own database thread, as the main window makes one.
struct ClientDatabase
{
    explicit ClientDatabase(const test::TestDatabase &db)
    {
        QSignalSpy opened(&thread, &DatabaseThread::opened);
        thread.open(test::serverChoice(db));
        REQUIRE(waitFor([&] { return opened.count() > 0; }, 30000));
    }
    DatabaseThread thread;
};

QProgressDialog *progressShown(QWidget *window)
{
    QProgressDialog *dialog = nullptr;
    waitFor(
        [&] {
            dialog = window->findChild<QProgressDialog *>(u"longWorkProgress"_s);
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

int probeRows(test::TestDatabase &db)
{
    return test::require(queryValue(db.connection(), u"SELECT count(*) FROM long_work_probe"_s))
        .integer();
}

// For jobs: they run on the database thread, where a test must not fail.
Result<int> number(Connection &c, const QString &sql)
{
    auto value = queryValue(c, sql);
    if (!value)
        return value.error();
    return value->integer();
}
} // namespace

TEST_CASE("A long database job shows progress, and Cancel stops it with nothing changed", "[gui]")
{
    test::TestDatabase db;
    test::require(execute(db.connection(), u"CREATE TABLE long_work_probe (n int)"_s));
    ClientDatabase database(db);
    QWidget window;
    window.resize(600, 400);
    window.show();

    std::optional<Result<int>> quick;
    ui::submitWithProgress<int>(
        &database.thread, &window, u"Counting…"_s,
        [](Connection &c) { return number(c, u"SELECT 1"_s); },
        [&](Result<int> r) { quick = std::move(r); });
    REQUIRE(waitFor([&] { return quick.has_value(); }));
    CHECK(quick->ok());
    QTest::qWait(ui::LongWork::kShowAfterMs + 200);
    CHECK(window.findChild<QProgressDialog *>(u"longWorkProgress"_s) == nullptr);

    std::optional<Result<int>> slow;
    ui::submitWithProgress<int>(
        &database.thread, &window, u"Counting every notification…"_s,
        [](Connection &c) -> Result<int> {
            Transaction transaction(c);
            if (auto written = execute(c, u"INSERT INTO long_work_probe VALUES (1)"_s); !written)
                return written.error();
            if (auto waited = execute(c, u"SELECT pg_sleep(60)"_s); !waited)
                return waited.error();
            if (auto committed = transaction.commit(); !committed)
                return committed.error();
            return 1;
        },
        [&](Result<int> r) { slow = std::move(r); });
    QProgressDialog *dialog = progressShown(&window);
    REQUIRE(dialog);
    CHECK(dialog->labelText().contains(u"Counting every notification"_s));
    test::screenshot(dialog, u"long-work-progress"_s);
    test::click(dialog->findChild<QPushButton *>());

    // Long before the minute is up: the server stopped the statement.
    REQUIRE(waitFor([&] { return slow.has_value(); }, 15000));
    REQUIRE_FALSE(slow->ok());
    CHECK(slow->error().code == u"cancelled"_s);
    CHECK(probeRows(db) == 0);
    CHECK(window.findChild<QProgressDialog *>(u"longWorkProgress"_s) == nullptr);

    // The connection is still there for the next job.
    std::optional<Result<int>> after;
    database.thread.submit<int>(
        &window, [](Connection &c) { return number(c, u"SELECT 2"_s); },
        [&](Result<int> r) { after = std::move(r); });
    REQUIRE(waitFor([&] { return after.has_value(); }));
    CHECK(after->ok());
    CHECK(database.thread.isConnected());
}

TEST_CASE("A job cancelled while it waits its turn never runs", "[gui]")
{
    test::TestDatabase db;
    test::require(execute(db.connection(), u"CREATE TABLE long_work_probe (n int)"_s));
    ClientDatabase database(db);
    QObject context;

    std::optional<Result<int>> first, second;
    database.thread.submit<int>(
        &context, [](Connection &c) { return number(c, u"SELECT 1 FROM pg_sleep(1)"_s); },
        [&](Result<int> r) { first = std::move(r); });
    const JobId queued = database.thread.submit<int>(
        &context,
        [](Connection &c) {
            return number(c, u"INSERT INTO long_work_probe VALUES (2) RETURNING n"_s);
        },
        [&](Result<int> r) { second = std::move(r); });
    database.thread.cancel(queued);
    REQUIRE(waitFor([&] { return first.has_value() && second.has_value(); }));
    CHECK(first->ok()); // cancelling one job leaves the one running alone
    REQUIRE_FALSE(second->ok());
    CHECK(second->error().code == u"cancelled"_s);
    CHECK(probeRows(db) == 0);
}

TEST_CASE("Saving a long file shows progress, and Cancel leaves the file that was there", "[gui]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lists.csv"_s);
    {
        QFile before(path);
        REQUIRE(before.open(QIODevice::WriteOnly));
        before.write("the lists saved yesterday\n");
    }
    QWidget window;
    window.show();
    QByteArrayList lines;
    for (int i = 0; i < 100000; ++i)
        lines.append("a line of the lists\n");

    std::optional<Status> saved;
    ui::runWithProgress(
        &window, u"Saving the lists…"_s,
        [path, lines](const WriteProgress &progress) {
            // A slow disk: about two seconds for the whole file.
            return writeWholeFile(path, lines, [&progress](qint64 done, qint64 total) {
                QThread::msleep(20);
                return progress(done, total);
            });
        },
        [&](const Status &s) { saved = s; });
    QProgressDialog *dialog = progressShown(&window);
    REQUIRE(dialog);
    REQUIRE(waitFor([&] { return dialog->value() > 0; }, 3000)); // a bar, not only "busy"
    CHECK(dialog->labelText().contains(u"of 100000"_s));         // lines written of all of them
    test::click(dialog->findChild<QPushButton *>());
    REQUIRE(waitFor([&] { return saved.has_value(); }));
    REQUIRE_FALSE(saved->ok());
    CHECK(saved->error().code == u"cancelled"_s);
    QFile after(path);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == "the lists saved yesterday\n");
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"lists.csv"_s});
}
