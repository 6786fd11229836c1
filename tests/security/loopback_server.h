// Throwaway PostgreSQL servers on free loopback TCP ports, for what the shared Unix-socket
// test cluster cannot show: a streaming-replication standby to promote, a restart, TLS.
#pragma once

#include "db/conn_info.h"
#include "db/local_cluster.h"
#include "result.h"
#include "security/test_certificates.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace cpis::test {

class LoopbackServer
{
public:
    // initdb in `directory` (trust on loopback, as the embedded cluster), listening on
    // 127.0.0.1 on a free port, with `settings` added to postgresql.conf and `hbaRules` put
    // before pg_hba.conf's own (the first matching rule wins); started.
    static std::unique_ptr<LoopbackServer> primary(const QString &directory,
                                                   const QStringList &settings = {},
                                                   const QStringList &hbaRules = {});
    // A hot standby of `primary`, copied with pg_basebackup -R and streaming from it; started.
    static std::unique_ptr<LoopbackServer> standbyOf(const LoopbackServer &primary,
                                                     const QString &directory);
    ~LoopbackServer();
    Q_DISABLE_COPY_MOVE(LoopbackServer)

    [[nodiscard]] int port() const { return m_port; }
    // host=127.0.0.1 port=... dbname=... user=the superuser
    [[nodiscard]] ConnInfo connInfo(const QString &database = QStringLiteral("postgres")) const;
    [[nodiscard]] QString dataDirectory() const { return m_cluster.dataDirectory(); }
    // The server's own log, for a test that greps it.
    [[nodiscard]] QString log() const;

    Status start() { return m_cluster.start(); }
    Status stop() { return m_cluster.stop(); } // fast shutdown: sessions are cut off
    Status promote();                          // a standby becomes a primary
    // Removes a setting made with ALTER SYSTEM while the server is stopped.
    void forgetAlterSystem(const QString &setting) const;
    // Waits until `count` standbys stream from this server.
    Status waitForStandbys(int count) const;

    // A server program run as the account that runs the server.
    static Status runServerTool(const QString &tool, const QStringList &args);

private:
    LoopbackServer(LocalCluster cluster, int port);
    LocalCluster m_cluster;
    int m_port;
};

// A folder for throwaway servers that the server account can reach.
class ServerFolder
{
public:
    ServerFolder();
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// A client's settings for a primary and its standby: whichever accepts writes, so that they
// follow a failover.
ConnInfo eitherServer(const LoopbackServer &primary, const LoopbackServer &standby);

// A loopback port nobody listens on right now.
int freeLoopbackPort();

// The folder's owner becomes the account that runs the server (when we are root).
void handToServerAccount(const QString &path);

// The server's certificate and key handed to the account that runs it (the key readable by it
// alone), and the postgresql.conf lines that turn TLS on with them.
QStringList serverTlsSettings(const IssuedCertificate &issued);

} // namespace cpis::test
