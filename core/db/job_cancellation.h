// Lets the GUI thread cancel a database job it submitted. A job still waiting in the queue
// is skipped; a job that is running has its statement cancelled by the server (libpq's
// PQcancel, which is safe to call from any thread). Either way the job's transaction rolls
// back, so nothing is half-written. Cancelling is best effort: a job that finishes first
// keeps its result.
#pragma once

#include "result.h"

#include <QtGlobal>

#include <atomic>
#include <mutex>
#include <unordered_set>

struct pg_conn;
struct pg_cancel;

namespace cpis {

using JobId = quint64; // 0: a job nobody can cancel

class JobCancellation final
{
    Q_DISABLE_COPY_MOVE(JobCancellation)

public:
    JobCancellation() = default;
    ~JobCancellation() = default;

    // Any thread.
    JobId nextId();
    void cancel(JobId id);

    // The database thread, around each job run on `connection`. begin() is false when the
    // job was cancelled before it started; end() is true when it was cancelled while running.
    bool begin(JobId id, pg_conn *connection);
    bool end(JobId id);

    // What a cancelled job returns.
    static Error cancelled();

private:
    std::atomic<JobId> m_lastId{0};
    std::mutex m_mutex; // guards everything below
    JobId m_running = 0;
    pg_cancel *m_cancelRunning = nullptr;
    std::unordered_set<JobId> m_cancelled;
};

} // namespace cpis
