// cpisctl as a user runs it: output and exit codes (0 ok, 1 check failed, 2 usage, 3 unreachable).
#include "db/local_cluster.h"
#include "db/migrator.h"
#include "db/rows.h"
#include "domain/sealed_secret.h"
#include "support/process.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis::test;

TEST_CASE("nhs-number check prints one line per number and exits 0 when all are valid", "[cli]")
{
    const auto r = runCpisctl({u"nhs-number"_s, u"check"_s, u"999 000 0026"_s, u"999-000-0131"_s});
    CHECK(r.exitCode == 0);
    CHECK(r.out == u"9990000026 valid\n9990000131 valid\n"_s);
}

TEST_CASE("nhs-number check gives each invalid number with its reason and exits 1", "[cli]")
{
    const auto r = runCpisctl({u"nhs-number"_s, u"check"_s, u"9990000026"_s, u"999 000 0027"_s,
                               u"12345"_s, u"99900000A6"_s, u"9990000001"_s});
    CHECK(r.exitCode == 1);
    CHECK(r.out == u"9990000026 valid\n"
                   "999 000 0027 invalid: check digit mismatch\n"
                   "12345 invalid: wrong length\n"
                   "99900000A6 invalid: not digits\n"
                   "9990000001 invalid: check digit would be 10\n"_s);
}

TEST_CASE("Usage errors exit 2 and say what is wrong", "[cli]")
{
    CHECK(runCpisctl({}).exitCode == 2);
    const auto unknown = runCpisctl({u"frobnicate"_s});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(u"unknown command 'frobnicate'"_s));
    const auto noNumbers = runCpisctl({u"nhs-number"_s, u"check"_s});
    CHECK(noNumbers.exitCode == 2);
    const auto badOption = runCpisctl({u"db"_s, u"status"_s, u"--no-such-option"_s});
    CHECK(badOption.exitCode == 2);
    CHECK(badOption.err.contains(u"no-such-option"_s));
    const auto badConnInfo =
        runCpisctl({u"db"_s, u"status"_s, u"--database"_s, u"nonsense_keyword=1"_s});
    CHECK(badConnInfo.exitCode == 2);
    CHECK(badConnInfo.err.contains(u"connection string is not valid"_s));
}

TEST_CASE("An unreachable database exits 3 with the reason", "[cli]")
{
    const auto r =
        runCpisctl({u"db"_s, u"status"_s, u"--database"_s, u"host=/nonexistent/dir dbname=cpis"_s});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains(u"/nonexistent/dir"_s));
    CHECK(r.err.contains(u"What to try"_s));
}

TEST_CASE("db migrate then db status on a shared server", "[cli]")
{
    TestDatabase db(TestDatabase::Schema::Empty);
    const QString conninfo = db.connInfo().toKeywordValueString();

    const auto before = runCpisctl({u"db"_s, u"status"_s, u"--database"_s, conninfo});
    CHECK(before.exitCode == 1);
    CHECK(before.out.contains(u"pending"_s));

    const auto migrate = runCpisctl({u"db"_s, u"migrate"_s, u"--database"_s, conninfo});
    CHECK(migrate.exitCode == 0);
    CHECK(migrate.out.contains(u"Applied migration(s) 1"_s));

    // CPIS_DATABASE chooses the database just as --database does.
    auto env = cleanEnvironment();
    env.insert(u"CPIS_DATABASE"_s, conninfo);
    const auto after = runCpisctl({u"db"_s, u"status"_s}, env);
    CHECK(after.exitCode == 0);
    CHECK(after.out.contains(
        u"Schema:       version %1, up to date"_s.arg(cpis::Migrator::bundled().last().version)));
    CHECK(after.out.contains(u"Connected as: cpis_owner"_s));
    CHECK(after.out.contains(u"Server:       PostgreSQL 1"_s));

    const auto again = runCpisctl({u"db"_s, u"migrate"_s}, env);
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(u"already up to date"_s));
}

TEST_CASE("With nothing configured cpisctl uses the embedded cluster and can stop it", "[cli]")
{
    QTemporaryDir dataDir(QDir::tempPath() + u"/cpis-data-XXXXXX"_s);
    REQUIRE(dataDir.isValid());
    // When the tests run as root the server runs as another account, which must reach the folder.
    QFile::setPermissions(dataDir.path(), QFile::permissions(dataDir.path()) |
                                              QFileDevice::ExeOther | QFileDevice::ReadOther);
    auto env = cleanEnvironment();
    env.insert(u"CPIS_DATA_DIR"_s, dataDir.path());

    const auto migrate = runCpisctl({u"db"_s, u"migrate"_s}, env);
    INFO(migrate.err.toStdString());
    CHECK(migrate.exitCode == 0);
    const auto status = runCpisctl({u"db"_s, u"status"_s}, env);
    CHECK(status.exitCode == 0);
    CHECK(status.out.contains(u"embedded, with sample data (fictional children), in "_s +
                              dataDir.path()));

    // The embedded database has its own exchange key pair: a MESH secret can be set, and is
    // stored sealed for the private key beside the cluster, readable only by this user.
    env.remove(QString::fromLatin1(cpis::kExchangeKeyFileVariable));
    const QString keyFile = dataDir.path() + u"/cluster/exchange-key.pem"_s;
    REQUIRE(QFile::exists(keyFile));
    CHECK(QFile::permissions(keyFile) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadUser | QFileDevice::WriteUser));
    const auto set = runCpisctl({u"config"_s, u"set"_s, u"mesh.password"_s, u"--stdin"_s},
                                "embedded-mailbox-password\n", env);
    INFO(set.err.toStdString());
    CHECK(set.exitCode == 0);
    {
        auto binaries = cpis::ServerBinaries::find();
        REQUIRE(binaries);
        const cpis::LocalCluster cluster(dataDir.path() + u"/cluster"_s, *binaries);
        auto owner = cpis::Connection::open(cluster.connInfo(u"cpis"_s));
        REQUIRE(owner);
        auto stored =
            cpis::queryValue(**owner, u"SELECT value FROM config WHERE key = 'mesh.password'"_s);
        REQUIRE(stored);
        auto opener = cpis::SecretOpener::fromFile(keyFile);
        REQUIRE(opener);
        auto opened = opener->open(stored->text(), u"mesh.password"_s);
        REQUIRE(opened);
        CHECK(*opened == u"embedded-mailbox-password"_s);
    }

    const auto stop = runCpisctl({u"db"_s, u"stop"_s}, env);
    CHECK(stop.exitCode == 0);
    CHECK(stop.out.contains(u"stopped"_s));
}
