// A worker's workview: Current work (theirs and their queues') and Incoming requests.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

namespace cpis {

Result<Workview> loadWorkview(Connection &connection, const Worker &worker);

} // namespace cpis
