// The data-quality figures on a known sample: the matched share, the lists behind it, who
// may see them, and the notification statistics behind the charts.
#include "cpis/data_quality.h"
#include "cpis/notification_statistics.h"
#include "db/error_codes.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/data_quality_sample.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
QList<qint64> people(const QList<DataQualityRow> &rows)
{
    QList<qint64> ids;
    for (const DataQualityRow &r : rows)
        ids.append(r.personId);
    return ids;
}
} // namespace

TEST_CASE("Data quality counts the matched share and lists each problem", "[quality]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const test::DataQualitySample sample(db, world);
    auto sysadmin = world.connectAs(world.sysadmin);

    const DataQualityReport report = require(loadDataQuality(*sysadmin));
    CHECK(report.inScope == 6); // the ended plan is out, the restricted child is in
    CHECK(report.matched == 1);
    CHECK(report.matchedPercent() == Approx(100.0 / 6));
    CHECK(report.matchedPercentText() == u"16.6"_s);
    CHECK(report.notListed == 1);
    CHECK(people(report.list(u"no_nhs_number"_s)) == QList<qint64>{sample.noNumber});
    CHECK(people(report.list(u"rejected"_s)) == QList<qint64>{sample.rejected});
    CHECK(report.list(u"rejected"_s).first().detail ==
          u"The NHS number does not match the name."_s);
    CHECK(people(report.list(u"inactive"_s)) == QList<qint64>{sample.inactive});
    CHECK(people(report.list(u"unborn_past_due"_s)) == QList<qint64>{sample.overdue});
    CHECK(people(report.list(u"name_changed"_s)) == QList<qint64>{world.childId});
    CHECK(report.list(u"name_changed"_s).first().detail.contains(u"CP-IS has it as Tom Turner"_s));
    CHECK(report.list(u"fails_check"_s).isEmpty());
    const QList<qint64> listed = people(report.rows);
    CHECK_FALSE(listed.contains(sample.restricted));
    CHECK_FALSE(listed.contains(sample.planEnded));

    const QString csv = QString::fromUtf8(report.toCsv());
    CHECK(csv.startsWith(u"list,person_id,name,nhs_number,detail\n"_s));
    CHECK(csv.contains(
        u"No NHS number,%1,Mia Stone,,No NHS number is recorded.\n"_s.arg(sample.noNumber)));
}

TEST_CASE("The matched share never reads 95.0 percent while it is below 95", "[quality]")
{
    DataQualityReport report;
    report.inScope = 2000;
    report.matched = 1899; // 94.95%
    CHECK(report.matchedPercentText() == u"94.9"_s);
    report.matched = 1900;
    CHECK(report.matchedPercentText() == u"95.0"_s);
    report.inScope = 0;
    CHECK(report.matchedPercentText() == u"100.0"_s);
}

TEST_CASE("CSV export does not let a name become a spreadsheet formula", "[quality]")
{
    DataQualityReport report;
    report.rows.append({u"rejected"_s, 1, u"=HYPERLINK(\"x\")"_s, u"9990000026"_s, u"a, b"_s});
    const QString csv = QString::fromUtf8(report.toCsv());
    CHECK(csv.contains(u"\"'=HYPERLINK(\"\"x\"\")\""_s));
    CHECK(csv.contains(u"\"a, b\""_s));
}

TEST_CASE("Only system administrators get the data quality figures, even through SQL",
          "[quality][security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const test::DataQualitySample sample(db, world);
    for (const test::CaseWorld::User &user : {world.keyWorker, world.admin, world.manager}) {
        INFO(user.login.toStdString());
        auto c = world.connectAs(user);
        auto report = loadDataQuality(*c);
        REQUIRE_FALSE(report);
        CHECK(report.error().code == QLatin1String(errc::kDenied));
        CHECK(report.error().message ==
              u"Only system administrators and records officers can see the CP-IS data quality."_s);
        auto rows = execute(*c, u"SELECT count(*) FROM data_quality_rows()"_s);
        CHECK_FALSE(rows);
        CHECK_FALSE(execute(*c, u"SELECT * FROM _data_quality_problems()"_s));
        auto days = loadNotificationStatistics(*c);
        REQUIRE_FALSE(days);
        CHECK(days.error().code == QLatin1String(errc::kDenied));
    }
    // Nor can a key worker read what was sent to CP-IS from the table itself.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK_FALSE(execute(*keyWorker, u"SELECT forenames FROM upload_record"_s));
}

TEST_CASE("Notification statistics count each London day by source and by handling",
          "[quality][charts]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    // Summer time starts on 29/03/2026 at 01:00 UTC: 23:30 UTC on the 29th is the 30th in
    // London, while 23:30 UTC on the 28th is still the 28th.
    const auto step = [&](const QString &source, const QString &received) {
        return require(queryValue(
                           c,
                           u"INSERT INTO work_step (subject_id, assignee_id, source, received_at, "
                           u"due_at) VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz + "
                           u"interval '1 day') RETURNING id"_s,
                           {world.childId, world.cpisWorkerId, source, received, received}))
            .integer();
    };
    const auto finish = [&](qint64 id, const QString &at) {
        require(
            execute(c,
                    u"UPDATE work_step SET state = 'finished', started_by = $1, started_at = "
                    u"received_at, finished_by = $2, finished_at = $3::timestamptz WHERE id = $4"_s,
                    {world.admin.workerId, world.admin.workerId, at, id}));
    };
    finish(step(u"ae"_s, u"2026-03-29 23:30+00"_s), u"2026-03-30 10:00+00"_s);      // in time
    finish(step(u"dhu_111"_s, u"2026-03-28 23:30+00"_s), u"2026-03-31 09:00+00"_s); // late
    step(u"ae"_s, u"2026-03-28 10:00+00"_s);                                        // still open
    require(execute(c,
                    u"UPDATE work_step SET state = 'cancelled', cancelled_by = $1, cancelled_at = "
                    u"now(), cancel_reason = 'Duplicate' WHERE id = $2"_s,
                    {world.admin.workerId, step(u"dhu_111"_s, u"2026-03-27 09:00+00"_s)}));
    step(u"ae"_s, u"2026-03-25 23:59+00"_s); // the day before the five
    step(u"ae"_s, u"2026-03-30 23:30+00"_s); // already the 31st in London

    const QList<NotificationDay> days =
        require(loadNotificationStatistics(c, 5, QDate(2026, 3, 30)));
    REQUIRE(days.size() == 5);
    CHECK(days.first().day == QDate(2026, 3, 26));
    CHECK(days.last().day == QDate(2026, 3, 30));
    const auto on = [&](int dayOfMonth) {
        return *std::find_if(days.cbegin(), days.cend(),
                             [&](const NotificationDay &d) { return d.day.day() == dayOfMonth; });
    };
    CHECK(on(26).received() == 0); // a day with none is there, with zeros
    CHECK(on(27).dhu111 == 1);
    CHECK(on(27).inTime + on(27).late + on(27).stillOpen == 0);
    CHECK(on(28).ae == 1);
    CHECK(on(28).dhu111 == 1);
    CHECK(on(28).late == 1);
    CHECK(on(28).stillOpen == 1);
    CHECK(on(28).inTime == 0);
    CHECK(on(29).received() == 0);
    CHECK(on(30).ae == 1);
    CHECK(on(30).inTime == 1);

    // The default is the last 90 days to today, which has the world's own A&E step.
    const QList<NotificationDay> recent = require(loadNotificationStatistics(c));
    REQUIRE(recent.size() == 90);
    CHECK(recent.last().ae >= 1);
    CHECK(recent.last().stillOpen >= 1);

    auto tooMany = loadNotificationStatistics(c, 1000);
    REQUIRE_FALSE(tooMany);
    CHECK(tooMany.error().code == QLatin1String(errc::kInvalid));
}

TEST_CASE("cpisctl report data-quality prints the same figures and lists", "[quality][cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const test::DataQualitySample sample(db, world);
    const auto as = [&](const test::CaseWorld::User &user, QStringList args) {
        ConnInfo info = db.connInfo();
        info.set(u"user"_s, user.login);
        return test::runCpisctl(QStringList{u"report"_s, u"data-quality"_s}
                                << args << u"--database"_s << info.toKeywordValueString());
    };
    const auto text = as(world.sysadmin, {});
    INFO(text.err.toStdString());
    CHECK(text.exitCode == 1); // below 95%
    CHECK(text.out.contains(u"Matched: 16.6% (1 of 6 children in scope; CP-IS requires 95%)"_s));
    CHECK(text.out.contains(
        u"Not listed: 1 more with a problem (restricted records you may not open)"_s));
    CHECK(text.out.contains(u"Rejected by CP-IS (1)"_s));
    CHECK(text.out.contains(u"Ellie Marsh (%1)"_s.arg(sample.rejected)));
    CHECK(text.out.contains(u"The NHS number does not match the name."_s));
    CHECK(text.out.contains(u"NHS number fails the check (0)"_s));

    const auto csv = as(world.sysadmin, {u"--csv"_s});
    CHECK(csv.out.startsWith(u"list,person_id,name,nhs_number,detail\n"_s));
    CHECK(csv.out.contains(u"NHS number inactive,%1,Leo Hart,9990000034,"_s.arg(sample.inactive)));

    const auto refused = as(world.keyWorker, {});
    CHECK(refused.exitCode == 1);
    CHECK(refused.out.isEmpty());
    CHECK(refused.err.contains(
        u"Only system administrators and records officers can see the CP-IS data quality."_s));
}
