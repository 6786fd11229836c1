// Inbound CP-IS messages: stored raw first, then processed in one transaction each.
// A message that cannot be processed is kept, marked with the reason, and alerts the
// CP-IS administrators. Processing a message (or a notification) again changes nothing.
#pragma once

#include "config/config_store.h"
#include "cpis/messages.h"
#include "db/connection.h"
#include "result.h"

#include <QJsonObject>

#include <functional>
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
    // The same for many messages in one statement (a backlog, an import): ids in the order given.
    Result<QList<qint64>> storeAll(const QList<Received> &messages);

    Result<InboundOutcome> process(qint64 messageId);
    // These messages in one transaction, notifications processed on the server in one call:
    // outcomes in id order. One message that fails unexpectedly is quarantined on its own.
    Result<QList<InboundOutcome>> processAll(const QList<qint64> &messageIds);
    // Every message stored but not yet processed, oldest first, kBatchSize to a transaction
    // (recovers after a crash).
    Result<QList<InboundOutcome>> processPending();
    static constexpr int kBatchSize = 500;

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
    struct Notification // an Access to Service Notification read and checked, ready for the server
    {
        qint64 messageId = 0;
        QJsonObject fields;
    };
    Result<QList<qint64>> insertMessages(const QList<Received> &messages, const QList<int> &which);
    // An Access to Service Notification read and checked for the server's batch, or why not
    // (the codec's error; hl7::kErrorKind when it is another kind of message).
    static Result<Notification> readNotification(qint64 messageId, const QByteArray &body);
    Result<QList<InboundOutcome>> processNotifications(QList<Notification> notifications);
    // Quarantines, and takes out of the list, those whose access is before the birth of the
    // person with that NHS number.
    Result<QList<InboundOutcome>> quarantineBeforeBirth(QList<Notification> &notifications);
    static QList<QJsonObject> fieldsOf(const QList<Notification> &notifications);
    Result<QList<InboundOutcome>>
    callProcessNotifications(const QList<Notification> &notifications);
    // Runs `run` for one message under a savepoint: a failure is undone and the message
    // quarantined with the reason.
    Result<InboundOutcome> processIsolated(qint64 messageId,
                                           const std::function<Result<InboundOutcome>()> &run);
    Result<Work> handleOther(const Result<hl7::MessageKind> &kind, const QByteArray &body);
    Result<Work> handleAcknowledgement(const QByteArray &body);
    Result<Work> handleInactive(const QByteArray &body);
    // The Work to record when this notification was processed before, so nothing happens twice.
    Result<std::optional<Work>> duplicate(const QString &kind, const QString &id,
                                          const QString &what);
    Status alertAdministrators(const QString &type, qint64 personId, const QString &text);
    Status alertKeyWorker(const QString &type, qint64 personId, const QString &text);
    Result<InboundOutcome> markProcessed(qint64 messageId, const Work &work);
    Result<InboundOutcome> markQuarantined(qint64 messageId, const Error &why);

    Connection &m_connection;
};

} // namespace cpis
