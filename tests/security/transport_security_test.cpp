// DESIGN §5 "connections to a remote server can require TLS", and MESH's mutual TLS, proven
// against real servers on loopback with a throwaway CA: the database connection with
// sslmode=verify-full (through ConnInfo and cpisctl --database as given), and the MESH client
// against a TLS test server that requires a client certificate. Each refuses the wrong CA.
#include "cpis/mesh_client.h"
#include "db/connection.h"
#include "db/rows.h"
#include "security/loopback_server.h"
#include "security/test_certificates.h"
#include "support/case_world.h"
#include "support/exchange_world.h"
#include "support/mesh_server.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
// A server whose certificate names "localhost", signed by `ca`, refusing connections without TLS.
std::unique_ptr<test::LoopbackServer> tlsServer(const test::ServerFolder &folder,
                                                const test::TestCertificateAuthority &ca)
{
    const auto issued = ca.issue(u"db-server"_s, u"localhost"_s, {u"DNS:localhost"_s});
    return test::LoopbackServer::primary(folder.path(u"server"_s), test::serverTlsSettings(issued),
                                         {u"hostnossl all all 0.0.0.0/0 reject"_s});
}

ConnInfo verifyFull(const test::LoopbackServer &server, const QString &host, const QString &ca)
{
    ConnInfo info = server.connInfo();
    info.set(u"host"_s, host);
    info.set(u"sslmode"_s, u"verify-full"_s);
    info.set(u"sslrootcert"_s, ca);
    return info;
}

QString refusal(const ConnInfo &info)
{
    auto connection = Connection::open(info);
    return connection ? QString() : connection.error().message;
}
} // namespace

TEST_CASE("Database TLS: verify-full connects with the right CA and host name, and refuses "
          "a wrong CA, a wrong host name and plain connections",
          "[security][tls]")
{
    test::ServerFolder folder;
    const test::TestCertificateAuthority ca(folder.path(u"tls"_s), u"db"_s);
    const test::TestCertificateAuthority otherCa(folder.path(u"tls"_s), u"other"_s);
    auto server = tlsServer(folder, ca);

    auto connection =
        require(Connection::open(verifyFull(*server, u"localhost"_s, ca.certificate())));
    CHECK(require(queryValue(*connection,
                             u"SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s))
              .boolean());

    const QString wrongCa = refusal(verifyFull(*server, u"localhost"_s, otherCa.certificate()));
    CHECK(wrongCa.contains(u"certificate verify failed"_s));
    const QString wrongHost = refusal(verifyFull(*server, u"127.0.0.1"_s, ca.certificate()));
    CHECK(wrongHost.contains(u"does not match host name"_s));
    ConnInfo plain = server->connInfo();
    plain.set(u"sslmode"_s, u"disable"_s);
    CHECK(refusal(plain).contains(u"no encryption"_s));
}

TEST_CASE("cpisctl --database passes sslmode=verify-full and sslrootcert through to libpq",
          "[security][tls]")
{
    test::ServerFolder folder;
    const test::TestCertificateAuthority ca(folder.path(u"tls"_s), u"db"_s);
    const test::TestCertificateAuthority otherCa(folder.path(u"tls"_s), u"other"_s);
    auto server = tlsServer(folder, ca);
    test::TestDatabase db(verifyFull(*server, u"localhost"_s, ca.certificate()),
                          test::TestDatabase::Schema::Migrated);

    const auto ok =
        test::runCpisctl(test::withDatabase(db, {u"db"_s, u"status"_s}), test::cleanEnvironment());
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.contains(u"up to date"_s));

    ConnInfo wrong = db.connInfo();
    wrong.set(u"sslrootcert"_s, otherCa.certificate());
    const auto refused =
        test::runCpisctl({u"db"_s, u"status"_s, u"--database"_s, wrong.toKeywordValueString()},
                         test::cleanEnvironment());
    CHECK(refused.exitCode == 3); // unreachable
    CHECK(refused.err.contains(u"certificate verify failed"_s));
}

namespace {
// A MESH TLS server with `server`'s certificate that requires client certificates signed by
// `clientCa`.
QSslConfiguration meshServerTls(const test::IssuedCertificate &server, const QString &clientCa)
{
    QFile cert(server.certificate), key(server.key), ca(clientCa);
    REQUIRE(cert.open(QIODevice::ReadOnly));
    REQUIRE(key.open(QIODevice::ReadOnly));
    REQUIRE(ca.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&cert));
    tls.setPrivateKey(QSslKey(&key, QSsl::Rsa));
    tls.setCaCertificates(QSslCertificate::fromDevice(&ca));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer); // no client certificate, no connection
    return tls;
}

struct MeshTls
{
    test::ServerFolder folder;
    test::TestCertificateAuthority meshCa{folder.path(u"tls"_s), u"mesh"_s};
    test::TestCertificateAuthority otherCa{folder.path(u"tls"_s), u"other"_s};
    test::IssuedCertificate serverCert =
        meshCa.issue(u"mesh-server"_s, u"127.0.0.1"_s, {u"IP:127.0.0.1"_s, u"DNS:localhost"_s});
    test::IssuedCertificate clientCert =
        meshCa.issue(u"mesh-client"_s, u"X26LA001.X26.api.mesh-client.nhs.uk"_s,
                     {u"DNS:X26LA001.X26.api.mesh-client.nhs.uk"_s});

    // Settings that trust `ca` for the server and present `client`.
    MeshSettings settings(const QUrl &url, const QString &ca,
                          const test::IssuedCertificate &client) const
    {
        MeshSettings s;
        s.url = url;
        s.mailbox = u"LA001OT"_s;
        s.password = u"mailbox-password"_s;
        s.sharedSecret = "environment-shared-secret";
        s.caCertificate = ca;
        s.clientCertificate = client.certificate;
        s.clientKey = client.key;
        s.timeoutMs = 5000;
        s.retries = 0;
        return s;
    }
};
} // namespace

TEST_CASE("MESH mutual TLS: with both certificates right the handshake goes through",
          "[security][tls]")
{
    MeshTls tls;
    test::MeshServer server("environment-shared-secret");
    server.addMailbox(u"LA001OT"_s, u"mailbox-password"_s);
    const QUrl url = server.startTls(meshServerTls(tls.serverCert, tls.meshCa.certificate()));
    CHECK(url.scheme() == u"https"_s);
    MeshClient client(tls.settings(url, tls.meshCa.certificate(), tls.clientCert));
    const Status handshake = client.handshake();
    INFO((handshake ? QString() : handshake.error().message).toStdString());
    CHECK(handshake.ok());
    CHECK(server.requestLog().size() == 1);
}

TEST_CASE("MESH mutual TLS: the client refuses a server certificate its CA did not sign",
          "[security][tls]")
{
    MeshTls tls;
    const auto impostor = tls.otherCa.issue(u"impostor"_s, u"127.0.0.1"_s, {u"IP:127.0.0.1"_s});
    test::MeshServer server("environment-shared-secret");
    server.addMailbox(u"LA001OT"_s, u"mailbox-password"_s);
    const QUrl url = server.startTls(meshServerTls(impostor, tls.meshCa.certificate()));
    MeshClient client(tls.settings(url, tls.meshCa.certificate(), tls.clientCert));
    const Status handshake = client.handshake();
    REQUIRE_FALSE(handshake.ok());
    INFO(handshake.error().message.toStdString());
    CHECK(handshake.error().message.contains(u"certificate"_s, Qt::CaseInsensitive));
    CHECK(server.requestLog().isEmpty()); // nothing (no password, no token) was sent
}

TEST_CASE("MESH mutual TLS: the server refuses a client whose certificate its CA did not sign",
          "[security][tls]")
{
    MeshTls tls;
    const auto stranger =
        tls.otherCa.issue(u"stranger"_s, u"stranger.example"_s, {u"DNS:stranger.example"_s});
    test::MeshServer server("environment-shared-secret");
    server.addMailbox(u"LA001OT"_s, u"mailbox-password"_s);
    const QUrl url = server.startTls(meshServerTls(tls.serverCert, tls.meshCa.certificate()));
    MeshClient client(tls.settings(url, tls.meshCa.certificate(), stranger));
    const Status handshake = client.handshake();
    CHECK_FALSE(handshake.ok());
    CHECK(server.requestLog().isEmpty());
}

TEST_CASE("MESH mutual TLS: an upload not sent for a certificate problem alerts the CP-IS "
          "administrators with the certificate settings to fix",
          "[security][tls][exchange]")
{
    MeshTls tls;
    // A server whose certificate the configured CA did not sign: every request fails its
    // handshake, the upload's first.
    const auto impostor = tls.otherCa.issue(u"impostor"_s, u"127.0.0.1"_s, {u"IP:127.0.0.1"_s});
    test::ExchangeWorld x;
    test::MeshServer server(test::kMeshSecret);
    server.addMailbox(test::kMeshMailbox, test::kMeshPassword);
    const QUrl url = server.startTls(meshServerTls(impostor, tls.meshCa.certificate()));
    x.setConfig(u"mesh.url"_s, url.toString());
    x.setConfig(u"mesh.ca_cert"_s, tls.meshCa.certificate());
    x.setConfig(u"mesh.client_cert"_s, tls.clientCert.certificate);
    x.setConfig(u"mesh.client_key"_s, tls.clientCert.key);

    const auto run = x.run();
    REQUIRE_FALSE(run.ok()); // the inbox could not be listed either
    CHECK(server.requestLog().isEmpty());
    const QString alert = require(queryValue(x.db.connection(), u"SELECT body FROM alert WHERE "
                                                                u"alert_type = 'CP-IS upload not "
                                                                u"sent'"_s))
                              .text();
    INFO(alert.toStdString());
    CHECK(alert.contains(u"mesh.client_cert"_s));
    CHECK(alert.contains(u"mesh.client_key"_s));
    CHECK(alert.contains(u"mesh.ca_cert"_s));
    CHECK_FALSE(alert.contains(u"mesh.cpis_mailbox"_s)); // not the recipient's fault
}
