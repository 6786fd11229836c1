// cpisctl sample-data
#pragma once

#include "command.h"

namespace cpis::cli {

int sampleData(const QStringList &args);

} // namespace cpis::cli
