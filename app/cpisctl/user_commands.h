// cpisctl user add
#pragma once

#include "command.h"

namespace cpis::cli {

int userAdd(const QStringList &args);

} // namespace cpis::cli
