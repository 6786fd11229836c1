// Internal to the MESH client: one HTTP exchange with MESH, with a fresh token per attempt,
// an inactivity timeout, retries with exponential backoff on connection failures, timeouts
// and 5xx (never on 4xx), and every failure turned into an Error value.
#pragma once

#include "cpis/mesh_client.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <optional>
#include <utility>

class QNetworkReply;

namespace cpis {

struct MeshReply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    // Header names are case-insensitive in HTTP, and MESH varies their case.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

struct MeshRequest
{
    QByteArray method; // GET, POST or PUT
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString action; // for messages: "download message X", "list the inbox", ...
    // False for a request MESH may have carried out though its answer was lost (the POST
    // that creates a message): it is never tried again here.
    bool retryable = true;
};

class MeshTransport
{
public:
    MeshTransport(const MeshSettings &settings, QSslConfiguration tls);

    // A 2xx reply, or the error after the retries allowed.
    Result<MeshReply> run(const MeshRequest &request);

private:
    struct Attempt
    {
        std::optional<MeshReply> reply; // set when the server answered
        Error failure;                  // otherwise why not
    };
    Attempt attempt(const MeshRequest &request);
    QNetworkReply *start(const MeshRequest &request);
    Error httpError(const MeshReply &reply, const QString &action) const;
    QString server() const;
    Error redacted(Error error) const;

    MeshSettings m_settings;
    QSslConfiguration m_tls;
    bool m_https = false;
    QNetworkAccessManager m_manager; // created here, so it lives on the caller's thread
};

// The description in a MESH error body (v2 "detail" list, v1 "errorDescription"), or the
// body itself when it is short text; empty when there is nothing useful.
QString meshErrorDescription(const QByteArray &body);

} // namespace cpis
