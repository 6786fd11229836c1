#include "workflow/list_admin.h"

#include "db/error_codes.h"
#include "db/rows.h"

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
    auto q = execute(m_connection, sql, params);
    if (!q)
        return configurationError(q.error());
    return success();
}

Result<QList<ListItem>> ListAdmin::items()
{
    auto q = execute(m_connection, uR"(
        SELECT list, label, position, active FROM list_item
        WHERE list = ANY (string_to_array($1, ','))
        ORDER BY list, position, label)"_s,
                     {editableLists().join(u',')});
    if (!q)
        return q.error();
    QList<ListItem> items;
    for (const Row &i : *q)
        items.append(
            {i.text("list"), i.text("label"), int(i.integer("position")), i.boolean("active")});
    return items;
}

Result<QList<BankHoliday>> ListAdmin::bankHolidays()
{
    auto q = execute(m_connection, u"SELECT day, name FROM bank_holiday ORDER BY day"_s);
    if (!q)
        return q.error();
    QList<BankHoliday> days;
    for (const Row &d : *q)
        days.append({d.date("day"), d.text("name")});
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
    return call(u"SELECT add_list_item($1, $2)"_s, {list, label});
}

Status ListAdmin::renameItem(const QString &list, const QString &label, const QString &newLabel)
{
    return call(u"SELECT rename_list_item($1, $2, $3)"_s, {list, label, newLabel});
}

Status ListAdmin::retireItem(const QString &list, const QString &label)
{
    return call(u"SELECT retire_list_item($1, $2)"_s, {list, label});
}

Status ListAdmin::reorder(const QString &list, const QStringList &labels)
{
    // A text[] parameter does not bind through QPSQL; a JSON array does, and is unpacked there.
    return call(
        u"SELECT reorder_list_items($1, ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))"_s,
        {list,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact))});
}

Status ListAdmin::setTemplate(const NoteTemplate &noteTemplate)
{
    return call(u"SELECT set_note_template($1, $2, $3)"_s,
                {noteTemplate.source, noteTemplate.label, noteTemplate.body});
}

Status ListAdmin::setBankHoliday(const QDate &day, const QString &name)
{
    if (name.trimmed().isEmpty()) // the SQL function would take an empty name as removal
        return Error{
            QString::fromLatin1(errc::kInvalid), u"The bank holiday needs a name."_s, {}, {}};
    return call(u"SELECT set_bank_holiday($1, $2)"_s, {day, name});
}

Status ListAdmin::removeBankHoliday(const QDate &day)
{
    return call(u"SELECT remove_bank_holiday($1)"_s, {day});
}

} // namespace cpis
