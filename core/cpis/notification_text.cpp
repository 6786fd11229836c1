#include "cpis/notification_text.h"

#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {
bool is111(const AccessRecord &access)
{
    const QString names = access.organisationName + u' ' + access.systemName;
    return access.bySystem || names.contains(u"111"_s) ||
           names.contains(u"DHU"_s, Qt::CaseInsensitive);
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
    return a.organisationOds.isEmpty()
               ? a.organisationName
               : u"%1 (ODS %2)"_s.arg(a.organisationName, a.organisationOds);
}

QString describe(const AccessRecord &a)
{
    if (a.bySystem) {
        QString line = u"CP-IS notification: record accessed by the %1 service of %2 %3."_s.arg(
            a.systemName.isEmpty() ? u"111"_s : a.systemName, organisation(a), when(a.accessedAt));
        if (!a.patientLocation.isEmpty())
            line += u" Patient location: %1."_s.arg(a.patientLocation);
        if (!a.leadName.isEmpty())
            line += u" Nominated safeguarding lead: %1."_s.arg(named(a.leadName, a.leadRole));
        return line;
    }
    QString line = u"CP-IS notification: record accessed by %1, %2 %3."_s.arg(
        named(a.accessorName.isEmpty() ? u"an unnamed health professional"_s : a.accessorName,
              a.accessorRole),
        organisation(a), when(a.accessedAt));
    if (!a.patientLocation.isEmpty())
        line += u" Patient location: %1."_s.arg(a.patientLocation);
    return line;
}
} // namespace

QString notificationSource(const AccessNotification &notification)
{
    for (const AccessRecord &a : notification.accesses) {
        if (is111(a))
            return u"dhu_111"_s;
    }
    return u"ae"_s;
}

QString notificationComment(const AccessNotification &notification)
{
    QStringList lines;
    for (const AccessRecord &a : notification.accesses)
        lines << describe(a);
    return lines.join(u'\n');
}

} // namespace cpis::hl7
