// Inbound CP-IS messages: stored raw first, then processed in one transaction each.
// A message that cannot be processed is kept, marked with the reason, and alerts the
// CP-IS administrators. Processing a message (or a notification) again changes nothing.
#pragma once

#include "cpis/config_store.h"
#include "cpis/messages.h"
#include "db/connection.h"
#include "result.h"

#include <optional>

namespace cpis {

struct InboundOutcome
{
    qint64 messageId = 0;
    QString status; // processed, quarantined (or received when left for later)
    QString text;   // what it became, or why not, in words
    qint64 stepId = 0;
};

class InboundProcessor
{
public:
    explicit InboundProcessor(Connection &connection) : m_connection(connection) {}

    struct Received
    {
        QByteArray body;
        QString origin = QStringLiteral("mesh"); // or import
        QString meshMessageId;
        QString workflowId;
        QString fileName;
    };
    // Stores the raw message (committed) and returns its id; the same MESH message, or the
    // same imported bytes, stored again returns the first id.
    Result<qint64> store(const Received &message);

    Result<InboundOutcome> process(qint64 messageId);
    // Every message stored but not yet processed, oldest first (recovers after a crash).
    Result<QList<InboundOutcome>> processPending();

    // A MESH REPORT about a message we sent: marks the upload failed and alerts.
    Result<InboundOutcome> processReport(qint64 messageId, const QString &linkedMessageId,
                                         const QString &statusCode, const QString &description);

private:
    struct Work
    {
        QString kind;
        QString notificationId;
        QString outcome;
        qint64 stepId = 0;
    };
    Result<Work> handle(const QByteArray &body);
    Result<Work> handleAccessNotification(const QByteArray &body);
    Result<Work> handleAcknowledgement(const QByteArray &body);
    Result<Work> handleInactive(const QByteArray &body);
    Result<qint64> findSubject(const QString &nhsNumber, QString &subjectName);
    // The Work to record when this notification was processed before, so nothing happens twice.
    Result<std::optional<Work>> duplicate(const QString &kind, const QString &id,
                                          const QString &what);
    Status alertAdministrators(const QString &type, qint64 personId, const QString &text);
    Status alertKeyWorker(const QString &type, qint64 personId, const QString &text);
    Result<InboundOutcome> finish(qint64 messageId, const Result<Work> &work);

    Connection &m_connection;
};

} // namespace cpis
