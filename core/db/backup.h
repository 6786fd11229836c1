// Backups with the server's own tools: pg_dump's custom format and pg_restore, found beside the
// server's initdb and pg_ctl (so always the server's version), and for the embedded database
// the whole job: back up, and restore in place of the one there.
#pragma once

#include "db/conn_info.h"
#include "db/local_cluster.h"
#include "result.h"

namespace cpis {

// pg_dump --format=custom of the database `from` names into `file`.
Status dumpDatabase(const ServerBinaries &binaries, const ConnInfo &from, const QString &file);
// pg_restore of `file` into the (new, empty) database `into` names, in one transaction.
Status restoreDump(const ServerBinaries &binaries, const ConnInfo &into, const QString &file);

// The embedded database's backup: `file` (custom format) and beside it `file`.roles.sql, the
// cluster's roles (pg_dumpall --roles-only, no passwords: the embedded cluster has none), which
// a restore on another machine needs. The cluster is started when it is not running.
Status backupEmbedded(const LocalCluster &cluster, const QString &file);

struct RestoreReport
{
    QString replaced; // what was there before and has gone ("schema version 33, 50 people"); empty:
                      // nothing
    QString restored; // what is there now
    bool rolesAdded = false; // roles the cluster lacked were made from the .roles.sql file
};
// Restores `file` into the embedded database: into a new database first, which then takes
// the place of the old one, so a dump that fails leaves the old one as it was. A database that
// holds data is replaced only when `replace` is true (an error saying so otherwise).
Result<RestoreReport> restoreEmbedded(LocalCluster &cluster, const QString &file, bool replace);

// The embedded database's name in its cluster.
inline constexpr auto kEmbeddedDatabase = "cpis";

} // namespace cpis
