// Brings a database's schema up to the version this program knows, one numbered SQL
// file at a time, serialised across every client by an advisory lock.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cpis {

struct Migration
{
    int version = 0;
    QString name; // from the file name: 0001_foundation.sql -> "foundation"
    QString sql;
    QByteArray checksum; // SHA-256 hex of the file, recorded when applied
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

    explicit Migrator(Connection &connection, QList<Migration> migrations = bundled());

    Result<SchemaState> state();
    // Applies what is missing and returns the versions applied. Refuses, changing nothing,
    // when the database's schema is newer than this program (error code "db.schema_newer").
    Result<QList<int>> migrate();

private:
    Status ensureHistoryTable();
    Result<int> currentVersion();
    Status apply(const Migration &migration);

    Connection &m_connection;
    QList<Migration> m_migrations;
};

// Makes this session refuse every write: used when the schema is newer than we know.
Status makeSessionReadOnly(Connection &connection);

} // namespace cpis
