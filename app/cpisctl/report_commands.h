// cpisctl report data-quality [--csv]
#pragma once

#include "command.h"

namespace cpis::cli {

int reportDataQuality(const QStringList &args);

} // namespace cpis::cli
