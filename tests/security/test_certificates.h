// A throwaway certificate authority made with the openssl program, for TLS tests: a CA, and
// certificates it signs for a server or a client.
#pragma once

#include <QString>
#include <QStringList>

namespace cpis::test {

struct IssuedCertificate
{
    QString certificate; // PEM file
    QString key;         // PEM file, unencrypted
};

class TestCertificateAuthority
{
public:
    // Makes the CA's key and self-signed certificate in `directory` as NAME-ca.pem.
    TestCertificateAuthority(QString directory, const QString &name);

    [[nodiscard]] const QString &certificate() const { return m_certificate; }
    // A certificate for `commonName`, valid for `altNames` ("DNS:localhost", "IP:127.0.0.1").
    [[nodiscard]] IssuedCertificate issue(const QString &name, const QString &commonName,
                                          const QStringList &altNames) const;

private:
    QString m_directory;
    QString m_certificate;
    QString m_key;
};

} // namespace cpis::test
