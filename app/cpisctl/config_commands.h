// cpisctl config list | get | set
#pragma once

#include "command.h"

namespace cpis::cli {

int configList(const QStringList &args);
int configGet(const QStringList &args);
int configSet(const QStringList &args);

} // namespace cpis::cli
