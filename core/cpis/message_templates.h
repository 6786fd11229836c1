// The parts the four CP-IS messages share, read and written once: the templates (CMETs) of
// CPIS-DMS.md §3 (subjects, plans, recipients) and the identifiers, names, organisations and
// telephone numbers of §4. Each message's own file (upload_message.cpp, ...) uses these.
#pragma once

#include "cpis/hl7_reader.h"
#include "cpis/hl7_writer.h"
#include "cpis/messages.h"

#include <QLatin1StringView>

namespace cpis::hl7 {

// Identifier roots (§3.10, §4.2).
inline constexpr QLatin1StringView kNhsNumberRoot("2.16.840.1.113883.2.1.4.1");
inline constexpr QLatin1StringView kLocalPersonIdRoot("2.16.840.1.113883.2.1.3.2.4.18.24");
inline constexpr QLatin1StringView kOdsOrganisationRoot("2.16.840.1.113883.2.1.3.2.4.19.1");
inline constexpr QLatin1StringView kOdsSiteRoot("2.16.840.1.113883.2.1.3.2.4.19.2");
inline constexpr QLatin1StringView kContentIdRoot("2.16.840.1.113883.2.1.3.2.4.18.16");

// Who a record is about (§3.1, §3.2): a child, or for an unborn child's plan the mother.
struct PlanSubject
{
    bool unborn = false;
    PersonIds ids;
    QString forenames;
    QString surname;
    QDate dateOfBirth;
};

// At an npfitlc:contentId: its root is the one OID, its extension any string (U9: the
// template element's name, not this, says what follows).
void readContentId(Hl7Reader &r);

// At a `subject` of a record: the contentId, then COCT_TP145101GB01.Child or
// COCT_TP145100GB01.UnbornChild. Written with the local id's assigning authority "ODS:NAME".
PlanSubject readPlanSubject(Hl7Reader &r);
void writePlanSubject(Hl7Writer &w, const PlanSubject &subject, const QString &localIdAuthority);

// The content of an upload's CP-ISRecord or an acknowledgement's invalidCP-ISRecord (plans
// 1..3, then subject 1..2), or with `withPlans` false of a validCP-ISRecord (subject only).
// One subject is read; a second, which the schema allows, is refused (U10).
void readRecordContent(Hl7Reader &r, bool withPlans, PlanSubject &subject,
                       QList<UploadPlan> &plans);
void writeRecordContent(Hl7Writer &w, const PlanSubject &subject, const QList<UploadPlan> &plans,
                        const QString &localIdAuthority);

// At a `pertinentInformation` of a record: the contentId, then one of the plan templates
// COCT_TP146100GB01.LACInformation, COCT_TP146101GB01.CPPInformation,
// COCT_TP146102GB01.UCPInformation (§3.6-3.8). An absent or nil end or delete date is none.
UploadPlan readPlan(Hl7Reader &r);
void writePlan(Hl7Writer &w, const UploadPlan &plan);

// At an id of the "CPIS patient" flavour (§4.2): the NHS number (checked with Modulus 11) or
// the local person id, added to `ids`.
void readPersonId(Hl7Reader &r, PersonIds &ids);
// Reports at `path` when no NHS number was read.
void requireNhsNumber(Hl7Reader &r, const QString &path, const PersonIds &ids);
// The NHS number's id, then the local person id's when there is one.
void writePersonIds(Hl7Writer &w, QLatin1StringView element, const PersonIds &ids,
                    const QString &localIdAuthority);

// At an organisation of id (ODS, root .19.1 or .19.2) and name.
Organisation readOrganisation(Hl7Reader &r);
void writeOrganisation(Hl7Writer &w, QLatin1StringView element, const Organisation &organisation);

// At the uploading authority's organisation: id, name, then one or two telecoms (WP office
// hours, EC out of hours).
SendingAuthority readAuthority(Hl7Reader &r);
void writeAuthority(Hl7Writer &w, const SendingAuthority &authority);
// "tel:" and the number's digits (a leading + kept), or empty when it has no digits.
QString telValue(const QString &number);

// At a primaryInformationRecipient: the contentId and COCT_TP145103GB01.IntendedRecipient.
Organisation readIntendedRecipient(Hl7Reader &r);
void writeIntendedRecipient(Hl7Writer &w, const Organisation &recipient);

// The effectiveTime and UUID id every notification from CP-IS starts with.
void writeNotificationHeader(Hl7Writer &w, const QDateTime &createdAt, const QString &id);

// A full HL7 PN (prefix, given names, family, suffix) as one string, and back.
QString readFullName(Hl7Reader &r);
void writeFullName(Hl7Writer &w, QLatin1StringView element, const QString &name);

// At an id of flavour II.NHS.extension.mandatory (a file's sequence number): @extension, a
// whole number from `minimum`. A root, which the schema prohibits, is ignored (U6).
qint64 readFileSequence(Hl7Reader &r, qint64 minimum);

} // namespace cpis::hl7
