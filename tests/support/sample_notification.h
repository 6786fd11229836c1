// Made-up Access to Service Notifications in the DMS RC5 structure (an emergency department
// doctor, or a 111 service's system, opened the child's record), for tests, benchmarks and
// the load test alike: no Catch2 here, so programs that are not tests can use it.
#pragma once

#include "cpis/access_notification_message.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUuid>

namespace cpis::test {

// The notification id CP-IS would give (an upper-case UUID), made from a readable label so
// that a test can name the same notification twice.
inline QString notificationUuid(const QString &label)
{
    static const QUuid kNamespace(QStringLiteral("8C6E2F4A-1B3D-4E5F-9A7B-0C1D2E3F4A5B"));
    return QUuid::createUuidV5(kNamespace, label).toString(QUuid::WithoutBraces).toUpper();
}

// An emergency department doctor with a smartcard.
inline hl7::AccessRecord doctorAccess(const QDateTime &accessedAt)
{
    hl7::AccessRecord access;
    access.accessedAt = accessedAt;
    access.queryId = notificationUuid(QStringLiteral("query ") + accessedAt.toString(Qt::ISODate));
    access.organisation = {QStringLiteral("RTG"),
                           QStringLiteral("Royal Derby Hospital Emergency Department")};
    access.accessorName = QStringLiteral("Dr Priya Raman");
    access.accessorRoleCode = QStringLiteral("R8000");
    access.accessorRole = QStringLiteral("Emergency Department Doctor");
    access.accessorUserId = QStringLiteral("555123456789");
    return access;
}

// A 111 service's system, with its nominated person for CP-IS queries.
inline hl7::AccessRecord systemAccess(const QDateTime &accessedAt)
{
    hl7::AccessRecord access;
    access.accessedAt = accessedAt;
    access.queryId =
        notificationUuid(QStringLiteral("system query ") + accessedAt.toString(Qt::ISODate));
    access.bySystem = true;
    access.systemId = QStringLiteral("200000000117");
    access.organisation = {QStringLiteral("NQT"), QStringLiteral("DHU Health Care")};
    access.leadName = QStringLiteral("Karen Holt");
    access.leadRoleCode = QStringLiteral("R0260");
    access.leadRole = QStringLiteral("Safeguarding Lead Nurse");
    return access;
}

// One record access to the child with `nhsNumber`, by `accesses`.
inline hl7::AccessNotification notificationAbout(const QString &label, const QString &nhsNumber,
                                                 const QList<hl7::AccessRecord> &accesses)
{
    hl7::AccessNotification n;
    n.notificationId = notificationUuid(label);
    n.createdAt = QDateTime::currentDateTime();
    n.totalReturned = 1;
    n.recipient = {QStringLiteral("X99LA"), QStringLiteral("Northbrook County Council")};
    n.records = {{{nhsNumber, {}, {}}, 1, accesses}};
    return n;
}

// About the child with `nhsNumber`, whose one access was at `accessedAt` (by default a fixed
// time in the past), by an emergency department doctor.
inline QByteArray accessNotification(const QString &label,
                                     const QString &nhsNumber = QStringLiteral("9990000026"),
                                     const QDateTime &accessedAt = {})
{
    const QDateTime when = accessedAt.isValid()
                               ? accessedAt
                               : QDateTime(QDate(2026, 11, 20), QTime(9, 5), QTimeZone::utc());
    return hl7::writeAccessNotification(notificationAbout(label, nhsNumber, {doctorAccess(when)}));
}

} // namespace cpis::test
