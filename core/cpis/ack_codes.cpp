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
        return u"CP-IS no longer supports this client version."_s;
    return u"Unknown CP-IS file outcome %1."_s.arg(code);
}

} // namespace cpis::hl7
