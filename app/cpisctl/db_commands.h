// cpisctl db status | migrate | stop
#pragma once

#include "command.h"

namespace cpis::cli {

int dbStatus(const QStringList &args);
int dbMigrate(const QStringList &args);
int dbStop(const QStringList &args);

} // namespace cpis::cli
