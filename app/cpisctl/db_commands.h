// cpisctl db status | migrate | init | stop
#pragma once

#include "command.h"
#include "db/local_cluster.h"

#include <optional>

namespace cpis::cli {

int dbStatus(const QStringList &args);
int dbMigrate(const QStringList &args);
int dbStop(const QStringList &args);
int dbInit(const QStringList &args);

// The embedded cluster the command line and settings choose, or an error (printed, exit
// status returned) when they choose a server, for the commands only the embedded one has.
std::optional<LocalCluster> embeddedCluster(const QCommandLineParser &parser,
                                            const QString &command, int &exitCode);

} // namespace cpis::cli
