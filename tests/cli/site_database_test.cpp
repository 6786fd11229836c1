// One place says which database: cpisctl and the client choose the same one from each source,
// say which it is (never a password), check another machine's certificate, and a wrong
// settings file stops both with its name and line.
#include "db/backup.h"
#include "db/local_cluster.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "support/process.h"
#include "support/test_database.h"
#include "support/upload_support.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
QString lineStarting(const QString &text, const QString &start)
{
    for (const QString &line : text.split(u'\n'))
        if (line.startsWith(start))
            return line;
    return {};
}

// An environment with no database chosen, settings files in `dir`.
QProcessEnvironment isolated(const QTemporaryDir &dir)
{
    auto env = cleanEnvironment();
    env.insert(u"CPIS_SITE_CONFIG"_s, dir.filePath(u"site.conf"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return env;
}

void write(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

ProcessResult runClient(const QStringList &args, const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(CPIS_WORKVIEW), args, env);
}

// A folder the embedded server's account can reach also when the tests run as root.
void openToServer(const QTemporaryDir &dir)
{
    QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFileDevice::ExeOther |
                                          QFileDevice::ReadOther);
}
} // namespace

TEST_CASE("cpisctl and the client choose the same database from each source and say which", "[cli]")
{
    TestDatabase db;
    QTemporaryDir dir;
    // A password is never shown (the test cluster trusts its socket and ignores it).
    const QString conninfo = db.connInfo().toKeywordValueString() + u" password=not-shown"_s;
    struct Case
    {
        const char *name;
        QStringList args;
        std::function<void(QProcessEnvironment &)> setUp;
        QString origin;
    };
    const QString site = dir.filePath(u"site.conf"_s);
    const QString user = dir.filePath(u"config/cpis-workview/cpis-workview.conf"_s);
    const QList<Case> cases{
        {"command line",
         {u"--database"_s, conninfo},
         [](QProcessEnvironment &) {},
         u"--database"_s},
        {"environment",
         {},
         [&](QProcessEnvironment &e) { e.insert(u"CPIS_DATABASE"_s, conninfo); },
         u"the environment variable CPIS_DATABASE"_s},
        {"user's file",
         {},
         [&](QProcessEnvironment &) {
             write(user, u"[signIn]\nlastLogin=x\n[database]\nconninfo=\"%1\"\n"_s.arg(conninfo));
         },
         u"your settings file %1, line 4"_s.arg(user)},
        {"site file",
         {},
         [&](QProcessEnvironment &) {
             QFile::remove(user);
             write(site, u"# the authority's server\n[database]\nconninfo=%1\n"_s.arg(conninfo));
         },
         u"the site file %1, line 3"_s.arg(site)},
    };
    for (const Case &c : cases) {
        INFO(c.name);
        auto env = isolated(dir);
        c.setUp(env);
        const auto client = runClient(QStringList{u"--which-database"_s} + c.args, env);
        const auto ctl = runCpisctl(QStringList{u"db"_s, u"status"_s} + c.args, env);
        INFO(client.out.toStdString() + client.err.toStdString());
        INFO(ctl.out.toStdString() + ctl.err.toStdString());
        REQUIRE(client.exitCode == 0);
        REQUIRE(ctl.exitCode == 0);
        CHECK(lineStarting(client.out, u"Chosen by:"_s) == u"Chosen by:    "_s + c.origin);
        CHECK(lineStarting(ctl.out, u"Chosen by:"_s) == lineStarting(client.out, u"Chosen by:"_s));
        CHECK(lineStarting(client.out, u"Database:"_s).contains(u"database "_s + db.name()));
        const QString where = lineStarting(ctl.out, u"Database:"_s);
        for (const QString &part :
             QStringList{u"host "_s, u"port "_s, u"database "_s + db.name(), u"user "_s})
            CHECK(where.contains(part));
        CHECK_FALSE(client.out.contains(u"not-shown"_s));
        CHECK_FALSE(ctl.out.contains(u"not-shown"_s));
    }

    // A wrong site file stops both, naming the file and line.
    auto env = isolated(dir);
    write(site, u"[database]\nconninfo=%1\nsslmode=require\n"_s.arg(conninfo));
    const auto client = runClient({u"--which-database"_s}, env);
    const auto ctl = runCpisctl({u"db"_s, u"status"_s}, env);
    for (const auto *r : {&client, &ctl}) {
        CHECK(r->exitCode == 2);
        CHECK(r->err.contains(site + u", line 3: unknown key \"sslmode\""_s));
    }
}

TEST_CASE("Another machine named without an sslmode is connected with verify-full", "[cli]")
{
    // A server on 127.0.0.1 that answers libpq's SSL request with "no".
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr *>(&address), length) == 0);
    REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    REQUIRE(::listen(listener, 8) == 0);
    std::thread server([listener] {
        for (int client; (client = ::accept(listener, nullptr, nullptr)) >= 0;) {
            char request[8];
            if (::recv(client, request, sizeof request, MSG_WAITALL) == 8)
                (void)::send(client, "N", 1, 0);
            ::close(client);
        }
    });
    auto stop = qScopeGuard([&] {
        ::shutdown(listener, SHUT_RDWR);
        ::close(listener);
        server.join();
    });
    const QString port = QString::number(ntohs(address.sin_port));
    QTemporaryDir dir;
    const auto connect = [&](const QString &host) {
        return runCpisctl(
            {u"db"_s, u"status"_s, u"--database"_s,
             u"host=%1 hostaddr=127.0.0.1 port=%2 dbname=cpis connect_timeout=5"_s.arg(host, port)},
            isolated(dir));
    };
    const auto remote = connect(u"db.example"_s);
    INFO(remote.err.toStdString());
    CHECK(remote.exitCode == 3);
    CHECK(remote.err.contains(u"SSL was required"_s));
    CHECK(remote.err.contains(u"sslrootcert"_s));
    const auto local = connect(u"localhost"_s);
    INFO(local.err.toStdString());
    CHECK(local.exitCode == 3);
    CHECK_FALSE(local.err.contains(u"SSL was required"_s));
}

TEST_CASE("db init --empty makes an embedded database without people, shown as embedded", "[cli]")
{
    QTemporaryDir dir;
    openToServer(dir);
    auto env = isolated(dir);
    env.insert(u"CPIS_DATA_DIR"_s, dir.path());
    const QString cluster = dir.filePath(u"cluster"_s);
    auto stopCluster = qScopeGuard([&] { (void)runCpisctl({u"db"_s, u"stop"_s}, env); });

    const auto init = runCpisctl({u"db"_s, u"init"_s, u"--empty"_s}, env);
    INFO(init.out.toStdString() + init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.contains(u"Made the embedded database: embedded, in "_s + cluster));
    const auto status = runCpisctl({u"db"_s, u"status"_s}, env);
    CHECK(status.out.contains(u"Database:     embedded, in "_s + cluster));
    CHECK_FALSE(status.out.contains(u"sample"_s));
    const auto client = runClient({u"--which-database"_s}, env);
    CHECK(lineStarting(client.out, u"Chosen by:"_s) == lineStarting(status.out, u"Chosen by:"_s));
    CHECK(lineStarting(client.out, u"Database:"_s).contains(cluster));

    auto binaries = ServerBinaries::find();
    REQUIRE(binaries);
    auto owner = Connection::open(LocalCluster(cluster, *binaries).connInfo(u"cpis"_s));
    REQUIRE(owner);
    CHECK(queryValue(**owner, u"SELECT count(*) FROM person"_s)->integer() == 0);
    CHECK(queryValue(**owner, u"SELECT count(*) FROM worker WHERE NOT is_virtual"_s)->integer() ==
          0);
    owner->reset();
    // Opening it again (as the client does) still adds no sample data.
    CHECK(runCpisctl({u"db"_s, u"migrate"_s}, env).exitCode == 0);
    CHECK_FALSE(runCpisctl({u"db"_s, u"status"_s}, env).out.contains(u"sample"_s));
}

TEST_CASE("db backup and db restore keep the embedded database whole, and replace only when told",
          "[cli]")
{
    QTemporaryDir dir;
    openToServer(dir);
    auto env = isolated(dir);
    env.insert(u"CPIS_DATA_DIR"_s, dir.path());
    auto stopCluster = qScopeGuard([&] { (void)runCpisctl({u"db"_s, u"stop"_s}, env); });
    const auto init = runCpisctl({u"db"_s, u"init"_s}, env);
    INFO(init.out.toStdString() + init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.contains(u"embedded, with sample data (fictional children), in "_s));
    CHECK(runCpisctl({u"db"_s, u"status"_s}, env)
              .out.contains(u"Database:     embedded, with sample data (fictional children)"_s));

    const QString file = dir.filePath(u"cpis.dump"_s);
    const auto backup = runCpisctl({u"db"_s, u"backup"_s, file}, env);
    INFO(backup.out.toStdString() + backup.err.toStdString());
    REQUIRE(backup.exitCode == 0);
    CHECK(QFileInfo(file).size() > 0);
    CHECK(QFileInfo::exists(file + u".roles.sql"_s));

    const auto refused = runCpisctl({u"db"_s, u"restore"_s, file}, env);
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(u"holds data"_s));
    CHECK(refused.err.contains(u"--replace"_s));

    const auto restored = runCpisctl({u"db"_s, u"restore"_s, u"--replace"_s, file}, env);
    INFO(restored.out.toStdString() + restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    const QString before = lineStarting(restored.out, u"Replaced:"_s).mid(11);
    CHECK(before.contains(u" people"_s));
    CHECK(lineStarting(restored.out, u"Now:"_s).mid(11) == before);

    // On another machine (a new cluster): the roles come from the .roles.sql file.
    QTemporaryDir other;
    openToServer(other);
    auto otherEnv = isolated(other);
    otherEnv.insert(u"CPIS_DATA_DIR"_s, other.path());
    auto stopOther = qScopeGuard([&] { (void)runCpisctl({u"db"_s, u"stop"_s}, otherEnv); });
    const auto elsewhere = runCpisctl({u"db"_s, u"restore"_s, file}, otherEnv);
    INFO(elsewhere.out.toStdString() + elsewhere.err.toStdString());
    REQUIRE(elsewhere.exitCode == 0);
    CHECK(lineStarting(elsewhere.out, u"Now:"_s).mid(11) == before);
    CHECK(elsewhere.out.contains(u"Added the roles"_s));
    CHECK(runCpisctl({u"workview"_s, u"CP-IS Worker"_s}, otherEnv).exitCode == 0);
}

TEST_CASE("A server's dump (pg_dump -Fc, pg_restore) restores every row, the audit trail and the "
          "upload sequence",
          "[cli]")
{
    TestDatabase db;
    REQUIRE(loadSampleData(db.connection()));
    // The sample file's notification names 9990000026: give that number to a sample child.
    REQUIRE(execute(db.connection(),
                    u"UPDATE person SET nhs_number = '9990000026' WHERE id = (SELECT min(id) "
                    u"FROM person WHERE nhs_number IS NOT NULL)"_s));
    const auto imported = runCpisctl(withDatabase(
        db, {u"import"_s, QStringLiteral(CPIS_TEST_DATA "/messages/asn_smartcard.xml")}));
    INFO(imported.out.toStdString() + imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(u"processed: CPIS Follow Up step"_s));
    (void)buildUpload(db.connection());

    auto binaries = ServerBinaries::find();
    REQUIRE(binaries);
    QTemporaryDir dir;
    openToServer(dir);
    const QString file = dir.filePath(u"server.dump"_s);
    REQUIRE(dumpDatabase(*binaries, db.connInfo(), file));
    TestDatabase copy(TestDatabase::Schema::Empty);
    REQUIRE(restoreDump(*binaries, copy.connInfo(), file));

    // Every table's rows, the audit trail's content and every sequence's position.
    const QString everything = uR"(
        SELECT string_agg(format('%s=%s', c.relname,
                 (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname),
                  false, true, '')))[1]::text), ', ' ORDER BY c.relname)
          || ' | audit ' || (SELECT md5(string_agg(a::text, ',' ORDER BY a::text)) FROM audit a)
          || ' | sequences ' || (SELECT string_agg(format('%s=%s', sequencename, last_value), ', '
                                  ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'public')
          || ' | upload ' || (SELECT max(sequence_number) FROM upload_file)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r')"_s;
    auto original = queryValue(db.connection(), everything);
    auto restored = queryValue(copy.connection(), everything);
    REQUIRE(original);
    REQUIRE(restored);
    INFO(original->text().toStdString());
    CHECK(original->text().contains(u"upload 1"_s));
    CHECK(original->text().contains(u"audit="_s));
    CHECK(restored->text() == original->text());
}
