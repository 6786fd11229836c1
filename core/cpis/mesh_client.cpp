// The MESH calls: handshake, inbox paging, chunked and gzipped download, acknowledgement,
// chunked send and tracking. HTTP, retries and error wording are in mesh_transport.cpp.
#include "cpis/mesh_client.h"

#include "cpis/gzip.h"
#include "cpis/mesh_settings.h"
#include "cpis/mesh_transport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QUrlQuery>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr int kInboxPageSize = 500; // MESH's own page size
constexpr int kMaxChunks = 100000;

using Header = std::pair<QByteArray, QByteArray>;

Error protocolError(const QString &message)
{
    return Error{u"mesh.protocol"_s, message, {}, {}};
}

Error inputError(const QString &message)
{
    return Error{u"mesh.input"_s, message, {}, {}};
}

bool isMessageId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._-]+$"_s);
    return pattern.match(id).hasMatch();
}

// "2:3" is the second chunk of three.
std::optional<std::pair<int, int>> parseChunkRange(const QByteArray &value)
{
    const QList<QByteArray> parts = value.trimmed().split(':');
    if (parts.size() != 2)
        return std::nullopt;
    bool okIndex = false;
    bool okTotal = false;
    const int index = parts[0].toInt(&okIndex);
    const int total = parts[1].toInt(&okTotal);
    if (!okIndex || !okTotal || index < 1 || index > total || total > kMaxChunks)
        return std::nullopt;
    return std::pair{index, total};
}

QByteArray chunkRange(qsizetype index, qsizetype total)
{
    return QByteArray::number(index) + ':' + QByteArray::number(total);
}

bool isGzipped(const MeshReply &reply)
{
    return reply.header("content-encoding").trimmed().toLower() == "gzip";
}

MeshMessage messageFromHeaders(const MeshReply &reply, const QString &requestedId)
{
    const auto text = [&reply](const char *name) {
        return QString::fromUtf8(reply.header(name)).trimmed();
    };
    MeshMessage message;
    message.id = text("mex-messageid");
    if (message.id.isEmpty())
        message.id = requestedId;
    message.messageType = text("mex-messagetype").toUpper();
    if (message.messageType.isEmpty())
        message.messageType = u"DATA"_s; // older servers leave it out for ordinary messages
    message.workflowId = text("mex-workflowid");
    message.sender = text("mex-from");
    message.fileName = text("mex-filename");
    message.localId = text("mex-localid");
    message.subject = text("mex-subject");
    message.linkedMessageId = text("mex-linkedmsgid");
    message.statusCode = text("mex-statuscode");
    message.statusDescription = text("mex-statusdescription");
    return message;
}

struct Piece
{
    QByteArray bytes;
    bool gzipped = false;
};

// Chunks compressed one by one join into a valid multi-member gzip stream, and a stream
// split after compression joins back into one: either way, join first, then inflate.
Result<QByteArray> joinPieces(const std::vector<Piece> &pieces, const QString &messageId,
                              qint64 maxBytes)
{
    const bool allGzipped =
        std::all_of(pieces.begin(), pieces.end(), [](const Piece &piece) { return piece.gzipped; });
    QByteArray body;
    const auto append = [&body, &messageId, maxBytes](const QByteArray &bytes,
                                                      bool gzipped) -> Status {
        bool tooLarge = false;
        const qint64 room = std::max<qint64>(0, maxBytes - body.size());
        auto inflated = gzipped ? gzipDecompress(bytes, room, &tooLarge) : bytes;
        if (inflated && inflated->size() > room)
            tooLarge = true;
        if (tooLarge)
            return Error{u"mesh.too_large"_s,
                         MeshText::tr("Message %1 is larger than %2 MiB un-gzipped, the most "
                                      "taken in")
                             .arg(messageId)
                             .arg(maxBytes / (1024 * 1024)),
                         {},
                         MeshText::tr("It was not stored or acknowledged; ask the sender what "
                                      "it is.")};
        if (!inflated)
            return protocolError(
                MeshText::tr("MESH sent message %1 gzipped, but it could not be un-gzipped")
                    .arg(messageId));
        body += *inflated;
        return success();
    };
    if (allGzipped) {
        QByteArray joined;
        for (const Piece &piece : pieces)
            joined += piece.bytes;
        if (auto added = append(joined, true); !added)
            return added.error();
        return body;
    }
    for (const Piece &piece : pieces) {
        if (auto added = append(piece.bytes, piece.gzipped); !added)
            return added.error();
    }
    return body;
}

// mex-Content-Checksum is the sender's checksum of the original contents. MESH fixes no
// algorithm, so a hex digest (after an optional "algorithm:" prefix) is checked by its
// length: MD5, SHA-1 or SHA-256. Anything else cannot be checked and is let through.
Status checkContent(const QByteArray &body, const QByteArray &checksum, const QString &messageId)
{
    QByteArray digest = checksum.trimmed().toLower();
    digest = digest.mid(digest.lastIndexOf(':') + 1);
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Md5;
    if (digest.size() == 40)
        algorithm = QCryptographicHash::Sha1;
    else if (digest.size() == 64)
        algorithm = QCryptographicHash::Sha256;
    else if (digest.size() != 32)
        return success();
    if (!std::all_of(digest.cbegin(), digest.cend(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
        return success();
    if (QCryptographicHash::hash(body, algorithm).toHex() == digest)
        return success();
    return Error{u"mesh.checksum"_s,
                 MeshText::tr("Message %1 arrived damaged: its contents do not match the "
                              "checksum it was sent with (mex-Content-Checksum)")
                     .arg(messageId),
                 {},
                 MeshText::tr("It was not stored or acknowledged, so it stays in the MESH inbox "
                              "for the next exchange.")};
}

QList<QByteArray> splitEvenly(const QByteArray &data, qsizetype parts)
{
    QList<QByteArray> pieces;
    const qsizetype size = (data.size() + parts - 1) / parts;
    for (qsizetype at = 0; at < data.size(); at += size)
        pieces << data.mid(at, size);
    if (pieces.isEmpty())
        pieces << QByteArray();
    return pieces;
}

QString jsonString(const QJsonObject &object, const QString &v2Name, const QString &v1Name)
{
    QJsonValue value = object.value(v2Name);
    if (value.isUndefined())
        value = object.value(v1Name);
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}
} // namespace

struct MeshClient::Private
{
    MeshSettings settings;
    Status usable = success();
    std::unique_ptr<MeshTransport> transport;

    QUrl endpoint(const QString &tail, const QUrlQuery &query = {}) const
    {
        QUrl url = settings.url;
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path + u"/messageexchange/"_s + settings.mailbox.toUpper() + tail);
        url.setQuery(query);
        return url;
    }

    // One tracking answer (v2 or v1 names); `messageId` when the answer names none.
    Result<MeshTracking> tracking(const QUrl &url, const QString &what, const QString &messageId)
    {
        if (!usable)
            return usable.error();
        auto reply = call("GET", url, MeshText::tr("track %1").arg(what));
        if (!reply)
            return reply.error();
        const QJsonDocument json = QJsonDocument::fromJson(reply->body);
        if (!json.isObject())
            return protocolError(
                MeshText::tr("MESH's tracking answer for %1 is not JSON").arg(what));
        const QJsonObject object = json.object();
        MeshTracking found;
        found.messageId = jsonString(object, u"message_id"_s, u"messageId"_s);
        if (found.messageId.isEmpty())
            found.messageId = messageId;
        found.status = jsonString(object, u"status"_s, u"status"_s).toLower();
        found.statusCode = jsonString(object, u"status_code"_s, u"statusCode"_s);
        found.statusDescription =
            jsonString(object, u"status_description"_s, u"statusDescription"_s);
        return found;
    }

    Result<MeshReply> call(QByteArray method, QUrl url, const QString &action,
                           QList<Header> headers = {}, QByteArray body = {})
    {
        return transport->run(
            {std::move(method), std::move(url), std::move(headers), std::move(body), action});
    }

    // The bodies to post: each one at most settings.chunkSize bytes as sent. With gzip, the
    // uncompressed data is split and each piece compressed on its own (as MESH asks), so the
    // split is grown until every compressed piece fits.
    Result<QList<QByteArray>> uploadPieces(const QByteArray &body) const
    {
        const qint64 limit = settings.chunkSize;
        qsizetype parts =
            std::max<qsizetype>(1, static_cast<qsizetype>((body.size() + limit - 1) / limit));
        if (!settings.compressUploads)
            return splitEvenly(body, parts);
        for (;;) {
            QList<QByteArray> pieces = splitEvenly(body, parts);
            qsizetype largest = 0;
            for (QByteArray &piece : pieces) {
                piece = gzipCompress(piece);
                largest = std::max(largest, piece.size());
            }
            if (largest <= limit)
                return pieces;
            if (parts >= body.size())
                return meshSettingError(u"mesh.chunk_size"_s,
                                        MeshText::tr("%1 bytes is too small to hold a gzipped "
                                                     "chunk")
                                            .arg(limit));
            const auto needed = static_cast<qsizetype>(parts * largest / limit + 1);
            parts = std::min(body.size(), std::max(parts + 1, needed));
        }
    }
};

MeshClient::MeshClient(MeshSettings settings) : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
    d->usable = d->settings.validate();
    if (!d->usable)
        return;
    QSslConfiguration tls;
    if (d->settings.url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0)
        tls = meshTlsConfiguration(d->settings).value(); // validate() has loaded it once already
    d->transport = std::make_unique<MeshTransport>(d->settings, tls);
}

MeshClient::~MeshClient() = default;

Status MeshClient::handshake()
{
    if (!d->usable)
        return d->usable.error();
    const QList<Header> headers{
        {"mex-ClientVersion",
         (d->settings.clientVersion + u"=="_s + QStringLiteral(CPIS_VERSION)).toUtf8()},
        {"mex-OSName", QSysInfo::kernelType().toUtf8()},
        {"mex-OSVersion", QSysInfo::kernelVersion().toUtf8()},
        {"mex-OSArchitecture", QSysInfo::currentCpuArchitecture().toUtf8()},
    };
    auto reply = d->call("POST", d->endpoint({}), MeshText::tr("validate the mailbox"), headers);
    if (!reply)
        return reply.error();
    return success();
}

Result<QStringList> MeshClient::inbox()
{
    if (!d->usable)
        return d->usable.error();
    QUrlQuery firstPage;
    firstPage.addQueryItem(u"max_results"_s, QString::number(kInboxPageSize));
    QUrl url = d->endpoint(u"/inbox"_s, firstPage);
    QStringList ids;
    QSet<QString> seen;
    const QString action = MeshText::tr("list the inbox");
    for (;;) {
        auto reply = d->call("GET", url, action);
        if (!reply)
            return reply.error();
        const QJsonObject page = QJsonDocument::fromJson(reply->body).object();
        const QJsonValue messages = page.value(u"messages"_s);
        if (!messages.isArray())
            return protocolError(MeshText::tr("MESH's inbox list has no \"messages\" array"));
        QString last;
        int fresh = 0;
        for (const QJsonValue &value : messages.toArray()) {
            last = value.toString();
            if (last.isEmpty() || seen.contains(last))
                continue;
            seen.insert(last);
            ids << last;
            ++fresh;
        }
        if (fresh == 0)
            break; // nothing new: stop rather than loop on a server that repeats itself
        // API v2: links.next is there while more messages wait.
        const QString next = page.value(u"links"_s).toObject().value(u"next"_s).toString();
        if (!next.isEmpty()) {
            const QUrl nextUrl = d->settings.url.resolved(QUrl(next));
            if (nextUrl.scheme() != url.scheme() || nextUrl.host() != url.host() ||
                nextUrl.port() != url.port())
                return protocolError(
                    MeshText::tr("MESH pointed the next inbox page at another server (%1)")
                        .arg(nextUrl.toDisplayString(QUrl::RemoveUserInfo)));
            url = nextUrl;
            continue;
        }
        // Without links (API v1): a full page means more may wait after the last id.
        if (messages.toArray().size() < kInboxPageSize)
            break;
        QUrlQuery following = firstPage;
        following.addQueryItem(u"continue_from"_s, last);
        url = d->endpoint(u"/inbox"_s, following);
    }
    return ids;
}

Result<MeshMessage> MeshClient::download(const QString &messageId)
{
    if (!d->usable)
        return d->usable.error();
    if (!isMessageId(messageId))
        return inputError(MeshText::tr("\"%1\" is not a MESH message id").arg(messageId));
    const QString action = MeshText::tr("download message %1").arg(messageId);
    const QList<Header> headers{{"Accept-Encoding", "gzip"}}; // and un-gzip it here
    const QString path = u"/inbox/"_s + messageId;

    auto first = d->call("GET", d->endpoint(path), action, headers);
    if (!first)
        return first.error();
    MeshMessage message = messageFromHeaders(*first, messageId);
    std::vector<Piece> pieces{{first->body, isGzipped(*first)}};
    if (first->status == 206) { // chunked: 1:n here, the rest at /inbox/{id}/{n}
        const auto range = parseChunkRange(first->header("mex-chunk-range"));
        if (!range || range->first != 1)
            return protocolError(
                MeshText::tr("MESH sent the first part of message %1 without "
                             "a valid Mex-Chunk-Range (\"%2\")")
                    .arg(messageId, QString::fromUtf8(first->header("mex-chunk-range"))));
        const int total = range->second;
        for (int index = 2; index <= total; ++index) {
            auto chunk = d->call("GET", d->endpoint(path + u'/' + QString::number(index)),
                                 MeshText::tr("download chunk %1 of %2 of message %3")
                                     .arg(index)
                                     .arg(total)
                                     .arg(messageId),
                                 headers);
            if (!chunk)
                return chunk.error();
            const QByteArray rangeHeader = chunk->header("mex-chunk-range");
            const auto got = parseChunkRange(rangeHeader);
            if (!rangeHeader.isEmpty() && (!got || got->first != index || got->second != total))
                return protocolError(MeshText::tr("MESH sent chunk \"%1\" of message %2 when "
                                                  "chunk %3:%4 was asked for")
                                         .arg(QString::fromUtf8(rangeHeader), messageId)
                                         .arg(index)
                                         .arg(total));
            pieces.push_back({chunk->body, isGzipped(*chunk)});
        }
    }
    auto body = joinPieces(pieces, messageId, d->settings.maxMessageBytes);
    if (!body)
        return body.error();
    message.body = std::move(body).value();
    if (auto intact = checkContent(message.body, first->header("mex-content-checksum"), messageId);
        !intact)
        return intact.error();
    return message;
}

Status MeshClient::acknowledge(const QString &messageId)
{
    if (!d->usable)
        return d->usable.error();
    if (!isMessageId(messageId))
        return inputError(MeshText::tr("\"%1\" is not a MESH message id").arg(messageId));
    auto reply = d->call("PUT", d->endpoint(u"/inbox/"_s + messageId + u"/status/acknowledged"_s),
                         MeshText::tr("acknowledge message %1").arg(messageId));
    if (!reply)
        return reply.error();
    return success();
}

Result<QString> MeshClient::send(const QString &recipientMailbox, const QString &workflowId,
                                 const QByteArray &body, const QString &fileName,
                                 const QString &localId, const QString &subject)
{
    if (!d->usable)
        return d->usable.error();
    if (recipientMailbox.trimmed().isEmpty())
        return inputError(MeshText::tr("A MESH message needs a recipient mailbox (mex-To)"));
    if (workflowId.trimmed().isEmpty())
        return inputError(MeshText::tr("A MESH message needs a workflow id (mex-WorkflowID)"));
    for (const QString *value : {&recipientMailbox, &workflowId, &fileName, &localId, &subject}) {
        if (std::any_of(value->begin(), value->end(), [](QChar c) { return c.unicode() < 0x20; }))
            return inputError(MeshText::tr("A MESH header value may not hold control "
                                           "characters or line breaks: \"%1\"")
                                  .arg(value->simplified()));
    }

    auto pieces = d->uploadPieces(body);
    if (!pieces)
        return pieces.error();
    const qsizetype total = pieces->size();
    QList<Header> common{{"Content-Type", "application/octet-stream"}};
    if (d->settings.compressUploads)
        common.emplaceBack("Content-Encoding", "gzip");

    QList<Header> headers = common;
    headers.emplaceBack("mex-From", d->settings.mailbox.toUpper().toUtf8());
    headers.emplaceBack("mex-To", recipientMailbox.trimmed().toUtf8());
    headers.emplaceBack("mex-WorkflowID", workflowId.trimmed().toUtf8());
    if (!fileName.isEmpty())
        headers.emplaceBack("mex-FileName", fileName.toUtf8());
    if (!localId.isEmpty())
        headers.emplaceBack("mex-LocalID", localId.toUtf8());
    if (!subject.isEmpty())
        headers.emplaceBack("mex-Subject", subject.toUtf8());
    if (total > 1)
        headers.emplaceBack("mex-Chunk-Range", chunkRange(1, total));

    const QString what = fileName.isEmpty() ? MeshText::tr("a file") : fileName;
    // Never repeated blindly: a lost answer may hide a message MESH took. The exchange looks
    // it up by its local id before it sends the file again.
    auto reply = d->transport->run({"POST", d->endpoint(u"/outbox"_s), headers, pieces->first(),
                                    MeshText::tr("send %1").arg(what), false});
    if (!reply)
        return reply.error();
    const QJsonObject accepted = QJsonDocument::fromJson(reply->body).object();
    const QString messageId = jsonString(accepted, u"message_id"_s, u"messageID"_s);
    if (!isMessageId(messageId))
        return protocolError(
            MeshText::tr("MESH accepted %1 but gave no valid message id").arg(what));

    for (qsizetype index = 2; index <= total; ++index) {
        QList<Header> chunkHeaders = common;
        chunkHeaders.emplaceBack("mex-Chunk-Range", chunkRange(index, total));
        auto chunk =
            d->call("POST", d->endpoint(u"/outbox/"_s + messageId + u'/' + QString::number(index)),
                    MeshText::tr("send chunk %1 of %2 of %3 (message %4)")
                        .arg(index)
                        .arg(total)
                        .arg(what, messageId),
                    chunkHeaders, pieces->at(index - 1));
        if (!chunk)
            return chunk.error();
    }
    return messageId;
}

Result<MeshTracking> MeshClient::track(const QString &messageId)
{
    if (!isMessageId(messageId))
        return inputError(MeshText::tr("\"%1\" is not a MESH message id").arg(messageId));
    QUrlQuery query;
    query.addQueryItem(u"messageID"_s, messageId);
    return d->tracking(d->endpoint(u"/outbox/tracking"_s, query),
                       MeshText::tr("message %1").arg(messageId), messageId);
}

Result<MeshTracking> MeshClient::trackLocalId(const QString &localId)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9._-]{1,100}$"_s);
    if (!plain.match(localId).hasMatch())
        return inputError(
            MeshText::tr("\"%1\" cannot be tracked as a MESH local id (letters, digits, '.', "
                         "'_' and '-' only)")
                .arg(localId));
    // shared/reference/mesh-api.yaml: GET /outbox/tracking/{local_id}; 404 when none has it.
    return d->tracking(d->endpoint(u"/outbox/tracking/"_s + localId),
                       MeshText::tr("local id %1").arg(localId), {});
}

} // namespace cpis
