// Inbound CP-IS messages: stored raw first, then processed in one transaction each.
// A message that cannot be processed is kept, marked with the reason, and alerts the
// CP-IS administrators. Processing a message (or a notification) again changes nothing.
#pragma once

#include "config/config_store.h"
#include "cpis/ack_matching.h"
#include "cpis/messages.h"
#include "cpis/notification_text.h"
#include "cpis/schema_validator.h"
#include "db/connection.h"
#include "result.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

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
    // With `schemas`, every message is validated against them before it is processed, and
    // one that fails is quarantined with the schema's first error.
    explicit InboundProcessor(Connection &connection,
                              std::shared_ptr<const hl7::SchemaValidator> schemas = {})
        : m_connection(connection), m_schemas(std::move(schemas))
    {}

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
    // (recovers after a crash). A batch that fails is processed a message at a time, so that
    // one message never holds up the others: one that fails even alone stays received with
    // its reason (for the monitor), and takeFailures() says why.
    Result<QList<InboundOutcome>> processPending();
    static constexpr int kBatchSize = 500;
    // What could not be processed since the last call, in words.
    QStringList takeFailures() { return std::exchange(m_failures, {}); }

    // A quarantine reason as it is kept and shown to the administrators: one line, at most
    // kMaxReason characters (cut with "…"), the values a schema error quotes left out.
    static QString boundedReason(const QString &reason);
    static constexpr qsizetype kMaxReason = 500;

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
    // An Access to Service Notification read and checked, ready for the server: one entry
    // per child whose record was accessed.
    struct Notification
    {
        qint64 messageId = 0;
        QList<QJsonObject> entries;
    };
    Result<QList<qint64>> insertMessages(const QList<Received> &messages, const QList<int> &which);
    // An Access to Service Notification read and checked for the server's batch, or why not
    // (the codec's error; hl7::kErrorKind when it is another kind of message).
    static Result<Notification>
    readNotification(qint64 messageId, const QByteArray &body,
                     const QHash<QString, hl7::AccessSource> &knownSources);
    // The source categories of the organisations the authority knows (cpis.access_sources).
    Result<QHash<QString, hl7::AccessSource>> accessSources();
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
    // What a file code does to the upload file: its status, whether its children go out
    // again, whether the administrators must hear of it.
    struct Outcome
    {
        QString status;
        bool requeue = false;
        bool alert = false;
    };
    static Outcome fileOutcome(const QString &code);
    Status requeueFile(qint64 fileId, const QString &reason);
    // The child an acknowledgement outcome is about, or 0 when none of the file's is.
    Result<qint64> personOfOutcome(qint64 fileId, const hl7::MatchedOutcome &m);
    // Stores the outcome on the child's upload record and CP-IS status; true when rejected.
    Result<bool> recordOutcome(qint64 fileId, const hl7::Acknowledgement &ack,
                               const hl7::MatchedOutcome &m, bool noneUploaded);
    Result<Work> handleInactive(const QByteArray &body);
    // One inactive number: recorded against its child, who is alerted about; the words.
    Result<QString> recordInactive(const hl7::InactivePatient &patient);
    // The Work to record when this notification was processed before, so nothing happens twice.
    Result<std::optional<Work>> duplicate(const QString &kind, const QString &id,
                                          const QString &what);
    Status alert(const QString &type, qint64 personId, const QString &text);
    Result<InboundOutcome> markProcessed(qint64 messageId, const Work &work);
    Result<InboundOutcome> markQuarantined(qint64 messageId, const Error &why);

    Connection &m_connection;
    std::shared_ptr<const hl7::SchemaValidator> m_schemas;
    QStringList m_failures;
};

} // namespace cpis
