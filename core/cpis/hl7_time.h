// HL7 v3 date and time values (TS) as CP-IS uses them (CPIS-DMS.md §4.1): timestamps, dates
// of birth and the plan dates of TS.NHS.DateType1.
#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace cpis::hl7 {

// Tolerant, as §4.1 says real files may vary: 4 to 14 digits ("yyyy" up to
// "yyyymmddhhmmss", parts dropped from the right), a fraction after 14 digits, and an
// optional "+hhmm"/"-hhmm" (or "+hh") offset. Without an offset the time is UK local time.
// The error's message says what is wrong with the value but not where it was found.
Result<QDateTime> parseTimestamp(QStringView value);
// Strictly "yyyymmddhhmmss+hhmm" (no fraction: milliseconds are dropped), with the value's
// own UTC offset. Empty for an invalid QDateTime.
QString formatTimestamp(const QDateTime &time);

// A date of birth (base type ts): at least "yyyymmdd"; any time after it is ignored.
Result<QDate> parseDate(QStringView value);
QString formatDate(QDate date); // "yyyymmdd"; empty for an invalid date

// A plan date (TS.NHS.DateType1): exactly "yyyymmddHHMM", year 19xx or 20xx; the time is
// ignored, since the program records plans by day.
Result<QDate> parsePlanDate(QStringView value);
QString formatPlanDate(QDate date); // "yyyymmdd0000"; empty for an invalid date

} // namespace cpis::hl7
