#include "db/server_notices.h"

#include <libpq-fe.h>

namespace cpis {

ServerNotices::ServerNotices(Connection &connection,
                             std::function<void(const ServerNotice &)> receive)
    : m_conn(connection.nativeHandle()), m_receive(std::move(receive))
{
    // libpq gives back the previous receiver but not its argument: the default receiver (the
    // one in place: Qt Sql sets a notice processor, which that receiver calls) ignores it.
    if (m_conn)
        m_previous = PQsetNoticeReceiver(m_conn, &ServerNotices::received, this);
}

ServerNotices::~ServerNotices()
{
    if (m_conn && m_previous)
        PQsetNoticeReceiver(m_conn, m_previous, nullptr);
}

void ServerNotices::received(void *self, const pg_result *notice)
{
    auto *me = static_cast<ServerNotices *>(self);
    const auto field = [notice](int code) {
        return QString::fromUtf8(PQresultErrorField(notice, code));
    };
    me->m_receive(
        {field(PG_DIAG_SQLSTATE), field(PG_DIAG_MESSAGE_PRIMARY), field(PG_DIAG_MESSAGE_DETAIL)});
}

} // namespace cpis
