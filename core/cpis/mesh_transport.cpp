// HTTP for the MESH client on Qt Network: a local event loop per request, so calls are
// synchronous; the QNetworkAccessManager belongs to the thread that made the client.
#include "cpis/mesh_transport.h"

#include "cpis/mesh_settings.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMesh, "cpis.mesh")

namespace cpis {

namespace {
constexpr int kMaxBackoffMs = 60 * 1000;
constexpr qsizetype kMaxQuotedBody = 300;

bool isNetworkFailure(QNetworkReply::NetworkError error)
{
    // Qt numbers connection-level failures below 100 and proxy failures from 101 to 199;
    // HTTP statuses map to 201 and above, and still carry the reply.
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

QString describeDetail(const QJsonValue &item)
{
    if (item.isString())
        return item.toString();
    const QJsonObject object = item.toObject();
    QString text = object.value(u"msg"_s).toString();
    const QJsonValue code = object.value(u"code"_s);
    if (!text.isEmpty() && code.isString() && !code.toString().isEmpty())
        text += MeshText::tr(" (MESH error %1)").arg(code.toString());
    return text;
}
} // namespace

QByteArray MeshReply::header(QByteArrayView name) const
{
    return headers.value(name.toByteArray().toLower());
}

QString meshErrorDescription(const QByteArray &body)
{
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (json.isObject()) {
        const QJsonObject object = json.object();
        const QJsonValue detail = object.value(u"detail"_s);
        QStringList parts;
        if (detail.isArray()) {
            for (const QJsonValue &item : detail.toArray())
                parts << describeDetail(item);
        } else if (detail.isString()) {
            parts << detail.toString();
        }
        const QString description = object.value(u"errorDescription"_s).toString();
        if (!description.isEmpty()) {
            const QString code = object.value(u"errorCode"_s).toString();
            parts << (code.isEmpty() ? description
                                     : MeshText::tr("%1 (MESH error %2)").arg(description, code));
        }
        parts.removeAll(QString());
        return parts.join(u"; "_s);
    }
    const QString text = QString::fromUtf8(body).simplified();
    if (text.size() > kMaxQuotedBody || text.startsWith(u'<'))
        return {}; // an HTML error page or a blob says nothing useful
    return text;
}

MeshTransport::MeshTransport(const MeshSettings &settings, QSslConfiguration tls)
    : m_settings(settings), m_tls(std::move(tls)),
      m_https(settings.url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0)
{
    // A system proxy must not see loopback traffic (tests, a local sandbox).
    if (isLoopbackHost(settings.url.host()))
        m_manager.setProxy(QNetworkProxy::NoProxy);
}

QString MeshTransport::server() const
{
    return m_settings.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

Error MeshTransport::redacted(Error error) const
{
    // Belt and braces: nothing should quote a secret, but a server might echo one back.
    const QString secrets[] = {m_settings.password, QString::fromUtf8(m_settings.sharedSecret)};
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        error.message.replace(secret, u"[secret]"_s);
        error.hint.replace(secret, u"[secret]"_s);
    }
    return error;
}

Result<MeshReply> MeshTransport::run(const MeshRequest &request)
{
    bool authRetried = false;
    for (int retry = 0;; ++retry) {
        Attempt outcome = attempt(request);
        bool transient = true;
        if (outcome.reply) {
            const int status = outcome.reply->status;
            if (status >= 200 && status < 300)
                return std::move(*outcome.reply);
            outcome.failure = httpError(*outcome.reply, request.action);
            // Qt may itself re-send a request whose connection closed before any answer,
            // with the same token, which MESH refuses as reused: one fresh try tells that
            // apart from credentials that are really wrong.
            transient = status >= 500 || (status == 403 && !authRetried);
            authRetried = authRetried || status == 403;
        }
        // Not even a refused token: it may be Qt's own re-send of a POST that MESH took.
        if (!request.retryable)
            transient = false;
        if (!transient || retry >= m_settings.retries)
            return redacted(outcome.failure);
        const int wait =
            std::min(kMaxBackoffMs, m_settings.retryBaseMs * (1 << std::min(retry, 16)));
        qCInfo(lcMesh, "MESH: could not %s (%s); retrying in %d ms", qUtf8Printable(request.action),
               qUtf8Printable(redacted(outcome.failure).message), wait);
        QThread::msleep(static_cast<unsigned long>(wait));
    }
}

QNetworkReply *MeshTransport::start(const MeshRequest &request)
{
    QNetworkRequest http(request.url);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy); // never carry a token elsewhere
    http.setRawHeader("Accept", "application/vnd.mesh.v2+json");
    http.setRawHeader("User-Agent", m_settings.clientVersion.toUtf8());
    // A fresh nonce on every attempt: MESH refuses a token it has seen before.
    http.setRawHeader("Authorization",
                      MeshClient::authorization(m_settings.mailbox, m_settings.password,
                                                m_settings.sharedSecret,
                                                QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                0, QDateTime::currentDateTimeUtc()));
    for (const auto &[name, value] : request.headers)
        http.setRawHeader(name, value);
    if (m_https)
        http.setSslConfiguration(m_tls);

    // Qt re-sends a GET or PUT by itself when a connection drops mid-answer, with the same
    // token, which MESH refuses as a replay (and Qt may then mix the two answers). A custom
    // verb is not re-sent on that path, so the retry is ours, with a fresh token. (Qt still
    // re-sends any request whose connection closes before the answer starts; see the
    // Content-Length check below.)
    return m_manager.sendCustomRequest(http, request.method, request.body);
}

MeshTransport::Attempt MeshTransport::attempt(const MeshRequest &request)
{
    std::unique_ptr<QNetworkReply> reply(start(request));
    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&timedOut, &reply] {
        timedOut = true;
        reply->abort();
    });
    // The timeout is for silence, not for the whole transfer: a large chunk may take long.
    const auto progress = [&idle, this] {
        idle.start(m_settings.timeoutMs);
    };
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &idle, progress);
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &idle, progress);
    idle.start(m_settings.timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    Attempt outcome;
    if (timedOut) {
        outcome.failure = Error{u"mesh.unreachable"_s,
                                MeshText::tr("MESH server at %1 did not answer within %2 s")
                                    .arg(server())
                                    .arg(m_settings.timeoutMs / 1000.0),
                                {},
                                {}};
        return outcome;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (isNetworkFailure(reply->error()) || !status.isValid()) {
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        outcome.failure = Error{u"mesh.unreachable"_s,
                                MeshText::tr("MESH server at %1 could not be reached: %2")
                                    .arg(server(), reply->errorString()),
                                {},
                                tls ? MeshText::tr("Check the settings mesh.client_cert, "
                                                   "mesh.client_key and mesh.ca_cert.")
                                    : QString()};
        return outcome;
    }
    MeshReply answer;
    answer.status = status.toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    answer.body = reply->readAll();
    // When a connection closes mid-body, Qt may quietly send the request again and append
    // the new answer to the part already read: a body that is not the announced length is
    // a failed transfer, not a message.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid() && announced.toLongLong() != answer.body.size()) {
        outcome.failure = Error{u"mesh.unreachable"_s,
                                MeshText::tr("MESH server at %1 announced %2 bytes but %3 "
                                             "arrived")
                                    .arg(server())
                                    .arg(announced.toLongLong())
                                    .arg(answer.body.size()),
                                {},
                                {}};
        return outcome;
    }
    outcome.reply = std::move(answer);
    return outcome;
}

Error MeshTransport::httpError(const MeshReply &reply, const QString &action) const
{
    const QString description = meshErrorDescription(reply.body);
    const QString detail = description.isEmpty() ? QString() : u": "_s + description;
    if (reply.status == 403)
        return Error{u"mesh.auth"_s,
                     MeshText::tr("MESH refused the credentials (403) of mailbox %1")
                         .arg(m_settings.mailbox.toUpper()),
                     {},
                     MeshText::tr("Check the settings mesh.mailbox, mesh.password and "
                                  "mesh.shared_secret, and that this computer's clock is "
                                  "right: a token is only valid for two hours.")};
    if (reply.status >= 500)
        return Error{u"mesh.unreachable"_s,
                     MeshText::tr("MESH server at %1 failed to %2 (HTTP %3)%4")
                         .arg(server(), action, QString::number(reply.status), detail),
                     {},
                     MeshText::tr("Try again later; if it goes on, ask the MESH service desk.")};
    // Not there (404) or expired (410) is about that one message, not about MESH as a whole.
    const bool gone = reply.status == 404 || reply.status == 410;
    if (reply.status >= 400)
        return Error{gone ? u"mesh.gone"_s : u"mesh.refused"_s,
                     MeshText::tr("MESH refused to %1 (HTTP %2)%3")
                         .arg(action, QString::number(reply.status), detail),
                     {},
                     {}};
    return Error{u"mesh.protocol"_s,
                 MeshText::tr("MESH answered the request to %1 with HTTP %2, which this client "
                              "does not expect")
                     .arg(action, QString::number(reply.status)),
                 {},
                 {}};
}

} // namespace cpis
