#include "workflow/list_admin.h"

#include "db/service_call.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cpis {

QStringList ListAdmin::editableLists()
{
    return {u"request_type"_s, u"next_action"_s, u"next_action_reason"_s, u"case_note_type"_s,
            u"cancel_reason"_s};
}

Status ListAdmin::call(const QString &sql, const QVariantList &params)
{
    auto q = callService(m_connection, sql, params);
    if (!q)
        return configurationError(q.error());
    return success();
}

Result<QList<ListItem>> ListAdmin::items()
{
    auto q = callService(m_connection, uR"(
        SELECT list, label, position, active FROM list_item
        WHERE list = ANY (string_to_array(?, ','))
        ORDER BY list, position, label)"_s,
                         {editableLists().join(u',')});
    if (!q)
        return q.error();
    QList<ListItem> items;
    while (q->next())
        items.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                      q->value(3).toBool()});
    return items;
}

Result<QList<BankHoliday>> ListAdmin::bankHolidays()
{
    auto q = callService(m_connection, u"SELECT day, name FROM bank_holiday ORDER BY day"_s);
    if (!q)
        return q.error();
    QList<BankHoliday> days;
    while (q->next())
        days.append({q->value(0).toDate(), q->value(1).toString()});
    return days;
}

Result<ConfigurationSnapshot> ListAdmin::snapshot()
{
    ConfigurationSnapshot s;
    auto settings = ConfigStore(m_connection).list();
    if (!settings)
        return settings.error();
    s.settings = *settings;
    auto listItems = items();
    if (!listItems)
        return listItems.error();
    s.items = *listItems;
    auto choices = loadStepChoices(m_connection);
    if (!choices)
        return choices.error();
    s.templates = choices->templates;
    auto days = bankHolidays();
    if (!days)
        return days.error();
    s.bankHolidays = *days;
    return s;
}

Status ListAdmin::addItem(const QString &list, const QString &label)
{
    return call(u"SELECT add_list_item(?, ?)"_s, {list, label});
}

Status ListAdmin::renameItem(const QString &list, const QString &label, const QString &newLabel)
{
    return call(u"SELECT rename_list_item(?, ?, ?)"_s, {list, label, newLabel});
}

Status ListAdmin::retireItem(const QString &list, const QString &label)
{
    return call(u"SELECT retire_list_item(?, ?)"_s, {list, label});
}

Status ListAdmin::reorder(const QString &list, const QStringList &labels)
{
    // A text[] parameter does not bind through QPSQL; a JSON array does, and is unpacked there.
    return call(
        u"SELECT reorder_list_items(?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))"_s,
        {list,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact))});
}

Status ListAdmin::setTemplate(const NoteTemplate &noteTemplate)
{
    return call(u"SELECT set_note_template(?, ?, ?)"_s,
                {noteTemplate.source, noteTemplate.label, noteTemplate.body});
}

Status ListAdmin::setBankHoliday(const QDate &day, const QString &name)
{
    if (name.trimmed().isEmpty()) // the SQL function would take an empty name as removal
        return Error{
            QString::fromLatin1(errc::kInvalid), u"The bank holiday needs a name."_s, {}, {}};
    return call(u"SELECT set_bank_holiday(?, ?)"_s, {day, name});
}

Status ListAdmin::removeBankHoliday(const QDate &day)
{
    return call(u"SELECT remove_bank_holiday(?)"_s, {day});
}

} // namespace cpis
