// A team manager's view of their team's requests: what is still outstanding (not
// acknowledged, or an A&E request awaiting its case note), and passing one to another
// worker in the team when the worker it was sent to is away (migration 0010).
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis {

struct TeamRequest
{
    qint64 requestId = 0;
    qint64 stepId = 0;
    qint64 subjectId = 0;
    QString subjectName;
    QString type;
    int recipientId = 0;
    QString recipient;
    QString team;
    QDateTime sentAt;
    QString state; // sent, acknowledged
    bool awaitingCaseNote = false;
};

class TeamRequests
{
public:
    explicit TeamRequests(Connection &connection) : m_connection(connection) {}

    // True when the session's worker manages a team.
    Result<bool> isManager();
    // Oldest first.
    Result<QList<TeamRequest>> outstanding();
    Status passOn(qint64 requestId, int workerId, const QString &reason);

private:
    Connection &m_connection;
};

} // namespace cpis
