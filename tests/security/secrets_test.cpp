// DESIGN §5 and CONVENTIONS "never print secrets": cpisctl and the exchange are run with
// known secret values (the database password, the MESH mailbox password and shared secret, a
// new user's password), through their failure paths too, and everything they printed, the
// server's log and what the database keeps about them are searched for those values.
#include "db/rows.h"
#include "security/loopback_server.h"
#include "support/exchange_world.h"
#include "support/process.h"
#include "support/test_cluster_state.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

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
