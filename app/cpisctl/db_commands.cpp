#include "db_commands.h"

#include "database_session.h"
#include "db/local_cluster.h"
#include "db/migrator.h"

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
QString describeSchema(const SchemaState &s)
{
    if (s.isNewerThanKnown())
        return u"version %1, newer than this program knows (%2): nothing will be written"_s
            .arg(s.current)
            .arg(s.latestKnown);
    if (s.isBehind())
        return u"version %1, %2 migration(s) pending: run 'cpisctl db migrate'"_s.arg(s.current)
            .arg(s.latestKnown - s.current);
    return u"version %1, up to date"_s.arg(s.current);
}
} // namespace

int dbStatus(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(
            parser, u"db status"_s,
            u"Show where the database is, its server version and its schema version.\n"
            u"Exit status: 0 up to date, 1 schema behind or newer, 3 unreachable."_s,
            args))
        return *stop;

    auto session = DatabaseSession::connect(parser);
    if (!session)
        return session.exitCode();
    const OpenDatabase &db = session.database();
    auto schema = Migrator(*db.connection).state();
    if (!schema)
        return exitFor(schema.error());

    out() << "Database:     " << db.where << "\n"
          << "Server:       PostgreSQL " << db.serverVersion << "\n"
          << "Connected as: " << db.user << "\n"
          << "Schema:       " << describeSchema(*schema) << "\n";
    out().flush();
    return schema->isBehind() || schema->isNewerThanKnown() ? kExitCheckFailed : kExitOk;
}

int dbMigrate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(parser, u"db migrate"_s,
                                   u"Apply the schema migrations the database does not have yet.\n"
                                   u"Exit status: 0 done, 1 refused or failed, 3 unreachable."_s,
                                   args))
        return *stop;

    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    const ReadyDatabase &ready = session.ready();
    if (ready.readOnly())
        return exitFor(Error{u"db.schema_newer"_s, describeSchema(ready.schema), {}, {}});
    if (ready.applied.isEmpty()) {
        out() << "Schema already up to date (version " << ready.schema.current << ").\n";
    } else {
        QStringList versions;
        for (int v : std::as_const(ready.applied))
            versions << QString::number(v);
        out() << "Applied migration(s) " << versions.join(u", "_s) << "; schema is now version "
              << ready.schema.current << ".\n";
    }
    if (ready.sampleDataLoaded)
        out() << "Loaded the sample data into the new embedded database.\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli

namespace cpis::cli {

int dbStop(const QStringList &args)
{
    QCommandLineParser parser;
    if (auto stop =
            parseArguments(parser, u"db stop"_s,
                           u"Stop the embedded database server (the private cluster used when no\n"
                           u"database is configured). Shared servers are not touched.\n"
                           u"Exit status: 0 stopped or not running, 1 failed or not embedded."_s,
                           args))
        return *stop;
    const DatabaseChoice choice = DatabaseChoice::choose(std::nullopt);
    if (!choice.isEmbedded()) {
        err() << "cpisctl db stop: a shared database is configured; only the embedded one can be "
                 "stopped here.\n";
        err().flush();
        return kExitCheckFailed;
    }
    auto binaries = ServerBinaries::find();
    if (!binaries) {
        printError(binaries.error());
        return kExitCheckFailed;
    }
    LocalCluster cluster(choice.embeddedDirectory, *binaries);
    if (!cluster.isRunning()) {
        out() << "The embedded database in " << cluster.directory() << " is not running.\n";
        out().flush();
        return kExitOk;
    }
    if (auto stopped = cluster.stop(); !stopped) {
        printError(stopped.error());
        return kExitCheckFailed;
    }
    out() << "The embedded database in " << cluster.directory() << " has stopped.\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
