// cpisctl setup: a CP-IS database on a shared server, made by the server's administrator.
#pragma once

#include "command.h"

namespace cpis::cli {

int setup(const QStringList &args);

} // namespace cpis::cli
