// Sealing and opening MESH secrets: an ephemeral X25519 key agreed with the exchange's public key,
// HKDF-SHA256 to an AES-256-GCM key, the setting's name as associated data.
#include "domain/sealed_secret.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr auto kPrefix = "sealed:v1:";
constexpr int kKeySize = 32; // X25519 public key, AES-256 key
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

struct PKeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct CipherFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyFree>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

// Wipes a key or clear text when it goes out of scope.
struct Wiped
{
    QByteArray bytes;
    ~Wiped()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
};

Error sealError(const QString &message, const QString &hint = {})
{
    return Error{u"config.sealed"_s, message, {}, hint};
}

auto bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}
auto bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

Result<PKey> publicKeyFrom(const QString &setting)
{
    const QString hint = u"Set %1 to the line `cpisctl exchange keygen` printed on the exchange's "
                         "host."_s.arg(QLatin1StringView(kSecretsPublicKeySetting));
    const QByteArray der = QByteArray::fromBase64(setting.trimmed().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    const unsigned char *p = bytes(der);
    PKey key(der.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, long(der.size())));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_X25519)
        return sealError(u"%1 is not an X25519 public key (base64 of its DER form)."_s.arg(
                             QLatin1StringView(kSecretsPublicKeySetting)),
                         hint);
    return key;
}

QByteArray rawPublicKey(EVP_PKEY *key)
{
    QByteArray raw(kKeySize, '\0');
    size_t size = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, bytes(raw), &size) != 1 || size != size_t(kKeySize))
        return {};
    return raw;
}

// The AES key both sides agree on: X25519 between one's private and the other's public key,
// through HKDF with both public keys as salt.
QByteArray agreedKey(EVP_PKEY *own, EVP_PKEY *peer, const QByteArray &salt)
{
    PKeyCtx agree(EVP_PKEY_CTX_new(own, nullptr));
    Wiped shared{QByteArray(kKeySize, '\0')};
    size_t sharedSize = size_t(shared.bytes.size());
    if (!agree || EVP_PKEY_derive_init(agree.get()) != 1 ||
        EVP_PKEY_derive_set_peer(agree.get(), peer) != 1 ||
        EVP_PKEY_derive(agree.get(), bytes(shared.bytes), &sharedSize) != 1)
        return {};
    static const QByteArray info("cpis-workview sealed secret v1");
    PKeyCtx hkdf(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    QByteArray key(kKeySize, '\0');
    size_t keySize = size_t(key.size());
    if (!hkdf || EVP_PKEY_derive_init(hkdf.get()) != 1 ||
        EVP_PKEY_CTX_set_hkdf_md(hkdf.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(hkdf.get(), bytes(salt), int(salt.size())) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_key(hkdf.get(), bytes(shared.bytes), int(sharedSize)) != 1 ||
        EVP_PKEY_CTX_add1_hkdf_info(hkdf.get(), bytes(info), int(info.size())) != 1 ||
        EVP_PKEY_derive(hkdf.get(), bytes(key), &keySize) != 1)
        return {};
    return key;
}

// AES-256-GCM one way or the other; `tag` is written when encrypting, checked when decrypting.
// Empty on failure (a wrong key or altered text when decrypting).
std::optional<QByteArray> gcm(bool encrypt, const QByteArray &key, const QByteArray &nonce,
                              const QByteArray &aad, const QByteArray &in, QByteArray &tag)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(in.size() + kTagSize, '\0');
    int n = 0;
    int total = 0;
    const auto init = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    const auto update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    if (!ctx || init(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        update(ctx.get(), nullptr, &n, bytes(aad), int(aad.size())) != 1 ||
        update(ctx.get(), bytes(out), &n, bytes(in), int(in.size())) != 1)
        return std::nullopt;
    total = n;
    if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1)
        return std::nullopt;
    const int final = encrypt ? EVP_EncryptFinal_ex(ctx.get(), bytes(out) + total, &n)
                              : EVP_DecryptFinal_ex(ctx.get(), bytes(out) + total, &n);
    if (final != 1)
        return std::nullopt;
    total += n;
    if (encrypt) {
        tag.resize(kTagSize);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1)
            return std::nullopt;
    }
    out.resize(total);
    return out;
}

Result<QByteArray> readKeyFile(const QString &path)
{
    const QString hint = u"The exchange's private key is named by %1 or the systemd credential "
                         "exchange-key; `cpisctl exchange keygen` makes one."_s.arg(
                             QLatin1StringView(kExchangeKeyFileVariable));
    if (path.isEmpty())
        return sealError(u"The MESH secrets are sealed, and no private key file is named to open "
                         "them."_s,
                         hint);
    QFile file(path);
    if (!file.exists())
        return sealError(u"The exchange's private key file %1 does not exist."_s.arg(path), hint);
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return sealError(u"The exchange's private key file %1 is readable by other users: it "
                         "must be readable only by the exchange service's user."_s.arg(path),
                         u"chmod 600 %1"_s.arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return sealError(u"The exchange's private key file %1 cannot be read: %2"_s.arg(
                             path, file.errorString()),
                         hint);
    return file.readAll();
}
} // namespace

Result<ExchangeKeyPair> generateExchangeKeyPair()
{
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    Bio pem(BIO_new(BIO_s_mem()));
    unsigned char *der = nullptr;
    const int derSize = key ? i2d_PUBKEY(key.get(), &der) : -1;
    if (!key || !pem || derSize <= 0 ||
        PEM_write_bio_PrivateKey(pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1) {
        OPENSSL_free(der);
        return sealError(u"OpenSSL could not make an X25519 key pair."_s);
    }
    ExchangeKeyPair pair;
    pair.publicKey =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(der), derSize).toBase64());
    OPENSSL_free(der);
    char *data = nullptr;
    const long size = BIO_get_mem_data(pem.get(), &data);
    pair.privatePem = QByteArray(data, qsizetype(size));
    return pair;
}

Status writeExchangeKeyFile(const QString &path, const QByteArray &privatePem)
{
    QFile file(path);
    if (file.exists())
        return sealError(u"%1 exists already: it is not replaced (the secrets sealed for it would "
                         "no longer open)."_s.arg(path),
                         u"Name a new file; to rotate, set mesh.secrets_public_key and then the "
                         "secrets again."_s);
    if (!QFileInfo(path).absoluteDir().exists())
        return sealError(u"The folder for %1 does not exist."_s.arg(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(privatePem) != privatePem.size() || !file.flush())
        return sealError(u"Cannot write %1: %2"_s.arg(path, file.errorString()));
    return success();
}

bool looksSealed(const QString &value)
{
    return value.startsWith(QLatin1StringView(kPrefix));
}

Result<QString> sealSecret(const QString &clear, const QString &setting, const QString &publicKey)
{
    auto recipient = publicKeyFrom(publicKey);
    if (!recipient)
        return recipient.error();
    PKey ephemeral(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    const QByteArray ephemeralPublic = ephemeral ? rawPublicKey(ephemeral.get()) : QByteArray();
    const QByteArray recipientPublic = rawPublicKey(recipient->get());
    Wiped key{ephemeralPublic.isEmpty() ? QByteArray()
                                        : agreedKey(ephemeral.get(), recipient->get(),
                                                    ephemeralPublic + recipientPublic)};
    QByteArray nonce(kNonceSize, '\0');
    QByteArray tag;
    Wiped text{clear.toUtf8()};
    const auto sealed = key.bytes.isEmpty() || RAND_bytes(bytes(nonce), kNonceSize) != 1
                            ? std::nullopt
                            : gcm(true, key.bytes, nonce, setting.toUtf8(), text.bytes, tag);
    if (!sealed)
        return sealError(u"OpenSSL could not seal the value of %1."_s.arg(setting));
    return QString(
        QLatin1StringView(kPrefix) +
        QString::fromLatin1(QByteArray(ephemeralPublic + nonce + tag + *sealed).toBase64()));
}

QString exchangeKeyFile()
{
    const QString named = qEnvironmentVariable(kExchangeKeyFileVariable);
    if (!named.isEmpty())
        return named;
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty() && QFile::exists(credentials + u"/exchange-key"_s))
        return credentials + u"/exchange-key"_s;
    return {};
}

Result<SecretOpener> SecretOpener::fromFile(const QString &path)
{
    auto pem = readKeyFile(path);
    if (!pem)
        return pem.error();
    Bio in(BIO_new_mem_buf(pem->constData(), int(pem->size())));
    PKey key(in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr) : nullptr);
    OPENSSL_cleanse(pem->data(), size_t(pem->size()));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_X25519)
        return sealError(u"The file %1 holds no unencrypted X25519 private key in PEM."_s.arg(path),
                         u"Name the file `cpisctl exchange keygen` wrote."_s);
    SecretOpener opener;
    opener.m_key = std::shared_ptr<EVP_PKEY>(key.release(), PKeyFree());
    opener.m_file = path;
    return opener;
}

Result<QString> SecretOpener::open(const QString &sealed, const QString &setting) const
{
    const QString hint =
        u"Set %1 again (cpisctl config set %1 --stdin, or the Configuration tools), sealed with "
        "the public key in %2 that belongs to this private key."_s.arg(
            setting, QLatin1StringView(kSecretsPublicKeySetting));
    if (!looksSealed(sealed))
        return sealError(u"%1 is not sealed."_s.arg(setting), hint);
    const QByteArray blob =
        QByteArray::fromBase64(sealed.mid(qsizetype(qstrlen(kPrefix))).toLatin1(),
                               QByteArray::AbortOnBase64DecodingErrors);
    EVP_PKEY *own = m_key.get();
    const QByteArray ephemeralPublic = blob.left(kKeySize);
    PKey ephemeral(blob.size() < kKeySize + kNonceSize + kTagSize
                       ? nullptr
                       : EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr,
                                                     bytes(ephemeralPublic), size_t(kKeySize)));
    const QByteArray ownPublic = own ? rawPublicKey(own) : QByteArray();
    Wiped key{ephemeral && !ownPublic.isEmpty()
                  ? agreedKey(own, ephemeral.get(), ephemeralPublic + ownPublic)
                  : QByteArray()};
    QByteArray tag = blob.mid(kKeySize + kNonceSize, kTagSize);
    const auto clear = key.bytes.isEmpty()
                           ? std::nullopt
                           : gcm(false, key.bytes, blob.mid(kKeySize, kNonceSize), setting.toUtf8(),
                                 blob.mid(kKeySize + kNonceSize + kTagSize), tag);
    if (!clear)
        return sealError(u"The private key in %1 does not open %2: it was sealed for another key "
                         "(or damaged)."_s.arg(m_file, setting),
                         hint);
    Wiped wipe{*clear};
    return QString::fromUtf8(wipe.bytes);
}

} // namespace cpis
