#include "config/config_store.h"

#include "db/secret_statement.h"
#include "db/service_call.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
ConfigEntry entryFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toBool(),
            q.value(3).toString(), q.value(4).toDateTime()};
}

const QString kSelect =
    u"SELECT key, value, secret, updated_by, updated_at FROM config_overview() "_s;
} // namespace

Result<QList<ConfigEntry>> ConfigStore::list()
{
    auto q = callService(m_connection, kSelect + u"ORDER BY key"_s);
    if (!q)
        return q.error();
    QList<ConfigEntry> entries;
    while (q->next())
        entries.append(entryFrom(*q));
    return entries;
}

Result<ConfigEntry> ConfigStore::get(const QString &key)
{
    auto q = callService(m_connection, kSelect + u"WHERE key = ?"_s, {key});
    if (!q)
        return q.error();
    if (!q->next()) {
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no setting \"%1\" you can read."_s.arg(key),
                     {},
                     u"'cpisctl config list' shows the settings."_s};
    }
    return entryFrom(*q);
}

Status ConfigStore::set(const QString &key, const QString &value)
{
    // The value may be a secret (mesh.password): kept out of the server's log.
    auto set =
        scalarKeepingValuesSecret(m_connection, u"SELECT set_config($1, $2)"_s, {key, value});
    if (!set)
        return workflowError(set.error());
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
    QJsonArray changes;
    for (const auto &[key, value] : edit.settings)
        changes.append(QJsonObject{{u"key"_s, key}, {u"value"_s, value}});
    for (const NoteTemplate &t : edit.templates)
        changes.append(
            QJsonObject{{u"template"_s, t.source}, {u"label"_s, t.label}, {u"body"_s, t.body}});
    auto q =
        callService(m_connection, u"SELECT field, message FROM save_configuration(?::jsonb)"_s,
                    {QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))});
    if (!q)
        return configurationError(q.error());
    QList<FieldRefusal> refused;
    while (q->next())
        refused.append({q->value(0).toString(), q->value(1).toString()});
    return refused;
}

Result<QHash<QString, QString>> ConfigStore::values()
{
    auto q = callService(m_connection, u"SELECT key, value FROM config"_s);
    if (!q)
        return q.error();
    QHash<QString, QString> v;
    while (q->next())
        v.insert(q->value(0).toString(), q->value(1).toString());
    return v;
}

} // namespace cpis

namespace cpis {

Result<OfficeHours> ConfigStore::officeHours()
{
    auto settings = callService(m_connection, uR"(
        SELECT config_value('office.hours'), config_value('office.days'), config_value('office.handling_time'),
               ARRAY(SELECT day::text FROM bank_holiday ORDER BY day))"_s);
    if (!settings)
        return settings.error();
    if (!settings->next())
        return OfficeHours();
    QList<QDate> holidays;
    const QString list = settings->value(3).toString();
    for (const QString &day : list.mid(1, list.size() - 2).split(u',', Qt::SkipEmptyParts))
        holidays.append(QDate::fromString(day, Qt::ISODate));
    return OfficeHours::fromSettings(settings->value(0).toString(), settings->value(1).toString(),
                                     settings->value(2).toString(), holidays);
}

} // namespace cpis
