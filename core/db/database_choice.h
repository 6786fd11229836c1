// Which database a program uses, decided here and only here, the same way by the client and
// cpisctl. First match wins:
//   1. --database CONNINFO (the command line)
//   2. the environment: $CPIS_DATABASE, else libpq's own $PGSERVICE / $PGHOST
//   3. the user's settings file, [database] conninfo= (the client's QSettings file)
//   4. the site file, [database] conninfo= (/etc/cpis-workview/cpis-workview.conf)
//   5. the embedded cluster
// A settings file that exists but is wrong is an error, never a step down the list.
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
    enum class Source { CommandLine, Environment, LibpqSettings, UserFile, SiteFile, Embedded };
    Source source = Source::Embedded;
    QString conninfo;          // as given; empty for libpq settings and the embedded cluster
    QString embeddedDirectory; // for the embedded cluster
    QString file{};            // the settings file that chose it, with the line ("F, line 3")

    static Result<DatabaseChoice>
    choose(const std::optional<QString> &commandLine,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    [[nodiscard]] bool isEmbedded() const { return source == Source::Embedded; }
    // What chose it, for people: "--database", "the site file /etc/..., line 2", ...
    [[nodiscard]] QString origin() const;
    // What was chosen, before connecting, never a password: "host db1, database cpis", "the
    // embedded database in /home/x/...".
    [[nodiscard]] QString describe() const;
};

// What the embedded database is called wherever it is shown, so nobody mistakes its fictional
// children for real ones.
inline constexpr auto kEmbeddedWithSampleData = "embedded, with sample data (fictional children)";
inline constexpr auto kEmbeddedEmpty = "embedded";

// An open connection and what a person needs to know about it.
struct OpenDatabase
{
    std::unique_ptr<Connection> connection;
    // Which database, never a password: "host db1 (port 5432), database cpis, user alice", or
    // "embedded, with sample data (fictional children), in /home/x/...".
    QString where;
    QString serverVersion; // "15.18"
    QString user;          // the role we are connected as
};

// Starts the embedded cluster when that is the choice, then connects. Another machine named
// without an sslmode is connected with sslmode=verify-full (ConnInfo::requireVerifiedTls).
Result<OpenDatabase> openDatabase(const DatabaseChoice &choice);

// `cpisctl db init --empty`: the embedded cluster in `clusterDirectory` never gets the sample
// data (a single-machine authority's own database). A file beside the cluster says so.
Status markEmbeddedEmpty(const QString &clusterDirectory);

// The usual start: connect, then bring the schema up to date; an embedded database with
// no users yet (its first start) then gets the sample data, unless it was made empty. When the
// schema is newer than this program, the connection is made read-only and `schema` says so.
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
