// HL7 v3 date and time values (TS): "yyyymmdd" for dates, "yyyymmddhhmmss+hhmm" for times.
#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace cpis::hl7 {

// "yyyymmddhhmm[ss[.f]]" followed by a "+hhmm" or "-hhmm" offset, which is required: CP-IS
// always gives one with a time. Up to four fractional digits; milliseconds are kept.
// The error's message says what is wrong with the value but not where it was found.
Result<QDateTime> parseTimestamp(QStringView value);
// Seconds always, milliseconds only when there are some, and the value's own UTC offset.
// Empty for an invalid QDateTime.
QString formatTimestamp(const QDateTime &time);

// Exactly "yyyymmdd".
Result<QDate> parseDate(QStringView value);
QString formatDate(QDate date); // empty for an invalid date

} // namespace cpis::hl7
