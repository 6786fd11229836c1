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

QString lookUp(std::initializer_list<Name> names, const QString &stored)
{
    for (const Name &name : names) {
        if (stored == QLatin1String(name.stored))
            return DisplayNames::tr(name.shown);
    }
    return stored; // a value added later still reads as stored
}
} // namespace

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
    return lookUp({{"CPP", QT_TR_NOOP("Child protection plan")},
                   {"UCPP", QT_TR_NOOP("Unborn child protection plan")},
                   {"s31", QT_TR_NOOP("Care order (s31)")},
                   {"s38", QT_TR_NOOP("Interim care order (s38)")},
                   {"s20", QT_TR_NOOP("Accommodated (s20)")}},
                  kind);
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
