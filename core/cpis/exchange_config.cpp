#include "cpis/exchange_config.h"

#include "config/config_store.h"
#include "domain/sealed_secret.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis {

QString missingAuthoritySetting(const ExchangeConfig &config)
{
    for (const auto &[value, key] :
         {std::pair{&config.authorityOds, u"cpis.authority_ods"_s},
          std::pair{&config.authorityName, u"cpis.authority_name"_s},
          std::pair{&config.phoneOfficeHours, u"cpis.phone_office_hours"_s},
          std::pair{&config.phoneOutOfHours, u"cpis.phone_out_of_hours"_s}}) {
        if (value->trimmed().isEmpty())
            return key;
    }
    return {};
}

QString phoneForSending(const QString &typed)
{
    QString sent = typed.trimmed().startsWith(u'+') ? u"+"_s : QString();
    for (const QChar c : typed) {
        if (c.isDigit())
            sent += c;
    }
    return sent;
}

namespace {
// Opens each sealed MESH secret with the exchange's private key (loaded once, only when a secret
// is sealed); the first failure goes to c.mesh.secretsUnopened.
void openSecrets(const QHash<QString, QString> &v, ExchangeConfig &c)
{
    std::optional<Result<SecretOpener>> opener;
    const auto open = [&](const QString &key) -> QString {
        const QString stored = v.value(key);
        if (stored.isEmpty() || c.mesh.secretsUnopened)
            return {};
        if (!looksSealed(stored)) {
            c.clearSecrets << key;
            return stored;
        }
        if (!opener)
            opener = SecretOpener::fromFile(exchangeKeyFile());
        if (!*opener) {
            c.mesh.secretsUnopened = opener->error();
            return {};
        }
        auto clear = (*opener)->open(stored, key);
        if (!clear) {
            c.mesh.secretsUnopened = clear.error();
            return {};
        }
        return *clear;
    };
    c.mesh.password = open(u"mesh.password"_s);
    c.mesh.sharedSecret = open(u"mesh.shared_secret"_s).toUtf8();
}
} // namespace

Result<ExchangeConfig> loadExchangeConfig(Connection &connection)
{
    auto values = ConfigStore(connection).values();
    if (!values)
        return values.error();
    const QHash<QString, QString> &v = *values;
    ExchangeConfig c;
    c.handlingMode = v.value(u"cpis.handling_mode"_s, u"work_step"_s);
    c.handlingTarget = v.value(u"cpis.handling_target"_s);
    c.sharedPlans = v.value(u"cpis.shared_plans"_s).split(u',', Qt::SkipEmptyParts);
    c.authorityOds = v.value(u"cpis.authority_ods"_s);
    c.authorityName = v.value(u"cpis.authority_name"_s);
    c.phoneOfficeHours = v.value(u"cpis.phone_office_hours"_s);
    c.phoneOutOfHours = v.value(u"cpis.phone_out_of_hours"_s);
    c.schemaDir = v.value(u"cpis.schema_dir"_s);
    c.recordsImportFolder = v.value(u"records.import_folder"_s);
    c.cpisMailbox = v.value(u"mesh.cpis_mailbox"_s);
    c.uploadWorkflow = v.value(u"mesh.workflow_upload"_s);
    for (const QString &t : v.value(u"exchange.times"_s).split(u',', Qt::SkipEmptyParts)) {
        const QTime time = QTime::fromString(t.trimmed(), u"HH:mm"_s);
        if (time.isValid())
            c.times.append(time);
    }
    std::sort(c.times.begin(), c.times.end());
    c.mesh.url = QUrl(v.value(u"mesh.url"_s));
    c.mesh.mailbox = v.value(u"mesh.mailbox"_s);
    openSecrets(v, c);
    c.mesh.clientCertificate = v.value(u"mesh.client_cert"_s);
    c.mesh.clientKey = v.value(u"mesh.client_key"_s);
    c.mesh.caCertificate = v.value(u"mesh.ca_cert"_s);
    return c;
}

} // namespace cpis
