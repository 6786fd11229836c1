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

    // The first two lines as cpis-workview --which-database gives them.
    out() << "Database:     " << db.where << "\n"
          << "Chosen by:    " << session.choice().origin() << "\n"
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

std::optional<LocalCluster> embeddedCluster(const QCommandLineParser &parser,
                                            const QString &command, int &exitCode)
{
    auto choice = databaseChoice(parser);
    if (!choice) {
        exitCode = exitFor(choice.error());
        return std::nullopt;
    }
    if (!choice->isEmbedded()) {
        exitCode = exitFor(Error{
            u"db.not_embedded"_s,
            u"cpisctl %1 is for the embedded database, and %2 chose %3."_s.arg(
                command, choice->origin(), choice->describe()),
            {},
            u"A server is backed up and restored with PostgreSQL's own tools: see the README, "
            u"section Backups."_s});
        return std::nullopt;
    }
    auto binaries = ServerBinaries::find();
    if (!binaries) {
        exitCode = exitFor(binaries.error());
        return std::nullopt;
    }
    return LocalCluster(choice->embeddedDirectory, *binaries);
}

int dbStop(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop =
            parseArguments(parser, u"db stop"_s,
                           u"Stop the embedded database server (the private cluster used when no\n"
                           u"database is configured). Shared servers are not touched.\n"
                           u"Exit status: 0 stopped or not running, 1 failed or not embedded."_s,
                           args))
        return *stop;
    int exitCode = kExitOk;
    auto cluster = embeddedCluster(parser, u"db stop"_s, exitCode);
    if (!cluster)
        return exitCode;
    if (!cluster->isRunning()) {
        out() << "The embedded database in " << cluster->directory() << " is not running.\n";
        out().flush();
        return kExitOk;
    }
    if (auto stopped = cluster->stop(); !stopped) {
        printError(stopped.error());
        return kExitCheckFailed;
    }
    out() << "The embedded database in " << cluster->directory() << " has stopped.\n";
    out().flush();
    return kExitOk;
}

int dbInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption empty(
        u"empty"_s, u"Without the sample data: for a single-machine authority's own records."_s);
    parser.addOption(empty);
    if (auto stop = parseArguments(
            parser, u"db init"_s,
            u"Make the embedded database (the private cluster used when no database is\n"
            u"configured) and bring its schema up to date. Without --empty it gets the fictional\n"
            u"sample data; with --empty it never does, and is shown as \"embedded\".\n"
            u"Exit status: 0 made or already there as asked, 1 failed or there already with\n"
            u"sample data when --empty was asked, 2 usage, 3 unreachable."_s,
            args))
        return *stop;
    int exitCode = kExitOk;
    auto cluster = embeddedCluster(parser, u"db init"_s, exitCode);
    if (!cluster)
        return exitCode;
    const bool existed = cluster->exists();
    if (parser.isSet(empty)) {
        if (auto marked = markEmbeddedEmpty(cluster->directory()); !marked)
            return exitFor(marked.error());
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    const ReadyDatabase &ready = session.ready();
    out() << (existed ? "The embedded database was there already: "
                      : "Made the embedded database: ")
          << ready.db.where << ", schema version " << ready.schema.current << ".\n";
    out().flush();
    if (parser.isSet(empty) &&
        ready.db.where.contains(QString::fromLatin1(kEmbeddedWithSampleData))) {
        err() << "cpisctl db init: it holds the sample data, so it is not empty.\n"
                 "What to try: keep it, or start again: cpisctl db stop, remove "
              << cluster->directory() << ", then cpisctl db init --empty.\n";
        err().flush();
        return kExitCheckFailed;
    }
    return kExitOk;
}

} // namespace cpis::cli
