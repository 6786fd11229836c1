#include "cpis/hl7_time.h"

#include "cpis/message_errors.h"

#include <algorithm>
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

const QString kTimestampShape = u"yyyymmddhhmmss+hhmm"_s;

} // namespace

Result<QDateTime> parseTimestamp(QStringView value)
{
    const auto notATimestamp = [&] {
        return problem(u"\"%1\" is not an HL7 timestamp (%2)"_s.arg(value, kTimestampShape));
    };
    const qsizetype sign = std::max(value.lastIndexOf(u'+'), value.lastIndexOf(u'-'));
    if (sign < 0) {
        if (allDigits(value) && value.size() >= 12)
            return problem(u"\"%1\" has no UTC offset (%2)"_s.arg(value, kTimestampShape));
        return notATimestamp();
    }
    const QStringView local = value.first(sign);
    const QStringView offset = value.sliced(sign + 1);
    if (offset.size() != 4 || !allDigits(offset))
        return notATimestamp();

    const qsizetype dot = local.indexOf(u'.');
    const QStringView whole = dot < 0 ? local : local.first(dot);
    const QStringView fraction = dot < 0 ? QStringView() : local.sliced(dot + 1);
    if (!allDigits(whole) || (whole.size() != 12 && whole.size() != 14))
        return notATimestamp();
    if (dot >= 0 && (whole.size() != 14 || fraction.size() > 4 || !allDigits(fraction)))
        return notATimestamp();

    const QDate date(number(whole.sliced(0, 4)), number(whole.sliced(4, 2)),
                     number(whole.sliced(6, 2)));
    int milliseconds = 0;
    if (!fraction.isEmpty())
        milliseconds = number(QString(fraction.toString() + u"000"_s).first(3));
    const QTime time(number(whole.sliced(8, 2)), number(whole.sliced(10, 2)),
                     whole.size() == 14 ? number(whole.sliced(12, 2)) : 0, milliseconds);
    const int offsetHours = number(offset.first(2));
    const int offsetMinutes = number(offset.sliced(2));
    if (!date.isValid() || !time.isValid() || offsetHours > 14 || offsetMinutes > 59)
        return problem(u"\"%1\" is not a valid date and time"_s.arg(value));

    const int seconds = (value[sign] == u'-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    return QDateTime(date, time, Qt::OffsetFromUTC, seconds);
}

QString formatTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    QString out = time.toString(u"yyyyMMddHHmmss"_s);
    if (const int ms = time.time().msec(); ms != 0)
        out += u'.' + QString::number(ms).rightJustified(3, u'0');
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    out += (offset < 0 ? u'-' : u'+') + QString::number(minutes / 60).rightJustified(2, u'0') +
           QString::number(minutes % 60).rightJustified(2, u'0');
    return out;
}

Result<QDate> parseDate(QStringView value)
{
    if (value.size() != 8 || !allDigits(value))
        return problem(u"\"%1\" is not an HL7 date (yyyymmdd)"_s.arg(value));
    const QDate date(number(value.first(4)), number(value.sliced(4, 2)), number(value.sliced(6)));
    if (!date.isValid())
        return problem(u"\"%1\" is not a valid date"_s.arg(value));
    return date;
}

QString formatDate(QDate date)
{
    return date.isValid() ? date.toString(u"yyyyMMdd"_s) : QString();
}

} // namespace cpis::hl7
