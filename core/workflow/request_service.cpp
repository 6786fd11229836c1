#include "workflow/request_service.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Status RequestService::acknowledge(qint64 requestId)
{
    auto q = callService(m_connection, u"SELECT acknowledge_request(?)"_s, {requestId});
    if (!q)
        return q.error();
    return success();
}

Result<bool> RequestService::awaitingCaseNote(qint64 requestId)
{
    auto awaiting = callScalar(m_connection, uR"(
        SELECT r.case_note_expected = 'required'
               AND NOT EXISTS (SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')
        FROM request r WHERE r.id = ?)"_s,
                               {requestId});
    if (!awaiting)
        return awaiting.error();
    if (awaiting->isNull())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no request %1."_s.arg(requestId),
                     {},
                     {}};
    return awaiting->toBool();
}

} // namespace cpis
