// Office-hours settings: working days, bank holidays, refused settings. When something is due
// is the database's rule: tests/db/due_time_test.cpp.
#include "domain/office_hours.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using cpis::OfficeHours;

namespace {
OfficeHours hours(const QString &handling = u"1 working day"_s, const QList<QDate> &holidays = {})
{
    auto made = OfficeHours::fromSettings(u"09:30-16:30"_s, u"Mon-Fri"_s, handling, holidays);
    REQUIRE(made.ok());
    return *made;
}
} // namespace

TEST_CASE("Bank holidays are not working days", "[office]")
{
    const OfficeHours o = hours(u"1 working day"_s, {QDate(2026, 12, 25), QDate(2026, 12, 28)});
    CHECK_FALSE(o.isWorkingDay(QDate(2026, 12, 28)));
    CHECK(o.isWorkingDay(QDate(2026, 12, 29)));
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
