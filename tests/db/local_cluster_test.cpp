// The embedded default: a private cluster made, reused and stopped in a folder of its own.
#include "db/connection.h"
#include "db/local_cluster.h"
#include "db/rows.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
ServerBinaries binaries()
{
    auto found = ServerBinaries::find();
    if (!found)
        FAIL(found.error().message.toStdString());
    return *found;
}
} // namespace

TEST_CASE("A cluster is created, started, reused and stopped", "[cluster]")
{
    QTemporaryDir dir(QDir::tempPath() + u"/cpis-cluster-XXXXXX"_s);
    REQUIRE(dir.isValid());
    LocalCluster cluster(dir.path(), binaries(), {.fast = true});
    CHECK_FALSE(cluster.exists());

    REQUIRE(cluster.ensureCreated().ok());
    CHECK(cluster.exists());
    REQUIRE(cluster.start().ok());
    CHECK(cluster.isRunning());
    CHECK(QFileInfo::exists(cluster.socketDirectory() + u"/.s.PGSQL.5432"_s));

    REQUIRE(cluster.ensureDatabase(u"cpis"_s).ok());
    {
        auto connection = Connection::open(cluster.connInfo(u"cpis"_s));
        REQUIRE(connection.ok());
        // Unix socket only: the server listens on no TCP address.
        CHECK(queryValue(*(*connection), u"SHOW listen_addresses"_s)->text().isEmpty());
        REQUIRE(execute(*(*connection), u"CREATE TABLE kept (n int)"_s).ok());
    }

    // A second handle on the same folder reuses the running server and its data.
    LocalCluster again(dir.path(), binaries());
    REQUIRE(again.ensureCreated().ok());
    REQUIRE(again.start().ok());
    REQUIRE(again.ensureDatabase(u"cpis"_s).ok());
    {
        auto connection = Connection::open(again.connInfo(u"cpis"_s));
        REQUIRE(connection.ok());
        CHECK(queryValue(*(*connection), u"SELECT to_regclass('kept') IS NOT NULL"_s)->boolean());
    }

    REQUIRE(cluster.stop().ok());
    CHECK_FALSE(cluster.isRunning());
    CHECK_FALSE(Connection::open(cluster.connInfo(u"cpis"_s)).ok());
    CHECK(cluster.stop().ok()); // stopping a stopped cluster is fine

    // Started again after a stop, the data is still there.
    REQUIRE(cluster.start().ok());
    auto connection = Connection::open(cluster.connInfo(u"cpis"_s));
    REQUIRE(connection.ok());
    CHECK(queryValue(*(*connection), u"SELECT to_regclass('kept') IS NOT NULL"_s)->boolean());
    connection->reset();
    REQUIRE(cluster.stop().ok());
}

TEST_CASE("Creating over an existing cluster is refused", "[cluster]")
{
    QTemporaryDir dir(QDir::tempPath() + u"/cpis-cluster-XXXXXX"_s);
    LocalCluster cluster(dir.path(), binaries(), {.fast = true});
    REQUIRE(cluster.create().ok());
    auto second = cluster.create();
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == u"cluster.exists"_s);
}

TEST_CASE("Missing server programs give a clear error naming the package to install", "[cluster]")
{
    QTemporaryDir nowhere;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, nowhere.path());
    auto found = ServerBinaries::find(env, nowhere.path());
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().code == u"cluster.no_binaries"_s);
    CHECK(found.error().message.contains(u"initdb"_s));
    CHECK(found.error().hint.contains(u"apt install postgresql"_s));
}

TEST_CASE("A CPIS_PG_BINDIR without the server programs is named in the error", "[cluster]")
{
    QTemporaryDir empty;
    QProcessEnvironment env;
    env.insert(u"CPIS_PG_BINDIR"_s, empty.path());
    auto found = ServerBinaries::find(env);
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().code == u"cluster.no_binaries"_s);
    CHECK(found.error().message.contains(empty.path()));
    CHECK(found.error().message.contains(u"initdb"_s));
}

TEST_CASE("Starting a folder with no cluster says so", "[cluster]")
{
    QTemporaryDir dir(QDir::tempPath() + u"/cpis-cluster-XXXXXX"_s);
    LocalCluster cluster(dir.path(), binaries());
    auto started = cluster.start();
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message.contains(dir.path()));
}
