#include "workflow/alert_service.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<qint64> AlertService::raise(const QString &type, qint64 personId, const Recipient &to,
                                   const QString &body)
{
    auto id =
        callScalar(m_connection, u"SELECT raise_alert(?, ?, ?, ?, ?, ?)"_s,
                   {type, nullIfZero(personId), nullIfZero(to.workerId), nullIfZero(to.teamId),
                    to.role.isEmpty() ? QVariant(QString()) : to.role, body});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status AlertService::acknowledge(qint64 alertId)
{
    auto q = callService(m_connection, u"SELECT acknowledge_alert(?)"_s, {alertId});
    if (!q)
        return q.error();
    return success();
}

Result<QList<Alert>> AlertService::mine()
{
    auto q = callService(m_connection, uR"(
        SELECT a.id, a.alert_type, coalesce(a.person_id, 0),
               coalesce(p.legal_forenames || ' ' || p.legal_surname, ''), a.body, a.created_at
        FROM alert a LEFT JOIN person p ON p.id = a.person_id
        WHERE a.acknowledged_at IS NULL AND alert_is_for_me(a)
        ORDER BY a.created_at DESC)"_s);
    if (!q)
        return q.error();
    QList<Alert> alerts;
    while (q->next()) {
        alerts.append({q->value(0).toLongLong(),
                       q->value(1).toString(),
                       q->value(2).toLongLong(),
                       q->value(3).toString(),
                       q->value(4).toString(),
                       q->value(5).toDateTime(),
                       {},
                       {}});
    }
    return alerts;
}

} // namespace cpis
