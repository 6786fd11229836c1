#include "db/migrator.h"

#include "db/rows.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Any fixed number will do; it only has to be the same in every client.
constexpr qint64 kMigrationLockKey = 0x43504953'4D494752; // "CPISMIGR"

Error schemaNewerError(const SchemaState &s)
{
    return Error{
        u"db.schema_newer"_s,
        u"The database schema (version %1) is newer than this program knows (version %2)."_s
            .arg(s.current)
            .arg(s.latestKnown),
        {},
        u"Install the newer version of CP-IS Workview. Until then nothing can be saved."_s};
}

Status inTransaction(Connection &connection, const std::function<Status()> &work)
{
    Transaction tx(connection);
    if (!tx.started())
        return tx.beginError();
    if (auto done = work(); !done)
        return done;
    return tx.commit();
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<bool> tableExists(Connection &connection, const QString &table)
{
    auto exists = queryValue(connection, u"SELECT to_regclass($1) IS NOT NULL"_s,
                             {QString(u"public."_s + table)});
    if (!exists)
        return exists.error();
    return exists->boolean();
}
} // namespace

QList<Migration> Migrator::bundled()
{
    static const QRegularExpression fileName(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> list;
    const QDir dir(u":/migrations"_s);
    for (const QString &entry : dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name)) {
        const auto match = fileName.match(entry);
        // A badly named file is a packaging mistake, not a user error.
        Q_ASSERT_X(match.hasMatch(), "Migrator::bundled", qPrintable(entry));
        if (!match.hasMatch())
            continue;
        const QByteArray bytes = readResource(dir.filePath(entry));
        list.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(bytes),
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
    }
    return list;
}

FunctionSet FunctionSet::from(QList<File> files)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const File &f : std::as_const(files)) {
        hash.addData(QByteArray(f.name.toUtf8() + '\n'));
        hash.addData(f.sql.toUtf8());
    }
    return {std::move(files), hash.result().toHex()};
}

FunctionSet Migrator::bundledFunctions()
{
    QList<FunctionSet::File> files;
    const QString order = QString::fromUtf8(readResource(u":/functions/ORDER"_s));
    for (const QString &line : order.split(u'\n')) {
        const QString name = line.trimmed();
        if (name.isEmpty() || name.startsWith(u'#'))
            continue;
        const QString path = u":/functions/"_s + name;
        // A file named in ORDER but not compiled in is a packaging mistake.
        Q_ASSERT_X(QFile::exists(path), "Migrator::bundledFunctions", qPrintable(name));
        files.append({name, QString::fromUtf8(readResource(path))});
    }
    return FunctionSet::from(std::move(files));
}

Migrator::Migrator(Connection &connection) : Migrator(connection, bundled(), bundledFunctions()) {}

Migrator::Migrator(Connection &connection, QList<Migration> migrations, FunctionSet functions)
    : m_connection(connection), m_migrations(std::move(migrations)),
      m_functions(std::move(functions))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

Result<int> Migrator::currentVersion()
{
    auto exists = tableExists(m_connection, u"schema_migrations"_s);
    if (!exists)
        return exists.error();
    if (!*exists)
        return 0;
    auto version =
        queryValue(m_connection, u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
    if (!version)
        return version.error();
    return int(version->integer());
}

Result<SchemaState> Migrator::state()
{
    auto current = currentVersion();
    if (!current)
        return current.error();
    return SchemaState{*current, m_migrations.isEmpty() ? 0 : m_migrations.last().version};
}

Status Migrator::ensureHistoryTables()
{
    // The function set is recorded apart: it is re-applied whenever it changes, not once.
    const QList<std::pair<QString, QString>> tables{{u"schema_migrations"_s, uR"(
        CREATE TABLE schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT current_user
        ))"_s},
                                                    {u"schema_functions"_s, uR"(
        CREATE TABLE schema_functions (
            only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            schema_version integer NOT NULL,
            checksum       text NOT NULL,
            applied_at     timestamptz NOT NULL DEFAULT now(),
            applied_by     text NOT NULL DEFAULT current_user
        ))"_s}};
    for (const auto &[name, create] : tables) {
        auto exists = tableExists(m_connection, name);
        if (!exists)
            return exists.error();
        if (*exists)
            continue;
        if (auto created = execute(m_connection, create); !created)
            return created.error();
    }
    return success();
}

Status Migrator::applyMigration(const Migration &migration)
{
    if (auto ran = m_connection.execScript(migration.sql); !ran) {
        Error e = ran.error();
        e.message =
            u"Migration %1 (%2) failed: %3"_s.arg(migration.version).arg(migration.name, e.message);
        return e;
    }
    auto recorded =
        execute(m_connection,
                u"INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)"_s,
                {migration.version, migration.name, QString::fromLatin1(migration.checksum)});
    if (!recorded)
        return recorded.error();
    return success();
}

Result<bool> Migrator::functionsAreDue(int latestKnown)
{
    if (m_functions.isEmpty())
        return false;
    auto recorded =
        execute(m_connection, u"SELECT schema_version, checksum FROM schema_functions"_s);
    if (!recorded)
        return recorded.error();
    if (recorded->isEmpty())
        return true;
    const Row row = (*recorded)[0];
    // A newer program installed its functions: ours are older, and must not replace them.
    if (row.integer("schema_version") > latestKnown)
        return false;
    return row.text("checksum") != QString::fromLatin1(m_functions.checksum);
}

Status Migrator::applyFunctions(int latestKnown)
{
    auto due = functionsAreDue(latestKnown);
    if (!due)
        return due.error();
    if (!*due)
        return success();
    for (const FunctionSet::File &file : std::as_const(m_functions.files)) {
        if (auto ran = m_connection.execScript(file.sql); !ran) {
            Error e = ran.error();
            e.message = u"The SQL functions of %1 failed: %2"_s.arg(file.name, e.message);
            return e;
        }
    }
    auto recorded = execute(m_connection, uR"(
        INSERT INTO schema_functions (schema_version, checksum) VALUES ($1, $2)
        ON CONFLICT (only_row) DO UPDATE
        SET schema_version = EXCLUDED.schema_version, checksum = EXCLUDED.checksum,
            applied_at = now(), applied_by = current_user)"_s,
                            {latestKnown, QString::fromLatin1(m_functions.checksum)});
    if (!recorded)
        return recorded.error();
    m_appliedFunctions = true;
    return success();
}

Result<QList<int>> Migrator::migrate()
{
    m_appliedFunctions = false;
    // A session lock, so that it also covers creating the history tables.
    if (auto locked = execute(m_connection, u"SELECT pg_advisory_lock($1)"_s, {kMigrationLockKey});
        !locked)
        return locked.error();
    auto unlock = qScopeGuard([this] {
        (void)execute(m_connection, u"SELECT pg_advisory_unlock($1)"_s, {kMigrationLockKey});
    });

    auto before = state();
    if (!before)
        return before.error();
    if (before->isNewerThanKnown())
        return schemaNewerError(*before);
    if (auto tables = ensureHistoryTables(); !tables)
        return tables.error();

    QList<const Migration *> pending;
    for (const Migration &m : std::as_const(m_migrations)) {
        if (m.version > before->current)
            pending.append(&m);
    }
    QList<int> applied;
    // Each migration in its own transaction, the last together with the functions: a
    // migration that drops a function and the file that defines it anew go in at once.
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const bool last = i + 1 == pending.size();
        auto done = inTransaction(m_connection, [&]() -> Status {
            if (auto migrated = applyMigration(*pending[i]); !migrated)
                return migrated;
            return last ? applyFunctions(before->latestKnown) : success();
        });
        if (!done)
            return done.error();
        applied.append(pending[i]->version);
    }
    if (pending.isEmpty()) {
        if (auto done =
                inTransaction(m_connection, [&] { return applyFunctions(before->latestKnown); });
            !done)
            return done.error();
    }
    return applied;
}

Status makeSessionReadOnly(Connection &connection)
{
    auto done = execute(connection, u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s);
    if (!done)
        return done.error();
    return success();
}

} // namespace cpis
