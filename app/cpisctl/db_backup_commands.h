// cpisctl db backup | restore: the embedded database, with the server's own pg_dump/pg_restore.
#pragma once

#include "command.h"

namespace cpis::cli {

int dbBackup(const QStringList &args);
int dbRestore(const QStringList &args);

} // namespace cpis::cli
