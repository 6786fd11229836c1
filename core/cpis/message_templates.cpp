// The templates and data-type parts shared by the CP-IS messages. Follows CPIS-DMS.md §3.1
// (Child), §3.2 (UnbornChild), §3.4 (IntendedRecipient), §3.6-3.8 (upload plan templates)
// and §4.2-4.3 (identifiers, names, organisations, TEL), element by element.
#include "cpis/message_templates.h"

#include "cpis/hl7_time.h"

#include <QRegularExpression>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

// One upload plan template (§3.6-3.8): its element and the names of its date classes.
struct PlanTemplate
{
    PlanInformation kind;
    QLatin1StringView templateId;
    QLatin1StringView className;
    QLatin1StringView element; // templateId.className
    QLatin1StringView startDate;
    QLatin1StringView endDate;
    QLatin1StringView deleteDate;
    bool endRequired; // an unborn child's plan always has its end (component1 1..1)
    bool nillable;    // component1 and component2 may be xsi:nil (not the unborn child's)
};

constexpr std::array kPlanTemplates{
    PlanTemplate{PlanInformation::LookedAfter, "COCT_TP146100GB01"_L1, "LACInformation"_L1,
                 "COCT_TP146100GB01.LACInformation"_L1, "lACStartDate"_L1, "lACEndDate"_L1,
                 "lACDeleteDate"_L1, false, true},
    PlanTemplate{PlanInformation::ChildProtection, "COCT_TP146101GB01"_L1, "CPPInformation"_L1,
                 "COCT_TP146101GB01.CPPInformation"_L1, "cPPStartDate"_L1, "cPPEndDate"_L1,
                 "cPPDeleteDate"_L1, false, true},
    PlanTemplate{PlanInformation::UnbornChildProtection, "COCT_TP146102GB01"_L1,
                 "UCPInformation"_L1, "COCT_TP146102GB01.UCPInformation"_L1, "uCPStartDate"_L1,
                 "uCPEndDate"_L1, "uCPDeleteDate"_L1, true, false},
};

constexpr QLatin1StringView
    kPlanChoice("COCT_TP146100GB01.LACInformation|COCT_TP146101GB01.CPPInformation|"
                "COCT_TP146102GB01.UCPInformation");

const PlanTemplate &planTemplate(PlanInformation kind)
{
    for (const PlanTemplate &t : kPlanTemplates) {
        if (t.kind == kind)
            return t;
    }
    Q_UNREACHABLE();
}

const PlanTemplate *planTemplateNamed(QStringView element)
{
    for (const PlanTemplate &t : kPlanTemplates) {
        if (t.element == element)
            return &t;
    }
    return nullptr;
}

// A component whose xsi:nil says it is not there (U4: read as absent); true when it is.
bool present(Hl7Reader &r, bool nillable)
{
    if (!r.isNil())
        return true;
    if (!nillable)
        r.invalid(u"the element may not be nil (xsi:nil)"_s);
    return false;
}

// component/<date class>/value: the date, or an invalid one when nil.
QDate readPlanDate(Hl7Reader &r, QLatin1StringView dateClass, bool nillable)
{
    QDate date;
    if (!present(r, nillable))
        return date;
    readOnly(r, dateClass, [&] {
        if (present(r, nillable))
            readOnly(r, "value"_L1, [&] { date = planDateValue(r); });
    });
    return date;
}

void readPlanTemplate(Hl7Reader &r, const PlanTemplate &t, UploadPlan &plan)
{
    plan.kind = t.kind;
    Sequence seq(
        r,
        {{"component"_L1}, {"component1"_L1, t.endRequired ? 1 : 0, 1}, {"component2"_L1, 0, 1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"component")
            plan.start = readPlanDate(r, t.startDate, false);
        else if (name == u"component1")
            plan.end = readPlanDate(r, t.endDate, t.nillable);
        else if (name == u"component2")
            plan.deleteDate = readPlanDate(r, t.deleteDate, t.nillable);
    }
    seq.finish();
    if (!r.failed() && plan.end.isValid() && plan.end < plan.start)
        r.invalidAt(seq.path(), u"the plan ends (%1) before it starts (%2)"_s.arg(
                                    formatDate(plan.end), formatDate(plan.start)));
}

void writePlanDate(Hl7Writer &w, QLatin1StringView component, QLatin1StringView dateClass,
                   QDate date)
{
    w.start(component);
    w.start(dateClass);
    w.value("value"_L1, formatPlanDate(date));
    w.end();
    w.end();
}

// PN.NHS.PersonNameType6 (§4.3): exactly one given, then one family.
void readPersonName(Hl7Reader &r, PlanSubject &subject)
{
    Sequence seq(r, {{"given"_L1}, {"family"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"given")
            subject.forenames = r.readText(); // a child's forename may not be known yet
        else if (name == u"family")
            subject.surname = requiredText(r);
    }
    seq.finish();
}

void writePersonName(Hl7Writer &w, const PlanSubject &subject)
{
    w.start("name"_L1);
    w.text("given"_L1, subject.forenames);
    w.text("family"_L1, subject.surname);
    w.end();
}

// The ids of a Child or of the Mother role: one or two.
void readSubjectIds(Hl7Reader &r, PlanSubject &subject)
{
    readPersonId(r, subject.ids);
}

// birthTime and name, then (for the mother) whatever `more` reads.
template<typename More>
void readPerson(Hl7Reader &r, PlanSubject &subject, std::initializer_list<Slot> places, More &&more)
{
    Sequence seq(r, places);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"birthTime")
            subject.dateOfBirth = dateValue(r);
        else if (name == u"name")
            readPersonName(r, subject);
        else if (!name.isEmpty())
            more(name);
    }
    seq.finish();
}

void readChild(Hl7Reader &r, PlanSubject &subject)
{
    const QString here = r.path();
    Sequence seq(r, {{"id"_L1, 1, 2}, {"childPerson"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"id")
            readSubjectIds(r, subject);
        else if (name == u"childPerson")
            readPerson(r, subject, {{"birthTime"_L1}, {"name"_L1}}, [](const QString &) {});
    }
    seq.finish();
    requireNhsNumber(r, here, subject.ids);
}

void readUnbornChild(Hl7Reader &r, PlanSubject &subject)
{
    subject.unborn = true;
    readOnly(r, "parentMotherPerson"_L1, [&] {
        readPerson(r, subject, {{"birthTime"_L1}, {"name"_L1}, {"playedMother"_L1}},
                   [&](const QString &) {
                       const QString here = r.path();
                       Sequence ids(r, {{"id"_L1, 1, 2}});
                       const int level = r.level();
                       while (r.nextChild(level)) {
                           if (!ids.next().isEmpty())
                               readSubjectIds(r, subject);
                       }
                       ids.finish();
                       requireNhsNumber(r, here, subject.ids);
                   });
    });
}

// An organisation's id (its ODS code) and name.
void writeOrganisationParts(Hl7Writer &w, const Organisation &organisation)
{
    w.empty("id"_L1, {{"root"_L1, kOdsOrganisationRoot}, {"extension"_L1, organisation.ods}});
    w.text("name"_L1, organisation.name);
}

// At an organisation's id: its ODS code, under the SDS organisation or site root.
QString odsCodeIn(Hl7Reader &r)
{
    const QString root = requiredAttribute(r, "root"_L1);
    if (!r.failed() && root != kOdsOrganisationRoot && root != kOdsSiteRoot)
        r.invalid(u"identifier root %1 is not an ODS organisation (%2) or site (%3) root"_s.arg(
            root, kOdsOrganisationRoot, kOdsSiteRoot));
    return requiredAttribute(r, "extension"_L1);
}

bool isTelUse(QStringView use)
{
    static const QStringList kUses{u"H"_s,  u"HP"_s, u"HV"_s, u"WP"_s,
                                   u"AS"_s, u"EC"_s, u"PG"_s, u"MC"_s};
    return kUses.contains(use);
}

} // namespace

void readContentId(Hl7Reader &r)
{
    const QString root = requiredAttribute(r, "root"_L1);
    if (!r.failed() && root != kContentIdRoot)
        r.invalid(u"contentId root %1 is not %2"_s.arg(root, kContentIdRoot));
    requiredAttribute(r, "extension"_L1);
}

PlanSubject readPlanSubject(Hl7Reader &r)
{
    PlanSubject subject;
    Sequence seq(r,
                 {{"contentId"_L1}, {"COCT_TP145101GB01.Child|COCT_TP145100GB01.UnbornChild"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"contentId")
            readContentId(r);
        else if (name == u"COCT_TP145101GB01.Child")
            readChild(r, subject);
        else if (name == u"COCT_TP145100GB01.UnbornChild")
            readUnbornChild(r, subject);
    }
    seq.finish();
    return subject;
}

void writePlanSubject(Hl7Writer &w, const PlanSubject &subject, const QString &localIdAuthority)
{
    w.start("subject"_L1);
    if (subject.unborn) {
        w.startTemplate("COCT_TP145100GB01"_L1, "UnbornChild"_L1);
        w.start("parentMotherPerson"_L1);
        w.value("birthTime"_L1, formatDate(subject.dateOfBirth));
        writePersonName(w, subject);
        w.start("playedMother"_L1);
        writePersonIds(w, "id"_L1, subject.ids, localIdAuthority);
        w.end();
        w.end();
    } else {
        w.startTemplate("COCT_TP145101GB01"_L1, "Child"_L1);
        writePersonIds(w, "id"_L1, subject.ids, localIdAuthority);
        w.start("childPerson"_L1);
        w.value("birthTime"_L1, formatDate(subject.dateOfBirth));
        writePersonName(w, subject);
        w.end();
    }
    w.end(); // the template
    w.end(); // subject
}

void readRecordContent(Hl7Reader &r, bool withPlans, PlanSubject &subject, QList<UploadPlan> &plans)
{
    Sequence seq = withPlans
                       ? Sequence(r, {{"pertinentInformation"_L1, 1, 3}, {"subject"_L1, 1, 2}})
                       : Sequence(r, {{"subject"_L1, 1, 2}});
    const int level = r.level();
    bool subjectRead = false;
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"pertinentInformation") {
            plans.append(readPlan(r));
        } else if (name == u"subject" && subjectRead) {
            r.invalid(u"a second subject in one record is not supported (CPIS-DMS.md §5 U10)"_s);
        } else if (name == u"subject") {
            subjectRead = true;
            subject = readPlanSubject(r);
        }
    }
    seq.finish();
}

void writeRecordContent(Hl7Writer &w, const PlanSubject &subject, const QList<UploadPlan> &plans,
                        const QString &localIdAuthority)
{
    for (const UploadPlan &plan : plans)
        writePlan(w, plan);
    writePlanSubject(w, subject, localIdAuthority);
}

UploadPlan readPlan(Hl7Reader &r)
{
    UploadPlan plan;
    Sequence seq(r, {{"contentId"_L1}, {kPlanChoice}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"contentId")
            readContentId(r);
        else if (const PlanTemplate *t = planTemplateNamed(name))
            readPlanTemplate(r, *t, plan);
    }
    seq.finish();
    return plan;
}

void writePlan(Hl7Writer &w, const UploadPlan &plan)
{
    const PlanTemplate &t = planTemplate(plan.kind);
    w.start("pertinentInformation"_L1);
    w.startTemplate(t.templateId, t.className);
    writePlanDate(w, "component"_L1, t.startDate, plan.start);
    if (plan.end.isValid())
        writePlanDate(w, "component1"_L1, t.endDate, plan.end);
    if (plan.deleteDate.isValid())
        writePlanDate(w, "component2"_L1, t.deleteDate, plan.deleteDate);
    w.end(); // the template
    w.end(); // pertinentInformation
}

void readPersonId(Hl7Reader &r, PersonIds &ids)
{
    const QString root = requiredAttribute(r, "root"_L1);
    if (r.failed())
        return;
    if (root == kNhsNumberRoot) {
        if (!ids.nhsNumber.isEmpty())
            r.invalid(u"a second NHS number"_s);
        else
            ids.nhsNumber = nhsNumberIn(r);
    } else if (root == kLocalPersonIdRoot) {
        if (!ids.localPersonId.isEmpty()) {
            r.invalid(u"a second local person id"_s);
        } else {
            ids.localPersonId = requiredAttribute(r, "extension"_L1);
            ids.localIdAuthority = r.attribute("assigningAuthorityName"_L1).trimmed();
        }
    } else {
        r.invalid(u"identifier root %1 is neither the NHS number's (%2) nor the local person "
                  "id's (%3)"_s.arg(root, kNhsNumberRoot, kLocalPersonIdRoot));
    }
}

void requireNhsNumber(Hl7Reader &r, const QString &path, const PersonIds &ids)
{
    if (!r.failed() && ids.nhsNumber.isEmpty())
        r.invalidAt(path,
                    u"missing element id with root %1 (the NHS number)"_s.arg(kNhsNumberRoot));
}

void writePersonIds(Hl7Writer &w, QLatin1StringView element, const PersonIds &ids,
                    const QString &localIdAuthority)
{
    w.empty(element, {{"root"_L1, kNhsNumberRoot}, {"extension"_L1, ids.nhsNumber}});
    if (ids.localPersonId.isEmpty())
        return;
    // The authority as read wins (a message passed on unchanged), else the one given.
    const QString &authority =
        ids.localIdAuthority.isEmpty() ? localIdAuthority : ids.localIdAuthority;
    if (authority.isEmpty()) {
        w.empty(element, {{"root"_L1, kLocalPersonIdRoot}, {"extension"_L1, ids.localPersonId}});
    } else {
        w.empty(element, {{"root"_L1, kLocalPersonIdRoot},
                          {"extension"_L1, ids.localPersonId},
                          {"assigningAuthorityName"_L1, authority}});
    }
}

Organisation readOrganisation(Hl7Reader &r)
{
    Organisation organisation;
    Sequence seq(r, {{"id"_L1}, {"name"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"id") {
            organisation.ods = odsCodeIn(r);
        } else if (name == u"name") {
            organisation.name = requiredText(r);
        }
    }
    seq.finish();
    return organisation;
}

void writeOrganisation(Hl7Writer &w, QLatin1StringView element, const Organisation &organisation)
{
    w.start(element);
    writeOrganisationParts(w, organisation);
    w.end();
}

SendingAuthority readAuthority(Hl7Reader &r)
{
    SendingAuthority authority;
    Sequence seq(r, {{"id"_L1}, {"name"_L1}, {"telecom"_L1, 1, 2}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"id") {
            authority.organisation.ods = odsCodeIn(r);
        } else if (name == u"name") {
            authority.organisation.name = requiredText(r);
        } else if (name == u"telecom") {
            static const QRegularExpression kTel(u"^tel:\\+?[0-9]*$"_s);
            const QString value = requiredAttribute(r, "value"_L1);
            const QString use = requiredAttribute(r, "use"_L1);
            if (r.failed())
                break;
            // Stricter than the schema, which allows "tel:" alone: a number without digits
            // cannot be rung.
            if (!kTel.match(value).hasMatch() || telValue(value.sliced(4)).isEmpty()) {
                r.invalid(u"\"%1\" is not a telephone number (tel: and digits)"_s.arg(value));
                break;
            }
            const QStringList uses = use.split(u' ', Qt::SkipEmptyParts);
            for (const QString &u : uses) {
                if (!isTelUse(u))
                    r.invalid(u"unknown telecom use %1"_s.arg(u));
            }
            // EC is the emergency duty team; any other use is taken for office hours unless
            // that is known already (U5).
            const bool outOfHours =
                uses.contains(u"EC"_s) ||
                (!uses.contains(u"WP"_s) && !authority.phoneOfficeHours.isEmpty());
            (outOfHours ? authority.phoneOutOfHours : authority.phoneOfficeHours) = value.sliced(4);
        }
    }
    seq.finish();
    return authority;
}

QString telValue(const QString &number)
{
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
    }
    if (digits.isEmpty())
        return {};
    return (number.trimmed().startsWith(u'+') ? u"tel:+"_s : u"tel:"_s) + digits;
}

void writeNotificationHeader(Hl7Writer &w, const QDateTime &createdAt, const QString &id)
{
    w.value("effectiveTime"_L1, formatTimestamp(createdAt));
    w.empty("id"_L1, {{"root"_L1, id.toUpper()}});
}

void writeAuthority(Hl7Writer &w, const SendingAuthority &authority)
{
    w.start("organisation"_L1);
    writeOrganisationParts(w, authority.organisation);
    // Office hours first, then the emergency duty team (U5); a number without digits is left
    // out rather than written as an invalid tel: value.
    if (const QString office = telValue(authority.phoneOfficeHours); !office.isEmpty())
        w.empty("telecom"_L1, {{"value"_L1, office}, {"use"_L1, u"WP"_s}});
    if (const QString duty = telValue(authority.phoneOutOfHours); !duty.isEmpty())
        w.empty("telecom"_L1, {{"value"_L1, duty}, {"use"_L1, u"EC"_s}});
    w.end();
}

Organisation readIntendedRecipient(Hl7Reader &r)
{
    Organisation recipient;
    Sequence seq(r, {{"contentId"_L1}, {"COCT_TP145103GB01.IntendedRecipient"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"contentId")
            readContentId(r);
        else if (!name.isEmpty())
            readOnly(r, "representedSourceOrganization"_L1,
                     [&] { recipient = readOrganisation(r); });
    }
    seq.finish();
    return recipient;
}

void writeIntendedRecipient(Hl7Writer &w, const Organisation &recipient)
{
    w.start("primaryInformationRecipient"_L1);
    w.startTemplate("COCT_TP145103GB01"_L1, "IntendedRecipient"_L1);
    writeOrganisation(w, "representedSourceOrganization"_L1, recipient);
    w.end();
    w.end();
}

QString readFullName(Hl7Reader &r)
{
    return r.readMixed({u"prefix"_s, u"given"_s, u"family"_s, u"suffix"_s, u"delimiter"_s});
}

void writeFullName(Hl7Writer &w, QLatin1StringView element, const QString &name)
{
    // The last word as the family name, the words before it as given names: read back, the
    // name is the same words in the same order.
    const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
    w.start(element);
    for (qsizetype i = 0; i + 1 < words.size(); ++i)
        w.text("given"_L1, words[i]);
    if (!words.isEmpty())
        w.text("family"_L1, words.last());
    w.end();
}

qint64 readFileSequence(Hl7Reader &r, qint64 minimum)
{
    return numberAttribute(r, "extension"_L1, minimum, std::numeric_limits<qint64>::max(),
                           u"sequence number");
}

} // namespace cpis::hl7
