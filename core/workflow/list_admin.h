// The Configuration tools' lists and dates: list items (added, renamed, retired, reordered;
// never deleted), note templates and bank holidays, read and changed through the database.
#pragma once

#include "config/alert_recipients.h"
#include "config/config_store.h"
#include "db/connection.h"
#include "result.h"
#include "workflow/step_choices.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace cpis {

struct ListItem
{
    QString list; // request_type, next_action, next_action_reason, case_note_type, cancel_reason
    QString label;
    int position = 0;
    bool active = true;
};

struct BankHoliday
{
    QDate day;
    QString name;
};

// Everything the Configuration tools show, read in one go.
struct ConfigurationSnapshot
{
    QList<ConfigEntry> settings;
    QList<ListItem> items; // by list, then position
    QList<NoteTemplate> templates;
    QList<BankHoliday> bankHolidays;
    AlertRecipientSnapshot alerts; // who receives each CP-IS alert (the Configuration tools)
};

class ListAdmin
{
public:
    explicit ListAdmin(Connection &connection) : m_connection(connection) {}

    // The lists an administrator may edit, in the order the window offers them.
    static QStringList editableLists();

    Result<ConfigurationSnapshot> snapshot();
    Result<QList<ListItem>> items();
    Result<QList<BankHoliday>> bankHolidays();

    Status addItem(const QString &list, const QString &label);
    Status renameItem(const QString &list, const QString &label, const QString &newLabel);
    Status retireItem(const QString &list, const QString &label);
    // `labels`: every item of the list, in the new order.
    Status reorder(const QString &list, const QStringList &labels);
    Status setTemplate(const NoteTemplate &noteTemplate);
    Status setBankHoliday(const QDate &day, const QString &name);
    Status removeBankHoliday(const QDate &day);

private:
    Status call(const QString &sql, const QVariantList &params);
    Connection &m_connection;
};

} // namespace cpis
