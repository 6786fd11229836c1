// Case notes on a person's file: drafts can change, finished notes never do.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

#include <QUuid>

namespace cpis {

class CaseNoteService
{
public:
    explicit CaseNoteService(Connection &connection) : m_connection(connection) {}

    struct Input
    {
        qint64 personId = 0;
        QString type = QStringLiteral("CP-IS Follow Up");
        QDate contactDate;
        QString body;
        bool finish = false;
        qint64 requestId = 0; // the request the note answers, if any
        // Made once per note by the client: adding again with the same key (after a lost
        // answer) returns the first note instead of making a second.
        QUuid saveKey;
    };
    Result<qint64> add(const Input &input);
    // Changes a draft (author only); finish makes it final.
    Status update(qint64 noteId, const QDate &contactDate, const QString &body, bool finish);
    // Newest first; with a limit, only the newest `limit` of them.
    Result<QList<CaseNote>> forPerson(qint64 personId, int limit = -1);
    // How many case notes the caller may see for the person.
    Result<int> countForPerson(qint64 personId);

private:
    Connection &m_connection;
};

} // namespace cpis
