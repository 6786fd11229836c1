// A MESH server on loopback for tests (shared/CPIS-INTERFACE.md, "A MESH server to test
// against"): the calls the client makes, tokens checked like the real service, chunked and
// gzipped downloads, inbox paging, chunked uploads, tracking, REPORT messages and injected
// faults. It runs on its own thread so that a blocking client in the test's thread can talk
// to it. HTTP/1.1, one request per connection.
#pragma once

#include "cpis/mesh_client.h"

#include <QByteArray>
#include <QHash>
#include <QSslConfiguration>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

class QTcpSocket;

namespace cpis::test {

// What a client posted to its outbox, once every chunk has arrived.
struct MeshSentMessage
{
    QString id;
    QString sender;
    QHash<QByteArray, QByteArray> headers; // of the first request; names in lower case
    QByteArray body;                       // every chunk joined, un-gzipped
    int chunks = 1;

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

class MeshServer
{
public:
    // The environment's shared secret, as the real service holds it.
    explicit MeshServer(QByteArray sharedSecret);
    ~MeshServer();
    Q_DISABLE_COPY_MOVE(MeshServer)

    // Listens on 127.0.0.1 on an ephemeral port; returns the base URL.
    QUrl start();
    // The same over TLS as `tls` says (our certificate, and whether and whose client
    // certificates are required): an https URL. A failed handshake is never answered.
    QUrl startTls(const QSslConfiguration &tls);

    void addMailbox(const QString &mailbox, const QString &password);
    // Delivers a message to a mailbox's inbox (an id is assigned when message.id is empty);
    // message.sender goes out as mex-From. Returns the id.
    QString putInbox(const QString &mailbox, MeshMessage message);
    [[nodiscard]] QStringList inboxIds(const QString &mailbox) const;
    [[nodiscard]] QList<MeshSentMessage> sentMessages() const;
    [[nodiscard]] QStringList acknowledgedIds() const;
    // One line per request answered: "GET /messageexchange/MB/inbox -> 200".
    [[nodiscard]] QStringList requestLog() const;

    // Faults and shapes.
    void failNextRequests(int count, int httpStatus); // before the token is even read
    void stallNextRequests(int count);                // read the request, never answer
    // The next `count` sends (POST /outbox) are taken, then the connection closes unanswered.
    void dropNextSendAnswers(int count);
    // Sends half of that chunk's body, then closes the connection.
    void dropConnectionMidDownloadOnce(const QString &messageId, int chunk = 1);
    // The same at every download of that chunk (retries included); chunk 0 serves it again.
    void truncateChunkAlways(const QString &messageId, int chunk);
    // Serves that message once with one byte changed, under the checksum of the original.
    void corruptNextDownload(const QString &messageId);
    // Every download of that message answers `httpStatus` (a 5xx is retried by the client);
    // 0 serves it again.
    void failDownloadsOf(const QString &messageId, int httpStatus);
    // The next download of that message says Content-Encoding: gzip over bytes that are not.
    void breakGzipOnce(const QString &messageId);
    // The next inbox listing still names it; then it expires (downloads answer 410 Gone).
    void expireAfterListing(const QString &messageId);
    // Every request whose path ends so is read and never answered; empty: none.
    void stallRequestsEndingWith(const QString &pathSuffix);
    void setChunkSize(qint64 bytes); // downloads larger than this go as 206 chunks; 0: whole
    void gzipDownloads(bool on);     // Content-Encoding: gzip when the client accepts it
    void setPageSize(int messages);  // at most this many ids per inbox page (default 500)
    void setInboxLinks(bool on);     // v2 links.next (default), or v1 paging by last id

private:
    struct State;
    QUrl listen(const std::optional<QSslConfiguration> &tls);
    void serve(QTcpSocket *socket);

    std::unique_ptr<State> m_state;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; parent of the listening socket
};

} // namespace cpis::test
