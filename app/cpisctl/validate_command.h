// cpisctl validate [--schema-dir DIR] FILE...: CP-IS message files checked by hand against
// NHS England's DMS schemas.
#pragma once

#include "command.h"

namespace cpis::cli {

int validateFiles(const QStringList &args);

} // namespace cpis::cli
