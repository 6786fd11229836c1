// Who receives each CP-IS alert (table alert_recipients): read and changed through the
// database, which checks every value and lets only system administrators change them.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QList>

namespace cpis {

struct AlertRecipients
{
    QString alertType;       // e.g. "CP-IS upload failed"
    bool aboutChild = false; // only then can the child's key worker receive it
    QString role;            // cpis_sysadmin, ...; empty: no role
    QString team;            // a team's name; empty: no team
    QString workerLogin;     // empty: no worker
    QString workerName;
    bool keyWorker = false;
    QString updatedBy; // empty: today's default, never changed
    QDateTime updatedAt;
};

// Everything the Configuration tools show: the types and what may be chosen for them.
struct AlertRecipientSnapshot
{
    QList<AlertRecipients> types;
    QStringList teams;                          // by name
    QList<std::pair<QString, QString>> workers; // active logins and names, by name
};

class AlertRecipientStore
{
public:
    explicit AlertRecipientStore(Connection &connection) : m_connection(connection) {}

    // The roles an alert may go to, as the database names them.
    static QStringList roles();
    Result<QList<AlertRecipients>> list();
    Result<AlertRecipientSnapshot> snapshot();
    // Replaces the type's recipients; refused (naming the wrong value) when one is unknown.
    Status set(const AlertRecipients &recipients);

private:
    Connection &m_connection;
};

} // namespace cpis
