#include "db/migrator.h"
#include "db/rows.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>

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
        QFile file(dir.filePath(entry));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        list.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(bytes),
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
    }
    return list;
}

Migrator::Migrator(Connection &connection, QList<Migration> migrations)
    : m_connection(connection), m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

Result<int> Migrator::currentVersion()
{
    auto exists =
        queryValue(m_connection, u"SELECT to_regclass('public.schema_migrations') IS NOT NULL"_s);
    if (!exists)
        return exists.error();
    if (!exists->boolean())
        return 0;
    auto version =
        queryValue(m_connection, u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
    if (!version)
        return version.error();
    return version->integer();
}

Result<SchemaState> Migrator::state()
{
    auto current = currentVersion();
    if (!current)
        return current.error();
    return SchemaState{*current, m_migrations.isEmpty() ? 0 : m_migrations.last().version};
}

Status Migrator::ensureHistoryTable()
{
    auto exists =
        queryValue(m_connection, u"SELECT to_regclass('public.schema_migrations') IS NOT NULL"_s);
    if (!exists)
        return exists.error();
    if (exists->boolean())
        return success();
    auto created = execute(m_connection, uR"(
        CREATE TABLE schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT current_user
        ))"_s);
    if (!created)
        return created.error();
    return success();
}

Status Migrator::apply(const Migration &migration)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
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
    return tx.commit();
}

Result<QList<int>> Migrator::migrate()
{
    // A session lock, so that it also covers creating the history table.
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
    if (auto table = ensureHistoryTable(); !table)
        return table.error();

    QList<int> applied;
    for (const Migration &m : std::as_const(m_migrations)) {
        if (m.version <= before->current)
            continue;
        if (auto done = apply(m); !done)
            return done.error();
        applied.append(m.version);
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
