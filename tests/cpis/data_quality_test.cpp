// The data-quality figures on a known sample: the matched share and the lists behind it.
#include "cpis/data_quality.h"
#include "support/case_world.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

TEST_CASE("Data quality counts the matched share and lists each problem", "[quality]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    const auto child = [&](const QString &values) {
        return require(
                   c.scalar(
                       u"INSERT INTO person (legal_forenames, legal_surname, date_of_birth, "
                       u"expected_delivery, "
                       "nhs_number, nhs_number_status, mother_id) VALUES (%1) RETURNING id"_s.arg(
                           values)))
            .toLongLong();
    };
    const qint64 noNumber = child(u"'Mia', 'Stone', '2018-01-01', NULL, NULL, 'unknown', NULL"_s);
    const qint64 rejected =
        child(u"'Ellie', 'Marsh', '2019-05-04', NULL, '9990000093', 'recorded', NULL"_s);
    const qint64 inactive =
        child(u"'Leo', 'Hart', '2017-02-03', NULL, '9990000034', 'inactive', NULL"_s);
    const qint64 overdue =
        child(u"'Unborn', 'Adeyemi', NULL, current_date - 3, NULL, 'unknown', NULL"_s);
    for (const qint64 id : {noNumber, rejected, inactive, overdue})
        require(c.exec(
            u"INSERT INTO plan (person_id, kind, start_date) VALUES (?, 'CPP', current_date - 5)"_s,
            {id}));
    // Thomas is shared; Ellie was rejected; Thomas's name has changed since his upload.
    require(c.exec(
        uR"(INSERT INTO person_cpis_status (person_id, status, reason) VALUES (?, 'shared', NULL), (?, 'rejected', 'The name does not match.')
                      ON CONFLICT (person_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason)"_s,
        {world.childId, rejected}));
    const qint64 file =
        require(
            c.scalar(u"INSERT INTO upload_file (sequence_number, message_id, record_count, body) "
                     "VALUES (1, gen_random_uuid(), 1, '') RETURNING id"_s))
            .toLongLong();
    require(c.exec(
        u"INSERT INTO upload_record (file_id, person_id, nhs_number, forenames, surname) VALUES (?, ?, '9990000026', 'Tom', 'Turner')"_s,
        {file, world.childId}));

    const DataQualityReport report = require(loadDataQuality(c));
    CHECK(report.inScope == 5);
    CHECK(report.matched == 1);
    CHECK(report.matchedPercent() == Approx(20.0));
    CHECK(report.list(u"no_nhs_number"_s).size() == 1);
    CHECK(report.list(u"no_nhs_number"_s).first().personId == noNumber);
    CHECK(report.list(u"rejected"_s).first().detail == u"The name does not match."_s);
    CHECK(report.list(u"inactive"_s).first().personId == inactive);
    CHECK(report.list(u"unborn_past_due"_s).first().personId == overdue);
    CHECK(report.list(u"name_changed"_s).first().detail.contains(u"Sent to CP-IS as Tom Turner"_s));
    CHECK(report.list(u"fails_check"_s).isEmpty());

    const QString csv = QString::fromUtf8(report.toCsv());
    CHECK(csv.startsWith(u"list,person_id,name,nhs_number,detail\n"_s));
    CHECK(
        csv.contains(u"No NHS number,%1,Mia Stone,,No NHS number is recorded.\n"_s.arg(noNumber)));
}

TEST_CASE("CSV export does not let a name become a spreadsheet formula", "[quality]")
{
    DataQualityReport report;
    report.rows.append({u"rejected"_s, 1, u"=HYPERLINK(\"x\")"_s, u"9990000026"_s, u"a, b"_s});
    const QString csv = QString::fromUtf8(report.toCsv());
    CHECK(csv.contains(u"\"'=HYPERLINK(\"\"x\"\")\""_s));
    CHECK(csv.contains(u"\"a, b\""_s));
}
