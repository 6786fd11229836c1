// cpisctl records export --from DATE --to DATE [--csv FILE]
#pragma once

#include "command.h"

namespace cpis::cli {

int recordsExport(const QStringList &args);

} // namespace cpis::cli
