// Brings a database's schema up to the version this program knows, one numbered SQL
// file at a time, then installs the program's SQL functions; serialised across every client
// by a lock on schema_migrations that only the schema owner can take.
//
// The rule (resources/sql/functions/ORDER says it in full): numbered migrations hold tables,
// data, grants, policies and triggers, and the DROPs of functions renamed, removed or given a
// new signature; every function's current definition lives once, in resources/sql/functions.
// Migrations 0001-0021 are history (applied once, never edited) and still create older
// versions of functions, which the function files then replace.
// A change to the function files comes with a new migration naming their checksum (a test
// checks it), so that an older program at the same schema version never puts back older ones.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace cpis {

struct Migration
{
    int version = 0;
    QString name; // from the file name: 0001_foundation.sql -> "foundation"
    QString sql;
    QByteArray checksum; // SHA-256 hex of the file, recorded when applied
};

// The files of resources/sql/functions, in the order of its ORDER file.
struct FunctionSet
{
    struct File
    {
        QString name; // "workflow_steps.sql"
        QString sql;
    };
    QList<File> files;
    QByteArray checksum; // SHA-256 hex over every file's name and text, in order

    [[nodiscard]] bool isEmpty() const { return files.isEmpty(); }
    static FunctionSet from(QList<File> files);
};

struct SchemaState
{
    int current = 0;     // highest version applied in the database
    int latestKnown = 0; // highest version this program carries
    [[nodiscard]] bool isNewerThanKnown() const { return current > latestKnown; }
    [[nodiscard]] bool isBehind() const { return current < latestKnown; }
};

class Migrator
{
public:
    // The migrations compiled into the program from resources/sql.
    static QList<Migration> bundled();
    // The functions compiled into the program from resources/sql/functions.
    static FunctionSet bundledFunctions();

    // The bundled migrations and functions.
    explicit Migrator(Connection &connection);
    // Only these migrations and functions (none: the functions step does nothing).
    Migrator(Connection &connection, QList<Migration> migrations, FunctionSet functions = {});

    Result<SchemaState> state();
    // Applies what is missing and returns the versions applied; then, in the transaction of
    // the last migration applied (or its own), the function files when their checksum differs
    // from the one recorded, unless a newer program recorded its function set. Refuses,
    // changing nothing, when the database's schema is newer than this program (error code
    // "db.schema_newer").
    Result<QList<int>> migrate();
    // Lines for the user while migrate() waits (who holds the migration lock); also logged.
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    // Whether the last migrate() (re)installed the functions.
    [[nodiscard]] bool appliedFunctions() const { return m_appliedFunctions; }

private:
    Status ensureHistoryTables();
    // Migrating is the schema owner's work: a login that is a member of the role owning
    // schema_migrations (the administrator who ran cpisctl setup) migrates as that role, so
    // every object keeps one owner; any other login is told exactly what it lacks.
    Status actAsSchemaOwner();
    Result<QList<int>> migrateAsOwner();
    // A refusal (42501) while migrating, in words saying which rights are missing.
    Error withMissingRights(Error error);
    // Takes the migration lock for this transaction, waiting as long as it takes; says who
    // holds it when that is more than a few seconds.
    Status lockHistory();
    // Who holds a lock on schema_migrations: login, application, since when; empty if none.
    Result<QString> lockHolder();
    void say(const QString &line) const;
    Result<int> currentVersion();
    Status applyMigration(const Migration &migration);
    Status applyFunctions(int latestKnown);
    Result<bool> functionsAreDue(int latestKnown);

    Connection &m_connection;
    QList<Migration> m_migrations;
    FunctionSet m_functions;
    bool m_appliedFunctions = false;
    bool m_roleSet = false; // actAsSchemaOwner() did SET ROLE; migrate() resets it
    std::function<void(const QString &)> m_progress;
};

// Makes this session refuse every write: used when the schema is newer than we know.
Status makeSessionReadOnly(Connection &connection);

} // namespace cpis
