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
// How long the migrator waits for the migration lock before it says who holds it.
constexpr auto kLockPatience = u"3s";

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
        // A fresh database has no table to lock yet: another migrator creating it at the same
        // moment makes this CREATE fail, and the table is then there.
        if (auto created = execute(m_connection, create); !created) {
            auto now = tableExists(m_connection, name);
            if (!now || !*now)
                return created.error();
        }
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

void Migrator::say(const QString &line) const
{
    qWarning("%s", qUtf8Printable(line));
    if (m_progress)
        m_progress(line);
}

Result<QString> Migrator::lockHolder()
{
    auto holders = execute(m_connection, uR"(
        SELECT a.usename, a.application_name, a.client_addr::text AS client,
               to_char(coalesce(a.xact_start, a.backend_start), 'YYYY-MM-DD HH24:MI:SS TZ') AS since
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'relation' AND l.granted AND l.relation = 'schema_migrations'::regclass
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.mode IN ('ExclusiveLock', 'AccessExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock',
                         'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock')
          AND l.pid <> pg_backend_pid())"_s);
    if (!holders)
        return holders.error();
    QStringList names;
    for (const Row &row : *holders) {
        names << u"login %1 (application \"%2\"%3) since %4"_s.arg(
            row.text("usename"), row.text("application_name"),
            row.isNull("client") ? QString() : u", from "_s + row.text("client"),
            row.isNull("since") ? u"an unknown time"_s : row.text("since"));
    }
    return names.join(u"; "_s);
}

Status Migrator::lockHistory()
{
    // EXCLUSIVE mode needs UPDATE, DELETE or TRUNCATE on the table, which only its owner (the
    // schema owner) has: no ordinary login can hold it to stop every client's migration, as
    // it could an advisory lock. Plain reads of schema_migrations do not conflict with it.
    auto patience = queryValue(m_connection, u"SELECT current_setting('lock_timeout')"_s);
    if (!patience)
        return patience.error();
    QString named;
    for (;;) {
        for (const auto &statement :
             {u"SAVEPOINT migration_lock"_s, u"SET LOCAL lock_timeout = '%1'"_s.arg(kLockPatience)})
            if (auto done = execute(m_connection, statement); !done)
                return done.error();
        auto locked = execute(m_connection, u"LOCK TABLE schema_migrations IN EXCLUSIVE MODE"_s);
        if (locked) {
            if (auto restored =
                    execute(m_connection, u"SELECT set_config('lock_timeout', $1, true)"_s,
                            {patience->text()});
                !restored)
                return restored.error();
            return success();
        }
        if (!locked.error().isSqlState(u"55P03"))
            return locked.error();
        if (auto back = execute(m_connection, u"ROLLBACK TO SAVEPOINT migration_lock"_s); !back)
            return back.error();
        auto holder = lockHolder();
        if (!holder)
            return holder.error();
        if (*holder != named) {
            named = *holder;
            say(u"Waiting for the database's migration lock, held by %1."_s.arg(
                named.isEmpty() ? u"a session this login cannot see"_s : named));
        }
    }
}

Status Migrator::actAsSchemaOwner()
{
    auto who = execute(m_connection, uR"(
        SELECT o.rolname AS owner, current_user = o.rolname AS acting,
               pg_has_role(session_user, o.oid, 'MEMBER') AS member
        FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
        WHERE c.oid = to_regclass('public.schema_migrations'))"_s);
    if (!who)
        return who.error();
    if (who->isEmpty() || (*who)[0].boolean("acting") || !(*who)[0].boolean("member"))
        return success(); // not a member: withMissingRights() explains the refusal
    auto set =
        execute(m_connection, u"SELECT set_config('role', $1, false)"_s, {(*who)[0].text("owner")});
    if (!set)
        return set.error();
    m_roleSet = true;
    return success();
}

Error Migrator::withMissingRights(Error error)
{
    if (!error.isSqlState(u"42501"))
        return error;
    auto who = execute(m_connection, uR"(
        SELECT session_user AS login, current_database() AS db,
               (SELECT o.rolname FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
                WHERE c.oid = to_regclass('public.schema_migrations')) AS owner)"_s);
    if (!who || who->isEmpty())
        return error;
    const Row row = (*who)[0];
    const QString owner =
        row.isNull("owner") ? u"the database's owner"_s : u"the role %1"_s.arg(row.text("owner"));
    error.code = u"db.not_schema_owner"_s;
    error.message =
        u"The login %1 cannot bring database %2 up to date: its schema belongs to %3, and %1 is "
        u"not a member of it. Migrating needs the schema owner's rights (the server said: %4)"_s
            .arg(row.text("login"), row.text("db"), owner, error.message);
    error.hint = u"Run 'cpisctl setup --database \"dbname=%1 user=ADMIN ...\"' as the server's "
                 u"administrator (a superuser, or the login with CREATEDB and CREATEROLE that "
                 u"set the database up): it applies the migrations as the schema owner. See "
                 u"README, \"Running for an authority\"."_s.arg(row.text("db"));
    return error;
}

Result<QList<int>> Migrator::migrate()
{
    m_appliedFunctions = false;
    auto migrated = migrateAsOwner();
    if (m_roleSet) {
        m_roleSet = false;
        if (auto reset = execute(m_connection, u"RESET ROLE"_s); !reset && migrated)
            return reset.error();
    }
    if (!migrated)
        return withMissingRights(migrated.error());
    return migrated;
}

Result<QList<int>> Migrator::migrateAsOwner()
{
    auto before = state();
    if (!before)
        return before.error();
    if (before->isNewerThanKnown())
        return schemaNewerError(*before);
    if (auto tables = ensureHistoryTables(); !tables)
        return tables.error();
    // Up to date: nothing to lock, so any login may ask (only the owner can take the lock).
    if (!before->isBehind()) {
        auto due = functionsAreDue(before->latestKnown);
        if (!due)
            return due.error();
        if (!*due)
            return QList<int>();
    }
    if (auto owner = actAsSchemaOwner(); !owner)
        return owner.error();

    // One migration per transaction, each under the migration lock, deciding what is next
    // under it: another client may have applied some meanwhile. The last migration goes
    // together with the functions: one that drops a function and the file that defines it
    // anew go in at once.
    QList<int> applied;
    for (bool finished = false; !finished;) {
        int version = 0;
        auto done = inTransaction(m_connection, [&]() -> Status {
            if (auto locked = lockHistory(); !locked)
                return locked;
            auto now = state();
            if (!now)
                return now.error();
            if (now->isNewerThanKnown())
                return schemaNewerError(*now);
            const auto next =
                std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                             [&](const Migration &m) { return m.version > now->current; });
            finished = next == m_migrations.cend() || next + 1 == m_migrations.cend();
            if (next != m_migrations.cend()) {
                if (auto migrated = applyMigration(*next); !migrated)
                    return migrated;
                version = next->version;
            }
            return finished ? applyFunctions(now->latestKnown) : success();
        });
        if (!done)
            return done.error();
        if (version != 0)
            applied.append(version);
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
