// The NHSMESH Authorization token (mesh-api.yaml, "MESH Authorization header"):
// NHSMESH {MAILBOX}:{nonce}:{nonce_count}:{yyyyMMddHHmm}:{hmac}, the hmac being lowercase hex
// HMAC-SHA256 keyed with the environment's shared secret over
// {MAILBOX}:{nonce}:{nonce_count}:{password}:{yyyyMMddHHmm}.
#include "cpis/mesh_client.h"

#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace cpis {

QByteArray MeshClient::authorization(const QString &mailbox, const QString &password,
                                     const QByteArray &sharedSecret, const QString &nonce,
                                     int nonceCount, const QDateTime &timestampUtc)
{
    // The specification asks for the mailbox id in upper case.
    const QString mailboxId = mailbox.toUpper();
    const QString count = QString::number(nonceCount);
    const QString timestamp = timestampUtc.toUTC().toString(u"yyyyMMddHHmm"_s);
    const QByteArray signedText =
        QStringList{mailboxId, nonce, count, password, timestamp}.join(u':').toUtf8();
    const QByteArray hmac =
        QMessageAuthenticationCode::hash(signedText, sharedSecret, QCryptographicHash::Sha256)
            .toHex();
    return QByteArrayLiteral("NHSMESH ") +
           QStringList{mailboxId, nonce, count, timestamp}.join(u':').toUtf8() + ':' + hmac;
}

} // namespace cpis
