#include "config/config_store.h"

#include "db/error_codes.h"
#include "db/rows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

Status ConfigStore::set(const QString &key, const QString &value)
{
    // The value may be a secret (mesh.password): as a parameter, it stays out of the server's log.
    auto set = execute(m_connection, u"SELECT set_config($1, $2)"_s, {key, value});
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
    QJsonArray changes;
    for (const auto &[key, value] : edit.settings)
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

Result<OfficeHours> ConfigStore::officeHours()
{
    auto settings = execute(m_connection, uR"(
        SELECT config_value('office.hours') AS hours, config_value('office.days') AS days,
               config_value('office.handling_time') AS handling_time,
               ARRAY(SELECT day::text FROM bank_holiday ORDER BY day) AS holidays)"_s);
    if (!settings)
        return settings.error();
    if (settings->isEmpty())
        return OfficeHours();
    const Row row = (*settings)[0];
    QList<QDate> holidays;
    const QString list = row.text("holidays");
    for (const QString &day : list.mid(1, list.size() - 2).split(u',', Qt::SkipEmptyParts))
        holidays.append(QDate::fromString(day, Qt::ISODate));
    return OfficeHours::fromSettings(row.text("hours"), row.text("days"), row.text("handling_time"),
                                     holidays);
}

} // namespace cpis
