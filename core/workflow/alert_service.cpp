#include "workflow/alert_service.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<qint64> AlertService::raise(const QString &type, qint64 personId, const Recipient &to,
                                   const QString &body)
{
    auto id =
        queryValue(m_connection, u"SELECT raise_alert($1, $2, $3, $4, $5, $6)"_s,
                   {type, nullIfZero(personId), nullIfZero(to.workerId), nullIfZero(to.teamId),
                    to.role.isEmpty() ? QVariant(QString()) : to.role, body});
    if (!id)
        return id.error();
    return id->integer();
}

Status AlertService::acknowledge(qint64 alertId)
{
    auto q = execute(m_connection, u"SELECT acknowledge_alert($1)"_s, {alertId});
    if (!q)
        return q.error();
    return success();
}

Result<QList<Alert>> AlertService::mine()
{
    auto q = execute(m_connection, uR"(
        SELECT a.id, a.alert_type, coalesce(a.person_id, 0) AS person_id,
               coalesce(p.legal_forenames || ' ' || p.legal_surname, '') AS person_name, a.body,
               a.created_at
        FROM alert a LEFT JOIN person p ON p.id = a.person_id
        WHERE a.acknowledged_at IS NULL AND alert_is_for_me(a)
        ORDER BY a.created_at DESC)"_s);
    if (!q)
        return q.error();
    QList<Alert> alerts;
    for (const Row &a : *q) {
        alerts.append({a.integer("id"),
                       a.text("alert_type"),
                       a.integer("person_id"),
                       a.text("person_name"),
                       a.text("body"),
                       a.dateTime("created_at"),
                       {},
                       {}});
    }
    return alerts;
}

} // namespace cpis
