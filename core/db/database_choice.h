// Which database a program uses, decided the same way by every executable:
// --database, then $CPIS_DATABASE, then libpq's own settings, then the embedded cluster.
#pragma once

#include "db/conn_info.h"
#include "db/connection.h"
#include "db/migrator.h"
#include "result.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace cpis {

struct DatabaseChoice
{
    enum class Source { CommandLine, Environment, LibpqSettings, Embedded };
    Source source = Source::Embedded;
    QString conninfo;          // as given; empty for libpq settings and the embedded cluster
    QString embeddedDirectory; // for the embedded cluster

    static DatabaseChoice
    choose(const std::optional<QString> &commandLine,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    [[nodiscard]] bool isEmbedded() const { return source == Source::Embedded; }
};

// An open connection and what a person needs to know about it.
struct OpenDatabase
{
    std::unique_ptr<Connection> connection;
    QString where;         // "embedded database in /home/x/..." or "host db1, database cpis"
    QString serverVersion; // "15.18"
    QString user;          // the role we are connected as
};

// Starts the embedded cluster when that is the choice, then connects.
Result<OpenDatabase> openDatabase(const DatabaseChoice &choice);

// The usual start: connect, then bring the schema up to date; an embedded database with
// no users yet (its first start) then gets the sample data. When the schema is newer than this
// program, the connection is made read-only and `schema` says so.
struct ReadyDatabase
{
    OpenDatabase db;
    SchemaState schema;
    QList<int> applied;
    bool sampleDataLoaded = false;
    [[nodiscard]] bool readOnly() const { return schema.isNewerThanKnown(); }
};
Result<ReadyDatabase> openAndMigrate(const DatabaseChoice &choice);

} // namespace cpis
