#include "workflow/display_names.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Marked for lupdate here and translated when shown, so that a language chosen after
// start-up still applies (a static QString would keep the first language forever).
struct Name
{
    const char *stored;
    const char *shown;
};

template<typename Names> QString lookUp(const Names &names, const QString &stored)
{
    for (const Name &name : names) {
        if (stored == QLatin1String(name.stored))
            return DisplayNames::tr(name.shown);
    }
    return stored; // a value added later still reads as stored
}
QString lookUp(std::initializer_list<Name> names, const QString &stored)
{
    return lookUp<std::initializer_list<Name>>(names, stored);
}

// Child protection plans, then the DfE looked-after legal statuses (SSDA903), in the words a
// caseworker uses, with the Children Act section where there is one. The same codes, in the
// same order, as SQL _plan_kinds() and plan.kind's CHECK.
constexpr Name kPlanKinds[] = {
    {"CPP", QT_TRANSLATE_NOOP("DisplayNames", "Child protection plan")},
    {"UCPP", QT_TRANSLATE_NOOP("DisplayNames", "Unborn child protection plan")},
    {"C1", QT_TRANSLATE_NOOP("DisplayNames", "C1 Interim care order (s38)")},
    {"C2", QT_TRANSLATE_NOOP("DisplayNames", "C2 Full care order (s31)")},
    {"D1", QT_TRANSLATE_NOOP("DisplayNames", "D1 Freeing order")},
    {"E1", QT_TRANSLATE_NOOP("DisplayNames", "E1 Placement order")},
    {"J1", QT_TRANSLATE_NOOP("DisplayNames", "J1 Remanded to local authority accommodation")},
    {"J2", QT_TRANSLATE_NOOP("DisplayNames", "J2 Accommodated under PACE (police detention)")},
    {"J3", QT_TRANSLATE_NOOP("DisplayNames",
                             "J3 Youth rehabilitation order with a residence requirement")},
    {"L1",
     QT_TRANSLATE_NOOP("DisplayNames", "L1 Police protection, in local authority accommodation")},
    {"L2", QT_TRANSLATE_NOOP("DisplayNames", "L2 Emergency protection order (s44)")},
    {"L3", QT_TRANSLATE_NOOP("DisplayNames",
                             "L3 Child assessment order (s43), in local authority accommodation")},
    {"V2", QT_TRANSLATE_NOOP("DisplayNames", "V2 Accommodated, single period (s20)")},
    {"V3", QT_TRANSLATE_NOOP("DisplayNames", "V3 Short breaks, each stay recorded (s20)")},
    {"V4", QT_TRANSLATE_NOOP("DisplayNames", "V4 Short breaks, the agreement recorded (s20)")},
};
} // namespace

QStringList DisplayNames::planKinds()
{
    QStringList kinds;
    for (const Name &kind : kPlanKinds)
        kinds << QString::fromLatin1(kind.stored);
    return kinds;
}

bool DisplayNames::planKindMayBeShared(const QString &kind)
{
    return kind != u"V3"_s && kind != u"V4"_s;
}

QString DisplayNames::priority(const QString &priority)
{
    return lookUp({{"Urgent", QT_TR_NOOP("Urgent")},
                   {"Normal", QT_TR_NOOP("Normal")},
                   {"Low", QT_TR_NOOP("Low")}},
                  priority);
}

QString DisplayNames::nextActionStatus(const QString &status)
{
    return lookUp({{"Outstanding", QT_TR_NOOP("Outstanding")}, {"Done", QT_TR_NOOP("Done")}},
                  status);
}

QString DisplayNames::stepState(const QString &state)
{
    return lookUp({{"incoming", QT_TR_NOOP("incoming")},
                   {"in_progress", QT_TR_NOOP("in progress")},
                   {"finished", QT_TR_NOOP("finished")},
                   {"cancelled", QT_TR_NOOP("cancelled")}},
                  state);
}

QString DisplayNames::requestState(const QString &state)
{
    return lookUp({{"draft", QT_TR_NOOP("not sent yet")},
                   {"sent", QT_TR_NOOP("sent")},
                   {"acknowledged", QT_TR_NOOP("acknowledged")}},
                  state);
}

QString DisplayNames::planKind(const QString &kind)
{
    return lookUp(kPlanKinds, kind);
}

QString DisplayNames::gender(const QString &gender)
{
    return lookUp({{"Male", QT_TR_NOOP("Male")},
                   {"Female", QT_TR_NOOP("Female")},
                   {"Other", QT_TR_NOOP("Other")},
                   {"Not known", QT_TR_NOOP("Not known")}},
                  gender);
}

QString DisplayNames::nhsNumberStatus(const QString &status)
{
    return lookUp({{"unknown", QT_TR_NOOP("not known")},
                   {"recorded", QT_TR_NOOP("recorded")},
                   {"inactive", QT_TR_NOOP("inactive")},
                   {"replaced", QT_TR_NOOP("replaced")}},
                  status);
}

QString DisplayNames::involvementRole(const QString &role)
{
    return lookUp({{"Key Worker", QT_TR_NOOP("Key Worker")},
                   {"Team Manager", QT_TR_NOOP("Team Manager")},
                   {"Other", QT_TR_NOOP("Other")}},
                  role);
}

QString DisplayNames::sectionTitle(int number, const QString &stored)
{
    if (number == 1 && stored == u"CPIS Follow Up"_s)
        return tr("1. CPIS Follow Up");
    if (number == 2 && stored == u"Next actions"_s)
        return tr("2. Next actions");
    return u"%1. %2"_s.arg(number).arg(stored);
}

} // namespace cpis
