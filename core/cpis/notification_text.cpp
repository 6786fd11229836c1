#include "cpis/notification_text.h"

#include <QStringList>
#include <QTimeZone>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {
struct SourceWords
{
    AccessSource source;
    QLatin1StringView key;
    QLatin1StringView name;
};

constexpr std::array kSources{
    SourceWords{AccessSource::EmergencyDepartment, "emergency_department"_L1,
                "Emergency department"_L1},
    SourceWords{AccessSource::UrgentTreatment, "urgent_treatment"_L1,
                "Urgent treatment or walk-in centre"_L1},
    SourceWords{AccessSource::MinorInjuryUnit, "minor_injury_unit"_L1, "Minor injury unit"_L1},
    SourceWords{AccessSource::OutOfHours111, "out_of_hours_111"_L1, "111 or out of hours"_L1},
    SourceWords{AccessSource::Other, "other"_L1, "Other"_L1},
};

const SourceWords &wordsOf(AccessSource source)
{
    for (const SourceWords &w : kSources) {
        if (w.source == source)
            return w;
    }
    Q_UNREACHABLE();
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
    const Organisation &o = a.organisation;
    return o.ods.isEmpty() ? o.name : u"%1 (ODS %2)"_s.arg(o.name, o.ods);
}

QString describe(const AccessRecord &a, AccessSource source)
{
    const QString where = sourceName(source).toLower();
    if (a.bySystem) {
        QString line =
            u"CP-IS notification: record accessed by a system of %1 (%2, system %3) %4."_s.arg(
                organisation(a), where, a.systemId, when(a.accessedAt));
        if (!a.leadName.isEmpty())
            line += u" Nominated person: %1."_s.arg(named(a.leadName, a.leadRole));
        return line;
    }
    return u"CP-IS notification: record accessed by %1, %2 (%3) %4."_s.arg(
        named(a.accessorName.isEmpty() ? u"an unnamed health professional"_s : a.accessorName,
              a.accessorRole),
        organisation(a), where, when(a.accessedAt));
}
} // namespace

QString sourceKey(AccessSource source)
{
    return wordsOf(source).key;
}

QString sourceName(AccessSource source)
{
    return wordsOf(source).name;
}

QHash<QString, AccessSource> parseAccessSources(const QString &setting)
{
    QHash<QString, AccessSource> known;
    for (const QString &entry : setting.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(u'=');
        if (eq < 0)
            continue;
        const QString ods = entry.left(eq).trimmed().toUpper();
        const QString key = entry.mid(eq + 1).trimmed();
        for (const SourceWords &w : kSources) {
            if (key == w.key)
                known.insert(ods, w.source);
        }
    }
    return known;
}

AccessSource accessSource(const AccessRecord &access, const QHash<QString, AccessSource> &known)
{
    const auto configured = known.constFind(access.organisation.ods.toUpper());
    if (configured != known.constEnd())
        return *configured;
    return access.bySystem ? AccessSource::OutOfHours111 : AccessSource::EmergencyDepartment;
}

QString noteTemplate(const RecordAccess &record, const QHash<QString, AccessSource> &known)
{
    for (const AccessRecord &a : record.accesses) {
        if (accessSource(a, known) == AccessSource::OutOfHours111)
            return u"dhu_111"_s;
    }
    return u"ae"_s;
}

QString notificationComment(const RecordAccess &record, const QHash<QString, AccessSource> &known)
{
    QStringList lines;
    for (const AccessRecord &a : record.accesses)
        lines << describe(a, accessSource(a, known));
    return lines.join(u'\n');
}

} // namespace cpis::hl7
