#include "security/test_certificates.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
void openssl(const QStringList &args)
{
    const QString program = QStandardPaths::findExecutable(u"openssl"_s);
    INFO("the openssl program (package openssl) is needed");
    REQUIRE_FALSE(program.isEmpty());
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    REQUIRE(process.waitForFinished(60000));
    INFO(QString::fromLocal8Bit(process.readAll()).toStdString());
    REQUIRE(process.exitCode() == 0);
}

const QStringList kNewKey{u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s};
} // namespace

TestCertificateAuthority::TestCertificateAuthority(QString directory, const QString &name)
    : m_directory(std::move(directory)), m_certificate(m_directory + u'/' + name + u"-ca.pem"_s),
      m_key(m_directory + u'/' + name + u"-ca.key"_s)
{
    REQUIRE(QDir().mkpath(m_directory));
    openssl(QStringList{u"req"_s, u"-x509"_s} + kNewKey +
            QStringList{u"-keyout"_s, m_key, u"-out"_s, m_certificate, u"-days"_s, u"2"_s,
                        u"-subj"_s, u"/CN=%1 test CA"_s.arg(name)});
}

IssuedCertificate TestCertificateAuthority::issue(const QString &name, const QString &commonName,
                                                  const QStringList &altNames) const
{
    const QString base = m_directory + u'/' + name;
    const IssuedCertificate issued{base + u".pem"_s, base + u".key"_s};
    openssl(QStringList{u"req"_s, u"-new"_s} + kNewKey +
            QStringList{u"-keyout"_s, issued.key, u"-out"_s, base + u".csr"_s, u"-subj"_s,
                        u"/CN="_s + commonName});
    QFile extensions(base + u".ext"_s);
    REQUIRE(extensions.open(QIODevice::WriteOnly | QIODevice::Text));
    extensions.write((u"basicConstraints = CA:FALSE\n"
                      u"keyUsage = digitalSignature, keyEncipherment\n"
                      u"extendedKeyUsage = serverAuth, clientAuth\n"
                      u"subjectAltName = "_s +
                      altNames.join(u", "_s) + u'\n')
                         .toUtf8());
    extensions.close();
    openssl({u"x509"_s, u"-req"_s, u"-in"_s, base + u".csr"_s, u"-CA"_s, m_certificate, u"-CAkey"_s,
             m_key, u"-set_serial"_s,
             QString::number(QRandomGenerator::global()->bounded(1, 1 << 30)), u"-days"_s, u"2"_s,
             u"-extfile"_s, extensions.fileName(), u"-out"_s, issued.certificate});
    return issued;
}

} // namespace cpis::test
