// README.md's "Running for an authority", followed literally on a loopback PostgreSQL server
// with TLS and scram-sha-256 made here: its postgresql.conf and pg_hba.conf blocks go into the
// server, its settings block gets this server's values, and every other `sh` block, except
// the ones marked "as root" (done here in the test's own way), runs in order in one bash.
// So the README cannot drift from what works.
#include "db/connection.h"
#include "db/rows.h"
#include "security/loopback_server.h"
#include "security/test_certificates.h"
#include "support/case_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
struct Block
{
    QString language;
    QStringList lines;
};

// The fenced blocks of the README's section `heading` (up to the next "## " heading).
QList<Block> sectionBlocks(const QString &heading)
{
    QFile file(QStringLiteral(CPIS_README));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(u"\n## "_s + heading + u'\n');
    REQUIRE(start >= 0);
    const qsizetype end = text.indexOf(u"\n## "_s, start + 4);
    QList<Block> blocks;
    Block *open = nullptr;
    for (const QString &line : text.mid(start, end < 0 ? -1 : end - start).split(u'\n')) {
        if (line.startsWith(u"```"_s)) {
            if (open) {
                open = nullptr;
            } else {
                blocks.append({line.mid(3).trimmed(), {}});
                open = &blocks.last();
            }
        } else if (open) {
            open->lines << line;
        }
    }
    REQUIRE(open == nullptr); // every fence closed
    return blocks;
}

const Block &onlyBlock(const QList<Block> &blocks, const QString &language)
{
    const Block *found = nullptr;
    for (const Block &b : blocks)
        if (b.language == language) {
            REQUIRE(found == nullptr);
            found = &b;
        }
    REQUIRE(found);
    return *found;
}

bool isSettings(const Block &b)
{
    return !b.lines.isEmpty() && b.lines.first().startsWith(u"# settings"_s);
}
bool isForRoot(const Block &b)
{
    return !b.lines.isEmpty() && b.lines.first().startsWith(u"# as root"_s);
}

ConnInfo as(const test::LoopbackServer &server, const QString &dbname, const QString &login,
            const QString &password)
{
    ConnInfo info = server.connInfo(dbname);
    info.set(u"user"_s, login);
    info.set(u"sslmode"_s, u"require"_s);
    if (!password.isEmpty())
        info.set(u"password"_s, password);
    return info;
}
} // namespace

TEST_CASE("The README's \"Running for an authority\" commands, followed literally, on a "
          "TLS server with scram-sha-256",
          "[deploy]")
{
    QElapsedTimer clock;
    clock.start();
    const QList<Block> blocks = sectionBlocks(u"Running for an authority"_s);

    // The server: the README's settings, this test's certificate (self-signed by its own CA,
    // made with openssl) in place of the authority's, and its pg_hba.conf lines after one
    // line of this test's own: the superuser, for what the README does "as root".
    test::ServerFolder folder;
    const test::TestCertificateAuthority ca(folder.path(u"tls"_s), u"db"_s);
    QStringList settings = test::serverTlsSettings(
        ca.issue(u"db-server"_s, u"localhost"_s, {u"DNS:localhost"_s, u"IP:127.0.0.1"_s}));
    for (const QString &line : onlyBlock(blocks, u"conf"_s).lines)
        if (!line.startsWith(u"ssl"_s) && !line.startsWith(u"listen_addresses"_s) &&
            !line.trimmed().isEmpty())
            settings << line;
    QStringList hba{
        u"hostssl all %1 127.0.0.1/32 trust"_s.arg(QString::fromLatin1(LocalCluster::kSuperuser))};
    hba << onlyBlock(blocks, u"text"_s).lines;
    auto server = test::LoopbackServer::primary(folder.path(u"server"_s), settings, hba);
    const ConnInfo superuser =
        as(*server, u"postgres"_s, QString::fromLatin1(LocalCluster::kSuperuser), {});

    // "as root": the installer login, CREATEDB and CREATEROLE only, its password in ~/.pgpass.
    const QString installerPassword = u"installer-Secret-1"_s;
    {
        auto root = test::require(Connection::open(superuser));
        test::require(execute(*root, u"CREATE ROLE cpis_installer LOGIN CREATEDB CREATEROLE "
                                     u"PASSWORD '%1'"_s.arg(installerPassword)));
        CHECK(test::require(queryValue(*root, u"SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM "
                                              u"pg_authid WHERE rolname = 'cpis_installer'"_s))
                  .boolean());
    }
    QTemporaryDir home;
    REQUIRE(home.isValid());
    {
        QFile pgpass(home.filePath(u".pgpass"_s));
        REQUIRE(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(u"*:*:*:cpis_installer:%1\n"_s.arg(installerPassword).toUtf8());
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    // The README's commands, in order, with this server in the settings block.
    const QString database = u"cpis_production"_s;
    // exchange.pgpass is written where the commands run.
    QStringList script{u"set -euo pipefail"_s, u"cd \"$HOME\""_s};
    int ran = 0;
    bool settingsSeen = false;
    for (const Block &b : blocks) {
        if (b.language != u"sh"_s || isForRoot(b))
            continue;
        if (isSettings(b)) {
            settingsSeen = true;
            script << u"SERVER=\"host=localhost port=%1 sslmode=verify-full sslrootcert=%2\""_s
                          .arg(server->port())
                          .arg(ca.certificate())
                   << u"DATABASE=%1"_s.arg(database);
            continue;
        }
        script << b.lines;
        ++ran;
    }
    REQUIRE(settingsSeen);
    REQUIRE(ran >= 3); // set up, add a user, upgrade
    const QString adminPassword = u"Admin-Pass-7"_s;
    const QString userPassword = u"Jane-Pass-8"_s;

    QProcessEnvironment env = test::cleanEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"PATH"_s, QFileInfo(QStringLiteral(CPIS_CPISCTL)).absolutePath() + u':' +
                              env.value(u"PATH"_s));
    const auto run = test::runProgram(u"bash"_s, {u"-c"_s, script.join(u'\n')}, env, 50000,
                                      (adminPassword + u'\n' + userPassword + u'\n').toUtf8());
    INFO(script.join(u'\n').toStdString());
    INFO(run.out.toStdString());
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(
        run.out.contains(u"Made the database cpis_production, owned by cpis_production_owner."_s));
    CHECK(run.out.contains(u"Found the schema up to date"_s)); // the upgrade, run again

    // The first administrator signs in with the password (libpq, TLS), as do Jane and the
    // exchange (with the password setup wrote for it); nothing signs in without TLS.
    auto admin =
        test::require(Connection::open(as(*server, database, u"it.admin"_s, adminPassword)));
    CHECK(test::require(
              queryValue(*admin, u"SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s))
              .boolean());
    CHECK(
        test::require(queryValue(*admin, u"SELECT name FROM worker WHERE login = 'jane.okafor'"_s))
            .text() == u"Jane Okafor"_s);
    CHECK(Connection::open(as(*server, database, u"jane.okafor"_s, userPassword)).ok());
    CHECK_FALSE(Connection::open(as(*server, database, u"jane.okafor"_s, u"wrong"_s)).ok());

    QFile exchangePgpass(home.filePath(u"exchange.pgpass"_s));
    REQUIRE(exchangePgpass.open(QIODevice::ReadOnly));
    CHECK(exchangePgpass.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadUser | QFileDevice::WriteUser));
    const QStringList entry = QString::fromUtf8(exchangePgpass.readAll()).trimmed().split(u':');
    REQUIRE(entry.size() == 5);
    CHECK(entry[3] == u"exchange.cpis_production"_s);
    auto exchange = Connection::open(as(*server, database, entry[3], entry[4]));
    REQUIRE(exchange.ok());
    CHECK(test::require(queryValue(**exchange, u"SELECT pg_has_role('cpis_exchange', 'MEMBER')"_s))
              .boolean());
    ConnInfo plain = as(*server, database, u"it.admin"_s, adminPassword);
    plain.set(u"sslmode"_s, u"disable"_s);
    CHECK_FALSE(Connection::open(plain).ok());

    INFO("took " << clock.elapsed() << " ms");
    CHECK(clock.elapsed() < 60000);
}
