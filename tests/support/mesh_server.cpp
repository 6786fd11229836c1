// The loopback MESH server: sockets on its own thread, state behind one mutex so the test's
// thread can arrange messages and faults and read what arrived.
#include "support/mesh_server.h"

#include "cpis/gzip.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
constexpr qint64 kTokenWindowSecs = 2 * 60 * 60; // MESH: within two hours of its clock
constexpr int kDefaultPageSize = 500;
constexpr int kDropDelayMs = 50;

struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        return headers.value(name.toByteArray().toLower());
    }
};

struct HttpResponse
{
    enum class Delivery { Whole, DropMidBody, Stall, Close };
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Whole;
};

// Nothing until the headers and Content-Length bytes of body have arrived.
std::optional<HttpRequest> parseRequest(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    HttpRequest request;
    request.method = requestLine.value(0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return std::nullopt;
    request.body = buffer.mid(headerEnd + 4, length);
    const QUrl target = QUrl::fromEncoded(requestLine.value(1));
    request.path = target.path();
    request.query = QUrlQuery(target);
    return request;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 417:
        return "Expectation Failed";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

HttpResponse json(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "application/vnd.mesh.v2+json");
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

// The v2 MeshError shape (message_id, internal_id, detail[{event, code, msg}]).
HttpResponse meshError(int status, const QString &event, const QString &code, const QString &msg,
                       const QString &messageId = {})
{
    QJsonObject error{{u"internal_id"_s, u"test-server"_s},
                      {u"detail"_s, QJsonArray{QJsonObject{
                                        {u"event"_s, event}, {u"code"_s, code}, {u"msg"_s, msg}}}}};
    if (!messageId.isEmpty())
        error.insert(u"message_id"_s, messageId);
    return json(status, error);
}

// The HTTPValidationError shape (detail[{loc, msg, type}]).
HttpResponse validationError(const QStringList &location, const QString &msg)
{
    return json(400, QJsonObject{{u"detail"_s, QJsonArray{QJsonObject{
                                                   {u"loc"_s, QJsonArray::fromStringList(location)},
                                                   {u"msg"_s, msg},
                                                   {u"type"_s, u"value_error"_s}}}}});
}

QByteArray continueToken(const QString &lastId)
{
    return QByteArray(QByteArrayLiteral("after:") + lastId.toUtf8())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A v2 token from links.next, or (v1) the last message id itself.
QString continueAfter(const QString &value)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        value.toUtf8(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.startsWith("after:"))
        return QString::fromUtf8(decoded.decoded.mid(6));
    return value;
}
} // namespace

QByteArray MeshSentMessage::header(QByteArrayView name) const
{
    return headers.value(name.toByteArray().toLower());
}

struct MeshServer::State
{
    struct Mailbox
    {
        QString password;
        QList<MeshMessage> inbox;
    };
    struct Upload
    {
        QString sender;
        QHash<QByteArray, QByteArray> headers;
        int total = 1;
        QMap<int, QByteArray> chunks; // un-gzipped
    };
    struct Tracking
    {
        QString sender;
        QString recipient;
        QString localId;
        QString workflowId;
        QString fileName;
        QString status;
    };

    mutable QMutex mutex;
    QByteArray sharedSecret;
    QHash<QString, Mailbox> mailboxes; // by upper-case id
    QHash<QString, int> nonces;        // nonce -> highest nonce_count seen
    QHash<QString, Upload> uploads;    // chunked uploads still waiting for chunks
    QHash<QString, Tracking> tracking;
    QList<MeshSentMessage> sent;
    QStringList acknowledged;
    QStringList log;
    QString idPrefix = QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
    int idCounter = 0;

    int failCount = 0;
    int failStatus = 500;
    int stallCount = 0;
    int dropSendAnswers = 0;
    QString dropMessageId;
    int dropChunk = 1;
    QString corruptMessageId;
    QHash<QString, int> failingDownloads; // message id -> HTTP status
    QHash<QString, int> truncatedChunks;  // message id -> the chunk cut short at every try
    QSet<QString> brokenGzip;
    QSet<QString> expireAfterListing;
    QSet<QString> expired;
    QString stallPathSuffix;
    qint64 chunkSize = 0;
    bool gzip = false;
    int pageSize = kDefaultPageSize;
    bool links = true;

    // Sortable like MESH's ids: 20 digits, '_', 6 hex digits.
    QString newMessageId()
    {
        const quint32 tag = QRandomGenerator::global()->bounded(0x1000000U);
        return u"%1%2_%3"_s.arg(idPrefix)
            .arg(++idCounter, 6, 10, QChar(u'0'))
            .arg(tag, 6, 16, QChar(u'0'))
            .toUpper();
    }

    HttpResponse handle(const HttpRequest &request)
    {
        QMutexLocker lock(&mutex);
        HttpResponse response = route(request);
        const bool stalled = response.delivery == HttpResponse::Delivery::Stall;
        log << u"%1 %2 -> %3"_s.arg(QString::fromLatin1(request.method), request.path,
                                    stalled ? u"stalled"_s : QString::number(response.status));
        return response;
    }

    HttpResponse route(const HttpRequest &request)
    {
        if (failCount > 0) {
            --failCount;
            return meshError(failStatus, u"TEST"_s, QString::number(failStatus),
                             u"injected failure"_s);
        }
        if (stallCount > 0 ||
            (!stallPathSuffix.isEmpty() && request.path.endsWith(stallPathSuffix))) {
            stallCount = std::max(0, stallCount - 1);
            HttpResponse stall;
            stall.delivery = HttpResponse::Delivery::Stall;
            return stall;
        }
        const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
        if (parts.size() < 2 || parts[0] != u"messageexchange"_s)
            return meshError(404, u"ROUTE"_s, u"404"_s, u"no such endpoint"_s);
        if (auto refusal = checkToken(request, parts[1]))
            return *refusal;
        if (request.header("accept") != "application/vnd.mesh.v2+json")
            return validationError({u"header"_s, u"accept"_s},
                                   u"this server speaks only application/vnd.mesh.v2+json"_s);

        const QString mailbox = parts[1].toUpper();
        const QStringList rest = parts.mid(2);
        const QByteArray &method = request.method;
        if (rest.isEmpty() && method == "POST")
            return handshake(request);
        if (rest.value(0) == u"inbox"_s) {
            if (rest.size() == 1 && method == "GET")
                return listInbox(mailbox, request);
            if (rest.size() == 2 && method == "GET")
                return download(mailbox, rest[1], 1, request);
            if (rest.size() == 3 && method == "GET")
                return download(mailbox, rest[1], rest[2].toInt(), request);
            if (rest.size() == 4 && rest[2] == u"status"_s && rest[3] == u"acknowledged"_s &&
                method == "PUT")
                return acknowledge(mailbox, rest[1]);
        }
        if (rest.value(0) == u"outbox"_s) {
            if (rest.size() == 1 && method == "POST") {
                HttpResponse sent = send(mailbox, request);
                if (dropSendAnswers > 0 && sent.status == 202) {
                    --dropSendAnswers; // taken, but the answer is lost
                    sent.delivery = HttpResponse::Delivery::Close;
                }
                return sent;
            }
            if (rest.size() == 2 && rest[1] == u"tracking"_s && method == "GET")
                return track(mailbox, request.query.queryItemValue(u"messageID"_s));
            if (rest.size() == 3 && rest[1] == u"tracking"_s && method == "GET")
                return trackLocalId(mailbox, rest[2]);
            if (rest.size() == 3 && method == "POST")
                return sendChunk(mailbox, rest[1], rest[2].toInt(), request);
        }
        return meshError(404, u"ROUTE"_s, u"404"_s, u"no such endpoint"_s);
    }

    // NHSMESH {MAILBOX}:{nonce}:{nonce_count}:{yyyyMMddHHmm}:{hmac}, checked as MESH does.
    std::optional<HttpResponse> checkToken(const HttpRequest &request, const QString &pathMailbox)
    {
        const auto refuse = [](const QString &why) {
            return meshError(403, u"AUTH"_s, u"403"_s, why);
        };
        const QByteArray header = request.header("authorization");
        if (!header.startsWith("NHSMESH "))
            return refuse(u"no NHSMESH token"_s);
        const QStringList fields = QString::fromUtf8(header.mid(8)).split(u':');
        if (fields.size() != 5)
            return refuse(u"malformed token"_s);
        const QString &mailboxId = fields[0];
        const QString &nonce = fields[1];
        const QString &countText = fields[2];
        const QString &timestamp = fields[3];
        if (mailboxId != mailboxId.toUpper() ||
            mailboxId.compare(pathMailbox, Qt::CaseInsensitive) != 0)
            return refuse(u"the token is not for this mailbox"_s);
        const auto mailbox = mailboxes.constFind(mailboxId);
        if (mailbox == mailboxes.cend() || mailbox->password.isEmpty())
            return refuse(u"unknown mailbox"_s);
        bool countOk = false;
        const int count = countText.toInt(&countOk);
        if (!countOk || count < 0 || nonce.isEmpty())
            return refuse(u"malformed nonce"_s);
        const QDateTime when(QDate::fromString(timestamp.left(8), u"yyyyMMdd"_s),
                             QTime::fromString(timestamp.mid(8), u"HHmm"_s), QTimeZone::utc());
        if (timestamp.size() != 12 || !when.isValid())
            return refuse(u"malformed timestamp"_s);
        if (qAbs(when.secsTo(QDateTime::currentDateTimeUtc())) > kTokenWindowSecs)
            return refuse(u"the timestamp is more than two hours from the server's clock"_s);
        const QByteArray expected =
            QMessageAuthenticationCode::hash(
                QStringList{mailboxId, nonce, countText, mailbox->password, timestamp}
                    .join(u':')
                    .toUtf8(),
                sharedSecret, QCryptographicHash::Sha256)
                .toHex();
        if (fields[4].toLatin1() != expected)
            return refuse(u"the token's hash does not match"_s);
        const auto seen = nonces.constFind(nonce);
        if (seen != nonces.cend() && count <= *seen)
            return refuse(u"the token has been used before"_s);
        nonces.insert(nonce, count);
        return std::nullopt;
    }

    HttpResponse handshake(const HttpRequest &request)
    {
        for (const char *name : {"mex-clientversion", "mex-osname", "mex-osversion"}) {
            if (request.header(name).isEmpty())
                return validationError({u"header"_s, QString::fromLatin1(name)},
                                       u"field required"_s);
        }
        return HttpResponse{};
    }

    HttpResponse listInbox(const QString &mailbox, const HttpRequest &request)
    {
        int maxResults = kDefaultPageSize;
        if (request.query.hasQueryItem(u"max_results"_s)) {
            bool ok = false;
            maxResults = request.query.queryItemValue(u"max_results"_s).toInt(&ok);
            if (!ok || maxResults < 10 || maxResults > 5000)
                return validationError({u"query"_s, u"max_results"_s},
                                       u"must be between 10 and 5000"_s);
        }
        const QList<MeshMessage> &inbox = mailboxes[mailbox].inbox;
        qsizetype start = 0;
        if (request.query.hasQueryItem(u"continue_from"_s)) {
            const QString after =
                continueAfter(request.query.queryItemValue(u"continue_from"_s, QUrl::FullyDecoded));
            const auto at = std::find_if(inbox.cbegin(), inbox.cend(),
                                         [&after](const MeshMessage &m) { return m.id == after; });
            if (at != inbox.cend()) {
                start = std::distance(inbox.cbegin(), at) + 1;
            } else { // that one has gone: ids sort by arrival
                while (start < inbox.size() && inbox[start].id <= after)
                    ++start;
            }
        }
        const qsizetype count =
            std::min<qsizetype>(std::min(maxResults, pageSize), inbox.size() - start);
        QJsonArray ids;
        for (qsizetype i = start; i < start + count; ++i)
            ids << inbox[i].id;
        // Listed, then expired before the client comes for it.
        for (const QJsonValue &id : std::as_const(ids)) {
            if (expireAfterListing.remove(id.toString()))
                expired.insert(id.toString());
        }
        QJsonObject page{{u"messages"_s, ids},
                         {u"approx_inbox_count"_s, static_cast<int>(inbox.size())}};
        if (links) {
            const QString self = request.path + u"?max_results="_s + QString::number(maxResults);
            QJsonObject pageLinks{{u"self"_s, self}};
            if (start + count < inbox.size())
                pageLinks.insert(
                    u"next"_s,
                    QString(self + u"&continue_from="_s +
                            QString::fromLatin1(continueToken(inbox[start + count - 1].id))));
            page.insert(u"links"_s, pageLinks);
        }
        return json(200, page);
    }

    HttpResponse download(const QString &mailbox, const QString &id, int index,
                          const HttpRequest &request)
    {
        QList<MeshMessage> &inbox = mailboxes[mailbox].inbox;
        if (expired.contains(id)) {
            inbox.removeIf([&id](const MeshMessage &m) { return m.id == id; });
            return meshError(410, u"DOWNLOAD"_s, u"14"_s, u"Message has expired"_s, id);
        }
        const auto found = std::find_if(inbox.cbegin(), inbox.cend(),
                                        [&id](const MeshMessage &m) { return m.id == id; });
        if (found == inbox.cend())
            return meshError(404, u"DOWNLOAD"_s, u"20"_s, u"Message does not exist"_s, id);
        const MeshMessage &message = *found;
        if (const int status = failingDownloads.value(id); status != 0)
            return meshError(status, u"DOWNLOAD"_s, QString::number(status), u"injected failure"_s,
                             id);
        QByteArray body = message.body;
        if (corruptMessageId == id && !body.isEmpty()) { // damaged on the way, once
            body[body.size() / 2] = static_cast<char>(body[body.size() / 2] ^ 0x20);
        }
        QList<QByteArray> pieces;
        if (chunkSize > 0) {
            for (qsizetype at = 0; at < body.size(); at += chunkSize)
                pieces << body.mid(at, chunkSize);
        }
        if (pieces.isEmpty())
            pieces << body;
        const int total = static_cast<int>(pieces.size());
        if (corruptMessageId == id && index == total)
            corruptMessageId.clear();
        if (index < 1 || index > total)
            return meshError(404, u"DOWNLOAD"_s, u"20"_s, u"Chunk does not exist"_s, id);

        HttpResponse response;
        response.status = index < total ? 206 : 200;
        response.body = pieces[index - 1];
        auto &headers = response.headers;
        headers.emplaceBack("Content-Type", "application/octet-stream");
        if (brokenGzip.remove(id)) {
            headers.emplaceBack("Content-Encoding", "gzip"); // but the bytes are not
        } else if (gzip && request.header("accept-encoding").contains("gzip")) {
            response.body = gzipCompress(response.body);
            headers.emplaceBack("Content-Encoding", "gzip");
        }
        // Header case varies on purpose: clients must not depend on it.
        headers.emplaceBack("mex-messageid", message.id.toUtf8());
        headers.emplaceBack("Mex-MessageType", message.messageType.toUtf8());
        headers.emplaceBack("mex-workflowid", message.workflowId.toUtf8());
        headers.emplaceBack("mex-from", message.sender.toUtf8());
        headers.emplaceBack("mex-to", mailbox.toUtf8());
        headers.emplaceBack("mex-filename", message.fileName.toUtf8());
        headers.emplaceBack("mex-localid", message.localId.toUtf8());
        // The sender's checksum of the original contents (MESH passes it on as given).
        headers.emplaceBack(
            "mex-content-checksum",
            QCryptographicHash::hash(message.body, QCryptographicHash::Md5).toHex());
        if (!message.subject.isEmpty())
            headers.emplaceBack("Mex-Subject", message.subject.toUtf8());
        if (total > 1)
            headers.emplaceBack("mex-chunk-range",
                                QByteArray::number(index) + ':' + QByteArray::number(total));
        if (!message.linkedMessageId.isEmpty())
            headers.emplaceBack("Mex-LinkedMsgID", message.linkedMessageId.toUtf8());
        if (!message.statusCode.isEmpty()) {
            const bool report = message.messageType == u"REPORT"_s;
            headers.emplaceBack("Mex-StatusCode", message.statusCode.toUtf8());
            headers.emplaceBack("Mex-StatusDescription", message.statusDescription.toUtf8());
            headers.emplaceBack("Mex-StatusSuccess", report ? "ERROR" : "SUCCESS");
            headers.emplaceBack("Mex-StatusEvent", "TRANSFER");
        }
        if (dropMessageId == id && dropChunk == index) {
            dropMessageId.clear();
            response.delivery = HttpResponse::Delivery::DropMidBody;
        }
        if (truncatedChunks.value(id) == index)
            response.delivery = HttpResponse::Delivery::DropMidBody;
        return response;
    }

    HttpResponse acknowledge(const QString &mailbox, const QString &id)
    {
        QList<MeshMessage> &inbox = mailboxes[mailbox].inbox;
        const auto removed =
            inbox.removeIf([&id](const MeshMessage &message) { return message.id == id; });
        if (removed == 0)
            return meshError(404, u"ACK"_s, u"20"_s, u"Message does not exist"_s, id);
        acknowledged << id;
        if (tracking.contains(id))
            tracking[id].status = u"acknowledged"_s;
        return HttpResponse{};
    }

    std::optional<QByteArray> decodedBody(const HttpRequest &request)
    {
        if (request.header("content-encoding").trimmed().toLower() == "gzip")
            return gzipDecompress(request.body);
        return request.body;
    }

    HttpResponse send(const QString &mailbox, const HttpRequest &request)
    {
        const QString to = QString::fromUtf8(request.header("mex-to")).toUpper();
        if (to.isEmpty())
            return meshError(417, u"SEND"_s, u"08"_s, u"Missing Mex-To header"_s);
        if (request.header("mex-workflowid").isEmpty())
            return validationError({u"header"_s, u"mex-workflowid"_s}, u"field required"_s);
        if (!mailboxes.contains(to))
            return meshError(417, u"SEND"_s, u"12"_s, u"Unregistered to address"_s);
        int total = 1;
        if (request.headers.contains("mex-chunk-range")) {
            const QList<QByteArray> range = request.header("mex-chunk-range").split(':');
            total = range.value(1).toInt();
            if (range.size() != 2 || range[0] != "1" || total < 1)
                return validationError({u"header"_s, u"mex-chunk-range"_s}, u"must be 1:n"_s);
        }
        const auto body = decodedBody(request);
        if (!body)
            return validationError({u"body"_s}, u"Content-Encoding gzip, but not gzip"_s);
        const QString id = newMessageId();
        Upload upload{mailbox, request.headers, total, {{1, *body}}};
        if (total == 1)
            finish(id, upload);
        else
            uploads.insert(id, upload);
        return json(202, QJsonObject{{u"message_id"_s, id}});
    }

    HttpResponse sendChunk(const QString &mailbox, const QString &id, int index,
                           const HttpRequest &request)
    {
        const auto upload = uploads.find(id);
        if (upload == uploads.end() || upload->sender != mailbox)
            return meshError(404, u"SEND"_s, u"20"_s, u"Message does not exist"_s, id);
        const QByteArray expectedRange =
            QByteArray::number(index) + ':' + QByteArray::number(upload->total);
        if (index < 2 || index > upload->total ||
            request.header("mex-chunk-range") != expectedRange)
            return validationError({u"header"_s, u"mex-chunk-range"_s},
                                   u"expected "_s + QString::fromLatin1(expectedRange));
        const auto body = decodedBody(request);
        if (!body)
            return validationError({u"body"_s}, u"Content-Encoding gzip, but not gzip"_s);
        upload->chunks.insert(index, *body);
        if (upload->chunks.size() == upload->total) {
            finish(id, *upload);
            uploads.erase(upload);
        }
        return json(202, QJsonObject{{u"message_id"_s, id}});
    }

    // Every chunk is in: record what was sent and deliver it to the recipient's inbox.
    void finish(const QString &id, const Upload &upload)
    {
        MeshSentMessage message{id, upload.sender, upload.headers, {}, upload.total};
        for (const QByteArray &chunk : upload.chunks)
            message.body += chunk;
        sent << message;

        const auto text = [&message](const char *name) {
            return QString::fromUtf8(message.header(name));
        };
        MeshMessage delivered;
        delivered.id = id;
        delivered.messageType = u"DATA"_s;
        delivered.workflowId = text("mex-workflowid");
        delivered.sender = upload.sender;
        delivered.fileName = text("mex-filename");
        delivered.localId = text("mex-localid");
        delivered.subject = text("mex-subject");
        delivered.body = message.body;
        const QString recipient = text("mex-to").toUpper();
        mailboxes[recipient].inbox << delivered;
        tracking.insert(id, Tracking{upload.sender, recipient, delivered.localId,
                                     delivered.workflowId, delivered.fileName, u"accepted"_s});
    }

    // The deprecated GET /outbox/tracking/{local_id}: 300 when the local id is not unique.
    HttpResponse trackLocalId(const QString &mailbox, const QString &localId)
    {
        QStringList ids;
        for (auto it = tracking.cbegin(); it != tracking.cend(); ++it) {
            if (it->sender == mailbox && it->localId == localId)
                ids << it.key();
        }
        if (ids.size() > 1)
            return meshError(300, u"TRACK"_s, u"300"_s, u"the local_id is not unique"_s);
        if (ids.isEmpty())
            return meshError(404, u"TRACK"_s, u"20"_s, u"Message does not exist"_s, localId);
        return track(mailbox, ids.first());
    }

    HttpResponse track(const QString &mailbox, const QString &id)
    {
        const auto found = tracking.constFind(id);
        if (found == tracking.cend() || found->sender != mailbox)
            return meshError(404, u"TRACK"_s, u"20"_s, u"Message does not exist"_s, id);
        return json(200,
                    QJsonObject{{u"message_id"_s, id},
                                {u"local_id"_s, found->localId},
                                {u"workflow_id"_s, found->workflowId},
                                {u"filename"_s, found->fileName},
                                {u"recipient"_s, found->recipient},
                                {u"status_success"_s, true},
                                {u"status"_s, found->status},
                                {u"status_event"_s, u"TRANSFER"_s},
                                {u"status_code"_s, u"00"_s},
                                {u"status_description"_s, u"Transferred to recipient mailbox"_s}});
    }
};

MeshServer::MeshServer(QByteArray sharedSecret) : m_state(std::make_unique<State>())
{
    m_state->sharedSecret = std::move(sharedSecret);
}

MeshServer::~MeshServer()
{
    if (!m_thread.isRunning())
        return;
    // The sockets belong to the server thread: close them there.
    QMetaObject::invokeMethod(
        m_context, [this] { qDeleteAll(m_context->children()); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl MeshServer::start()
{
    return listen(std::nullopt);
}

QUrl MeshServer::startTls(const QSslConfiguration &tls)
{
    return listen(tls);
}

QUrl MeshServer::listen(const std::optional<QSslConfiguration> &tls)
{
    Q_ASSERT(!m_thread.isRunning());
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(u"mesh-test-server"_s);
    m_thread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_context,
        [this, &port, &tls] {
            QTcpServer *server = nullptr;
            if (tls) {
                auto *sslServer = new QSslServer(m_context);
                sslServer->setSslConfiguration(*tls);
                server = sslServer;
            } else {
                server = new QTcpServer(m_context);
            }
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("MESH test server: cannot listen on 127.0.0.1: %s",
                       qUtf8Printable(server->errorString()));
            const auto serveAll = [this, server] {
                while (QTcpSocket *socket = server->nextPendingConnection())
                    serve(socket);
            };
            // A TLS connection is pending only once its handshake is done.
            QObject::connect(server, &QTcpServer::newConnection, server, serveAll);
            QObject::connect(server, &QTcpServer::pendingConnectionAvailable, server, serveAll);
            port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    QUrl url;
    url.setScheme(tls ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port);
    return url;
}

void MeshServer::serve(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, answered] {
        buffer->append(socket->readAll());
        if (*answered)
            return;
        const auto request = parseRequest(*buffer);
        if (!request)
            return;
        *answered = true;
        const HttpResponse response = m_state->handle(*request);
        if (response.delivery == HttpResponse::Delivery::Stall)
            return; // the client gives up and closes
        if (response.delivery == HttpResponse::Delivery::Close) {
            socket->disconnectFromHost(); // carried out, never answered
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                          reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        head += "Content-Length: " + QByteArray::number(response.body.size()) +
                "\r\nConnection: close\r\n\r\n";
        if (response.delivery == HttpResponse::Delivery::DropMidBody) {
            socket->write(head + response.body.left(response.body.size() / 2));
            // Close a moment later, so the client is surely reading the body by then.
            QTimer::singleShot(kDropDelayMs, socket, [socket] { socket->disconnectFromHost(); });
            return;
        }
        socket->write(head + response.body);
        socket->disconnectFromHost(); // after the bytes written so far have gone
    });
}

void MeshServer::addMailbox(const QString &mailbox, const QString &password)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->mailboxes[mailbox.toUpper()].password = password;
}

QString MeshServer::putInbox(const QString &mailbox, MeshMessage message)
{
    QMutexLocker lock(&m_state->mutex);
    if (message.id.isEmpty())
        message.id = m_state->newMessageId();
    if (message.messageType.isEmpty())
        message.messageType = u"DATA"_s;
    const QString id = message.id;
    m_state->mailboxes[mailbox.toUpper()].inbox << std::move(message);
    return id;
}

QStringList MeshServer::inboxIds(const QString &mailbox) const
{
    QMutexLocker lock(&m_state->mutex);
    QStringList ids;
    for (const MeshMessage &message : m_state->mailboxes.value(mailbox.toUpper()).inbox)
        ids << message.id;
    return ids;
}

QList<MeshSentMessage> MeshServer::sentMessages() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->sent;
}

QStringList MeshServer::acknowledgedIds() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->acknowledged;
}

QStringList MeshServer::requestLog() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->log;
}

void MeshServer::failNextRequests(int count, int httpStatus)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->failCount = count;
    m_state->failStatus = httpStatus;
}

void MeshServer::dropNextSendAnswers(int count)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->dropSendAnswers = count;
}

void MeshServer::stallNextRequests(int count)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->stallCount = count;
}

void MeshServer::dropConnectionMidDownloadOnce(const QString &messageId, int chunk)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->dropMessageId = messageId;
    m_state->dropChunk = chunk;
}

void MeshServer::truncateChunkAlways(const QString &messageId, int chunk)
{
    QMutexLocker lock(&m_state->mutex);
    if (chunk == 0)
        m_state->truncatedChunks.remove(messageId);
    else
        m_state->truncatedChunks.insert(messageId, chunk);
}

void MeshServer::corruptNextDownload(const QString &messageId)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->corruptMessageId = messageId;
}

void MeshServer::failDownloadsOf(const QString &messageId, int httpStatus)
{
    QMutexLocker lock(&m_state->mutex);
    if (httpStatus == 0)
        m_state->failingDownloads.remove(messageId);
    else
        m_state->failingDownloads.insert(messageId, httpStatus);
}

void MeshServer::breakGzipOnce(const QString &messageId)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->brokenGzip.insert(messageId);
}

void MeshServer::expireAfterListing(const QString &messageId)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->expireAfterListing.insert(messageId);
}

void MeshServer::stallRequestsEndingWith(const QString &pathSuffix)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->stallPathSuffix = pathSuffix;
}

void MeshServer::setChunkSize(qint64 bytes)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->chunkSize = bytes;
}

void MeshServer::gzipDownloads(bool on)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->gzip = on;
}

void MeshServer::setPageSize(int messages)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->pageSize = messages;
}

void MeshServer::setInboxLinks(bool on)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->links = on;
}

} // namespace cpis::test
