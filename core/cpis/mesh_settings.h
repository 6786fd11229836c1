// The settings of a MESH mailbox connection (MeshSettings), and, internal to the MESH
// client, the translation context of its messages, the loopback rule and the mutual-TLS
// configuration built from the settings.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

namespace cpis {

struct MeshSettings
{
    QUrl url;                  // https://...; plain http only for a loopback address (tests)
    QString mailbox;           // our mailbox id
    QString password;          // the mailbox password (secret)
    QByteArray sharedSecret;   // the environment's shared secret for the HMAC (secret)
    QString clientCertificate; // PEM file paths for mutual TLS
    QString clientKey;
    QString caCertificate;
    int timeoutMs = 30000;
    int retries = 3;       // on connection failures and 5xx, with backoff
    int retryBaseMs = 200; // the first wait; it doubles with each retry
    // The largest request body when sending; bigger files go as chunks (MESH takes 100 MB).
    qint64 chunkSize = qint64(100) * 1024 * 1024;
    bool compressUploads = true; // gzip each chunk (Content-Encoding: gzip)
    // The largest message downloaded, un-gzipped: a gzipped body can inflate a thousandfold.
    qint64 maxMessageBytes = qint64(100) * 1024 * 1024;
    QString clientVersion = QStringLiteral("cpis-workview");
    // Why the sealed secrets could not be opened (no or wrong private key file): validate()
    // gives it, naming the file, so nothing is sent to MESH without them.
    std::optional<Error> secretsUnopened;

    // A clear error naming the setting that is wrong or missing.
    [[nodiscard]] Status validate() const;
};

struct MeshText
{
    Q_DECLARE_TR_FUNCTIONS(cpis::MeshClient)
};

// 127.0.0.0/8, ::1 or "localhost": the only hosts plain http may be used with.
bool isLoopbackHost(const QString &host);

// "mesh.settings", with a message that starts with the setting's name. Never pass a value
// that could be secret.
Error meshSettingError(const QString &setting, const QString &problem);

// Our certificate and key, and only the configured CA trusted; TLS 1.2 or newer.
Result<QSslConfiguration> meshTlsConfiguration(const MeshSettings &settings);

} // namespace cpis
