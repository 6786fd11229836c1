#include "cpis/notification_text.h"

#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {
bool is111(const AccessRecord &access)
{
    const QString &names = access.organisation.name;
    return access.bySystem || names.contains(u"111"_s) ||
           names.contains(u"DHU"_s, Qt::CaseInsensitive);
}

// Interim, until the processing makes one entry per record access: the first record's.
QList<AccessRecord> accessesOf(const AccessNotification &notification)
{
    return notification.records.isEmpty() ? QList<AccessRecord>()
                                          : notification.records.first().accesses;
}

QString when(const QDateTime &at)
{
    const QDateTime uk = at.toTimeZone(QTimeZone("Europe/London"));
    return u"on %1 at %2"_s.arg(uk.toString(u"dd/MM/yyyy"_s), uk.toString(u"HH:mm"_s));
}

QString named(const QString &name, const QString &role)
{
    return role.isEmpty() ? name : u"%1 (%2)"_s.arg(name, role);
}

QString organisation(const AccessRecord &a)
{
    return a.organisation.ods.isEmpty()
               ? a.organisation.name
               : u"%1 (ODS %2)"_s.arg(a.organisation.name, a.organisation.ods);
}

QString describe(const AccessRecord &a)
{
    if (a.bySystem) {
        QString line = u"CP-IS notification: record accessed by a system (ASID %1) of %2 %3."_s.arg(
            a.systemId, organisation(a), when(a.accessedAt));
        if (!a.leadName.isEmpty())
            line += u" Nominated safeguarding lead: %1."_s.arg(named(a.leadName, a.leadRole));
        return line;
    }
    return u"CP-IS notification: record accessed by %1, %2 %3."_s.arg(
        named(a.accessorName.isEmpty() ? u"an unnamed health professional"_s : a.accessorName,
              a.accessorRole),
        organisation(a), when(a.accessedAt));
}
} // namespace

QString notificationSource(const AccessNotification &notification)
{
    for (const AccessRecord &a : accessesOf(notification)) {
        if (is111(a))
            return u"dhu_111"_s;
    }
    return u"ae"_s;
}

QString notificationComment(const AccessNotification &notification)
{
    QStringList lines;
    for (const AccessRecord &a : accessesOf(notification))
        lines << describe(a);
    return lines.join(u'\n');
}

} // namespace cpis::hl7
