// A key worker's side of a request: acknowledging it.
#pragma once

#include "db/connection.h"
#include "result.h"

namespace cpis {

class RequestService
{
public:
    explicit RequestService(Connection &connection) : m_connection(connection) {}

    // Only the worker it was sent to (or a member of that queue) may acknowledge.
    Status acknowledge(qint64 requestId);
    // An A&E request awaits a finished CP-IS case note linked to it.
    Result<bool> awaitingCaseNote(qint64 requestId);

private:
    Connection &m_connection;
};

} // namespace cpis
