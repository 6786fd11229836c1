// The notices the server sends while a statement runs (RAISE NOTICE), handed to the caller as
// they arrive: the records import's progress (workflow/records_import.cpp) comes this way.
#pragma once

#include "db/connection.h"

#include <QString>

#include <functional>

struct pg_result;

namespace cpis {

struct ServerNotice
{
    QString sqlState;
    QString message;
    QString detail;
};

// Hands the connection's notices to `receive` while it lives: on the thread running the
// statement, as they arrive (the server sends each at once, not with the result). Notices
// below client_min_messages (warning, see Connection::open) are not sent at all. libpq's
// previous receiver is put back at the end.
class ServerNotices final
{
    Q_DISABLE_COPY_MOVE(ServerNotices)

public:
    ServerNotices(Connection &connection, std::function<void(const ServerNotice &)> receive);
    ~ServerNotices();

private:
    static void received(void *self, const pg_result *notice);

    pg_conn *m_conn;
    std::function<void(const ServerNotice &)> m_receive;
    void (*m_previous)(void *, const pg_result *) = nullptr;
};

} // namespace cpis
