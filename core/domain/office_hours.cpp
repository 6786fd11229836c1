#include "domain/office_hours.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QStringList kDayNames{u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};

Error invalid(const QString &key, const QString &message)
{
    return Error{u"invalid"_s, u"%1: %2"_s.arg(key, message), {}, {}};
}

int dayNumber(const QString &name)
{
    return int(kDayNames.indexOf(name.trimmed().left(3).toLower())) + 1; // 0 when unknown
}
} // namespace

OfficeHours::OfficeHours() = default;

Result<OfficeHours> OfficeHours::fromSettings(const QString &hours, const QString &days,
                                              const QString &handlingTime,
                                              const QList<QDate> &bankHolidays)
{
    OfficeHours o;
    static const QRegularExpression range(
        u"^\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*$"_s);
    const auto hoursMatch = range.match(hours);
    o.m_opens = QTime::fromString(hoursMatch.captured(1), u"H:mm"_s);
    o.m_closes = QTime::fromString(hoursMatch.captured(2), u"H:mm"_s);
    if (!hoursMatch.hasMatch() || !o.m_opens.isValid() || !o.m_closes.isValid() ||
        o.m_closes <= o.m_opens)
        return invalid(u"office.hours"_s,
                       u"\"%1\" is not a range of the day such as 09:30-16:30."_s.arg(hours));

    o.m_days.clear();
    for (const QString &part : days.split(u',', Qt::SkipEmptyParts)) {
        const QStringList ends = part.split(u'-');
        const int first = dayNumber(ends.first());
        const int last = ends.size() == 2 ? dayNumber(ends.last()) : first;
        if (ends.size() > 2 || first == 0 || last == 0 || last < first)
            return invalid(u"office.days"_s,
                           u"\"%1\" is not days such as Mon-Fri or Mon,Wed,Fri."_s.arg(days));
        for (int d = first; d <= last; ++d)
            o.m_days.insert(d);
    }
    if (o.m_days.isEmpty())
        return invalid(u"office.days"_s, u"at least one working day is needed, e.g. Mon-Fri."_s);

    static const QRegularExpression time(
        u"^\\s*(\\d{1,3})\\s+working\\s+(day|days|hour|hours)\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto handling = time.match(handlingTime);
    if (!handling.hasMatch() || handling.captured(1).toInt() == 0) {
        return invalid(
            u"office.handling_time"_s,
            u"\"%1\" is not a handling time such as 1 working day or 4 working hours."_s.arg(
                handlingTime));
    }
    const qint64 amount = handling.captured(1).toInt();
    o.m_handlingMinutes = handling.captured(2).startsWith(u"day"_s, Qt::CaseInsensitive)
                              ? amount * o.workingDayMinutes()
                              : amount * 60;
    o.m_bankHolidays = QSet<QDate>(bankHolidays.cbegin(), bankHolidays.cend());
    return o;
}

bool OfficeHours::isWorkingDay(const QDate &day) const
{
    return m_days.contains(day.dayOfWeek()) && !m_bankHolidays.contains(day);
}

} // namespace cpis
