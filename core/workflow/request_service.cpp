#include "workflow/request_service.h"

#include "db/error_codes.h"
#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Status RequestService::acknowledge(qint64 requestId)
{
    auto q = execute(m_connection, u"SELECT acknowledge_request($1)"_s, {requestId});
    if (!q)
        return q.error();
    return success();
}

Result<bool> RequestService::awaitingCaseNote(qint64 requestId)
{
    auto awaiting = queryValue(m_connection, uR"(
        SELECT r.case_note_expected = 'required'
               AND NOT EXISTS (SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')
        FROM request r WHERE r.id = $1)"_s,
                               {requestId});
    if (!awaiting)
        return awaiting.error();
    if (awaiting->isNull())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no request %1."_s.arg(requestId),
                     {},
                     {}};
    return awaiting->boolean();
}

} // namespace cpis
