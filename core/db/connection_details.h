// What a live connection is connected to, for the About dialog: taken from libpq and the
// server, never from the connection string, so no password can show.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QString>

namespace cpis {

struct ConnectionDetails
{
    QString host;     // a host name, or the socket's folder ("/run/postgresql")
    QString port;     // "5432"
    QString database; // current_database()
    QString login;    // current_user: the signed-in login
    QString serverVersion;
    int schemaVersion = 0; // the highest migration applied
};

Result<ConnectionDetails> describeConnection(Connection &connection);

// "host db1.example (port 5432), database cpis, user alice": which database a live connection
// reached (the host libpq actually used, also from a multi-host list), never a password.
QString whereConnected(Connection &connection);

} // namespace cpis
