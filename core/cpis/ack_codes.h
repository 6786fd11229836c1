// CP-IS acknowledgement codes in words, for the child's record and alerts.
#pragma once

#include "cpis/messages.h"

#include <QString>

namespace cpis::hl7 {

// "CPR03" -> "the name or date of birth does not match the NHS number's record ..."
QString recordOutcomeText(const QString &code, const QString &detailCode = {});
// The outcome in words, with what CP-IS said of it (its detail text, where it points).
QString recordOutcomeText(const RecordOutcome &outcome);
QString fileOutcomeText(const QString &code);
// Why uploads stopped after CPF06, for the children's records and the administrators.
QString upgradeNeededText();
inline bool isRecordSuccess(const QString &code)
{
    return code == QStringLiteral("CPR06");
}

} // namespace cpis::hl7
