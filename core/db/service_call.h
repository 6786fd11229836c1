// The database's refusals as values with machine codes the UI can act on (stale, taken,
// denied, ...), and the refusal texts; execute() (db/rows.h) applies them to every error.
#pragma once

#include "db/connection.h"
#include "db/error_codes.h"
#include "result.h"

namespace cpis {

// The code for a workflow SQLSTATE, and the refusal text for a function the user may not call.
Error workflowError(Error error);

// NULL for 0 / empty, the value otherwise: optional ids and texts in calls.
QVariant nullIfZero(qint64 id);

} // namespace cpis
