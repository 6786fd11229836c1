// When something is due: the database's _due_after, the one copy of the rule. The handling
// time counts only office hours (evenings, weekends and bank holidays skipped), in UK time
// across the clocks changing, from the office settings and the bank holiday list.
#include "db/rows.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
class DueTimes
{
public:
    // The default office (09:30-16:30, Mon-Fri), the given handling time and bank holidays only.
    explicit DueTimes(const QString &handling = u"1 working day"_s,
                      const QStringList &holidays = {})
    {
        run(u"UPDATE config SET value = '09:30-16:30' WHERE key = 'office.hours'"_s);
        run(u"UPDATE config SET value = 'Mon-Fri' WHERE key = 'office.days'"_s);
        run(u"UPDATE config SET value = $1 WHERE key = 'office.handling_time'"_s, {handling});
        run(u"DELETE FROM bank_holiday"_s);
        for (const QString &day : holidays)
            run(u"INSERT INTO bank_holiday (day, name) VALUES ($1, 'Holiday')"_s, {day});
    }

    void set(const QString &key, const QString &value)
    {
        run(u"UPDATE config SET value = $2 WHERE key = $1"_s, {key, value});
    }

    // When something received at `received` (UK time, unless `zone` says otherwise) is due,
    // in UK time.
    QString dueAfter(const QString &received, const QString &zone = u"Europe/London"_s)
    {
        auto due = queryValue(m_db.connection(), uR"(
            SELECT to_char(_due_after($1::timestamp AT TIME ZONE $2) AT TIME ZONE 'Europe/London',
                           'YYYY-MM-DD HH24:MI'))"_s,
                              {received, zone});
        if (!due)
            FAIL(due.error().message.toStdString());
        return due->text();
    }

private:
    void run(const QString &sql, const QVariantList &params = {})
    {
        if (auto done = execute(m_db.connection(), sql, params); !done)
            FAIL(done.error().message.toStdString());
    }

    test::TestDatabase m_db;
};
} // namespace

TEST_CASE("Received in office hours, a notification is due at the same time the next working day",
          "[due]")
{
    // Monday 20 July 2026, 10:00.
    CHECK(DueTimes().dueAfter(u"2026-07-20 10:00"_s) == u"2026-07-21 10:00"_s);
    // 90 minutes on Monday, the other 150 from Tuesday 09:30.
    CHECK(DueTimes(u"4 working hours"_s).dueAfter(u"2026-07-20 15:00"_s) == u"2026-07-21 12:00"_s);
}

TEST_CASE("Received in the evening or at the weekend, the clock starts at the next opening",
          "[due]")
{
    DueTimes due;
    // Friday 17:00 -> opens Monday 09:30 -> one working day later is Monday 16:30.
    CHECK(due.dueAfter(u"2026-07-24 17:00"_s) == u"2026-07-27 16:30"_s);
    // Saturday and early Monday alike.
    CHECK(due.dueAfter(u"2026-07-25 11:00"_s) == u"2026-07-27 16:30"_s);
    CHECK(due.dueAfter(u"2026-07-27 06:00"_s) == u"2026-07-27 16:30"_s);
    // Thursday 16:00: 30 minutes that day, the rest on Friday.
    CHECK(due.dueAfter(u"2026-07-23 16:00"_s) == u"2026-07-24 16:00"_s);
}

TEST_CASE("Bank holidays are not working days for due times", "[due]")
{
    // Thursday 24 Dec 2026 at 12:00; Christmas Day (Fri 25) and Boxing Day substitute (Mon 28).
    CHECK(DueTimes(u"1 working day"_s, {u"2026-12-25"_s, u"2026-12-28"_s})
              .dueAfter(u"2026-12-24 12:00"_s) == u"2026-12-29 12:00"_s);
    // Without them, the next working day.
    CHECK(DueTimes().dueAfter(u"2026-12-24 12:00"_s) == u"2026-12-25 12:00"_s);
}

TEST_CASE("Due times hold across the clocks changing", "[due]")
{
    DueTimes due;
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    CHECK(due.dueAfter(u"2026-03-27 14:00"_s) == u"2026-03-30 14:00"_s);
    CHECK(due.dueAfter(u"2026-10-23 14:00"_s) == u"2026-10-26 14:00"_s);
    // A time given in UTC is read in UK time: 13:00 UTC on 30 March is 14:00 BST.
    CHECK(due.dueAfter(u"2026-03-30 13:00"_s, u"UTC"_s) == u"2026-03-31 14:00"_s);
}

TEST_CASE("Due times follow the office settings", "[due]")
{
    DueTimes due(u"2 working days"_s);
    due.set(u"office.hours"_s, u"8:00-18:00"_s);
    due.set(u"office.days"_s, u"Mon,Wed-Fri"_s);
    // Monday 17:00: an hour that day, Tuesday is not a working day, ten hours on Wednesday,
    // and the last nine on Thursday.
    CHECK(due.dueAfter(u"2026-07-20 17:00"_s) == u"2026-07-23 17:00"_s);
}
