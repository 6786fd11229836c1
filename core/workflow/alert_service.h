// Alerts: flags to a worker, team or role that must be acknowledged.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

namespace cpis {

class AlertService
{
public:
    explicit AlertService(Connection &connection) : m_connection(connection) {}

    struct Recipient
    {
        int workerId = 0;
        int teamId = 0;
        QString role; // e.g. "cpis_sysadmin"
    };
    Result<qint64> raise(const QString &type, qint64 personId, const Recipient &to,
                         const QString &body);
    Status acknowledge(qint64 alertId);
    // Open alerts addressed to the session's worker, their team or their roles.
    Result<QList<Alert>> mine();

private:
    Connection &m_connection;
};

} // namespace cpis
