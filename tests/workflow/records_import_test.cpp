// The records feed in (issue 20): the 50-row file with every kind of mistake, run twice, as a
// dry run and as a snapshot; who may import; hostile files; and the upload that follows.
#include "cpis/upload_message.h"
#include "db/error_codes.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/reference_schemas.h"
#include "support/security_checks.h"
#include "support/upload_support.h"
#include "workflow/records_import.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QMap>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
// The test file, with the world's key worker as the key worker it names.
QByteArray feed50(const CaseWorld &world)
{
    QFile f(QStringLiteral(CPIS_TEST_DATA "/records/import_50.csv"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().replace("{key_worker}", world.keyWorker.login.toUtf8());
}

RecordsImportReport run(Connection &c, const QByteArray &bytes, RecordsImportOptions options = {},
                        const QString &name = u"import_50.csv"_s)
{
    return require(importRecords(c, require(readRecordsImport(name, bytes)), options));
}

// Line -> column of every refused row.
QMap<int, QString> refusals(const RecordsImportReport &report)
{
    QMap<int, QString> out;
    for (const RecordsImportLine &l : report.lines)
        if (l.outcome == u"refused"_s)
            out.insert(l.line, l.column);
    return out;
}

QString reasonOn(const RecordsImportReport &report, int line)
{
    for (const RecordsImportLine &l : report.lines)
        if (l.line == line)
            return l.reason;
    return {};
}

// Each mistake of the file, by line: the column refused.
const QMap<int, QString> kExpectedRefusals{
    {40, u"nhs_number"_s},        // bad check digit
    {41, u"expected_delivery"_s}, // both dates
    {42, u"date_of_birth"_s},     // neither date
    {43, u"plan_kind"_s},         // unknown plan kind
    {44, u"plan_end"_s},          // end before start
    {45, u"key_worker"_s},        // unknown key worker
    {46, u"date_of_birth"_s},     // person columns that disagree (both rows)
    {47, u"date_of_birth"_s},     {48, u"mother_authority_person_id"_s}, // mother missing
    {49, u"nhs_number"_s}, // one NHS number on two people (both rows)
    {50, u"nhs_number"_s},        {51, u"legal_forenames"_s}, // a formula in a name
};
} // namespace

TEST_CASE("The 50-row file gives exactly its mistakes' refusals by line and applies the rest, once",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = addRecordsOfficer(owner);
    auto c = world.connectAs(officer.login);

    const RecordsImportReport first = run(*c, feed50(world));
    CHECK(refusals(first) == kExpectedRefusals);
    CHECK(first.count(u"new") == 38);
    CHECK_FALSE(first.allApplied());
    CHECK(reasonOn(first, 40).contains(u"check digit"_s));
    CHECK(reasonOn(first, 46).contains(u"lines 46, 47"_s));
    CHECK(reasonOn(first, 49).contains(u"more than one person"_s));
    CHECK(reasonOn(first, 51).contains(u"formula"_s));
    // 30 children, Priya Shah (two plans), a mother and her unborn child, four more.
    CHECK(countOf(owner, u"SELECT count(*) FROM person WHERE authority_person_id LIKE 'MOS%'"_s) ==
          37);
    CHECK(countOf(owner, u"SELECT count(*) FROM person WHERE authority_person_id LIKE 'BAD%'"_s) ==
          0);
    // Through the records rules: audited as the officer, queued for upload, key worker given.
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE action = 'person.created' "
                  u"AND details->>'import' = 'import_50.csv' AND login = $1"_s,
                  {officer.login}) == 37);
    CHECK(countOf(owner, u"SELECT count(*) FROM upload_pending u JOIN person p ON p.id = "
                         u"u.person_id WHERE p.authority_person_id LIKE 'MOS%'"_s) > 30);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM involvement i JOIN person p ON p.id = i.person_id "
                  u"WHERE p.authority_person_id = 'MOS2000' AND i.worker_id = $1 "
                  u"AND i.ended_on IS NULL"_s,
                  {world.keyWorker.workerId}) == 1);
    CHECK(textOf(owner, u"SELECT string_agg(kind || ':' || coalesce(end_date::text, ''), ',' "
                        u"ORDER BY start_date) FROM plan pl JOIN person p ON p.id = pl.person_id "
                        u"WHERE p.authority_person_id = 'MOS2000'"_s) == "CPP:2024-09-30,C2:");
    CHECK(textOf(owner, u"SELECT m.authority_person_id FROM person p JOIN person m ON m.id = "
                        u"p.mother_id WHERE p.authority_person_id = 'MOS3001'"_s) == "MOS3000");
    // One alert to the records officers, naming the file and the count.
    CHECK(countOf(owner, u"SELECT count(*) FROM alert WHERE alert_type = 'Records import' AND "
                         u"recipient_role = 'cpis_records_officer' AND body LIKE "
                         u"'%import_50.csv refused 12 of its 50 rows%'"_s) == 1);

    // The same file again: every applied row unchanged, the same refusals, nothing changed but
    // the alert.
    const int audits =
        countOf(owner, u"SELECT count(*) FROM audit WHERE action <> 'alert.raised'"_s);
    const std::string people = textOf(owner, u"SELECT md5(string_agg(p::text, '|' ORDER BY id)) "
                                             u"FROM person p"_s);
    const RecordsImportReport second = run(*c, feed50(world));
    CHECK(refusals(second) == kExpectedRefusals);
    CHECK(second.count(u"unchanged") == 38);
    CHECK(countOf(owner, u"SELECT count(*) FROM audit WHERE action <> 'alert.raised'"_s) == audits);
    CHECK(textOf(owner, u"SELECT md5(string_agg(p::text, '|' ORDER BY id)) FROM person p"_s) ==
          people);
}

TEST_CASE("A dry run reports what the import would do and changes nothing",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    const std::string before = fingerprint(owner);
    const RecordsImportReport dry = run(*c, feed50(world), {true, false});
    CHECK(dry.dryRun);
    CHECK(refusals(dry) == kExpectedRefusals);
    CHECK(dry.count(u"new") == 38);
    CHECK(dry.summary().contains(u"nothing was changed"_s));
    CHECK(fingerprint(owner) == before);
}

TEST_CASE("A later file changes the people already here through the records rules: details, key "
          "worker, a new plan and an ended one",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    run(*c, feed50(world));
    const QByteArray kw = world.keyWorker.login.toUtf8();
    const QByteArray later =
        "authority_person_id,legal_forenames,legal_surname,gender,date_of_birth,nhs_number,"
        "plan_kind,plan_start,plan_end,key_worker\n"
        "MOS1000,Amara,Adebayo,Male,2010-01-10,,CPP,2025-01-20,2025-06-30," +
        kw +
        "\n"
        "MOS1001,Benjamin,Hughes,Female,2011-02-11,9992415924,CPP,2025-02-21,," +
        kw +
        "\n"
        "MOS1001,Benjamin,Hughes,Female,2011-02-11,9992415924,s20,2025-03-01,," +
        kw + "\n";
    const auto outcomeOf = [](const RecordsImportReport &r, int line) {
        for (const RecordsImportLine &l : r.lines)
            if (l.line == line)
                return l.outcome;
        return QString();
    };
    const RecordsImportReport changed = run(*c, later, {}, u"later.csv"_s);
    CHECK(outcomeOf(changed, 2) == u"changed"_s);
    CHECK(outcomeOf(changed, 3) == u"changed"_s);
    CHECK(outcomeOf(changed, 4) == u"new"_s);
    const qint64 ben =
        valueOf(owner, u"SELECT id FROM person WHERE authority_person_id = 'MOS1001'"_s).integer();
    const qint64 amara =
        valueOf(owner, u"SELECT id FROM person WHERE authority_person_id = 'MOS1000'"_s).integer();
    CHECK(textOf(owner, u"SELECT legal_forenames FROM person WHERE id = $1"_s, {ben}) ==
          "Benjamin");
    CHECK(textOf(owner,
                 u"SELECT w.login FROM involvement i JOIN worker w ON w.id = i.worker_id "
                 u"WHERE i.person_id = $1 AND i.role = 'Key Worker' AND i.ended_on IS NULL"_s,
                 {ben}) == world.keyWorker.login.toStdString());
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM plan WHERE person_id = $1 AND kind = 'V2' AND "
                  u"start_date = '2025-03-01' AND end_date IS NULL"_s,
                  {ben}) == 1);
    CHECK(textOf(owner, u"SELECT end_date::text FROM plan WHERE person_id = $1 AND kind = 'CPP'"_s,
                 {amara}) == "2025-06-30");
    // Each change audited as on the screens, naming the file; the records changed versions.
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 AND details->>'import' "
                  u"= 'later.csv' AND action IN ('person.details_changed', 'plan.started')"_s,
                  {ben}) == 2);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = "
                  u"'person.key_worker_allocated'"_s,
                  {ben}) == 1);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = "
                  u"'plan.ended' AND details->>'import' = 'later.csv'"_s,
                  {amara}) == 1);
    CHECK(countOf(owner, u"SELECT row_version FROM person WHERE id = $1"_s, {ben}) > 1);
    CHECK(countOf(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s, {ben}) ==
          1);

    // The same file again changes nothing.
    const RecordsImportReport again = run(*c, later, {}, u"later.csv"_s);
    CHECK(again.count(u"unchanged") == 3);
}

TEST_CASE("The import says how far it is while the database works, in words, phase by phase",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    auto c = world.connectAs(addRecordsOfficer(db.connection()).login);
    QStringList said;
    qint64 lastDone = -1, total = 0;
    bool forward = true;
    RecordsImportOptions options;
    options.progress = [&](const RecordsImportProgress &p) {
        said << p.text();
        forward = forward && p.overallDone() >= lastDone && p.overallDone() <= p.overallTotal();
        lastDone = p.overallDone();
        total = p.overallTotal();
    };
    const RecordsImportReport report = run(*c, feed50(world), options);
    CHECK(report.count(u"new") == 38);
    // Each phase reaches the whole file; the bar only goes forward, to its end at the commit.
    CHECK(said == QStringList{u"Checked 50 of 50 rows"_s, u"Applied the people of 50 of 50 rows"_s,
                              u"Applied the plans of 50 of 50 rows"_s,
                              u"Saving the import of 50 rows"_s});
    CHECK(forward);
    CHECK(lastDone == total - 1);

    // A dry run says the same, without saving; the connection keeps to warnings afterwards.
    said.clear();
    options.dryRun = true;
    CHECK(run(*c, feed50(world), options).count(u"unchanged") == 38);
    CHECK(said.size() == 3);
    CHECK(said.constLast() == u"Applied the plans of 50 of 50 rows"_s);
    CHECK(textOf(*c, u"SHOW client_min_messages"_s) == "warning");
}

TEST_CASE("A snapshot lists the open plan of a child the file lacks, alerts, and ends nothing",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    const QByteArray all = feed50(world);
    run(*c, all);
    // Ben Hughes (MOS1001, line 3) is no longer in the file.
    QList<QByteArray> lines = all.split('\n');
    REQUIRE(lines[2].contains("MOS1001"));
    lines.removeAt(2);
    const qint64 ben =
        valueOf(owner, u"SELECT id FROM person WHERE authority_person_id = 'MOS1001'"_s).integer();

    const RecordsImportReport snapshot = run(*c, lines.join('\n'), {false, true});
    QList<qint64> missing;
    for (const RecordsImportLine &l : snapshot.lines)
        if (l.outcome == u"missing"_s)
            missing << l.personId;
    CHECK(missing.contains(ben));
    CHECK(missing.contains(world.childId)); // recorded by hand, never in the feed
    CHECK_FALSE(missing.contains(valueOf(owner, u"SELECT id FROM person WHERE "
                                                u"authority_person_id = 'MOS1000'"_s)
                                     .integer()));
    CHECK(snapshot.problems().join(u'\n').contains(u"Ben Hughes"_s));
    CHECK(countOf(owner, u"SELECT count(*) FROM plan WHERE person_id = $1 AND end_date IS NULL"_s,
                  {ben}) == 1);
    CHECK(countOf(owner, u"SELECT count(*) FROM alert WHERE alert_type = 'Records import: plans "
                         u"not in the file' AND recipient_role = 'cpis_records_officer'"_s) == 1);
}

TEST_CASE(
    "Only records officers and system administrators may import, and a refusal changes nothing",
    "[workflow][records][import][security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    const RecordsImportFile file = require(readRecordsImport(u"f.csv"_s, feed50(world)));
    const std::string before = fingerprint(owner);
    for (const auto &user : {world.keyWorker, world.manager, world.admin}) {
        auto c = world.connectAs(user);
        INFO(user.login.toStdString());
        CHECK(codeOf(importRecords(*c, file, {})) == errc::kDenied);
    }
    CHECK(fingerprint(owner) == before);
    auto sysadmin = world.connectAs(world.sysadmin);
    CHECK(require(importRecords(*sysadmin, file, {})).count(u"new") == 38);
}

TEST_CASE("Hostile files are refused whole with one line, hostile cells by line and column",
          "[workflow][records][import][input]")
{
    const auto refusal = [](const QByteArray &bytes) {
        auto file = readRecordsImport(u"h.csv"_s, bytes);
        return file ? QString() : file.error().message;
    };
    CHECK(refusal("authority_person_id,legal_surname,colour\nA1,Smith,red\n")
              .contains(u"The column \"colour\" (column 3 of the header) is not a records "
                        u"import column"_s));
    CHECK(refusal("authority_person_id,legal_surname\nA1,Sm\0ith\n"_ba)
              .contains(u"This is not a CSV file: line 2 holds a NUL byte"_s));
    CHECK(
        refusal("\x89PNG\r\n\x1a\n\xff\xfe\xfd"_ba).startsWith(u"h.csv: This is not a CSV file"_s));
    CHECK(refusal("authority_person_id,legal_surname\nA1,\"Smith\n").contains(u"never closed"_s));
    CHECK(refusal("authority_person_id,legal_surname\nA1," + QByteArray(5000, 'x') + "\n")
              .contains(u"Line 2 is longer than"_s));
    CHECK(refusal(QByteArray(65 * 1024 * 1024, 'a')).contains(u"at most"_s));
    CHECK(refusal("legal_surname\nSmith\n").contains(u"authority_person_id"_s));
    CHECK(refusal("").contains(u"empty"_s));

    // A control character in a cell refuses that row only, naming the column.
    const RecordsImportFile file = require(readRecordsImport(
        u"c.csv"_s,
        "authority_person_id,legal_surname,legal_forenames\nA1,Sm\x1bith,Jo\nA2,@x,Jo\n"));
    CHECK(file.rowsJson.contains(R"("refused_column":"legal_surname")"));
    CHECK(file.rowsJson.contains(
        R"("refused_column":"legal_surname","refused_reason":"The legal_surname starts with @)"));
}

TEST_CASE("The upload after an import is valid against NHS England's schemas and carries the "
          "imported children",
          "[workflow][records][import][cpis]")
{
    const auto validator = referenceSchemasOrSkip();
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    buildUpload(owner); // what the world already had
    auto c = world.connectAs(addRecordsOfficer(owner).login);
    run(*c, feed50(world));
    const BuiltUpload upload = buildUpload(owner);
    REQUIRE(upload.fileId != 0);
    CHECK(validator->validate(upload.body).ok());
    const hl7::Upload read = require(hl7::readUpload(upload.body));
    QStringList numbers;
    for (const hl7::UploadRecord &r : read.records)
        numbers << r.ids.nhsNumber;
    const auto imported = require(
        execute(owner, u"SELECT p.nhs_number FROM person p WHERE p.authority_person_id LIKE 'MOS%' "
                       u"AND p.nhs_number IS NOT NULL AND EXISTS (SELECT 1 FROM plan pl WHERE "
                       u"pl.person_id = p.id AND pl.kind = 'CPP' AND pl.end_date IS NULL)"_s));
    REQUIRE(imported.size() > 15);
    for (const Row row : imported)
        CHECK(numbers.contains(row.text("nhs_number")));
}

TEST_CASE("The scheduled import takes each file of records.import_folder once, into done/ or "
          "refused/ with a report",
          "[workflow][records][import]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    QTemporaryDir dir;
    const auto put = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    put(u"a-good.csv"_s, "authority_person_id,legal_forenames,legal_surname,date_of_birth,"
                         "plan_kind,plan_start\nG1,Ann,Lee,2015-01-01,CPP,2025-01-01\n");
    put(u"b-feed.csv"_s, feed50(world));
    put(u"c-photo.csv"_s, "\x89PNG\r\n\x1a\n\0\0"_ba);
    put(u"notes.txt"_s, "not a records file");

    // The config setting is checked like the schema folder's.
    CHECK(sqlStateOf(*world.connectAs(world.sysadmin),
                     u"SELECT set_config('records.import_folder', 'relative/path')"_s) == "CPVL1");

    auto exchange = world.connectAs(world.exchange);
    const QStringList said = require(importRecordsFolder(*exchange, dir.path()));
    REQUIRE(said.size() == 3);
    CHECK(said[0].startsWith(u"a-good.csv: 1 rows: 1 new"_s));
    CHECK(QFile::exists(dir.filePath(u"done/a-good.csv"_s)));
    CHECK(QFile::exists(dir.filePath(u"refused/b-feed.csv"_s)));
    CHECK(QFile::exists(dir.filePath(u"refused/c-photo.csv"_s)));
    QFile report(dir.filePath(u"refused/b-feed.csv.report.txt"_s));
    REQUIRE(report.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(report.readAll());
    CHECK(text.contains(u"38 new, 0 changed, 0 unchanged, 12 refused"_s));
    CHECK(text.contains(u"line 40, nhs_number"_s));
    CHECK(QFile::exists(dir.filePath(u"notes.txt"_s)));
    CHECK(countOf(owner, u"SELECT count(*) FROM person WHERE authority_person_id IS NOT NULL"_s) ==
          38);
    CHECK(countOf(owner,
                  u"SELECT count(*) FROM audit WHERE action = 'person.created' AND "
                  u"login = $1"_s,
                  {world.exchange.login}) == 38);
    // Each file once: the next run finds nothing to import.
    CHECK(require(importRecordsFolder(*exchange, dir.path())).isEmpty());
}
