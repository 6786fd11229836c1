#include "db_backup_commands.h"

#include "db/backup.h"
#include "db_commands.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
// Parses the command line (see parseArguments), which must name exactly one FILE.
std::optional<int> parseFileCommand(QCommandLineParser &parser, const QString &command,
                                    const QString &help, const QStringList &args)
{
    if (auto stop = parseArguments(parser, command, help, args))
        return stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, u"give one FILE"_s);
    return std::nullopt;
}
} // namespace

int dbBackup(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    parser.addPositionalArgument(u"FILE"_s, u"Where to write the backup."_s);
    if (auto stop = parseFileCommand(
            parser, u"db backup"_s,
            u"Back up the embedded database: FILE in pg_dump's custom format, and beside it\n"
            u"FILE.roles.sql with the cluster's roles (a restore on another machine needs them).\n"
            u"A server is backed up with PostgreSQL's own tools (README, section Backups).\n"
            u"Exit status: 0 written, 1 failed or not embedded, 2 usage, 3 unreachable."_s,
            args))
        return *stop;
    int exitCode = kExitOk;
    auto cluster = embeddedCluster(parser, u"db backup"_s, exitCode);
    if (!cluster)
        return exitCode;
    if (!cluster->exists())
        return exitFor(
            Error{u"backup.nothing"_s,
                  u"There is no embedded database in %1 to back up."_s.arg(cluster->directory()),
                  {},
                  {}});
    if (auto started = cluster->start(); !started)
        return exitFor(started.error());
    const QString file = parser.positionalArguments().first();
    if (auto written = backupEmbedded(*cluster, file); !written)
        return exitFor(written.error());
    out() << "Backed up the embedded database in " << cluster->directory() << " to " << file << " ("
          << QFileInfo(file).size() << " bytes) and its roles to " << file << ".roles.sql.\n"
          << "Restore it with: cpisctl db restore " << file << "\n";
    out().flush();
    return kExitOk;
}

int dbRestore(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption replace(u"replace"_s,
                                     u"Replace the embedded database even though it holds data."_s);
    parser.addOption(replace);
    parser.addPositionalArgument(u"FILE"_s, u"A backup made by 'cpisctl db backup'."_s);
    if (auto stop = parseFileCommand(
            parser, u"db restore"_s,
            u"Restore the embedded database from FILE (and the roles in FILE.roles.sql that the\n"
            u"cluster lacks). An embedded database that holds data is replaced only with\n"
            u"--replace. The backup is restored into a new database first, so one that fails\n"
            u"leaves the old database as it was.\n"
            u"Exit status: 0 restored, 1 refused or failed, 2 usage, 3 unreachable."_s,
            args))
        return *stop;
    int exitCode = kExitOk;
    auto cluster = embeddedCluster(parser, u"db restore"_s, exitCode);
    if (!cluster)
        return exitCode;
    for (const auto &step : {&LocalCluster::ensureCreated, &LocalCluster::start}) {
        if (auto done = ((*cluster).*step)(); !done)
            return exitFor(done.error());
    }
    const QString file = parser.positionalArguments().first();
    auto report = restoreEmbedded(*cluster, file, parser.isSet(replace));
    if (!report)
        return exitFor(report.error());
    // The restored data is this authority's: never mix the sample data into it.
    if (auto marked = markEmbeddedEmpty(cluster->directory()); !marked)
        return exitFor(marked.error());
    out() << "Restored " << file << " into the embedded database in " << cluster->directory()
          << ".\n";
    if (!report->replaced.isEmpty())
        out() << "Replaced:  " << report->replaced << "\n";
    out() << "Now:       " << report->restored << "\n";
    if (report->rolesAdded)
        out() << "Added the roles this cluster lacked from " << file << ".roles.sql.\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
