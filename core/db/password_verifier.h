// A login's password as the server stores it (a SCRAM-SHA-256 verifier), computed in the client,
// so the clear password never reaches the server or its log (log_statement=all logs parameters).
#pragma once

#include "db/connection.h"
#include "result.h"

namespace cpis {

// libpq's PQencryptPasswordConn with scram-sha-256, for `login` on this connection's server.
Result<QString> scramVerifier(const Connection &connection, const QString &login,
                              const QString &password);

} // namespace cpis
