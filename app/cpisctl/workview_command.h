// cpisctl workview WORKER [--json]
#pragma once

#include "command.h"

namespace cpis::cli {

int workview(const QStringList &args);

} // namespace cpis::cli
