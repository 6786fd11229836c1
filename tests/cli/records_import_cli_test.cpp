// cpisctl records import: refusals by line on the terminal, exit 1 when any row is refused and
// 0 when all are applied, --dry-run, and a file that is not CSV refused in one line.
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/security_checks.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return f.fileName();
}
} // namespace

TEST_CASE("cpisctl records import lists refused rows by line and exits 1, then 0 when all apply",
          "[cli][records]")
{
    TestDatabase db;
    CaseWorld world(db);
    const auto officer = addRecordsOfficer(db.connection());
    QTemporaryDir dir;
    QFile source(QStringLiteral(CPIS_TEST_DATA "/records/import_50.csv"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    const QByteArray all = source.readAll().replace("{key_worker}", world.keyWorker.login.toUtf8());
    const QString feed = writeFile(dir, u"feed.csv"_s, all);

    const auto dry = runCpisctl(
        withDatabase(db, {u"records"_s, u"import"_s, feed, u"--dry-run"_s}, officer.login));
    INFO(dry.err.toStdString());
    CHECK(dry.exitCode == 1);
    CHECK(dry.out.contains(u"line 40, nhs_number: The NHS number 999 719 7535 fails the check "
                           u"digit"_s));
    CHECK(dry.out.contains(u"50 rows: 38 new, 0 changed, 0 unchanged, 12 refused (a dry run"_s));
    CHECK(dry.err.contains(u"50 rows read"_s));
    CHECK(countOf(db.connection(), u"SELECT count(*) FROM person WHERE authority_person_id IS "
                                   u"NOT NULL"_s) == 0);

    const auto real =
        runCpisctl(withDatabase(db, {u"records"_s, u"import"_s, feed}, officer.login));
    CHECK(real.exitCode == 1);
    CHECK(real.out.contains(u"line 51, legal_forenames: The legal_forenames starts with ="_s));
    CHECK(real.out.contains(u"feed.csv: 50 rows: 38 new, 0 changed, 0 unchanged, 12 refused."_s));
    // How far it is goes to the terminal (stderr) while the database works, not into the report.
    CHECK(
        real.err.contains(u"Checked 50 of 50 rows\nApplied the people of 50 of 50 rows\n"
                          u"Applied the plans of 50 of 50 rows\nSaving the import of 50 rows\n"_s));
    CHECK_FALSE(real.out.contains(u"Checked"_s));

    // Only the good rows: every row applied (unchanged), exit 0.
    const QByteArray good = all.left(all.lastIndexOf('\n', all.indexOf("BAD01")) + 1);
    const auto clean = runCpisctl(withDatabase(
        db, {u"records"_s, u"import"_s, writeFile(dir, u"good.csv"_s, good)}, officer.login));
    CHECK(clean.exitCode == 0);
    CHECK(clean.out.contains(u"38 rows: 0 new, 0 changed, 38 unchanged, 0 refused."_s));
}

TEST_CASE("cpisctl records import refuses a file that is not CSV in one line, and a key worker",
          "[cli][records][security]")
{
    TestDatabase db;
    CaseWorld world(db);
    QTemporaryDir dir;
    const QString binary = writeFile(dir, u"photo.csv"_s, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"_ba);
    const auto refused = runCpisctl(withDatabase(db, {u"records"_s, u"import"_s, binary},
                                                 addRecordsOfficer(db.connection()).login));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.trimmed() ==
          u"cpisctl records import: photo.csv: This is not a CSV file: line 3 holds a NUL byte."_s);

    const QString feed =
        writeFile(dir, u"one.csv"_s,
                  "authority_person_id,legal_forenames,legal_surname,date_of_birth\n"
                  "X1,Ann,Lee,2015-01-01\n");
    const auto denied =
        runCpisctl(withDatabase(db, {u"records"_s, u"import"_s, feed}, world.keyWorker.login));
    INFO(denied.err.toStdString());
    CHECK(denied.exitCode == 1);
    CHECK(denied.err.contains(u"You are not allowed to do that"_s));
    CHECK(countOf(db.connection(), u"SELECT count(*) FROM person WHERE authority_person_id = "
                                   u"'X1'"_s) == 0);
}
