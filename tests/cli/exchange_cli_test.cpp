// cpisctl's exchange commands as an administrator runs them: import, export-upload, config.
#include "cpis/exchange.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::runCpisctl;
using test::withDatabase;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(CPIS_TEST_DATA "/messages/") + QString::fromLatin1(name);
}
} // namespace

TEST_CASE("cpisctl import prints what each file became and exits 1 when any was quarantined",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto good = runCpisctl(withDatabase(db, {u"import"_s, sample("asn_smartcard.xml")}));
    INFO(good.out.toStdString() + good.err.toStdString());
    CHECK(good.exitCode == 0);
    CHECK(good.out.contains(u"processed: CPIS Follow Up step"_s));

    const auto mixed =
        runCpisctl(withDatabase(db, {u"import"_s, sample("asn_system.xml"),
                                     sample("invalid_truncated.xml"), u"/nonexistent/file.xml"_s}));
    CHECK(mixed.exitCode == 1);
    CHECK(mixed.out.contains(u"invalid_truncated.xml: message"_s));
    CHECK(mixed.out.contains(u"quarantined"_s));
    CHECK(mixed.out.contains(u"/nonexistent/file.xml: not read"_s));

    // The same file again changes nothing.
    const int steps = queryValue(db.connection(), u"SELECT count(*) FROM work_step"_s)->integer();
    CHECK(runCpisctl(withDatabase(db, {u"import"_s, sample("asn_smartcard.xml")})).exitCode == 0);
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM work_step"_s)->integer() == steps);
}

TEST_CASE("cpisctl export-upload writes the next upload without sending or changing anything",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"next.xml"_s);
    const auto r = runCpisctl(withDatabase(db, {u"export-upload"_s, u"--out"_s, file}));
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(u"Wrote upload 1 with 1 record(s)"_s));
    QFile written(file);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.readAll().contains("9990000026"));
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM upload_file"_s)->integer() == 0);
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM upload_pending"_s)->integer() == 1);
}

TEST_CASE("cpisctl export-upload on the sample data writes a file NHS England's schemas accept",
          "[cli][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    test::TestDatabase db;
    const auto loaded = runCpisctl(withDatabase(db, {u"sample-data"_s}));
    INFO(loaded.out.toStdString() + loaded.err.toStdString());
    REQUIRE(loaded.exitCode == 0);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"next.xml"_s);
    const auto exported = runCpisctl(withDatabase(db, {u"export-upload"_s, u"--out"_s, file}));
    INFO(exported.out.toStdString() + exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.contains(u"Wrote upload 1"_s));

    const auto checked = runCpisctl({u"validate"_s, u"--schema-dir"_s, schemas, file});
    INFO(checked.out.toStdString() + checked.err.toStdString());
    CHECK(checked.exitCode == 0);
    CHECK(checked.out.contains(u": valid (Local Authority Upload)"_s));
}

TEST_CASE("cpisctl config set is for system administrators and names what is wrong", "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto set = runCpisctl(withDatabase(
        db, {u"config"_s, u"set"_s, u"exchange.times"_s, u"09:00,15:00"_s}, world.sysadmin.login));
    CHECK(set.exitCode == 0);
    CHECK(set.out == u"exchange.times = 09:00,15:00\n"_s);
    CHECK(runCpisctl(withDatabase(db, {u"config"_s, u"get"_s, u"exchange.times"_s})).out ==
          u"09:00,15:00\n"_s);

    const auto bad = runCpisctl(withDatabase(
        db, {u"config"_s, u"set"_s, u"cpis.handling_mode"_s, u"email"_s}, world.sysadmin.login));
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.contains(u"cpis.handling_mode must be work_step or case_note_and_alert"_s));

    const auto denied = runCpisctl(withDatabase(
        db, {u"config"_s, u"set"_s, u"exchange.times"_s, u"10:00"_s}, world.keyWorker.login));
    CHECK(denied.exitCode == 1);
    CHECK(denied.err.contains(u"Only system administrators can change the configuration"_s));

    const auto list = runCpisctl(withDatabase(db, {u"config"_s, u"list"_s}, world.keyWorker.login));
    CHECK(list.exitCode == 0);
    CHECK(list.out.contains(u"mesh.password"_s));
    CHECK(list.out.contains(u"(secret, not set)"_s));
}

TEST_CASE("The schedule runs at the next configured time, tomorrow after the last", "[cli]")
{
    const QList<QTime> times{QTime(8, 0), QTime(11, 0), QTime(14, 0), QTime(16, 45)};
    const QDate day(2026, 11, 20);
    CHECK(Exchange::nextRun(times, QDateTime(day, QTime(7, 0))) == QDateTime(day, QTime(8, 0)));
    CHECK(Exchange::nextRun(times, QDateTime(day, QTime(11, 0))) == QDateTime(day, QTime(14, 0)));
    CHECK(Exchange::nextRun(times, QDateTime(day, QTime(17, 0))) ==
          QDateTime(day.addDays(1), QTime(8, 0)));
}

TEST_CASE("cpisctl exchange --check exits 1 with why when no run has succeeded since the last "
          "scheduled time, 0 when one has",
          "[cli][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    REQUIRE(execute(db.connection(),
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s)
                .ok());
    // The last success two days ago: whatever the time now, a scheduled run has been missed.
    REQUIRE(execute(db.connection(),
                    u"INSERT INTO exchange_run (started_at, finished_at, status) "
                    u"VALUES (now() - interval '2 days', now() - interval '2 days', 'ok')"_s)
                .ok());
    const auto check = [&] {
        return runCpisctl(withDatabase(db, {u"exchange"_s, u"--check"_s}, world.exchange.login));
    };
    const auto stalled = check();
    INFO(stalled.out.toStdString() + stalled.err.toStdString());
    CHECK(stalled.exitCode == 1);
    CHECK(stalled.out.startsWith(u"CP-IS exchange: last successful run at "_s));
    CHECK(stalled.out.contains(u"has not succeeded (it is "_s));
    CHECK(stalled.out.count(u'\n') == 1);

    REQUIRE(execute(db.connection(), u"INSERT INTO exchange_run (finished_at, status) "
                                     u"VALUES (now(), 'ok')"_s)
                .ok());
    const auto fine = check();
    INFO(fine.out.toStdString() + fine.err.toStdString());
    CHECK(fine.exitCode == 0);
    CHECK(fine.out.contains(u"today; next at "_s));

    // A login that may not see it is told so, and monitoring sees a failure.
    const auto refused =
        runCpisctl(withDatabase(db, {u"exchange"_s, u"--check"_s}, world.keyWorker.login));
    CHECK(refused.exitCode != 0);
}
