// Office-hours arithmetic: evenings, weekends, bank holidays and the clocks changing.
#include "domain/office_hours.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using cpis::OfficeHours;

namespace {
QDateTime uk(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/London"));
}

OfficeHours hours(const QString &handling = u"1 working day"_s, const QList<QDate> &holidays = {})
{
    auto made = OfficeHours::fromSettings(u"09:30-16:30"_s, u"Mon-Fri"_s, handling, holidays);
    REQUIRE(made.ok());
    return *made;
}
} // namespace

TEST_CASE("Received in office hours, a notification is due at the same time the next working day",
          "[office]")
{
    // Monday 20 July 2026, 10:00.
    CHECK(hours().dueAfter(uk(2026, 7, 20, 10, 0)) == uk(2026, 7, 21, 10, 0));
    // 90 minutes on Monday, the other 150 from Tuesday 09:30.
    CHECK(hours(u"4 working hours"_s).dueAfter(uk(2026, 7, 20, 15, 0)) == uk(2026, 7, 21, 12, 0));
}

TEST_CASE("Received in the evening or at the weekend, the clock starts at the next opening",
          "[office]")
{
    // Friday 17:00 -> opens Monday 09:30 -> one working day later is Monday 16:30.
    CHECK(hours().dueAfter(uk(2026, 7, 24, 17, 0)) == uk(2026, 7, 27, 16, 30));
    // Saturday and early Monday alike.
    CHECK(hours().dueAfter(uk(2026, 7, 25, 11, 0)) == uk(2026, 7, 27, 16, 30));
    CHECK(hours().dueAfter(uk(2026, 7, 27, 6, 0)) == uk(2026, 7, 27, 16, 30));
    // Thursday 16:00: 30 minutes that day, the rest on Friday.
    CHECK(hours().dueAfter(uk(2026, 7, 23, 16, 0)) == uk(2026, 7, 24, 16, 0));
}

TEST_CASE("Bank holidays are not working days", "[office]")
{
    // Friday 24 Dec 2026 at 12:00; Christmas Day (Fri 25) and Boxing Day substitute (Mon 28).
    const OfficeHours o = hours(u"1 working day"_s, {QDate(2026, 12, 25), QDate(2026, 12, 28)});
    CHECK_FALSE(o.isWorkingDay(QDate(2026, 12, 28)));
    CHECK(o.dueAfter(uk(2026, 12, 24, 12, 0)) == uk(2026, 12, 29, 12, 0));
}

TEST_CASE("Due times hold across the clocks changing", "[office]")
{
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    CHECK(hours().dueAfter(uk(2026, 3, 27, 14, 0)) == uk(2026, 3, 30, 14, 0));
    CHECK(hours().dueAfter(uk(2026, 10, 23, 14, 0)) == uk(2026, 10, 26, 14, 0));
    // A time given in UTC is read in UK time: 13:00 UTC on 30 March is 14:00 BST.
    const QDateTime utc(QDate(2026, 3, 30), QTime(13, 0), QTimeZone::utc());
    CHECK(hours().dueAfter(utc) == uk(2026, 3, 31, 14, 0));
}

TEST_CASE("Working minutes until due count only office hours, negative when overdue", "[office]")
{
    const OfficeHours o = hours();
    CHECK(o.workingMinutesUntil(uk(2026, 7, 24, 16, 0), uk(2026, 7, 27, 10, 0)) == 60);
    CHECK(o.workingMinutesUntil(uk(2026, 7, 27, 10, 0), uk(2026, 7, 24, 16, 0)) == -60);
}

TEST_CASE("Bad office settings are refused, naming the setting", "[office]")
{
    CHECK(OfficeHours::fromSettings(u"16:30-09:30"_s, u"Mon-Fri"_s, u"1 working day"_s)
              .error()
              .message.startsWith(u"office.hours"_s));
    CHECK(OfficeHours::fromSettings(u"09:30-16:30"_s, u"Funday"_s, u"1 working day"_s)
              .error()
              .message.startsWith(u"office.days"_s));
    CHECK(OfficeHours::fromSettings(u"09:30-16:30"_s, u"Mon-Fri"_s, u"soon"_s)
              .error()
              .message.startsWith(u"office.handling_time"_s));
    const auto custom =
        OfficeHours::fromSettings(u"8:00-18:00"_s, u"Mon,Wed-Fri"_s, u"2 working days"_s);
    REQUIRE(custom.ok());
    CHECK_FALSE(custom->isWorkingDay(QDate(2026, 7, 21))); // a Tuesday
    CHECK(custom->handlingMinutes() == 2 * 600);
}
