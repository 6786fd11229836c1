// cpisctl validate [--schema-dir DIR] FILE...: CP-IS message files checked by hand against
// NHS England's DMS schemas.
#pragma once

#include "command.h"
#include "cpis/schema_validator.h"
#include "db/connection.h"

#include <memory>

namespace cpis::cli {

int validateFiles(const QStringList &args);

// The schemas cpis.schema_dir names, loaded; null when it is empty (no validation).
Result<std::shared_ptr<const hl7::SchemaValidator>> configuredSchemas(Connection &connection);

} // namespace cpis::cli
