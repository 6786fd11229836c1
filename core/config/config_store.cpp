#include "config/config_store.h"

#include "db/error_codes.h"
#include "db/rows.h"
#include "domain/sealed_secret.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
ConfigEntry entryFrom(const Row &e)
{
    return {e.text("key"), e.text("value"), e.boolean("secret"), e.text("updated_by"),
            e.dateTime("updated_at")};
}

const QString kSelect =
    u"SELECT key, value, secret, updated_by, updated_at FROM config_overview() "_s;

// Once sealed, the database cannot see what a secret holds: what it checks for every other
// setting (one line, no control characters, at most 2000 characters) is checked here.
std::optional<Error> clearSecretProblem(const QString &key, const QString &value)
{
    const auto refused = [&](const QString &problem) {
        return Error{QString::fromLatin1(errc::kInvalid), problem, {}, {}};
    };
    if (value.contains(QChar(0)))
        return refused(u"%1 contains a NUL character, which cannot be stored."_s.arg(key));
    if (std::any_of(value.cbegin(), value.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return refused(u"%1 must be one line of text without control characters."_s.arg(key));
    if (value.size() > 2000)
        return refused(u"%1 is too long (at most 2000 characters)."_s.arg(key));
    return std::nullopt;
}
} // namespace

Result<QList<ConfigEntry>> ConfigStore::list()
{
    auto q = execute(m_connection, kSelect + u"ORDER BY key"_s);
    if (!q)
        return q.error();
    QList<ConfigEntry> entries;
    for (const Row &e : *q)
        entries.append(entryFrom(e));
    return entries;
}

Result<ConfigEntry> ConfigStore::get(const QString &key)
{
    auto q = execute(m_connection, kSelect + u"WHERE key = $1"_s, {key});
    if (!q)
        return q.error();
    if (q->isEmpty()) {
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no setting \"%1\" you can read."_s.arg(key),
                     {},
                     u"'cpisctl config list' shows the settings."_s};
    }
    return entryFrom((*q)[0]);
}

namespace {
// The settings as they are to be sent: each secret (mesh.password, mesh.shared_secret) sealed
// with the exchange's public key (mesh.secrets_public_key), so only ciphertext reaches the
// server, its log and its dumps; or why one cannot be, with that secret's key in `refused`.
Result<QList<std::pair<QString, QString>>>
sealedForSending(ConfigStore &store, const QList<std::pair<QString, QString>> &settings,
                 QString *refused = nullptr)
{
    const QString publicKeySetting = QLatin1StringView(kSecretsPublicKeySetting);
    auto entries = store.list();
    if (!entries)
        return entries.error();
    QString publicKey;
    QSet<QString> secrets;
    for (const ConfigEntry &e : std::as_const(*entries)) {
        if (e.secret)
            secrets.insert(e.key);
        else if (e.key == publicKeySetting)
            publicKey = e.value;
    }
    for (const auto &[key, value] : settings) {
        if (key == publicKeySetting) // set in the same Save: the secrets are for the new key
            publicKey = value;
    }
    QList<std::pair<QString, QString>> sent;
    for (const auto &[key, value] : settings) {
        // Bind parameters are in the server's log with log_statement=all: a secret goes sealed.
        if (!secrets.contains(key) || value.trimmed().isEmpty() || looksSealed(value)) {
            sent.append({key, value});
            continue;
        }
        if (refused)
            *refused = key;
        if (auto problem = clearSecretProblem(key, value.trimmed()))
            return *problem;
        if (publicKey.trimmed().isEmpty())
            return Error{
                u"config.sealed"_s,
                u"%1 cannot be set yet: secrets are sealed with the exchange host's public "
                "key, and %2 is not set."_s.arg(key, publicKeySetting),
                {},
                u"On the exchange's host run `cpisctl exchange keygen --out FILE` and set "
                "%1 to the line it prints, then set %2 again."_s.arg(publicKeySetting, key)};
        auto sealed = sealSecret(value.trimmed(), key, publicKey);
        if (!sealed)
            return sealed.error();
        sent.append({key, *sealed});
    }
    // The database checks a secret against the stored public key: a new one is stored first.
    std::stable_partition(sent.begin(), sent.end(),
                          [&](const auto &setting) { return setting.first == publicKeySetting; });
    return sent;
}
} // namespace

Status ConfigStore::set(const QString &key, const QString &value)
{
    auto sent = sealedForSending(*this, {{key, value}});
    if (!sent)
        return sent.error();
    auto set = execute(m_connection, u"SELECT set_config($1, $2)"_s, {key, sent->first().second});
    if (!set)
        return set.error();
    return success();
}

Error configurationError(Error error)
{
    if (error.code == QString::fromLatin1(errc::kDenied) &&
        error.message == u"You are not allowed to do that."_s)
        error.message = u"Only system administrators can change the configuration."_s;
    return error;
}

Result<QList<FieldRefusal>> ConfigStore::save(const ConfigurationEdit &edit)
{
    QString refusedSecret;
    auto sealed = sealedForSending(*this, edit.settings, &refusedSecret);
    if (!sealed) {
        if (refusedSecret.isEmpty())
            return sealed.error();
        return QList<FieldRefusal>{
            {refusedSecret,
             QString(sealed.error().message + u' ' + sealed.error().hint).trimmed()}};
    }
    QJsonArray changes;
    for (const auto &[key, value] : std::as_const(*sealed))
        changes.append(QJsonObject{{u"key"_s, key}, {u"value"_s, value}});
    for (const NoteTemplate &t : edit.templates)
        changes.append(
            QJsonObject{{u"template"_s, t.source}, {u"label"_s, t.label}, {u"body"_s, t.body}});
    auto q = execute(m_connection, u"SELECT field, message FROM save_configuration($1::jsonb)"_s,
                     {QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))});
    if (!q)
        return configurationError(q.error());
    QList<FieldRefusal> refused;
    for (const Row &r : *q)
        refused.append({r.text("field"), r.text("message")});
    return refused;
}

Result<QHash<QString, QString>> ConfigStore::values()
{
    auto q = execute(m_connection, u"SELECT key, value FROM config"_s);
    if (!q)
        return q.error();
    QHash<QString, QString> v;
    for (const Row &r : *q)
        v.insert(r.text("key"), r.text("value"));
    return v;
}

} // namespace cpis
