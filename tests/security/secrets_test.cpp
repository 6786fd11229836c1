// DESIGN §5 and CONVENTIONS "never print secrets": cpisctl and the exchange are run with
// known secret values (the database password, the MESH mailbox password and shared secret, a
// new user's password), through their failure paths too, and everything they printed, the
// server's log and what the database keeps about them are searched for those values. With
// log_statement=all too, and in a pg_dump: the MESH secrets are sealed in the client with the
// exchange's public key, a new user's password goes as a SCRAM verifier (issues 18 and 21).
#include "config/config_store.h"
#include "cpis/exchange_config.h"
#include "cpis/inbound_processor.h"
#include "db/local_cluster.h"
#include "db/migrator.h"
#include "db/rows.h"
#include "domain/sealed_secret.h"
#include "security/loopback_server.h"
#include "support/case_world.h"
#include "support/exchange_world.h"
#include "support/process.h"
#include "support/test_cluster_state.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
const QString kDbPassword = u"db-Pw-4kQ9zL"_s;
const QString kUserPassword = u"new-User-Pw-8Hd2"_s;
const QString kWrongMeshPassword = u"wrong-Mesh-Pw-6Tn"_s;

QStringList secrets()
{
    return {kDbPassword, kUserPassword, kWrongMeshPassword, test::kMeshPassword,
            QString::fromLatin1(test::kMeshSecret)};
}

// Every place a secret must not be in: each text named, for the failure message.
struct Exposure
{
    QList<std::pair<QString, QString>> texts;
    void add(const QString &where, const QString &text) { texts.append({where, text}); }
    void checkClean() const
    {
        for (const auto &[where, text] : texts) {
            for (const QString &secret : secrets()) {
                // The line that shows it, with the secret itself masked.
                const QString line = text.split(u'\n').filter(secret).value(0);
                INFO(where.toStdString()
                     << " shows a secret: "
                     << QString(line).replace(secret, u"<secret>"_s).toStdString());
                CHECK_FALSE(text.contains(secret));
            }
        }
    }
};

QString sharedClusterLog()
{
    const auto state = test::TestClusterState::load();
    REQUIRE(state);
    QFile log(state->directory + u"/server.log"_s);
    REQUIRE(log.open(QIODevice::ReadOnly));
    return QString::fromUtf8(log.readAll());
}

// What the database keeps that people read: audit, exchange runs and requests, alerts.
QString storedRecords(Connection &owner)
{
    QString all;
    for (const QString &table :
         {u"audit"_s, u"exchange_run"_s, u"exchange_request"_s, u"alert"_s}) {
        // Fixed names, not data: spliced in.
        auto text = queryValue(
            owner, u"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM %1 t"_s.arg(table));
        all += table + u": "_s + require(text).text() + u'\n';
    }
    return all;
}
} // namespace

TEST_CASE("No secret appears in cpisctl's output, the exchange's records or the server log, "
          "failures included",
          "[security][secrets]")
{
    test::ExchangeWorld ew;
    ew.deliver(test::accessNotification(u"ASN-SECRETS-1"_s));
    Exposure exposure;
    const auto env = test::cleanEnvironment();
    // Signed in as `login`, with the database password in the connection string.
    const auto as = [&](const test::CaseWorld::User &user) {
        return QStringList{u"--database"_s,
                           ew.conninfoAs(user.login) + u" password="_s + kDbPassword};
    };
    const auto run = [&](const QString &what, const QStringList &args,
                         const QByteArray &input = {}) {
        const auto r = test::runCpisctl(args, input, env);
        exposure.add(what, r.out + r.err);
        return r;
    };
    const auto &w = ew.world;

    CHECK(run(u"db status"_s, QStringList{u"db"_s, u"status"_s} + as(w.exchange)).exitCode == 0);
    CHECK(run(u"db status, no such server"_s,
              {u"db"_s, u"status"_s, u"--database"_s,
               u"host=127.0.0.1 port=%1 dbname=cpis user=nobody password=%2 connect_timeout=2"_s
                   .arg(test::freeLoopbackPort())
                   .arg(kDbPassword)})
              .exitCode == 3);
    CHECK(run(u"db status, no such role"_s,
              {u"db"_s, u"status"_s, u"--database"_s,
               ew.conninfoAs(u"nobody_here"_s) + u" password="_s + kDbPassword})
              .exitCode != 0);
    CHECK(run(u"exchange --once"_s, QStringList{u"exchange"_s, u"--once"_s} + as(w.exchange))
              .exitCode == 0);

    // A key worker may not set a secret; the refusal must not echo it anywhere.
    CHECK(
        run(u"config set refused"_s,
            QStringList{u"config"_s, u"set"_s, u"mesh.password"_s, u"--stdin"_s} + as(w.keyWorker),
            kWrongMeshPassword.toUtf8() + '\n')
            .exitCode != 0);
    CHECK(run(u"config set"_s,
              QStringList{u"config"_s, u"set"_s, u"mesh.password"_s, u"--stdin"_s} + as(w.sysadmin),
              kWrongMeshPassword.toUtf8() + '\n')
              .exitCode == 0);
    CHECK(run(u"exchange --once, wrong mailbox password"_s,
              QStringList{u"exchange"_s, u"--once"_s} + as(w.exchange))
              .exitCode != 0);
    CHECK(run(u"config list"_s, QStringList{u"config"_s, u"list"_s} + as(w.sysadmin)).exitCode ==
          0);
    for (const QString &key : {u"mesh.password"_s, u"mesh.shared_secret"_s})
        CHECK(run(u"config get "_s + key, QStringList{u"config"_s, u"get"_s, key} + as(w.sysadmin))
                  .exitCode == 0);

    // A new user's password: refused for a key worker, refused for a taken login, then added.
    const QStringList addUser{u"user"_s,       u"add"_s,    u"new.worker"_s, u"--role"_s,
                              u"key-worker"_s, u"--name"_s, u"New Worker"_s, u"--password-stdin"_s};
    const QByteArray password = kUserPassword.toUtf8() + '\n';
    CHECK(run(u"user add refused"_s, addUser + as(w.keyWorker), password).exitCode != 0);
    const QStringList taken{u"user"_s,       u"add"_s,    w.keyWorker.login, u"--role"_s,
                            u"key-worker"_s, u"--name"_s, u"Taken"_s,        u"--password-stdin"_s};
    CHECK(run(u"user add, login taken"_s, taken + as(w.sysadmin), password).exitCode != 0);
    CHECK(run(u"user add"_s, addUser + as(w.sysadmin), password).exitCode == 0);

    exposure.add(u"the server log"_s, sharedClusterLog());
    exposure.add(u"the database's records"_s, storedRecords(ew.db.connection()));
    exposure.checkClean();
}

TEST_CASE("A crash of the running exchange service prints no secret", "[security][secrets]")
{
    test::ExchangeWorld ew;
    ew.deliver(test::accessNotification(u"ASN-CRASH-1"_s));
    // The service holds the database password and the MESH mailbox secrets in memory; a crash
    // (a fault, an abort) must not print them on the way out. In the sanitizer build a fault
    // prints a full report with a stack trace, the most a crash here ever says.
    for (const int signal : {SIGSEGV, SIGABRT}) {
        INFO("signal " << signal);
        QProcess service;
        service.setProcessEnvironment(test::cleanEnvironment());
        service.start(QStringLiteral(CPIS_CPISCTL),
                      {u"exchange"_s, u"--database"_s,
                       ew.conninfoAs(ew.world.exchange.login) + u" password="_s + kDbPassword});
        REQUIRE(service.waitForStarted());
        QByteArray out;
        // Signed in, configured and through its first exchange: every secret has been read.
        QElapsedTimer waited;
        waited.start();
        while (!out.contains("Next exchange at") && waited.elapsed() < 60000 &&
               service.state() == QProcess::Running) {
            service.waitForReadyRead(100);
            out += service.readAllStandardOutput();
        }
        INFO(out.toStdString());
        REQUIRE(out.contains("Next exchange at"));
        ::kill(pid_t(service.processId()), signal);
        REQUIRE(service.waitForFinished(30000));
        CHECK(service.exitStatus() == QProcess::CrashExit);
        out += service.readAllStandardOutput();
        const QByteArray err = service.readAllStandardError();
        Exposure exposure;
        exposure.add(u"the crashed service's output"_s, QString::fromUtf8(out + err));
        exposure.checkClean();
    }
}

namespace {
// The whole database as pg_dump writes it (plain SQL), as the cluster's superuser.
QString dumpOf(const test::TestDatabase &db)
{
    auto binaries = ServerBinaries::find();
    REQUIRE(binaries);
    QProcess dump;
    dump.start(binaries->tool(u"pg_dump"_s), {u"--dbname"_s, db.connInfo().toKeywordValueString()});
    REQUIRE(dump.waitForFinished(120000));
    INFO(dump.readAllStandardError().toStdString());
    REQUIRE(dump.exitCode() == 0);
    return QString::fromUtf8(dump.readAllStandardOutput());
}
} // namespace

TEST_CASE("With log_statement=all, neither the server log nor a dump holds a MESH secret or a new "
          "user's password, and the exchange still signs in to MESH",
          "[security][secrets]")
{
    test::ExchangeWorld ew;
    const auto &w = ew.world;
    ew.deliver(test::accessNotification(u"ASN-SEALED-1"_s));
    // Every statement of this database is logged from the next connection on, with its bind
    // parameters ("DETAIL: parameters: $1 = ..."): the setting the README warns about.
    REQUIRE(execute(ew.db.connection(),
                    u"ALTER DATABASE %1 SET log_statement = 'all'"_s.arg(ew.db.name()))
                .ok());
    const QString marker = u"sealed-secrets-marker-"_s + ew.db.name();
    Exposure exposure;
    const auto as = [&](const test::CaseWorld::User &user) {
        return QStringList{u"--database"_s, ew.conninfoAs(user.login)};
    };
    const auto run = [&](const QString &what, const QStringList &args,
                         const QByteArray &input = {}) {
        const auto r = test::runCpisctl(args, input, test::cleanEnvironment());
        const QString said = r.out + r.err;
        exposure.add(what, said);
        INFO(said.toStdString());
        CHECK(r.exitCode == 0);
        return r;
    };

    {
        auto sysadmin = w.connectAs(w.sysadmin);
        // Proof that this connection's statements are logged: the marker must be in the log.
        REQUIRE(queryValue(*sysadmin, u"SELECT $1::text"_s, {marker}).ok());
        ConfigStore store(*sysadmin);
        REQUIRE(store.set(u"mesh.password"_s, test::kMeshPassword).ok());
        ConfigurationEdit edit; // the configuration window's Save
        edit.settings = {{u"mesh.shared_secret"_s, QString::fromLatin1(test::kMeshSecret)}};
        CHECK(require(store.save(edit)).isEmpty());
        WorkerDirectory::NewUser user{
            u"sealed.user"_s, u"key-worker"_s, u"Sealed User"_s, {}, kUserPassword};
        REQUIRE(WorkerDirectory(*sysadmin).addUser(user).ok());
    }
    run(u"config set mesh.password"_s,
        QStringList{u"config"_s, u"set"_s, u"mesh.password"_s, u"--stdin"_s} + as(w.sysadmin),
        test::kMeshPassword.toUtf8() + '\n');
    run(u"config set mesh.shared_secret"_s,
        QStringList{u"config"_s, u"set"_s, u"mesh.shared_secret"_s, u"--stdin"_s} + as(w.sysadmin),
        test::kMeshSecret + '\n');
    run(u"user add"_s,
        QStringList{u"user"_s, u"add"_s, u"sealed.user2"_s, u"--role"_s, u"key-worker"_s,
                    u"--name"_s, u"Sealed User Two"_s, u"--password-stdin"_s} +
            as(w.sysadmin),
        kUserPassword.toUtf8() + '\n');
    // The exchange opened the sealed secrets: MESH took its sign-in and the message came in.
    run(u"exchange --once"_s, QStringList{u"exchange"_s, u"--once"_s} + as(w.exchange));
    CHECK(ew.count(u"SELECT count(*) FROM inbound_message"_s) == 1);

    // The owner, and so any backup, holds only the sealed form.
    for (const QString &key : {u"mesh.password"_s, u"mesh.shared_secret"_s}) {
        const QString stored =
            require(
                queryValue(ew.db.connection(), u"SELECT value FROM config WHERE key = $1"_s, {key}))
                .text();
        CHECK(looksSealed(stored));
    }
    const QString log = sharedClusterLog();
    REQUIRE(log.contains(marker)); // log_statement=all was in force
    CHECK(log.contains(u"set_config"_s));
    exposure.add(u"the server log with log_statement=all"_s, log);
    exposure.add(u"a pg_dump of the database"_s, dumpOf(ew.db));
    exposure.checkClean();
}

TEST_CASE("Sealed MESH secrets: write-only for administrators, refused in clear or without a "
          "public key, and a missing or wrong private key is named",
          "[security][secrets]")
{
    test::ExchangeWorld ew;
    const auto &w = ew.world;
    auto sysadmin = w.connectAs(w.sysadmin);

    SECTION("a system administrator cannot read a sealed secret back")
    {
        CHECK(require(queryValue(*sysadmin,
                                 u"SELECT count(*) FROM config WHERE key IN ('mesh.password', "
                                 "'mesh.shared_secret')"_s))
                  .integer() == 0);
        CHECK(require(ConfigStore(*sysadmin).get(u"mesh.password"_s)).value == u"set"_s);
        CHECK(require(queryValue(*sysadmin, u"SELECT config_value('mesh.password')"_s)).isNull());
    }
    SECTION("the database refuses a secret in clear text, saying how to set it")
    {
        auto refused = queryValue(*sysadmin, u"SELECT set_config('mesh.password', 'in-clear')"_s);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(u"sealed"_s));
        CHECK(refused.error().message.contains(u"cpisctl config set mesh.password --stdin"_s));
    }
    SECTION("without a public key, a secret cannot be set, and the message names the setting")
    {
        REQUIRE(execute(ew.db.connection(),
                        u"UPDATE config SET value = '' WHERE key = 'mesh.secrets_public_key'"_s)
                    .ok());
        auto refused = ConfigStore(*sysadmin).set(u"mesh.password"_s, u"new-password"_s);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(u"mesh.secrets_public_key"_s));
        CHECK(refused.error().hint.contains(u"cpisctl exchange keygen"_s));
    }
    SECTION("a private key that is missing or not the exchange's is named; nothing is sent or "
            "received, and what is stored is still processed")
    {
        // Stored by an earlier run that stopped before processing it.
        require(InboundProcessor(*ew.exchangeLogin)
                    .store({test::accessNotification(u"ASN-SEALED-STORED"_s),
                            u"mesh"_s,
                            u"20261206000000000002_AAAAAA"_s,
                            u"CPIS_ASN"_s,
                            {}}));
        ew.deliver(test::accessNotification(u"ASN-SEALED-WAITING"_s));
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString other = dir.filePath(u"other-key.pem"_s);
        auto pair = generateExchangeKeyPair();
        REQUIRE(pair);
        REQUIRE(writeExchangeKeyFile(other, pair->privatePem).ok());
        for (const auto &[file, problem] :
             {std::pair{other, u"does not open mesh.password"_s},
              std::pair{dir.filePath(u"missing.pem"_s), u"does not exist"_s}}) {
            INFO(file.toStdString());
            auto env = test::cleanEnvironment();
            env.insert(QString::fromLatin1(kExchangeKeyFileVariable), file);
            const auto r = test::runCpisctl(
                {u"exchange"_s, u"--once"_s, u"--database"_s, ew.conninfoAs(w.exchange.login)},
                env);
            const QString said = r.out + r.err;
            INFO(said.toStdString());
            CHECK(r.exitCode != 0);
            CHECK(said.contains(file));
            CHECK(said.contains(problem));
        }
        CHECK(ew.count(u"SELECT count(*) FROM exchange_run WHERE status = 'failed' AND error LIKE "
                       "'%private key%'"_s) == 2);
        CHECK(ew.count(u"SELECT count(*) FROM inbound_message WHERE status = 'processed'"_s) == 1);
        CHECK(ew.mesh.inboxIds(test::kMeshMailbox).size() == 1); // left in MESH for the next run
    }
}

TEST_CASE("Secrets stored in clear before they were sealed keep working, and the system "
          "administrators are asked to set them again",
          "[security][secrets]")
{
    // A database from before sealing: every migration up to the one that seals, a clear secret.
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    auto &c = db.connection();
    QList<Migration> before = Migrator::bundled();
    const auto sealing = std::find_if(before.cbegin(), before.cend(), [](const Migration &m) {
        return m.name == u"sealed_secrets"_s;
    });
    REQUIRE(sealing != before.cend());
    before.erase(sealing, before.cend());
    REQUIRE(Migrator(c, before).migrate().ok());
    const QString old = u"clear-Old-Pw-3Jx"_s;
    REQUIRE(execute(c, u"UPDATE config SET value = $1 WHERE key = 'mesh.password'"_s, {old}).ok());

    auto upgraded = Migrator(c).migrate();
    INFO((upgraded ? std::string() : upgraded.error().message.toStdString()));
    REQUIRE(upgraded.ok());
    CHECK(require(queryValue(c, uR"(
        SELECT count(*) FROM alert WHERE alert_type = 'MESH secrets stored in clear'
           AND recipient_role = 'cpis_sysadmin' AND body LIKE '%mesh.password%'
           AND body LIKE '%cpisctl exchange keygen%' AND strpos(body, $1) = 0)"_s,
                             {old}))
              .integer() == 1);

    test::CaseWorld world(db);
    const ExchangeConfig config = require(loadExchangeConfig(*world.connectAs(world.exchange)));
    CHECK(config.mesh.password == old);
    CHECK(config.clearSecrets == QStringList{u"mesh.password"_s});
    CHECK_FALSE(config.mesh.secretsUnopened);
}

TEST_CASE("With log_statement=all, no password a user is given or chooses reaches the server log "
          "(issue 21, users for real)",
          "[security][secrets]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    REQUIRE(
        execute(db.connection(), u"ALTER DATABASE %1 SET log_statement = 'all'"_s.arg(db.name()))
            .ok());
    const QString jane = world.keyWorker.login;
    const QString marker = u"users-secrets-marker-"_s + db.name();
    const QString byService = u"Service-Pw-7Rk2q"_s;
    const QString byCli = u"Cli-Pw-5Jq7xW"_s;
    const QString chosen = u"Own-Pw-3Vb9zT"_s;
    QStringList passwords{byService, byCli, chosen};
    QString said;
    {
        auto sysadmin = world.connectAs(world.sysadmin);
        REQUIRE(queryValue(*sysadmin, u"SELECT $1::text"_s, {marker}).ok());
        REQUIRE(UserAdmin(*sysadmin).resetPassword(jane, byService, false).ok());
        // Refused (the exchange's login): the password goes nowhere either.
        CHECK_FALSE(UserAdmin(*sysadmin).resetPassword(world.exchange.login, byService, true).ok());
    }
    const auto given = test::runCpisctl(
        test::withDatabase(db, {u"user"_s, u"password"_s, jane, u"--password-stdin"_s},
                           world.sysadmin.login),
        byCli.toUtf8() + '\n', test::cleanEnvironment());
    CHECK(given.exitCode == 0);
    said += given.out + given.err;
    const auto oneTime = test::runCpisctl(
        test::withDatabase(db, {u"user"_s, u"password"_s, jane}, world.sysadmin.login));
    REQUIRE(oneTime.exitCode == 0);
    const QString printed = oneTime.out.section(u": "_s, 1).section(u'\n', 0, 0);
    REQUIRE(printed.size() == 16);
    passwords << printed;
    {
        auto me = world.connectAs(jane);
        REQUIRE(UserAdmin(*me).changeOwnPassword(chosen).ok());
    }
    const QString log = sharedClusterLog();
    REQUIRE(log.contains(marker)); // log_statement=all was in force
    CHECK(log.contains(u"reset_user_password"_s));
    CHECK(log.contains(u"change_my_password"_s));
    for (const QString &password : passwords) {
        INFO("a password is in the server log or in cpisctl's output");
        CHECK_FALSE(log.contains(password));
        CHECK_FALSE(said.contains(password));
        CHECK_FALSE(storedRecords(db.connection()).contains(password));
    }
}
