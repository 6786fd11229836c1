// Workers: who the session is, finding workers by name, adding users.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

namespace cpis {

class WorkerDirectory
{
public:
    explicit WorkerDirectory(Connection &connection) : m_connection(connection) {}

    // The worker the session's login is; an error when the login is not a worker.
    Result<Worker> current();
    // Whether the session's login is a system administrator (member of cpis_sysadmin): the UI
    // shows the administration screens only then; the database enforces it either way.
    Result<bool> currentIsSystemAdministrator();
    // Whether it is a Safeguarding Admin (member of cpis_safeguarding_admin): F1 opens their
    // procedure's help then, the key worker's otherwise.
    Result<bool> currentIsSafeguardingAdmin();
    // By login ("jane.okafor") or by name ("CP-IS Worker"), case-insensitively.
    Result<Worker> resolve(const QString &loginOrName);
    Result<Worker> byId(int id);
    // The names of the virtual workers (queues such as CP-IS Worker) a worker works from.
    Result<QStringList> queuesOf(int workerId);
    // Caseworkers (key workers, team managers) whose name contains the text
    // (case-insensitive), with their role, for Pass to Worker.
    Result<QList<Worker>> find(const QString &text);

    struct NewUser
    {
        QString login;
        QString role; // safeguarding-admin, key-worker, team-manager, sysadmin, exchange,
                      // records-officer
        QString name;
        QString team;     // optional; created when new
        QString password; // optional; null for peer/certificate authentication
    };
    Result<Worker> addUser(const NewUser &user);

private:
    Result<Worker> one(const QString &where, const QVariantList &params, const QString &notFound);
    Connection &m_connection;
};

} // namespace cpis
