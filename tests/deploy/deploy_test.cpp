// README.md's "Running for an authority", followed literally on a loopback PostgreSQL server
// with TLS and scram-sha-256 made here: its postgresql.conf and pg_hba.conf blocks go into the
// server, its settings blocks get this test's values, and every other `sh` block runs in order
// in bash. The steps marked "as root" are done here: on the database server in the test's own
// way, on the exchange's host as written (sudo is the test's own account, /etc/cpis-workview a
// folder of the test's), except starting the service, where the test runs the packaged unit's
// own ExecStart with the unit's own environment, files and credentials (read from the unit, so
// a change to it is tested) against a loopback MESH server. So the README cannot drift from
// what works.
#include "db/connection.h"
#include "db/password_verifier.h"
#include "db/rows.h"
#include "security/loopback_server.h"
#include "security/test_certificates.h"
#include "support/case_world.h"
#include "support/mesh_server.h"
#include "support/process.h"
#include "support/sample_notification.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

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

bool firstLineStarts(const Block &b, const QString &start)
{
    return !b.lines.isEmpty() && b.lines.first().startsWith(start);
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

// ------------------------------------------------------------------ the packaged systemd unit

const QString kEtc = u"/etc/cpis-workview/"_s;

// What the unit's [Service] section says about starting cpisctl exchange.
struct Unit
{
    QStringList execStart;
    QStringList environmentFiles;
    QList<std::pair<QString, QString>> credentials; // name, file
    QStringList environment;                        // KEY=VALUE, %d not yet replaced
    QString killSignal;
};

Unit readUnit()
{
    QFile file(QStringLiteral(CPIS_EXCHANGE_UNIT));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    Unit unit;
    bool inService = false;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'['))
            inService = line == u"[Service]"_s;
        if (!inService || line.isEmpty() || line.startsWith(u'#') || !line.contains(u'='))
            continue;
        const QString key = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1);
        if (key == u"ExecStart"_s)
            unit.execStart = value.split(u' ', Qt::SkipEmptyParts);
        else if (key == u"EnvironmentFile"_s)
            unit.environmentFiles << value;
        else if (key == u"LoadCredential"_s)
            unit.credentials.append({value.section(u':', 0, 0), value.section(u':', 1)});
        else if (key == u"Environment"_s)
            unit.environment << value.split(u' ', Qt::SkipEmptyParts);
        else if (key == u"KillSignal"_s)
            unit.killSignal = value;
    }
    return unit;
}

// A file the unit names under /etc/cpis-workview, in the test's stand-in for that folder.
QString hostFile(const QString &etc, const QString &path)
{
    INFO(path.toStdString());
    REQUIRE(path.startsWith(kEtc));
    return etc + u'/' + path.mid(kEtc.size());
}

// An EnvironmentFile as systemd reads it: KEY=VALUE lines, the rest of the line the value.
void readEnvironmentFile(const QString &path, QProcessEnvironment &env)
{
    QFile file(path);
    INFO(path.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    CHECK((file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        REQUIRE(line.contains(u'='));
        QString value = line.section(u'=', 1);
        if (value.size() >= 2 && value.front() == u'"' && value.back() == u'"')
            value = value.mid(1, value.size() - 2);
        env.insert(line.section(u'=', 0, 0), value);
    }
}

// The unit's environment for its ExecStart, as systemd gives it: nothing of the caller's but
// the sanitizers' settings (this build's, not the unit's), a home of its own (DynamicUser), the
// environment files, the credentials copied to a folder of their own, and Environment= lines.
QProcessEnvironment unitEnvironment(const Unit &unit, const QString &etc,
                                    const QString &credentials, const QString &home)
{
    QProcessEnvironment env;
    const QProcessEnvironment mine = QProcessEnvironment::systemEnvironment();
    for (const QString &name : mine.keys())
        if (name.endsWith(u"SAN_OPTIONS"_s))
            env.insert(name, mine.value(name));
    env.insert(u"PATH"_s, u"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    for (const QString &file : unit.environmentFiles)
        readEnvironmentFile(hostFile(etc, file), env);
    for (const auto &[name, file] : unit.credentials) {
        const QString copy = credentials + u'/' + name;
        QFile::remove(copy);
        REQUIRE(QFile::copy(hostFile(etc, file), copy));
        QFile(copy).setPermissions(QFileDevice::ReadOwner);
    }
    env.insert(u"CREDENTIALS_DIRECTORY"_s, credentials);
    for (const QString &assignment : unit.environment)
        env.insert(assignment.section(u'=', 0, 0),
                   assignment.section(u'=', 1).replace(u"%d"_s, credentials));
    return env;
}

// ------------------------------------------------------------------ what a restore must keep

struct Contents
{
    QMap<QString, qint64> rows;      // per table
    QMap<QString, qint64> sequences; // last value given
    QString audit;                   // a digest of every audit row
    qint64 nextUpload = 0;           // the next upload's sequence number
};

Contents contentsOf(Connection &superuser)
{
    Contents c;
    const Rows tables = test::require(execute(superuser, uR"(
        SELECT c.oid::regclass::text AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1)"_s));
    for (const Row t : tables)
        c.rows.insert(
            t.text("name"),
            test::require(queryValue(superuser, u"SELECT count(*) FROM "_s + t.text("name")))
                .integer());
    const Rows sequences = test::require(execute(superuser, uR"(
        SELECT c.relname::text AS name, coalesce(pg_sequence_last_value(c.oid), 0) AS last
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S')"_s));
    for (const Row s : sequences)
        c.sequences.insert(s.text("name"), s.integer("last"));
    c.audit = test::require(queryValue(superuser, u"SELECT md5(string_agg(a::text, E'\\n' "
                                                  u"ORDER BY a.id)) FROM audit a"_s))
                  .text();
    c.nextUpload = test::require(queryValue(superuser, u"SELECT coalesce(max(sequence_number), "
                                                       u"0) + 1 FROM upload_file"_s))
                       .integer();
    return c;
}

// Waits up to `seconds` for `sql` (one boolean) to be true.
bool eventually(Connection &c, const QString &sql, int seconds)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < seconds * 1000) {
        if (test::require(queryValue(c, sql)).boolean())
            return true;
        QThread::msleep(200);
    }
    return false;
}
} // namespace

TEST_CASE("The README's \"Running for an authority\" commands, followed literally, on a "
          "TLS server with scram-sha-256, to a running exchange service and a restored backup",
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
    QStringList readmeSettings;
    for (const QString &line : onlyBlock(blocks, u"conf"_s).lines)
        if (!line.startsWith(u"ssl"_s) && !line.startsWith(u"listen_addresses"_s) &&
            !line.trimmed().isEmpty())
            readmeSettings << line;
    QStringList hba{
        u"hostssl all %1 127.0.0.1/32 trust"_s.arg(QString::fromLatin1(LocalCluster::kSuperuser))};
    hba << onlyBlock(blocks, u"text"_s).lines;
    const auto tlsServer = [&](const QString &name) {
        return test::LoopbackServer::primary(
            folder.path(name),
            test::serverTlsSettings(
                ca.issue(name, u"localhost"_s, {u"DNS:localhost"_s, u"IP:127.0.0.1"_s})) +
                readmeSettings,
            hba);
    };
    auto server = tlsServer(u"db-server"_s);
    auto other = tlsServer(u"db-other"_s); // "the other server" of the restore
    const QString superuserName = QString::fromLatin1(LocalCluster::kSuperuser);
    const ConnInfo superuser = as(*server, u"postgres"_s, superuserName, {});

    // "as root": the installer login, CREATEDB and CREATEROLE only, its password in ~/.pgpass,
    // given as createuser --pwprompt gives it (a verifier computed here). Then every statement
    // goes to the server log: no password may be in it, nor a verifier (README's settings).
    const QString installerPassword = u"installer-Secret-1"_s;
    {
        auto root = test::require(Connection::open(superuser));
        const QString verifier =
            test::require(scramVerifier(*root, u"cpis_installer"_s, installerPassword));
        test::require(execute(*root, u"CREATE ROLE cpis_installer LOGIN CREATEDB CREATEROLE "
                                     u"PASSWORD '%1'"_s.arg(verifier)));
        test::require(execute(*root, u"ALTER SYSTEM SET log_statement = 'all'"_s));
        test::require(execute(*root, u"SELECT pg_reload_conf()"_s));
    }
    QTemporaryDir home;
    REQUIRE(home.isValid());
    {
        QFile pgpass(home.filePath(u".pgpass"_s));
        REQUIRE(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(u"*:*:*:cpis_installer:%1\n"_s.arg(installerPassword).toUtf8());
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    // The MESH mailboxes, on a MESH server of the test's own over HTTP on loopback.
    test::MeshServer mesh("deploy-environment-secret");
    const QString meshPassword = u"Mesh-Mailbox-Pw-4"_s;
    const QString meshSecret = u"deploy-environment-secret"_s;
    const QUrl meshUrl = mesh.start();
    mesh.addMailbox(u"X26OT123"_s, meshPassword);
    mesh.addMailbox(u"X26OT001"_s, u"cpis-password"_s);

    // The settings blocks' names, with this test's values.
    const QString database = u"cpis_production"_s;
    const QMap<QString, QString> values{
        {u"SERVER"_s,
         u"host=localhost port=%1 sslmode=verify-full sslrootcert=%2"_s.arg(server->port())
             .arg(ca.certificate())},
        {u"OTHER"_s,
         u"host=localhost port=%1 sslmode=verify-full sslrootcert=%2"_s.arg(other->port())
             .arg(ca.certificate())},
        {u"DATABASE"_s, database},
        {u"MESH_URL"_s, meshUrl.toString()},
        {u"MESH_MAILBOX"_s, u"X26OT123"_s},
        {u"CPIS_MAILBOX"_s, u"X26OT001"_s},
        {u"MESH_WORKFLOW_UPLOAD"_s, u"CPIS_UPLOAD"_s}};
    QStringList prelude{u"set -euo pipefail"_s, u"cd \"$HOME\""_s,
                        u"sudo() { \"$@\"; }"_s}; // the test's account is the exchange host's root
    for (auto v = values.begin(); v != values.end(); ++v)
        prelude << u"%1=\"%2\""_s.arg(v.key(), v.value());

    // The README's commands, in order, in segments: each ends where the test does a step its
    // own way (starting the service; copying the roles to the other server).
    enum class Then { StartService, CopyRoles, Nothing };
    struct Segment
    {
        QStringList script;
        Then then = Then::Nothing;
    };
    QList<Segment> segments{{prelude, Then::Nothing}};
    const QString etc = home.filePath(u"etc/cpis-workview"_s);
    bool serviceStarted = false;
    for (const Block &b : blocks) {
        if (b.language != u"sh"_s)
            continue;
        QStringList &script = segments.last().script;
        if (firstLineStarts(b, u"# settings"_s)) {
            for (const QString &line : b.lines) {
                if (line.startsWith(u'#'))
                    continue;
                const QString name = line.section(u'=', 0, 0);
                INFO(line.toStdString());
                REQUIRE(values.contains(name));
            }
            continue; // the prelude has them
        }
        if (firstLineStarts(b, u"# as root, on the database server"_s)) {
            const QString all = b.lines.join(u'\n');
            if (all.contains(u"pg_dumpall --roles-only"_s)) {
                segments.last().then = Then::CopyRoles;
                segments.append({prelude, Then::Nothing});
            } else {
                REQUIRE(all.contains(u"createuser --createdb --createrole"_s)); // done above
            }
            continue;
        }
        if (firstLineStarts(b, u"# as root, on the exchange's host"_s)) {
            if (b.lines.join(u'\n').contains(u"systemctl enable --now cpis-exchange.service"_s)) {
                for (const QString &line : b.lines.mid(1)) {
                    INFO(line.toStdString());
                    CHECK((line.contains(u"systemctl enable --now cpis-exchange.service"_s) ||
                           line.startsWith(u"journalctl "_s)));
                }
                serviceStarted = true;
                segments.last().then = Then::StartService;
                segments.append({prelude, Then::Nothing});
                continue;
            }
            for (const QString &line : b.lines)
                script << QString(line).replace(kEtc.chopped(1), etc);
            continue;
        }
        REQUIRE_FALSE(firstLineStarts(b, u"# as root"_s)); // a step this test does not know
        script << b.lines;
    }
    REQUIRE(serviceStarted);
    REQUIRE(segments.size() == 3);

    const QString adminPassword = u"Admin-Pass-7"_s;
    const QString userPassword = u"Jane-Pass-8"_s;
    QProcessEnvironment env = test::cleanEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"PATH"_s, QFileInfo(QStringLiteral(CPIS_CPISCTL)).absolutePath() + u':' +
                              env.value(u"PATH"_s));
    QString said;
    const auto runSegment = [&](const Segment &segment, const QByteArray &input) {
        const auto run =
            test::runProgram(u"bash"_s, {u"-c"_s, segment.script.join(u'\n')}, env, 50000, input);
        said += run.out + run.err;
        INFO(segment.script.join(u'\n').toStdString());
        INFO(run.out.toStdString());
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        return run;
    };

    // Up to the service: setup, the first users, the exchange's host, the MESH settings.
    const auto first = runSegment(
        segments[0],
        (QStringList{adminPassword, userPassword, meshPassword, meshSecret}.join(u'\n') + u'\n')
            .toUtf8());
    CHECK(first.out.contains(
        u"Made the database cpis_production, owned by cpis_production_owner."_s));

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
    ConnInfo plain = as(*server, database, u"it.admin"_s, adminPassword);
    plain.set(u"sslmode"_s, u"disable"_s);
    CHECK_FALSE(Connection::open(plain).ok());

    // The exchange's host as the README left it: the password file setup wrote, moved to
    // the settings folder, root's alone; the key pair's private half there too.
    CHECK_FALSE(QFile::exists(home.filePath(u"exchange.pgpass"_s)));
    QFile exchangePgpass(etc + u"/exchange.pgpass"_s);
    REQUIRE(exchangePgpass.open(QIODevice::ReadOnly));
    CHECK(exchangePgpass.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadUser | QFileDevice::WriteUser));
    const QStringList entry = QString::fromUtf8(exchangePgpass.readAll()).trimmed().split(u':');
    REQUIRE(entry.size() == 5);
    CHECK(entry[3] == u"exchange.cpis_production"_s);
    const QString exchangePassword = entry[4];
    CHECK((QFileInfo(etc).permissions() & QFileDevice::ExeOther)); // sslrootcert is reachable

    // A child on a child protection plan, with Jane as key worker, so the exchange has an
    // upload to send, and a notification about the child waiting in MESH.
    auto production = test::require(Connection::open(as(*server, database, superuserName, {})));
    const qint64 child = test::require(queryValue(*production, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Thomas', 'Turner', 'Male', '2016-11-28', '9990000026', 'recorded') RETURNING id)"_s))
                             .integer();
    test::require(execute(*production, uR"(
        INSERT INTO involvement (person_id, worker_id, role, started_on)
        SELECT $1, id, 'Key Worker', '2023-01-01' FROM worker WHERE login = 'jane.okafor')"_s,
                          {child}));
    test::require(execute(
        *production,
        u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2023-01-01')"_s,
        {child}));
    MeshMessage notification;
    notification.messageType = u"DATA"_s;
    notification.workflowId = u"CPIS_ASN"_s;
    notification.sender = u"X26OT001"_s;
    notification.body = test::accessNotification(u"deploy"_s);
    mesh.putInbox(u"X26OT123"_s, notification);

    // systemctl enable --now cpis-exchange.service: the unit's ExecStart, as its user would
    // run it, with only what the unit gives it.
    const Unit unit = readUnit();
    REQUIRE(unit.execStart.value(0) == u"/usr/bin/cpisctl"_s); // where the package puts it
    QTemporaryDir credentials;
    QTemporaryDir serviceHome;
    REQUIRE((credentials.isValid() && serviceHome.isValid()));
    const QProcessEnvironment serviceEnv =
        unitEnvironment(unit, etc, credentials.path(), serviceHome.path());
    REQUIRE(serviceEnv.value(u"CPIS_DATABASE"_s).contains(u"user=exchange.cpis_production"_s));
    QProcess service;
    service.setProcessEnvironment(serviceEnv);
    service.setProcessChannelMode(QProcess::MergedChannels);
    service.start(QStringLiteral(CPIS_CPISCTL), unit.execStart.mid(1));
    REQUIRE(service.waitForStarted());
    // An administrator asks for a run now (Exchange now, in the exchange monitor).
    test::require(queryValue(*admin, u"SELECT request_exchange()"_s));
    REQUIRE(eventually(*production,
                       u"SELECT EXISTS (SELECT 1 FROM exchange_run WHERE status <> 'running')"_s,
                       40));
    const bool ran = test::require(queryValue(*production, u"SELECT EXISTS (SELECT 1 FROM "
                                                           u"exchange_run WHERE status = 'ok')"_s))
                         .boolean();
    QString journal = QString::fromUtf8(service.readAll());
    INFO("the service said: " << journal.toStdString());
    INFO("its last run: " << test::require(queryValue(*production,
                                                      u"SELECT coalesce(max(status || ': ' || "
                                                      u"coalesce(error, '')), 'none') FROM "
                                                      u"exchange_run"_s))
                                 .text()
                                 .toStdString());
    REQUIRE(ran);
    CHECK(service.state() == QProcess::Running);
    // It sent the upload (its password and shared secret opened with the key), downloaded
    // the notification, and made it a step.
    CHECK(mesh.sentMessages().size() == 1);
    CHECK(mesh.inboxIds(u"X26OT123"_s).isEmpty());
    CHECK(test::require(queryValue(*production,
                                   u"SELECT count(*) FROM work_step WHERE subject_id = $1"_s,
                                   {child}))
              .integer() == 1);
    // Monitoring on the exchange's host, as the service's own login.
    const auto check =
        test::runProgram(QStringLiteral(CPIS_CPISCTL), {u"exchange"_s, u"--check"_s}, serviceEnv);
    INFO(check.out.toStdString() << check.err.toStdString());
    CHECK(check.exitCode == 0);
    // Stopped as systemd stops it: KillSignal, and it finishes what it does and says so.
    REQUIRE(unit.killSignal == u"SIGTERM"_s);
    service.terminate();
    REQUIRE(service.waitForFinished(30000));
    journal += QString::fromUtf8(service.readAll());
    CHECK(service.exitStatus() == QProcess::NormalExit);
    CHECK(service.exitCode() == 0);
    CHECK(journal.contains(u"Stopped."_s));

    // A new password for Jane from the administrator, and the exchange's login re-keyed by
    // setup: both are SCRAM verifiers the server log must not hold.
    const QString newPassword = u"Jane-Reset-9"_s;
    const auto reset = test::runProgram(
        QStringLiteral(CPIS_CPISCTL),
        {u"user"_s, u"password"_s, u"jane.okafor"_s, u"--password-stdin"_s, u"--database"_s,
         values[u"SERVER"_s] + u" dbname=cpis_production user=it.admin"_s},
        env, 30000, (newPassword + u'\n').toUtf8());
    INFO(reset.out.toStdString() << reset.err.toStdString());
    REQUIRE(reset.exitCode == 0);
    const auto rekey =
        test::runProgram(QStringLiteral(CPIS_CPISCTL),
                         {u"setup"_s, u"--database"_s,
                          values[u"SERVER"_s] + u" dbname=cpis_production user=cpis_installer"_s,
                          u"--exchange-pgpass"_s, home.filePath(u"rekeyed.pgpass"_s)},
                         env, 50000);
    INFO(rekey.out.toStdString() << rekey.err.toStdString());
    REQUIRE(rekey.exitCode == 0);
    CHECK(
        rekey.out.contains(u"Gave the exchange login exchange.cpis_production a new password."_s));
    QFile rekeyed(home.filePath(u"rekeyed.pgpass"_s));
    REQUIRE(rekeyed.open(QIODevice::ReadOnly));
    const QString newExchangePassword =
        QString::fromUtf8(rekeyed.readAll()).trimmed().section(u':', 4);
    CHECK(
        Connection::open(as(*server, database, u"exchange.cpis_production"_s, newExchangePassword))
            .ok());
    CHECK_FALSE(
        Connection::open(as(*server, database, u"exchange.cpis_production"_s, exchangePassword))
            .ok());

    // The check again, from the README, and the dump.
    const auto second = runSegment(segments[1], {});
    CHECK(second.out.contains(u"CP-IS exchange: last successful run at"_s));
    const Contents before = contentsOf(*production);
    CHECK(before.rows.value(u"upload_file"_s) == 1);
    CHECK(before.nextUpload == 2);
    CHECK(before.rows.value(u"audit"_s) > 0);

    // "as root": the roles to the other server (they are per server), the test's own way.
    {
        const QString roles = home.filePath(u"roles.sql"_s);
        const auto dumped = test::runProgram(
            u"pg_dumpall"_s,
            {u"--roles-only"_s, u"-f"_s, roles, u"-d"_s, superuser.toKeywordValueString()}, env);
        INFO(dumped.err.toStdString());
        REQUIRE(dumped.exitCode == 0);
        const auto loaded =
            test::runProgram(u"psql"_s,
                             {u"-X"_s, u"-q"_s, u"-f"_s, roles, u"-d"_s,
                              as(*other, u"postgres"_s, superuserName, {}).toKeywordValueString()},
                             env);
        INFO(loaded.err.toStdString());
        REQUIRE(loaded.exitCode == 0);
    }

    // The restore on the other server, setup run on it, and a user list through it.
    const auto third = runSegment(segments[2], {});
    CHECK(third.out.contains(u"Gave CONNECT on cpis_production"_s));
    CHECK(third.out.contains(u"jane.okafor"_s));
    CHECK(third.out.contains(u"Found the schema up to date"_s)); // the upgrade, run again
    auto restored = test::require(Connection::open(as(*other, database, superuserName, {})));
    const Contents after = contentsOf(*restored);
    CHECK(after.rows == before.rows);
    CHECK(after.audit == before.audit);
    CHECK(after.nextUpload == before.nextUpload);
    for (auto s = before.sequences.begin(); s != before.sequences.end(); ++s) {
        INFO("sequence " << s.key().toStdString());
        CHECK(after.sequences.value(s.key(), -1) >= s.value());
    }
    // Jane signs in there with her new password and finds her child's step; the exchange with
    // its new one; only the database's own logins may connect.
    auto jane =
        test::require(Connection::open(as(*other, database, u"jane.okafor"_s, newPassword)));
    CHECK(test::require(
              queryValue(*jane, u"SELECT count(*) FROM work_step WHERE subject_id = $1"_s, {child}))
              .integer() == 1);
    CHECK(Connection::open(as(*other, database, u"exchange.cpis_production"_s, newExchangePassword))
              .ok());
    CHECK_FALSE(test::require(queryValue(*restored, uR"(
        SELECT EXISTS (SELECT 1 FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
                       WHERE d.datname = current_database() AND a.grantee = 0
                         AND a.privilege_type = 'CONNECT'))"_s))
                    .boolean());

    // With log_statement = 'all', the server log holds the statements (setup's, the reset's)
    // but no password, and with the README's log_parameter_max_length no verifier either.
    const QString log = server->log();
    REQUIRE(log.contains(u"reset_user_password"_s)); // log_statement = 'all' was in force
    REQUIRE(log.contains(u"_add_exchange_login"_s));
    REQUIRE(log.contains(u"_set_login_password"_s));
    for (const QString &secret :
         {installerPassword, adminPassword, userPassword, newPassword, exchangePassword,
          newExchangePassword, meshPassword, meshSecret}) {
        INFO("a password or secret is in the server log or in what the commands said");
        CHECK_FALSE(log.contains(secret));
        CHECK_FALSE(said.contains(secret));
    }
    CHECK_FALSE(log.contains(u"SCRAM-SHA-256$"_s));

    INFO("took " << clock.elapsed() << " ms");
    CHECK(clock.elapsed() < 120000);
}
