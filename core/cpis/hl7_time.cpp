// HL7 v3 timestamps, dates of birth and plan dates: tolerant reading, strict writing.
#include "cpis/hl7_time.h"

#include "cpis/message_errors.h"

#include <QTimeZone>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

bool allDigits(QStringView s)
{
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !s.isEmpty();
}

// Only called on ASCII digits.
int number(QStringView digits)
{
    int n = 0;
    for (const QChar c : digits)
        n = n * 10 + (c.unicode() - u'0');
    return n;
}

Error problem(const QString &message)
{
    return Error{QString::fromLatin1(kErrorInvalid), message, {}, {}};
}

// The two-digit part at `at`, or `missing` when the value stops before it.
int part(QStringView digits, qsizetype at, int missing)
{
    return digits.size() >= at + 2 ? number(digits.sliced(at, 2)) : missing;
}

// "yyyymmdd" with the year in four digits: Qt's "yyyy" leaves a year before 1000 short.
QString dateDigits(QDate date)
{
    return QString::number(date.year()).rightJustified(4, u'0') + date.toString(u"MMdd"_s);
}

const QString kTimestampShape = u"yyyymmddhhmmss+hhmm, parts may be left off the right"_s;
constexpr qsizetype kMaxFractionDigits = 9;

} // namespace

Result<QDateTime> parseTimestamp(QStringView value)
{
    const auto notATimestamp = [&] {
        return problem(u"\"%1\" is not an HL7 timestamp (%2)"_s.arg(value, kTimestampShape));
    };
    const qsizetype sign = std::max(value.indexOf(u'+'), value.indexOf(u'-'));
    const QStringView local = sign < 0 ? value : value.first(sign);
    const QStringView offset = sign < 0 ? QStringView() : value.sliced(sign + 1);
    if (sign >= 0 && ((offset.size() != 2 && offset.size() != 4) || !allDigits(offset)))
        return notATimestamp();

    const qsizetype dot = local.indexOf(u'.');
    const QStringView whole = dot < 0 ? local : local.first(dot);
    const QStringView fraction = dot < 0 ? QStringView() : local.sliced(dot + 1);
    // 4, 6, 8, 10, 12 or 14 digits: a part is dropped whole or not at all.
    if (!allDigits(whole) || whole.size() < 4 || whole.size() > 14 || whole.size() % 2 != 0)
        return notATimestamp();
    if (dot >= 0 &&
        (whole.size() != 14 || fraction.size() > kMaxFractionDigits || !allDigits(fraction)))
        return notATimestamp();

    const QDate date(number(whole.first(4)), part(whole, 4, 1), part(whole, 6, 1));
    const int milliseconds =
        fraction.isEmpty() ? 0 : number(QString(fraction.toString() + u"00"_s).first(3));
    const QTime time(part(whole, 8, 0), part(whole, 10, 0), part(whole, 12, 0), milliseconds);
    const int offsetHours = offset.isEmpty() ? 0 : number(offset.first(2));
    const int offsetMinutes = offset.size() == 4 ? number(offset.sliced(2)) : 0;
    if (!date.isValid() || !time.isValid() || offsetHours > 14 || offsetMinutes > 59)
        return problem(u"\"%1\" is not a valid date and time"_s.arg(value));
    if (sign < 0) { // CP-IS is in England: a time without an offset is UK time
        const QDateTime uk(date, time, QTimeZone("Europe/London"));
        // Before 1847 UK time was local mean time, an offset of seconds no timestamp writes.
        if (!uk.isValid() || uk.time() != time || uk.offsetFromUtc() % 60 != 0)
            return problem(u"\"%1\" has no UTC offset and is not a time in the UK (a clock "
                           "change skips it)"_s.arg(value));
        return uk;
    }
    const int seconds = (value[sign] == u'-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    return QDateTime(date, time, Qt::OffsetFromUTC, seconds);
}

QString formatTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return dateDigits(time.date()) + time.toString(u"HHmmss"_s) + (offset < 0 ? u'-' : u'+') +
           QString::number(minutes / 60).rightJustified(2, u'0') +
           QString::number(minutes % 60).rightJustified(2, u'0');
}

Result<QDate> parseDate(QStringView value)
{
    if (value.size() < 8 || !allDigits(value.first(8)))
        return problem(u"\"%1\" is not an HL7 date (yyyymmdd)"_s.arg(value));
    const QDate date(number(value.first(4)), number(value.sliced(4, 2)),
                     number(value.sliced(6, 2)));
    if (!date.isValid())
        return problem(u"\"%1\" is not a valid date"_s.arg(value));
    // A time after the date must be a valid one, though only the date is kept.
    if (value.size() > 8) {
        if (auto time = parseTimestamp(value); !time)
            return time.error();
    }
    return date;
}

QString formatDate(QDate date)
{
    return date.isValid() ? dateDigits(date) : QString();
}

Result<QDate> parsePlanDate(QStringView value)
{
    const bool century = value.startsWith(u"19") || value.startsWith(u"20");
    if (value.size() != 12 || !allDigits(value) || !century)
        return problem(u"\"%1\" is not a plan date (yyyymmddHHMM, exactly 12 digits)"_s.arg(value));
    const QDate date(number(value.first(4)), number(value.sliced(4, 2)),
                     number(value.sliced(6, 2)));
    const QTime time(number(value.sliced(8, 2)), number(value.sliced(10, 2)));
    if (!date.isValid() || !time.isValid())
        return problem(u"\"%1\" is not a valid date and time"_s.arg(value));
    return date;
}

QString formatPlanDate(QDate date)
{
    return date.isValid() ? dateDigits(date) + u"0000"_s : QString();
}

} // namespace cpis::hl7
