// Secrets sealed with the exchange host's public key (X25519, HKDF-SHA256, AES-256-GCM): whoever
// sets a MESH secret seals it here, so only ciphertext reaches the database, its log and dumps;
// only the exchange, holding the private key file, opens it. No database needed.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace cpis {

// The setting that holds the public key (one line: the base64 of its DER form).
inline constexpr auto kSecretsPublicKeySetting = "mesh.secrets_public_key";
// Where the exchange finds its private key: this variable, else the systemd credential
// "exchange-key" ($CREDENTIALS_DIRECTORY/exchange-key).
inline constexpr auto kExchangeKeyFileVariable = "CPIS_EXCHANGE_KEY_FILE";

struct ExchangeKeyPair
{
    QString publicKey;     // the value of mesh.secrets_public_key
    QByteArray privatePem; // PKCS#8 PEM, for the exchange's key file
};

Result<ExchangeKeyPair> generateExchangeKeyPair();
// Writes the private key to `path`, readable and writable by its owner only; refuses to replace
// an existing file (a lost key means setting every secret again).
Status writeExchangeKeyFile(const QString &path, const QByteArray &privatePem);

// "sealed:v1:..." : what the database accepts for a secret setting.
bool looksSealed(const QString &value);
// `setting` is bound into the seal: a sealed password does not open as the shared secret.
Result<QString> sealSecret(const QString &clear, const QString &setting, const QString &publicKey);

// The private key file the exchange uses (see kExchangeKeyFileVariable); empty when none is named.
QString exchangeKeyFile();

// The exchange's private key, loaded once per run; errors name the file.
class SecretOpener
{
public:
    static Result<SecretOpener> fromFile(const QString &path);
    Result<QString> open(const QString &sealed, const QString &setting) const;
    [[nodiscard]] const QString &file() const { return m_file; }

private:
    std::shared_ptr<evp_pkey_st> m_key;
    QString m_file;
};

} // namespace cpis
