// When the Safeguarding Admin team works (default 09:30-16:30, Monday to Friday, not on bank
// holidays), in UK time across clock changes. When something is due is the database's to say
// (_due_after in resources/sql/functions/office_hours.sql): this class never works it out.
#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTime>

namespace cpis {

class OfficeHours
{
public:
    OfficeHours(); // 09:30-16:30, Mon-Fri, no bank holidays

    // "09:30-16:30"; "Mon-Fri" or "Mon,Tue,Thu"; "1 working day", "2 working days", "4 working
    // hours".
    static Result<OfficeHours> fromSettings(const QString &hours, const QString &days,
                                            const QString &handlingTime,
                                            const QList<QDate> &bankHolidays = {});

    [[nodiscard]] bool isWorkingDay(const QDate &day) const;

    [[nodiscard]] QTime opens() const { return m_opens; }
    [[nodiscard]] QTime closes() const { return m_closes; }
    [[nodiscard]] qint64 handlingMinutes() const { return m_handlingMinutes; }
    [[nodiscard]] qint64 workingDayMinutes() const { return m_opens.secsTo(m_closes) / 60; }

private:
    QTime m_opens{9, 30};
    QTime m_closes{16, 30};
    QSet<int> m_days{1, 2, 3, 4, 5}; // ISO: Monday = 1
    QSet<QDate> m_bankHolidays;
    qint64 m_handlingMinutes = 7 * 60; // one working day
};

} // namespace cpis
