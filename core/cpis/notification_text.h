// How an Access to Service Notification reads to the people who work it: the step's comment,
// where the child was seen (the source category) and so which note template is proposed.
#pragma once

#include "cpis/messages.h"

#include <QHash>
#include <QString>

namespace cpis::hl7 {

// Where an access came from. The setting cpis.access_sources names the category of the
// organisations the authority knows ("RTG=minor_injury_unit,..."); any other is known from
// the message's author template: a system with a nominated person is a 111 or out-of-hours
// service, a person with a smartcard an emergency department.
enum class AccessSource {
    EmergencyDepartment,
    UrgentTreatment,
    MinorInjuryUnit,
    OutOfHours111,
    Other
};

// The settings' words for the categories: "emergency_department", "urgent_treatment",
// "minor_injury_unit", "out_of_hours_111", "other".
QString sourceKey(AccessSource source);
// "Emergency department", "Urgent treatment or walk-in centre", ...
QString sourceName(AccessSource source);

// ODS code -> category, from the setting's value; entries that do not parse are left out
// (the database refuses them when the setting is saved).
QHash<QString, AccessSource> parseAccessSources(const QString &setting);

AccessSource accessSource(const AccessRecord &access, const QHash<QString, AccessSource> &known);

// The note template for the record's accesses: "dhu_111" when any came from a 111 or
// out-of-hours service, otherwise "ae".
QString noteTemplate(const RecordAccess &record, const QHash<QString, AccessSource> &known);

// One line per access, naming who, their role, the organisation, the source category and the
// date and time of access in UK time.
QString notificationComment(const RecordAccess &record, const QHash<QString, AccessSource> &known);

} // namespace cpis::hl7
