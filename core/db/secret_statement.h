// Statements whose values must never reach the server's log (passwords, secrets). Qt's
// PostgreSQL driver writes a prepared statement's values into the EXECUTE text, which the
// server logs when the statement fails; libpq's protocol parameters keep them apart.
#pragma once

#include "db/connection.h"
#include "result.h"

namespace cpis {

// One value from a statement with $1, $2, ... placeholders, sent as protocol parameters.
Result<QVariant> scalarKeepingValuesSecret(Connection &connection, const QString &sql,
                                           const QVariantList &params);

} // namespace cpis
