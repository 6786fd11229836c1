#include "db/connection_details.h"

#include "db/migrator.h"
#include "db/rows.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace cpis {

Result<ConnectionDetails> describeConnection(Connection &connection)
{
    PGconn *conn = connection.nativeHandle();
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{u"db.unreachable"_s, u"Not connected to the case database."_s, {}, {}};
    ConnectionDetails details;
    // PQhost gives the host or socket folder actually used, also for a multi-host list.
    details.host = QString::fromUtf8(PQhost(conn));
    details.port = QString::fromUtf8(PQport(conn));
    auto database = queryValue(connection, u"SELECT current_database()"_s);
    if (!database)
        return database.error();
    details.database = database->text();
    details.login = connection.currentUser();
    details.serverVersion = connection.serverVersion();
    auto schema = Migrator(connection).state();
    if (!schema)
        return schema.error();
    details.schemaVersion = schema->current;
    return details;
}

QString whereConnected(Connection &connection)
{
    PGconn *conn = connection.nativeHandle();
    if (!conn)
        return u"not connected"_s;
    return u"host %1 (port %2), database %3, user %4"_s.arg(
        QString::fromUtf8(PQhost(conn)), QString::fromUtf8(PQport(conn)),
        QString::fromUtf8(PQdb(conn)), QString::fromUtf8(PQuser(conn)));
}

} // namespace cpis
