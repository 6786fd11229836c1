// The MESH client against the loopback MESH server, over real HTTP: tokens, paging,
// chunked and gzipped transfers, acknowledgement, sending, tracking, REPORT messages,
// retries and the errors a caseworker's admin will read.
#include "cpis/gzip.h"
#include "cpis/mesh_client.h"
#include "support/mesh_server.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
const QByteArray kSecret = QByteArrayLiteral("env-shared-secret-5d1f");
const QString kMailbox = u"X26LA001"_s;
const QString kPassword = u"mailbox-password-7c1e"_s;
const QString kCpisMailbox = u"X26CPIS01"_s;
const QString kCpisPassword = u"cpis-password-2b9a"_s;
const QString kWorkflow = u"CPIS_UPLOAD"_s;

struct Mesh
{
    test::MeshServer server{kSecret};
    QUrl url;

    Mesh()
    {
        url = server.start();
        server.addMailbox(kMailbox, kPassword);
        server.addMailbox(kCpisMailbox, kCpisPassword);
    }

    [[nodiscard]] MeshSettings settings(const QString &mailbox = kMailbox,
                                        const QString &password = kPassword) const
    {
        MeshSettings settings;
        settings.url = url;
        settings.mailbox = mailbox;
        settings.password = password;
        settings.sharedSecret = kSecret;
        settings.timeoutMs = 5000;
        settings.retries = 3;
        settings.retryBaseMs = 10; // keep retries quick in tests
        return settings;
    }

    [[nodiscard]] qsizetype requestsMatching(const QString &text) const
    {
        return server.requestLog().filter(text).size();
    }
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

void checkNoSecrets(const Error &error)
{
    INFO(error.message.toStdString());
    for (const QString &text : {error.message, error.hint}) {
        CHECK_FALSE(text.contains(kPassword));
        CHECK_FALSE(text.contains(kCpisPassword));
        CHECK_FALSE(text.contains(QString::fromUtf8(kSecret)));
    }
}

// A GET with a token made by hand, outside the client: for the server's own token checks.
int statusForToken(const QUrl &url, const QByteArray &authorization)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.mesh.v2+json");
    request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

MeshMessage dataMessage(const QByteArray &body)
{
    MeshMessage message;
    message.messageType = u"DATA"_s;
    message.workflowId = u"CPIS_ASN"_s;
    message.sender = kCpisMailbox;
    message.fileName = u"asn_0001.xml"_s;
    message.localId = u"asn-0001"_s;
    message.subject = u"Access to Service Notification"_s;
    message.body = body;
    return message;
}
} // namespace

TEST_CASE("The NHSMESH token matches an independently computed vector", "[mesh]")
{
    // HMAC-SHA256 computed with `openssl dgst -sha256 -hmac TestKey` over
    // "X26AB1234:bd0e2bd5-218e-41d0-83a9-73fdec414803:0:password:202005041305".
    const QDateTime when(QDate(2020, 5, 4), QTime(13, 5), QTimeZone::utc());
    const QByteArray token =
        MeshClient::authorization(u"X26AB1234"_s, u"password"_s, "TestKey",
                                  u"bd0e2bd5-218e-41d0-83a9-73fdec414803"_s, 0, when);
    CHECK(token == "NHSMESH X26AB1234:bd0e2bd5-218e-41d0-83a9-73fdec414803:0:202005041305:"
                   "bd4ce3f5af9c603990cd6f3cc7f521a530621818663ef7b7762cb9efda738af1");

    // The mailbox id goes upper case, the timestamp is UTC whatever the zone given.
    const QDateTime local =
        QDateTime(QDate(2024, 1, 2), QTime(3, 4), QTimeZone::utc()).toTimeZone(QTimeZone(3600 * 5));
    const QByteArray signedText = "X26AB1234:n-1:7:pw:202401020304";
    const QByteArray hmac =
        QMessageAuthenticationCode::hash(signedText, "k", QCryptographicHash::Sha256).toHex();
    CHECK(MeshClient::authorization(u"x26ab1234"_s, u"pw"_s, "k", u"n-1"_s, 7, local) ==
          "NHSMESH X26AB1234:n-1:7:202401020304:" + hmac);
}

TEST_CASE("The server checks tokens like MESH: replayed, stale and wrongly keyed are refused",
          "[mesh]")
{
    Mesh mesh;
    QUrl inbox = mesh.url;
    inbox.setPath(u"/messageexchange/"_s + kMailbox + u"/inbox"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto token = [&](const QString &nonce, const QDateTime &when,
                           const QByteArray &secret = kSecret) {
        return MeshClient::authorization(kMailbox, kPassword, secret, nonce, 0, when);
    };

    const QByteArray once = token(u"nonce-a"_s, now);
    CHECK(statusForToken(inbox, once) == 200);
    CHECK(statusForToken(inbox, once) == 403); // the same token twice
    CHECK(statusForToken(inbox, token(u"nonce-b"_s, now.addSecs(-3 * 3600))) == 403);
    CHECK(statusForToken(inbox, token(u"nonce-c"_s, now.addSecs(3 * 3600))) == 403);
    CHECK(statusForToken(inbox, token(u"nonce-d"_s, now.addSecs(-90 * 60))) == 200);
    CHECK(statusForToken(inbox, token(u"nonce-e"_s, now, "another-secret")) == 403);

    // The client makes a fresh token every time, so call after call succeeds.
    MeshClient client(mesh.settings());
    for (int i = 0; i < 5; ++i)
        REQUIRE(client.inbox().ok());
}

TEST_CASE("Handshake validates the mailbox with the client's version and OS", "[mesh]")
{
    Mesh mesh;
    MeshClient client(mesh.settings());
    const Status status = client.handshake();
    INFO((status.ok() ? QString() : status.error().message).toStdString());
    REQUIRE(status.ok());
    CHECK(mesh.requestsMatching(u"POST /messageexchange/X26LA001 -> 200"_s) == 1);
}

TEST_CASE("The inbox lists every waiting message, page after page", "[mesh]")
{
    Mesh mesh;
    QStringList expected;
    for (int i = 0; i < 1200; ++i)
        expected << mesh.server.putInbox(kMailbox, dataMessage(QByteArray::number(i)));
    mesh.server.setPageSize(500);
    MeshClient client(mesh.settings());

    SECTION("following links.next (API v2)")
    {
        mesh.server.setInboxLinks(true);
    }
    SECTION("continuing from the last id while a page is full (API v1)")
    {
        mesh.server.setInboxLinks(false);
    }
    auto ids = client.inbox();
    REQUIRE(ids.ok());
    CHECK(*ids == expected);
    CHECK(mesh.requestsMatching(u"GET /messageexchange/X26LA001/inbox -> 200"_s) == 3);
}

TEST_CASE("An empty inbox is an empty list", "[mesh]")
{
    Mesh mesh;
    MeshClient client(mesh.settings());
    auto ids = client.inbox();
    REQUIRE(ids.ok());
    CHECK(ids->isEmpty());
}

TEST_CASE("A message downloads whole, with its MESH headers", "[mesh]")
{
    Mesh mesh;
    const QByteArray body =
        "<REPC_IN000004GB01>" + randomBytes(3000).toHex() + "</REPC_IN000004GB01>";
    const QString id = mesh.server.putInbox(kMailbox, dataMessage(body));
    MeshClient client(mesh.settings());

    qsizetype expectedRequests = 1;
    SECTION("in one piece") {}
    SECTION("in three chunks")
    {
        mesh.server.setChunkSize(body.size() / 3 + 1);
        expectedRequests = 3;
    }
    SECTION("gzipped")
    {
        mesh.server.gzipDownloads(true);
    }
    SECTION("in three chunks, each gzipped")
    {
        mesh.server.setChunkSize(body.size() / 3 + 1);
        mesh.server.gzipDownloads(true);
        expectedRequests = 3;
    }

    auto message = client.download(id);
    INFO((message.ok() ? QString() : message.error().message).toStdString());
    REQUIRE(message.ok());
    CHECK(message->body == body);
    CHECK(message->id == id);
    CHECK(message->messageType == u"DATA"_s);
    CHECK(message->workflowId == u"CPIS_ASN"_s);
    CHECK(message->sender == kCpisMailbox);
    CHECK(message->fileName == u"asn_0001.xml"_s);
    CHECK(message->localId == u"asn-0001"_s);
    CHECK(message->subject == u"Access to Service Notification"_s);
    CHECK(message->linkedMessageId.isEmpty());
    CHECK(mesh.requestsMatching(u"/inbox/"_s + id) == expectedRequests);
    if (expectedRequests == 3) {
        CHECK(mesh.requestsMatching(u"/inbox/"_s + id + u" -> 206"_s) == 1);
        CHECK(mesh.requestsMatching(u"/inbox/"_s + id + u"/2 -> 206"_s) == 1);
        CHECK(mesh.requestsMatching(u"/inbox/"_s + id + u"/3 -> 200"_s) == 1);
    }
    CHECK(mesh.server.inboxIds(kMailbox) == QStringList{id}); // still there until acknowledged
}

TEST_CASE("Acknowledging a message removes it from the inbox", "[mesh]")
{
    Mesh mesh;
    const QString first = mesh.server.putInbox(kMailbox, dataMessage("one"));
    const QString second = mesh.server.putInbox(kMailbox, dataMessage("two"));
    MeshClient client(mesh.settings());
    REQUIRE(client.acknowledge(first).ok());
    CHECK(mesh.server.inboxIds(kMailbox) == QStringList{second});
    CHECK(mesh.server.acknowledgedIds() == QStringList{first});
    CHECK(client.inbox().value() == QStringList{second});

    const auto gone = client.download(first);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == u"mesh.gone"_s);
    CHECK(gone.error().message.contains(u"404"_s));
    CHECK(gone.error().message.contains(u"Message does not exist"_s));
    CHECK(mesh.requestsMatching(u"/inbox/"_s + first + u" -> 404"_s) == 1); // 4xx: no retry
}

TEST_CASE("A REPORT message carries the failed message's id and the reason", "[mesh]")
{
    Mesh mesh;
    MeshMessage report;
    report.messageType = u"REPORT"_s;
    report.workflowId = kWorkflow;
    report.localId = u"upload-0042"_s;
    report.linkedMessageId = u"20240101120000000042_ABC123"_s;
    report.statusCode = u"15"_s;
    report.statusDescription = u"Bad 'Child Protection - Information Sharing' (CP-IS) File"_s;
    const QString id = mesh.server.putInbox(kMailbox, report);
    mesh.server.gzipDownloads(true); // an empty body gzipped is still empty

    MeshClient client(mesh.settings());
    auto message = client.download(id);
    REQUIRE(message.ok());
    CHECK(message->messageType == u"REPORT"_s);
    CHECK(message->linkedMessageId == u"20240101120000000042_ABC123"_s);
    CHECK(message->statusCode == u"15"_s);
    CHECK(message->statusDescription == report.statusDescription);
    CHECK(message->workflowId == kWorkflow);
    CHECK(message->localId == u"upload-0042"_s);
    CHECK(message->body.isEmpty());
}

TEST_CASE("Sending splits a large file into chunks that arrive whole", "[mesh]")
{
    Mesh mesh;
    MeshSettings settings = mesh.settings();
    settings.chunkSize = 4096;
    const QByteArray body = randomBytes(10000); // incompressible, so gzip cannot avoid chunks

    SECTION("gzipped chunk by chunk")
    {
        settings.compressUploads = true;
    }
    SECTION("uncompressed")
    {
        settings.compressUploads = false;
    }
    MeshClient client(settings);
    auto id = client.send(kCpisMailbox, kWorkflow, body, u"upload_0042.xml"_s, u"upload-0042"_s,
                          u"CP-IS upload"_s);
    INFO((id.ok() ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());

    const auto sent = mesh.server.sentMessages();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].id == *id);
    CHECK(sent[0].body == body);
    CHECK(sent[0].chunks == 3);
    CHECK(sent[0].sender == kMailbox);
    CHECK(sent[0].header("mex-to") == kCpisMailbox.toUtf8());
    CHECK(sent[0].header("mex-workflowid") == kWorkflow.toUtf8());
    CHECK(sent[0].header("mex-filename") == "upload_0042.xml");
    CHECK(sent[0].header("mex-localid") == "upload-0042");
    CHECK(sent[0].header("mex-subject") == "CP-IS upload");
    CHECK(sent[0].header("mex-chunk-range") == "1:3");
    CHECK(sent[0].header("content-type") == "application/octet-stream");
    CHECK(sent[0].header("content-encoding") == (settings.compressUploads ? "gzip" : ""));
    CHECK(mesh.requestsMatching(u"POST /messageexchange/X26LA001/outbox/"_s + *id +
                                u"/2 -> 202"_s) == 1);
    CHECK(mesh.requestsMatching(u"POST /messageexchange/X26LA001/outbox/"_s + *id +
                                u"/3 -> 202"_s) == 1);

    // And the recipient gets exactly what was sent.
    MeshClient cpis(mesh.settings(kCpisMailbox, kCpisPassword));
    auto received = cpis.download(*id);
    REQUIRE(received.ok());
    CHECK(received->body == body);
    CHECK(received->sender == kMailbox);
}

TEST_CASE("A small file goes in one request, gzipped", "[mesh]")
{
    Mesh mesh;
    MeshClient client(mesh.settings());
    const QByteArray body = QByteArray("<REPC_IN000002GB01/>").repeated(50);
    auto id = client.send(kCpisMailbox, kWorkflow, body, u"upload.xml"_s, u"local-1"_s);
    REQUIRE(id.ok());
    const auto sent = mesh.server.sentMessages();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].body == body);
    CHECK(sent[0].chunks == 1);
    CHECK(sent[0].header("mex-chunk-range").isEmpty());
    CHECK(sent[0].header("content-encoding") == "gzip");
}

TEST_CASE("Sending to an unregistered mailbox is refused with MESH's reason", "[mesh]")
{
    Mesh mesh;
    MeshClient client(mesh.settings());
    auto id = client.send(u"NOSUCHBOX"_s, kWorkflow, "x", u"f.xml"_s, u"l"_s);
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == u"mesh.refused"_s);
    CHECK(id.error().message.contains(u"417"_s));
    CHECK(id.error().message.contains(u"Unregistered to address"_s));
    CHECK(id.error().message.contains(u"12"_s));
    CHECK(mesh.server.sentMessages().isEmpty());
}

TEST_CASE("A send whose answer was lost is not repeated, and is found by its local id", "[mesh]")
{
    Mesh mesh;
    MeshSettings settings = mesh.settings();
    settings.retries = 3; // retries that must not apply to the POST that creates a message
    MeshClient client(settings);
    mesh.server.dropNextSendAnswers(1);
    auto lost = client.send(kCpisMailbox, kWorkflow, "<upload/>", u"upload.xml"_s, u"upload-9"_s);
    REQUIRE_FALSE(lost.ok());
    REQUIRE(mesh.server.sentMessages().size() == 1); // MESH took it once, and only once

    auto found = client.trackLocalId(u"upload-9"_s);
    REQUIRE(found.ok());
    CHECK(found->messageId == mesh.server.sentMessages().first().id);
    CHECK(found->status == u"accepted"_s);

    const auto unknown = client.trackLocalId(u"upload-10"_s);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == u"mesh.gone"_s);
    const auto bad = client.trackLocalId(u"a/b"_s);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.contains(u"a/b"_s));
}

TEST_CASE("Tracking follows a sent message until the recipient acknowledges it", "[mesh]")
{
    Mesh mesh;
    MeshClient client(mesh.settings());
    auto id = client.send(kCpisMailbox, kWorkflow, "<upload/>", u"upload.xml"_s, u"upload-7"_s);
    REQUIRE(id.ok());
    auto tracking = client.track(*id);
    REQUIRE(tracking.ok());
    CHECK(tracking->messageId == *id);
    CHECK(tracking->status == u"accepted"_s);
    CHECK(tracking->statusCode == u"00"_s);

    MeshClient cpis(mesh.settings(kCpisMailbox, kCpisPassword));
    REQUIRE(cpis.acknowledge(*id).ok());
    tracking = client.track(*id);
    REQUIRE(tracking.ok());
    CHECK(tracking->status == u"acknowledged"_s);

    const auto unknown = client.track(u"20240101000000000000_000000"_s);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == u"mesh.gone"_s);
}

TEST_CASE("A wrong password is refused as mesh.auth, and nothing is acknowledged", "[mesh]")
{
    Mesh mesh;
    const QString id = mesh.server.putInbox(kMailbox, dataMessage("waiting"));
    MeshClient client(mesh.settings(kMailbox, u"not-the-password"_s));

    auto ids = client.inbox();
    REQUIRE_FALSE(ids.ok());
    CHECK(ids.error().code == u"mesh.auth"_s);
    CHECK(ids.error().message.contains(u"MESH refused the credentials (403)"_s));
    CHECK(ids.error().hint.contains(u"mesh.password"_s));
    checkNoSecrets(ids.error());

    const Status ack = client.acknowledge(id);
    REQUIRE_FALSE(ack.ok());
    CHECK(ack.error().code == u"mesh.auth"_s);
    CHECK(mesh.server.acknowledgedIds().isEmpty());
    CHECK(mesh.server.inboxIds(kMailbox) == QStringList{id});
    // A 403 is tried once more with a fresh token (Qt may have re-sent the first), no more.
    CHECK(mesh.server.requestLog().size() == 4);

    SECTION("and so is the right password with the wrong shared secret")
    {
        MeshSettings settings = mesh.settings();
        settings.sharedSecret = "not-the-secret";
        CHECK(MeshClient(settings).handshake().error().code == u"mesh.auth"_s);
    }
}

TEST_CASE("An unreachable server is reported as such, after the retries", "[mesh]")
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    MeshSettings settings;
    settings.url = QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort));
    settings.mailbox = kMailbox;
    settings.password = kPassword;
    settings.sharedSecret = kSecret;
    settings.retries = 2;
    settings.retryBaseMs = 10;
    MeshClient client(settings);

    QElapsedTimer timer;
    timer.start();
    auto ids = client.inbox();
    REQUIRE_FALSE(ids.ok());
    CHECK(ids.error().code == u"mesh.unreachable"_s);
    CHECK(ids.error().message.contains(
        u"MESH server at http://127.0.0.1:%1 could not be reached"_s.arg(closedPort)));
    CHECK(timer.elapsed() >= 10 + 20); // it waited between the attempts
    checkNoSecrets(ids.error());
}

TEST_CASE("A 5xx is retried with backoff, a 4xx is not", "[mesh]")
{
    Mesh mesh;
    const QString id = mesh.server.putInbox(kMailbox, dataMessage("body"));
    MeshSettings settings = mesh.settings();
    settings.retries = 2;
    MeshClient client(settings);

    SECTION("one 500, then success")
    {
        mesh.server.failNextRequests(1, 500);
        auto ids = client.inbox();
        REQUIRE(ids.ok());
        CHECK(*ids == QStringList{id});
        CHECK(mesh.requestsMatching(u"-> 500"_s) == 1);
        CHECK(mesh.requestsMatching(u"-> 200"_s) == 1);
    }
    SECTION("503 every time: reported after the retries")
    {
        mesh.server.failNextRequests(10, 503);
        auto message = client.download(id);
        REQUIRE_FALSE(message.ok());
        CHECK(message.error().code == u"mesh.unreachable"_s);
        CHECK(message.error().message.contains(u"HTTP 503"_s));
        CHECK(message.error().message.contains(u"injected failure"_s));
        CHECK(mesh.server.requestLog().size() == 3);
    }
    SECTION("a 400 at once")
    {
        mesh.server.failNextRequests(10, 400);
        const Status ack = client.acknowledge(id);
        REQUIRE_FALSE(ack.ok());
        CHECK(ack.error().code == u"mesh.refused"_s);
        CHECK(ack.error().message.contains(u"HTTP 400"_s));
        CHECK(mesh.server.requestLog().size() == 1);
        CHECK(mesh.server.inboxIds(kMailbox) == QStringList{id});
    }
}

TEST_CASE("A connection dropped in the middle of a download is retried", "[mesh]")
{
    Mesh mesh;
    const QByteArray body = randomBytes(6000);
    const QString id = mesh.server.putInbox(kMailbox, dataMessage(body));
    int droppedChunk = 1;
    QString answered = u"-> 200"_s;
    SECTION("a message in one piece") {}
    SECTION("the second of three chunks")
    {
        mesh.server.setChunkSize(2000);
        droppedChunk = 2;
        answered = u"-> 206"_s;
    }
    mesh.server.dropConnectionMidDownloadOnce(id, droppedChunk);

    MeshClient client(mesh.settings());
    auto message = client.download(id);
    INFO((message.ok() ? QString() : message.error().message).toStdString());
    REQUIRE(message.ok());
    CHECK(message->body == body);
    const QString chunkPath =
        u"/inbox/"_s + id + (droppedChunk == 1 ? QString() : u"/%1"_s.arg(droppedChunk)) + u" ->"_s;
    // The client asked again (Qt may itself replay the request once first, which the server
    // refuses as a reused token; the client must come through that too).
    CHECK(mesh.requestsMatching(chunkPath) >= 2);
    const QString lastTry = mesh.server.requestLog().filter(chunkPath).last();
    CHECK(lastTry.endsWith(answered));
}

TEST_CASE("A server that does not answer times out, and is retried", "[mesh]")
{
    Mesh mesh;
    MeshSettings settings = mesh.settings();
    settings.timeoutMs = 300;
    settings.retries = 1;
    MeshClient client(settings);

    SECTION("silent once")
    {
        mesh.server.stallNextRequests(1);
        CHECK(client.inbox().ok());
    }
    SECTION("silent every time")
    {
        mesh.server.stallNextRequests(10);
        auto ids = client.inbox();
        REQUIRE_FALSE(ids.ok());
        CHECK(ids.error().code == u"mesh.unreachable"_s);
        CHECK(ids.error().message.contains(u"did not answer within 0.3 s"_s));
    }
}

TEST_CASE("Settings are checked, naming the setting, before anything is sent", "[mesh]")
{
    MeshSettings good;
    good.url = QUrl(u"http://127.0.0.1:1"_s);
    good.mailbox = kMailbox;
    good.password = kPassword;
    good.sharedSecret = kSecret;
    REQUIRE(good.validate().ok());

    const auto refusedNaming = [](const MeshSettings &settings, const QString &setting) {
        const Status status = settings.validate();
        REQUIRE_FALSE(status.ok());
        INFO(status.error().message.toStdString());
        CHECK(status.error().code == u"mesh.settings"_s);
        CHECK(status.error().message.contains(setting));
        checkNoSecrets(status.error());
        // The client refuses every call the same way, without a request.
        MeshClient client(settings);
        auto ids = client.inbox();
        REQUIRE_FALSE(ids.ok());
        CHECK(ids.error().message == status.error().message);
    };

    for (const QString &loopback :
         {u"http://localhost:8080"_s, u"http://127.0.0.5"_s, u"http://[::1]:9"_s}) {
        MeshSettings settings = good;
        settings.url = QUrl(loopback);
        CHECK(settings.validate().ok());
    }
    MeshSettings settings = good;
    settings.url = QUrl(u"http://mesh.example.nhs.uk/"_s);
    refusedNaming(settings, u"mesh.url"_s);
    settings.url = QUrl();
    refusedNaming(settings, u"mesh.url"_s);
    settings.url = QUrl(u"ftp://127.0.0.1/"_s);
    refusedNaming(settings, u"mesh.url"_s);
    settings.url = QUrl(u"http://user:%1@127.0.0.1/"_s.arg(kPassword));
    refusedNaming(settings, u"mesh.url"_s);

    settings = good;
    settings.mailbox.clear();
    refusedNaming(settings, u"mesh.mailbox"_s);
    settings = good;
    settings.password.clear();
    refusedNaming(settings, u"mesh.password"_s);
    settings = good;
    settings.sharedSecret.clear();
    refusedNaming(settings, u"mesh.shared_secret"_s);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString garbage = dir.filePath(u"garbage.pem"_s);
    QFile file(garbage);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();

    settings = good;
    settings.url = QUrl(u"https://mesh.example.nhs.uk/"_s);
    refusedNaming(settings, u"mesh.client_cert"_s);
    settings.clientCertificate = dir.filePath(u"missing.pem"_s);
    refusedNaming(settings, u"mesh.client_cert"_s);
    settings.clientCertificate = garbage;
    refusedNaming(settings, u"mesh.client_cert"_s);

    // With a real certificate and key, the key and then the CA are checked in turn.
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        WARN("openssl not found: the certificate-loading checks are skipped");
        return;
    }
    const QString cert = dir.filePath(u"client.pem"_s);
    const QString key = dir.filePath(u"client.key"_s);
    QProcess process;
    process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                            u"-keyout"_s, key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s,
                            u"/CN=X26LA001.X26.api.mesh-client.nhs.uk"_s});
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    settings.clientCertificate = cert;
    settings.clientKey = garbage;
    refusedNaming(settings, u"mesh.client_key"_s);
    settings.clientKey = key;
    settings.caCertificate = garbage;
    refusedNaming(settings, u"mesh.ca_cert"_s);
    settings.caCertificate = cert;
    CHECK(settings.validate().ok());
}

TEST_CASE("No error message ever carries the password or the shared secret", "[mesh]")
{
    Mesh mesh;
    QList<Error> errors;
    const auto collect = [&errors](const auto &result) {
        if (!result.ok())
            errors << result.error();
    };
    MeshSettings settings = mesh.settings();
    settings.retries = 0;
    collect(MeshClient(mesh.settings(kMailbox, u"wrong-password"_s)).inbox());
    settings.sharedSecret = "wrong-secret";
    collect(MeshClient(settings).handshake());
    settings = mesh.settings();
    settings.retries = 0;
    MeshClient client(settings);
    mesh.server.failNextRequests(1, 500);
    collect(client.inbox());
    mesh.server.failNextRequests(1, 400);
    collect(client.inbox());
    collect(client.download(u"20240101000000000000_000000"_s));
    collect(client.send(u"NOSUCHBOX"_s, kWorkflow, "x", u"f.xml"_s, u"l"_s));
    settings.url = QUrl(u"http://mesh.example.nhs.uk/"_s);
    collect(MeshClient(settings).inbox());
    REQUIRE(errors.size() == 7);
    for (const Error &error : errors)
        checkNoSecrets(error);
}

TEST_CASE("gzip: what we compress inflates, and so does gzip's own output", "[mesh]")
{
    const QByteArray text = QByteArray("a CP-IS upload ").repeated(1000);
    const QByteArray packed = gzipCompress(text);
    CHECK(packed.startsWith("\x1f\x8b"));
    CHECK(packed.size() < text.size());
    CHECK(gzipDecompress(packed) == text);
    CHECK(gzipDecompress(QByteArray(packed + gzipCompress("more"))) ==
          QByteArray(text + "more")); // two members

    // `printf 'hello MESH\n' | gzip -n`
    static const unsigned char fromGzip[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
                                             0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
                                             0xf0, 0x75, 0x0d, 0xf6, 0xe0, 0x02, 0x00, 0xd6,
                                             0x7f, 0x39, 0x4b, 0x0b, 0x00, 0x00, 0x00};
    const QByteArray external(reinterpret_cast<const char *>(fromGzip), sizeof fromGzip);
    CHECK(gzipDecompress(external) == "hello MESH\n");
    CHECK_FALSE(gzipDecompress(external.left(external.size() - 3)).has_value()); // truncated
    CHECK_FALSE(gzipDecompress("not gzip at all").has_value());
    CHECK(gzipDecompress(QByteArray()) == QByteArray());
}
