// MeshSettings::validate() and the TLS configuration: a wrong setting is reported by its
// name before any request is made, and never with a secret's value.
#include "cpis/mesh_settings.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Result<QByteArray> readFile(const QString &path, const QString &setting, const QString &what)
{
    if (path.isEmpty())
        return meshSettingError(setting,
                                MeshText::tr("no %1 file is set; MESH over https needs it for "
                                             "mutual TLS")
                                    .arg(what));
    QFile file(path);
    if (!file.exists())
        return meshSettingError(setting,
                                MeshText::tr("the %1 file %2 does not exist").arg(what, path));
    if (!file.open(QIODevice::ReadOnly))
        return meshSettingError(
            setting,
            MeshText::tr("the %1 file %2 cannot be read: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

Result<QList<QSslCertificate>> readCertificates(const QString &path, const QString &setting,
                                                const QString &what)
{
    auto pem = readFile(path, setting, what);
    if (!pem)
        return pem.error();
    auto certificates = QSslCertificate::fromData(*pem, QSsl::Pem);
    if (certificates.isEmpty())
        return meshSettingError(setting,
                                MeshText::tr("the file %1 holds no PEM certificate").arg(path));
    return certificates;
}

Result<QSslKey> readKey(const QString &path)
{
    const QString setting = u"mesh.client_key"_s;
    auto pem = readFile(path, setting, MeshText::tr("private key"));
    if (!pem)
        return pem.error();
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(*pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return meshSettingError(setting, MeshText::tr("the file %1 holds no unencrypted PEM private "
                                                  "key (RSA or EC)")
                                         .arg(path));
}
} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error meshSettingError(const QString &setting, const QString &problem)
{
    return Error{
        u"mesh.settings"_s, MeshText::tr("MESH setting %1: %2").arg(setting, problem), {}, {}};
}

Result<QSslConfiguration> meshTlsConfiguration(const MeshSettings &settings)
{
    if (!QSslSocket::supportsSsl())
        return meshSettingError(u"mesh.url"_s,
                                MeshText::tr("this build of Qt has no TLS support; install Qt's "
                                             "OpenSSL backend"));
    auto chain = readCertificates(settings.clientCertificate, u"mesh.client_cert"_s,
                                  MeshText::tr("client certificate"));
    if (!chain)
        return chain.error();
    const QSslCertificate &certificate = chain->first();
    if (certificate.expiryDate() < QDateTime::currentDateTimeUtc())
        return meshSettingError(
            u"mesh.client_cert"_s,
            MeshText::tr("the certificate in %1 expired on %2")
                .arg(settings.clientCertificate, certificate.expiryDate().toString(Qt::ISODate)));
    auto key = readKey(settings.clientKey);
    if (!key)
        return key.error();
    auto authorities =
        readCertificates(settings.caCertificate, u"mesh.ca_cert"_s, MeshText::tr("CA certificate"));
    if (!authorities)
        return authorities.error();

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(*chain);
    tls.setPrivateKey(*key);
    tls.setCaCertificates(*authorities); // only the MESH CA, not the system's
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

Status MeshSettings::validate() const
{
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo);
    if (url.isEmpty())
        return meshSettingError(u"mesh.url"_s, MeshText::tr("no server URL is set"));
    if (!url.isValid() || url.host().isEmpty())
        return meshSettingError(u"mesh.url"_s, MeshText::tr("%1 is not a valid URL").arg(where));
    if (!url.userInfo().isEmpty())
        return meshSettingError(u"mesh.url"_s,
                                MeshText::tr("the URL must not carry a user name or password"));
    const QString scheme = url.scheme().toLower();
    const bool https = scheme == u"https"_s;
    if (!https && scheme != u"http"_s)
        return meshSettingError(u"mesh.url"_s, MeshText::tr("%1 is not an https URL").arg(where));
    if (!https && !isLoopbackHost(url.host()))
        return meshSettingError(u"mesh.url"_s,
                                MeshText::tr("%1 uses plain http, which is only allowed for a "
                                             "loopback address; use https")
                                    .arg(where));

    static const QRegularExpression mailboxPattern(u"^[A-Za-z0-9._-]+$"_s);
    if (mailbox.isEmpty())
        return meshSettingError(u"mesh.mailbox"_s, MeshText::tr("no mailbox id is set"));
    if (!mailboxPattern.match(mailbox).hasMatch())
        return meshSettingError(u"mesh.mailbox"_s,
                                MeshText::tr("a mailbox id has only letters, digits, '.', '-' "
                                             "and '_'"));
    if (secretsUnopened)
        return *secretsUnopened;
    if (password.isEmpty())
        return meshSettingError(u"mesh.password"_s, MeshText::tr("no mailbox password is set"));
    if (sharedSecret.isEmpty())
        return meshSettingError(u"mesh.shared_secret"_s,
                                MeshText::tr("no shared secret is set (MESH gives one per "
                                             "environment)"));
    if (timeoutMs <= 0)
        return meshSettingError(u"mesh.timeout_ms"_s, MeshText::tr("must be more than 0"));
    if (retries < 0 || retryBaseMs < 0)
        return meshSettingError(u"mesh.retries"_s, MeshText::tr("must not be negative"));
    if (chunkSize <= 0)
        return meshSettingError(u"mesh.chunk_size"_s, MeshText::tr("must be more than 0"));

    if (https) {
        auto tls = meshTlsConfiguration(*this);
        if (!tls)
            return tls.error();
    }
    return success();
}

} // namespace cpis
