// What the db part's libpq calls share: turning the server's errors into Error values, in words
// safe to show, with the machine codes the windows act on. Internal to core/db.
#pragma once

#include "result.h"

#include <QString>

struct pg_conn;
struct pg_result;

namespace cpis {

// Whether a SQLSTATE means the connection is gone (class 08, or the server shutting down).
bool isConnectionFailure(const QString &sqlState);

// A server message can quote what someone typed; shown as it is, a control character in it
// would ring, recolour or rewrite the terminal or the window showing it. Made visible as \xNN.
QString visible(const QString &text);

// libpq's own error for a result (or for the connection when there is none).
Error errorFromResult(pg_conn *conn, const pg_result *result);

Error notOpen();

// The machine code (db/error_codes.h) for a workflow SQLSTATE, and, for a function the user
// may not call, a refusal in the user's language: the windows act on and show them as they are.
Error workflowError(Error error);

} // namespace cpis
