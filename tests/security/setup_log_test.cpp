// Issue 21, "Backups and logs hold secrets": what `cpisctl setup` leaves in a server log with
// log_statement=all and the server's default log_parameter_max_length (every bind parameter
// logged). Run by a superuser it keeps its session's statements out of the log altogether; run
// by the README's installer (CREATEDB and CREATEROLE, who may not change those settings) the
// log may hold the SCRAM verifiers it sends, never a password (docs/security.md, "What the
// server log holds"; the deploy test covers the README's log_parameter_max_length = 0).
#include "db/connection.h"
#include "db/rows.h"
#include "db/server_setup.h"
#include "support/case_world.h"
#include "support/test_cluster_state.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
QString sharedClusterLog()
{
    const auto state = test::TestClusterState::load();
    REQUIRE(state);
    QFile log(state->directory + u"/server.log"_s);
    REQUIRE(log.open(QIODevice::ReadOnly));
    return QString::fromUtf8(log.readAll());
}

// Sets up database `dbname` as `login` (the cluster's superuser when empty), every statement of
// its sessions logged unless setup says otherwise; returns the exchange's password it wrote.
QString setUp(const QString &dbname, const QString &login, const QString &firstAdmin,
              const QString &password)
{
    ConnInfo admin = test::TestClusterState::load()->connInfo(dbname);
    if (!login.isEmpty())
        admin.set(u"user"_s, login); // its log_statement is set on the role
    else
        admin.set(u"options"_s, u"-c log_statement=all"_s);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString pgpass = dir.filePath(u"exchange.pgpass"_s);
    ServerSetup setup({admin, firstAdmin, u"Ada Admin"_s, password, {}, pgpass});
    const auto done = setup.run();
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done.ok());
    QFile file(pgpass);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll()).trimmed().section(u':', 4);
}
} // namespace

TEST_CASE("With log_statement=all, cpisctl setup leaves no password in the server log: as a "
          "superuser none of its statements, as the installer at most a verifier",
          "[security][secrets]")
{
    auto superuser = test::openMaintenance();
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString bySuperuser = u"sl_su_"_s + tag;
    const QString byInstaller = u"sl_in_"_s + tag;
    const QString installer = u"installer_"_s + tag;
    const QString password = u"First-Admin-Pw-"_s + tag;
    test::require(
        execute(*superuser, u"CREATE ROLE %1 LOGIN CREATEDB CREATEROLE"_s.arg(installer)));
    test::require(execute(*superuser, u"ALTER ROLE %1 SET log_statement = 'all'"_s.arg(installer)));

    const QString superuserExchange = setUp(bySuperuser, {}, u"adm."_s + bySuperuser, password);
    const QString installerExchange =
        setUp(byInstaller, installer, u"adm."_s + byInstaller, password);
    const QString log = sharedClusterLog();
    for (const QString &db : {bySuperuser, byInstaller}) {
        INFO(db.toStdString());
        REQUIRE(log.contains(u"CREATE DATABASE \""_s + db)); // each was logging its statements
        (void)execute(*superuser, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(db));
    }
    // The superuser's setup: nothing of what it did in the database, not even the logins.
    CHECK_FALSE(log.contains(u"adm."_s + bySuperuser));
    CHECK_FALSE(log.contains(u"exchange."_s + bySuperuser));
    // The installer's: its statements and their parameters, the verifiers among them (the
    // README's log_parameter_max_length = 0 keeps those out; the deploy test shows it).
    CHECK(log.contains(u"adm."_s + byInstaller));
    CHECK(log.contains(u"exchange."_s + byInstaller));
    CHECK(log.contains(u"SCRAM-SHA-256$"_s));
    for (const QString &secret : {password, superuserExchange, installerExchange}) {
        INFO("a password setup used is in the server log");
        CHECK_FALSE(secret.isEmpty());
        CHECK_FALSE(log.contains(secret));
    }
}
