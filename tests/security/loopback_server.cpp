#include "security/loopback_server.h"

#include "db/connection.h"
#include "db/rows.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
ServerBinaries binariesOrFail()
{
    auto binaries = ServerBinaries::find();
    if (!binaries)
        FAIL(binaries.error().message.toStdString());
    return *binaries;
}

void requireOk(const Status &status)
{
    if (!status)
        FAIL(status.error().message.toStdString());
}

void appendSettings(const QString &dataDirectory, const QStringList &settings)
{
    QFile conf(dataDirectory + u"/postgresql.conf"_s);
    REQUIRE(conf.open(QIODevice::Append | QIODevice::Text));
    conf.write((u"\n# loopback test server\n"_s + settings.join(u'\n') + u'\n').toUtf8());
}
} // namespace

ServerFolder::ServerFolder() : m_dir(QDir::tempPath() + u"/cpis-sec-XXXXXX"_s)
{
    REQUIRE(m_dir.isValid());
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
}

ConnInfo eitherServer(const LoopbackServer &primary, const LoopbackServer &standby)
{
    ConnInfo info = primary.connInfo();
    info.set(u"host"_s, u"127.0.0.1,127.0.0.1"_s);
    info.set(u"port"_s, u"%1,%2"_s.arg(primary.port()).arg(standby.port()));
    info.set(u"target_session_attrs"_s, u"read-write"_s);
    info.set(u"connect_timeout"_s, u"2"_s);
    return info;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

void handToServerAccount(const QString &path)
{
    if (::geteuid() != 0)
        return;
    auto account = LocalCluster::serverAccountForRoot();
    REQUIRE(account.ok());
    const passwd *pw = ::getpwnam(QFile::encodeName(*account).constData());
    REQUIRE(pw);
    REQUIRE(::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0);
}

QStringList serverTlsSettings(const IssuedCertificate &issued)
{
    handToServerAccount(issued.certificate);
    handToServerAccount(issued.key);
    QFile::setPermissions(issued.key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {u"ssl = on"_s, u"ssl_cert_file = '%1'"_s.arg(issued.certificate),
            u"ssl_key_file = '%1'"_s.arg(issued.key)};
}

Status LoopbackServer::runServerTool(const QString &tool, const QStringList &args)
{
    const QString program = binariesOrFail().tool(tool);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(u"/"_s);
    if (::geteuid() == 0) {
        auto account = LocalCluster::serverAccountForRoot();
        if (!account)
            return account.error();
        process.start(u"runuser"_s, QStringList{u"-u"_s, *account, u"--"_s, program} + args);
    } else {
        process.start(program, args);
    }
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return Error{u"test.server_tool"_s,
                     u"%1 failed: %2"_s.arg(tool, QString::fromLocal8Bit(process.readAll())),
                     {},
                     {}};
    return success();
}

LoopbackServer::LoopbackServer(LocalCluster cluster, int port)
    : m_cluster(std::move(cluster)), m_port(port)
{}

LoopbackServer::~LoopbackServer()
{
    (void)m_cluster.stop();
}

std::unique_ptr<LoopbackServer> LoopbackServer::primary(const QString &directory,
                                                        const QStringList &settings,
                                                        const QStringList &hbaRules)
{
    LocalCluster cluster(directory, binariesOrFail(), {.fast = true});
    requireOk(cluster.create());
    if (!hbaRules.isEmpty()) {
        QFile hba(cluster.dataDirectory() + u"/pg_hba.conf"_s);
        REQUIRE(hba.open(QIODevice::ReadWrite | QIODevice::Text));
        const QByteArray rules = hba.readAll();
        hba.resize(0);
        hba.write((hbaRules.join(u'\n') + u'\n').toUtf8() + rules);
    }
    const int port = freeLoopbackPort();
    // Commits wait for their WAL as in production (the fast test cluster turns that off).
    appendSettings(cluster.dataDirectory(),
                   QStringList{u"listen_addresses = '127.0.0.1'"_s, u"port = %1"_s.arg(port),
                               u"synchronous_commit = on"_s, u"wal_level = replica"_s,
                               u"max_wal_senders = 4"_s, u"hot_standby = on"_s} +
                       settings);
    std::unique_ptr<LoopbackServer> server(new LoopbackServer(std::move(cluster), port));
    requireOk(server->start());
    return server;
}

std::unique_ptr<LoopbackServer> LoopbackServer::standbyOf(const LoopbackServer &primary,
                                                          const QString &directory)
{
    REQUIRE(QDir().mkpath(directory));
    handToServerAccount(directory);
    LocalCluster cluster(directory, binariesOrFail(), {.fast = true});
    requireOk(
        runServerTool(u"pg_basebackup"_s,
                      {u"--pgdata"_s, cluster.dataDirectory(), u"--host"_s, u"127.0.0.1"_s,
                       u"--port"_s, QString::number(primary.port()), u"--username"_s,
                       QString::fromLatin1(LocalCluster::kSuperuser), u"--write-recovery-conf"_s,
                       u"--wal-method=stream"_s, u"--checkpoint=fast"_s, u"--no-sync"_s}));
    const int port = freeLoopbackPort();
    // The copy holds the primary's settings; later lines win.
    appendSettings(cluster.dataDirectory(),
                   {u"port = %1"_s.arg(port),
                    u"unix_socket_directories = '%1'"_s.arg(cluster.socketDirectory())});
    std::unique_ptr<LoopbackServer> server(new LoopbackServer(std::move(cluster), port));
    requireOk(server->start());
    requireOk(primary.waitForStandbys(1));
    return server;
}

ConnInfo LoopbackServer::connInfo(const QString &database) const
{
    return ConnInfo::fromPairs({{u"host"_s, u"127.0.0.1"_s},
                                {u"port"_s, QString::number(m_port)},
                                {u"dbname"_s, database},
                                {u"user"_s, QString::fromLatin1(LocalCluster::kSuperuser)},
                                {u"connect_timeout"_s, u"5"_s}});
}

QString LoopbackServer::log() const
{
    QFile file(m_cluster.directory() + u"/server.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

Status LoopbackServer::promote()
{
    return runServerTool(u"pg_ctl"_s, {u"promote"_s, u"--pgdata"_s, dataDirectory(), u"--wait"_s});
}

void LoopbackServer::forgetAlterSystem(const QString &setting) const
{
    QFile file(dataDirectory() + u"/postgresql.auto.conf"_s);
    REQUIRE(file.open(QIODevice::ReadWrite | QIODevice::Text));
    QStringList kept;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (!line.trimmed().startsWith(setting))
            kept << line;
    }
    file.resize(0);
    file.write(kept.join(u'\n').toUtf8());
}

Status LoopbackServer::waitForStandbys(int count) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (auto c = Connection::open(connInfo())) {
            auto streaming = queryValue(
                *(*c), u"SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"_s);
            if (streaming && streaming->integer() >= count)
                return success();
        }
        QThread::msleep(100);
    }
    return Error{u"test.standby"_s, u"No standby streams from the primary."_s, {}, {}};
}

} // namespace cpis::test
