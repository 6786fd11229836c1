// CP-IS acknowledgement codes in words, for the child's record and alerts.
#pragma once

#include <QString>

namespace cpis::hl7 {

// "CPR03" -> "the name or date of birth does not match the NHS number's record ..."
QString recordOutcomeText(const QString &code, const QString &detailCode = {});
QString fileOutcomeText(const QString &code);
inline bool isRecordSuccess(const QString &code)
{
    return code == QStringLiteral("CPR06");
}

} // namespace cpis::hl7
