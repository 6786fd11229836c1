// Who receives each CP-IS alert: the rule is SQL's (raise_cpis_alert, set_alert_recipients).
#include "config/alert_recipients.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

QStringList AlertRecipientStore::roles()
{
    return {u"cpis_sysadmin"_s, u"cpis_safeguarding_admin"_s, u"cpis_team_manager"_s,
            u"cpis_key_worker"_s};
}

Result<QList<AlertRecipients>> AlertRecipientStore::list()
{
    auto q = execute(m_connection, uR"(
        SELECT alert_type, about_child, recipient_role, team, worker_login, worker_name, key_worker,
               updated_by, updated_at
        FROM alert_recipients_overview())"_s);
    if (!q)
        return q.error();
    QList<AlertRecipients> all;
    for (const Row &r : *q) {
        all.append({r.text("alert_type"), r.boolean("about_child"), r.text("recipient_role"),
                    r.text("team"), r.text("worker_login"), r.text("worker_name"),
                    r.boolean("key_worker"), r.text("updated_by"), r.dateTime("updated_at")});
    }
    return all;
}

Result<AlertRecipientSnapshot> AlertRecipientStore::snapshot()
{
    AlertRecipientSnapshot s;
    auto types = list();
    if (!types)
        return types.error();
    s.types = *types;
    auto teams = execute(m_connection, u"SELECT name FROM team ORDER BY lower(name)"_s);
    if (!teams)
        return teams.error();
    for (const Row &r : *teams)
        s.teams << r.text("name");
    auto workers = execute(m_connection, uR"(
        SELECT login, name FROM worker WHERE active AND NOT is_virtual ORDER BY lower(name), login)"_s);
    if (!workers)
        return workers.error();
    for (const Row &r : *workers)
        s.workers.append({r.text("login"), r.text("name")});
    return s;
}

Status AlertRecipientStore::set(const AlertRecipients &recipients)
{
    auto q = execute(m_connection, u"SELECT set_alert_recipients($1, $2, $3, $4, $5)"_s,
                     {recipients.alertType, recipients.role, recipients.team,
                      recipients.workerLogin, recipients.keyWorker});
    if (!q)
        return q.error();
    return success();
}

} // namespace cpis
