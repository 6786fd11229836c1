#include "db/job_cancellation.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace cpis {

JobId JobCancellation::nextId()
{
    return ++m_lastId;
}

void JobCancellation::cancel(JobId id)
{
    if (id == 0)
        return;
    std::lock_guard lock(m_mutex);
    m_cancelled.insert(id);
    // Under the lock, so the job cannot end (and another start) while the request goes out.
    if (id == m_running && m_cancelRunning) {
        char reason[256];
        if (!PQcancel(m_cancelRunning, reason, sizeof reason))
            qWarning("cpis: the server did not take the cancel request: %s", reason);
    }
}

bool JobCancellation::begin(JobId id, pg_conn *connection)
{
    std::lock_guard lock(m_mutex);
    if (id != 0 && m_cancelled.erase(id) > 0)
        return false;
    m_running = id;
    if (id != 0 && connection)
        m_cancelRunning = PQgetCancel(connection);
    return true;
}

bool JobCancellation::end(JobId id)
{
    std::lock_guard lock(m_mutex);
    m_running = 0;
    if (m_cancelRunning) {
        PQfreeCancel(m_cancelRunning);
        m_cancelRunning = nullptr;
    }
    return id != 0 && m_cancelled.erase(id) > 0;
}

Error JobCancellation::cancelled()
{
    return Error{u"cancelled"_s, u"Cancelled."_s, {}, {}};
}

} // namespace cpis
