#include "cpis/ack_codes.h"

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

QString recordOutcomeText(const QString &code, const QString &detailCode)
{
    if (code == u"CPR01"_s)
        return u"The NHS number was not found in the national demographics service (PDS)."_s;
    if (code == u"CPR02"_s)
        return u"The record is marked sensitive in PDS and cannot be updated."_s;
    if (code == u"CPR03"_s)
        return u"The name or date of birth does not match the NHS number's record: check the legal "
               u"name is "
               u"exactly as on the birth certificate."_s;
    if (code == u"CPR04"_s)
        return u"This is an old-style NHS number: record the current ten-digit number."_s;
    if (code == u"CPR05"_s)
        return u"The NHS number has been superseded: a new number is needed."_s;
    if (code == u"CPR06"_s)
        return u"Accepted by CP-IS."_s;
    if (code == u"CPR07"_s)
        return detailCode.isEmpty() ? u"Rejected by CP-IS."_s
                                    : u"Rejected by CP-IS (detail code %1)."_s.arg(detailCode);
    return u"Unknown CP-IS outcome %1."_s.arg(code);
}

QString recordOutcomeText(const RecordOutcome &outcome)
{
    QString text = recordOutcomeText(outcome.code, outcome.detailCode);
    if (!outcome.detailText.isEmpty())
        text += u" CP-IS says: \"%1\"."_s.arg(outcome.detailText.left(300));
    if (!outcome.location.isEmpty())
        text += u" (%1 at %2)"_s.arg(outcome.code, outcome.location.left(200));
    return text;
}

QString upgradeNeededText()
{
    return u"CP-IS no longer accepts uploads from this version of CP-IS Workview (%1): the "
           u"program must be upgraded. Nothing more is sent to CP-IS until it is; notifications "
           u"are still received."_s.arg(QStringLiteral(CPIS_VERSION));
}

QString fileOutcomeText(const QString &code)
{
    if (code == u"CPF01"_s)
        return u"CP-IS could not read the upload file (corrupt or badly formed)."_s;
    if (code == u"CPF02"_s)
        return u"All records were uploaded."_s;
    if (code == u"CPF03"_s)
        return u"Some records were rejected; the others were uploaded."_s;
    if (code == u"CPF04"_s)
        return u"No records were uploaded."_s;
    if (code == u"CPF05"_s)
        return u"The national demographics service was unavailable: the file will be sent again."_s;
    if (code == u"CPF06"_s)
        return u"CP-IS no longer supports this version of the program (CPF06): upgrade it."_s;
    return u"Unknown CP-IS file outcome %1."_s.arg(code);
}

} // namespace cpis::hl7
