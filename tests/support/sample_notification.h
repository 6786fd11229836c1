// A made-up Access to Service Notification (an emergency department doctor opened the child's
// record), for tests, benchmarks and the load test alike: no Catch2 here, so programs that
// are not tests can use it.
#pragma once

#include "cpis/message_codec.h"

#include <QDateTime>
#include <QTimeZone>

namespace cpis::test {

// About the child with `nhsNumber`, whose one access was at `accessedAt` (by default a fixed
// time in the past).
inline QByteArray accessNotification(const QString &id,
                                     const QString &nhsNumber = QStringLiteral("9990000026"),
                                     const QDateTime &accessedAt = {})
{
    hl7::AccessRecord access;
    access.accessedAt = accessedAt.isValid()
                            ? accessedAt
                            : QDateTime(QDate(2026, 11, 20), QTime(9, 5), QTimeZone::utc());
    access.organisationName = QStringLiteral("Royal Derby Hospital Emergency Department");
    access.organisationOds = QStringLiteral("RTG");
    access.accessorName = QStringLiteral("Dr Priya Raman");
    access.accessorRole = QStringLiteral("Emergency Department Doctor");
    return hl7::writeAccessNotification({id, QDateTime::currentDateTime(), nhsNumber, {access}});
}

} // namespace cpis::test
