#include "db/backup.h"

#include "db/connection.h"
#include "db/migrator.h"
#include "db/rows.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr int kToolTimeoutMs = 60 * 60 * 1000; // a large authority's dump takes minutes

// Runs one of the server's tools; the password (if any) goes in PGPASSWORD, never in the
// arguments other users can see.
Status runTool(const ServerBinaries &binaries, const QString &tool, QStringList args,
               const ConnInfo &target)
{
    const QString program = binaries.tool(tool);
    if (!QFileInfo(program).isExecutable())
        return Error{u"backup.no_tool"_s,
                     u"%1 is not beside the server's other programs in %2."_s.arg(
                         tool, binaries.directory()),
                     {},
                     u"Install the PostgreSQL client programs of the server's version."_s};
    ConnInfo withoutPassword = target;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!target.value(u"password"_s).isEmpty()) {
        env.insert(u"PGPASSWORD"_s, target.value(u"password"_s));
        withoutPassword = target.without(u"password"_s);
    }
    args << u"--dbname=%1"_s.arg(withoutPassword.toKeywordValueString());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(10000) || !process.waitForFinished(kToolTimeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error{u"backup.tool"_s,
                     u"%1 did not run to the end: %2"_s.arg(tool, process.errorString()),
                     {},
                     {}};
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{u"backup.tool"_s, u"%1 failed:\n%2"_s.arg(tool, output.right(3000)), {}, {}};
    return success();
}

// What a database holds, in a line: "schema version 33, 52 people, 14 users"; empty when it
// holds no tables at all.
Result<QString> contentsOf(const ConnInfo &database)
{
    auto c = Connection::open(database);
    if (!c)
        return c.error();
    auto tables =
        queryValue(**c, u"SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
                        u"'information_schema')"_s);
    if (!tables)
        return tables.error();
    if (tables->integer() == 0)
        return QString();
    auto schema = Migrator(**c).state();
    auto counts =
        queryValue(**c, u"SELECT format('%s people, %s users', (SELECT count(*) FROM person), "
                        u"(SELECT count(*) FROM worker WHERE NOT is_virtual))"_s);
    QString text = u"%1 tables"_s.arg(tables->integer());
    if (schema)
        text = u"schema version %1"_s.arg(schema->current);
    if (counts)
        text += u", "_s + counts->text();
    return text;
}

Status exec(Connection &c, const QString &sql)
{
    auto done = execute(c, sql);
    return done ? success() : Status(done.error());
}

// In one transaction, so a client sees the old database or the new one: `current` (if any)
// becomes `old`, and `restored` takes its name.
Status swapInto(Connection &m, const QString &restored, const QString &current, const QString &old)
{
    const QString name = QString::fromLatin1(kEmbeddedDatabase);
    Transaction tx(m);
    if (!tx.started())
        return tx.beginError();
    if (!current.isEmpty()) {
        if (auto done = exec(m, u"ALTER DATABASE %1 RENAME TO %2"_s.arg(current, old)); !done)
            return done;
    }
    if (auto done = exec(m, u"ALTER DATABASE %1 RENAME TO %2"_s.arg(restored, name)); !done)
        return done;
    return tx.commit();
}
} // namespace

Status dumpDatabase(const ServerBinaries &binaries, const ConnInfo &from, const QString &file)
{
    return runTool(binaries, u"pg_dump"_s, {u"--format=custom"_s, u"--file=%1"_s.arg(file)}, from);
}

Status restoreDump(const ServerBinaries &binaries, const ConnInfo &into, const QString &file)
{
    if (!QFileInfo(file).isReadable())
        return Error{u"backup.file"_s, u"Cannot read the backup %1."_s.arg(file), {}, {}};
    return runTool(binaries, u"pg_restore"_s,
                   {u"--single-transaction"_s, u"--exit-on-error"_s, file}, into);
}

Status backupEmbedded(const LocalCluster &cluster, const QString &file)
{
    const ConnInfo database = cluster.connInfo(QString::fromLatin1(kEmbeddedDatabase));
    if (auto dumped = dumpDatabase(cluster.binaries(), database, file); !dumped)
        return dumped;
    return runTool(
        cluster.binaries(), u"pg_dumpall"_s,
        {u"--roles-only"_s, u"--no-role-passwords"_s, u"--file=%1"_s.arg(file + u".roles.sql"_s)},
        cluster.connInfo(u"postgres"_s));
}

Result<RestoreReport> restoreEmbedded(LocalCluster &cluster, const QString &file, bool replace)
{
    const QString name = QString::fromLatin1(kEmbeddedDatabase);
    const QString restoring = name + u"_restoring"_s;
    const QString replaced = name + u"_replaced"_s;
    if (!QFileInfo(file).isReadable())
        return Error{u"backup.file"_s, u"Cannot read the backup %1."_s.arg(file), {}, {}};
    auto maintenance = Connection::open(cluster.connInfo(u"postgres"_s));
    if (!maintenance)
        return maintenance.error();
    Connection &m = **maintenance;
    RestoreReport report;
    auto exists = queryValue(m, u"SELECT 1 FROM pg_database WHERE datname = $1"_s, {name});
    if (!exists)
        return exists.error();
    if (!exists->isNull()) {
        auto contents = contentsOf(cluster.connInfo(name));
        if (!contents)
            return contents.error();
        report.replaced = *contents;
    }
    if (!report.replaced.isEmpty() && !replace)
        return Error{u"backup.would_replace"_s,
                     u"The embedded database in %1 holds data (%2); nothing was restored."_s.arg(
                         cluster.directory(), report.replaced),
                     {},
                     u"To replace it with the backup, give --replace (back it up first with "
                     u"'cpisctl db backup FILE')."_s};

    // The roles the dump's grants name, on a cluster that lacks them (another machine).
    const QString roles = file + u".roles.sql"_s;
    if (QFileInfo(roles).isReadable()) {
        auto before = queryValue(m, u"SELECT count(*) FROM pg_roles"_s);
        // Roles there already are refused one by one; psql goes on to the next.
        if (auto made = runTool(cluster.binaries(), u"psql"_s, {u"--quiet"_s, u"--file"_s, roles},
                                cluster.connInfo(u"postgres"_s));
            !made)
            return made.error();
        auto after = queryValue(m, u"SELECT count(*) FROM pg_roles"_s);
        report.rolesAdded = before && after && after->integer() > before->integer();
    }

    for (const QString &sql : {u"DROP DATABASE IF EXISTS %1"_s.arg(restoring),
                               u"DROP DATABASE IF EXISTS %1"_s.arg(replaced),
                               u"CREATE DATABASE %1 TEMPLATE template0"_s.arg(restoring)}) {
        if (auto done = exec(m, sql); !done)
            return done.error();
    }
    if (auto restored = restoreDump(cluster.binaries(), cluster.connInfo(restoring), file);
        !restored) {
        (void)exec(m, u"DROP DATABASE IF EXISTS %1"_s.arg(restoring));
        Error e = restored.error();
        e.message =
            u"The backup %1 could not be restored; the embedded database is as it was.\n"_s.arg(
                file) +
            e.message;
        return e;
    }
    // Nobody may be connected to a database that is renamed: clients reconnect to the new one.
    if (!exists->isNull()) {
        QStringList steps{u"ALTER DATABASE %1 ALLOW_CONNECTIONS false"_s.arg(name),
                          u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname "
                          u"= '%1' AND pid <> pg_backend_pid()"_s.arg(name)};
        for (const QString &sql : steps) {
            if (auto done = exec(m, sql); !done)
                return done.error();
        }
    }
    if (auto swapped = swapInto(m, restoring, exists->isNull() ? QString() : name, replaced);
        !swapped) {
        (void)exec(m, u"ALTER DATABASE %1 ALLOW_CONNECTIONS true"_s.arg(name));
        (void)exec(m, u"DROP DATABASE IF EXISTS %1"_s.arg(restoring));
        return swapped.error();
    }
    if (!exists->isNull()) {
        if (auto dropped = exec(m, u"DROP DATABASE %1"_s.arg(replaced)); !dropped)
            return dropped.error();
    }
    auto now = contentsOf(cluster.connInfo(name));
    if (!now)
        return now.error();
    report.restored = now->isEmpty() ? u"no tables"_s : *now;
    return report;
}

} // namespace cpis
