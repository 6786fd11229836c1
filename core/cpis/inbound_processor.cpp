#include "cpis/inbound_processor.h"

#include "cpis/access_notification_message.h"
#include "cpis/ack_codes.h"
#include "cpis/ack_matching.h"
#include "cpis/acknowledgement_message.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/message_kind.h"
#include "cpis/notification_text.h"
#include "cpis/upload_message.h"
#include "db/error_codes.h"
#include "db/rows.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kQuarantine = u"quarantine"_s; // an Error code: keep the message, say why
// The same for a notification that names no access to a child's record: its own alert type.
const QString kEmptyNotification = u"quarantine.empty"_s;

// Clocks differ a little; an access later than this after ours did not happen yet.
constexpr qint64 kClockSkewSecs = 60 * 60;

Error quarantine(const QString &reason)
{
    return Error{kQuarantine, reason, {}, {}};
}

QString dayAndTime(const QDateTime &time)
{
    return time.toUTC().toString(u"dd/MM/yyyy HH:mm 'UTC'"_s);
}

// The notifications as the server's batch functions take them.
QString batchJson(const QList<QJsonObject> &fields)
{
    QJsonArray batch;
    for (const QJsonObject &f : fields) {
        QJsonObject withOrder = f;
        withOrder.insert(u"ord"_s, batch.size());
        batch.append(withOrder);
    }
    return QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact));
}

QString kindName(hl7::MessageKind kind)
{
    switch (kind) {
    case hl7::MessageKind::Upload:
        return u"upload"_s;
    case hl7::MessageKind::Acknowledgement:
        return u"acknowledgement"_s;
    case hl7::MessageKind::AccessNotification:
        return u"access_notification"_s;
    case hl7::MessageKind::InactiveNhsNumber:
        return u"inactive_nhs_number"_s;
    }
    return u"unknown"_s;
}

// The ten-digit runs of a message, the NHS numbers it may name, for the children it is about
// (inbound_message.subjects). Found here rather than by the server's regular expressions,
// which cost a quarter of a millisecond a message and halved the inbound rate.
// functions/exchange_inbound.sql's inbound_message_subjects applies the same rule to stored
// bodies (Process again, quarantine, the migration).
QJsonArray tenDigitRuns(const QByteArray &body)
{
    QJsonArray numbers;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= body.size(); ++i) {
        const bool digit = i < body.size() && body[i] >= '0' && body[i] <= '9';
        if (digit && start < 0)
            start = i;
        if (!digit && start >= 0) {
            if (i - start == 10) {
                const QString number = QString::fromLatin1(body.mid(start, 10));
                if (!numbers.contains(number))
                    numbers.append(number);
            }
            start = -1;
        }
    }
    return numbers;
}
} // namespace

Result<qint64> InboundProcessor::store(const Received &message)
{
    auto ids = storeAll({message});
    if (!ids)
        return ids.error();
    return ids->first();
}

Result<QList<qint64>> InboundProcessor::storeAll(const QList<Received> &messages)
{
    QList<int> all(messages.size());
    std::iota(all.begin(), all.end(), 0);
    auto ids = insertMessages(messages, all);
    if (!ids)
        return ids.error();
    // A message another exchange stored at the same moment is invisible to that statement
    // (it conflicts, and its row is not in our snapshot): a second statement finds it.
    QList<int> missing;
    for (int i = 0; i < ids->size(); ++i) {
        if (ids->at(i) == 0)
            missing.append(i);
    }
    if (missing.isEmpty())
        return ids;
    auto found = insertMessages(messages, missing);
    if (!found)
        return found.error();
    for (int k = 0; k < missing.size(); ++k) {
        if (found->at(k) == 0)
            return Error{u"db.error"_s,
                         u"Inbound message %1 could not be stored; try again."_s.arg(
                             messages[missing[k]].meshMessageId),
                         {},
                         {}};
        (*ids)[missing[k]] = found->at(k);
    }
    return ids;
}

Result<QList<qint64>> InboundProcessor::insertMessages(const QList<Received> &messages,
                                                       const QList<int> &which)
{
    QJsonArray rows;
    for (int k = 0; k < which.size(); ++k) {
        const Received &m = messages[which[k]];
        rows.append(QJsonObject{
            {u"ord"_s, k},
            {u"origin"_s, m.origin},
            {u"mesh_message_id"_s, m.meshMessageId},
            {u"workflow_id"_s, m.workflowId},
            {u"file_name"_s, m.fileName},
            {u"checksum"_s,
             QString::fromLatin1(
                 QCryptographicHash::hash(m.body, QCryptographicHash::Sha256).toHex())},
            {u"body"_s, QString::fromLatin1(m.body.toBase64())},
            {u"numbers"_s, tenDigitRuns(m.body)},
        });
    }
    // A MESH message is known by its id; an imported file by its bytes. Each is stored once,
    // even when it comes twice in one batch.
    auto q = execute(m_connection, uR"(
        WITH input AS (
            SELECT m.ord, m.origin, nullif(m.mesh_message_id, '') AS mesh_message_id,
                   nullif(m.workflow_id, '') AS workflow_id, nullif(m.file_name, '') AS file_name,
                   m.checksum, decode(m.body, 'base64') AS body,
                   ARRAY(SELECT jsonb_array_elements_text(m.numbers)) AS numbers,
                   coalesce(nullif(m.mesh_message_id, ''), 'import:' || m.checksum) AS key
            FROM jsonb_to_recordset($1::jsonb) AS m(ord integer, origin text, mesh_message_id text,
                                                   workflow_id text, file_name text, checksum text, body text,
                                                   numbers jsonb)),
        first AS (SELECT DISTINCT ON (key) * FROM input ORDER BY key, ord),
        inserted AS (
            INSERT INTO inbound_message (origin, mesh_message_id, workflow_id, file_name, checksum, body, subjects)
            SELECT f.origin, f.mesh_message_id, f.workflow_id, f.file_name, f.checksum, f.body,
                   _subjects_of_numbers(f.numbers)
            FROM first f
            WHERE NOT EXISTS (SELECT 1 FROM inbound_message e WHERE e.mesh_message_id = f.mesh_message_id)
              AND NOT EXISTS (SELECT 1 FROM inbound_message e WHERE f.mesh_message_id IS NULL
                              AND e.origin = 'import' AND e.checksum = f.checksum)
            ORDER BY f.ord
            ON CONFLICT (mesh_message_id) DO NOTHING
            RETURNING id, coalesce(mesh_message_id, 'import:' || checksum) AS key)
        SELECT coalesce(n.id,
                        (SELECT e.id FROM inbound_message e WHERE e.mesh_message_id = i.mesh_message_id),
                        (SELECT min(e.id) FROM inbound_message e WHERE i.mesh_message_id IS NULL
                         AND e.origin = 'import' AND e.checksum = i.checksum), 0) AS id
        FROM input i LEFT JOIN inserted n ON n.key = i.key
        ORDER BY i.ord)"_s,
                     {QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    QList<qint64> ids;
    for (const Row &row : *q)
        ids.append(row.integer("id"));
    return ids;
}

QString InboundProcessor::boundedReason(const QString &reason)
{
    // A message's own values (what a schema error quotes, a long id) are the message's, not
    // the reason's: they may be anything, of any length, and the alert goes to every
    // administrator. The element and the rule broken are enough to find it.
    static const QRegularExpression kQuotedValue(
        u"((?:[Tt]he value|[Vv]alue|: ) ?)'[^']*'(?=[ .,;:]|$)"_s);
    static const QRegularExpression kLongQuote(u"([\"'])([^\"']{40})[^\"']{21,}\\1"_s);
    static const QRegularExpression kControl(u"[\\x00-\\x1f\\x7f-\\x9f]+"_s);
    QString text = reason;
    text.replace(kControl, u" "_s);
    text.replace(kQuotedValue, u"\\1'…'"_s);
    text.replace(kLongQuote, u"\\1\\2…\\1"_s);
    text = text.simplified();
    if (text.isEmpty())
        return u"The message could not be processed (no reason was given)."_s;
    if (text.size() > kMaxReason)
        text = text.first(kMaxReason - 1) + u'…';
    return text;
}

Result<QList<InboundOutcome>> InboundProcessor::processPending()
{
    QList<InboundOutcome> outcomes;
    qint64 after = 0; // so that a message left waiting cannot keep this loop going
    for (;;) {
        auto ids = execute(m_connection, uR"(
            SELECT id FROM inbound_message WHERE status = 'received' AND id > $1 ORDER BY id LIMIT $2)"_s,
                           {after, kBatchSize});
        if (!ids)
            return ids.error();
        QList<qint64> batch;
        for (const Row &row : *ids)
            batch.append(row.integer("id"));
        if (batch.isEmpty())
            return outcomes;
        after = batch.last();
        auto processed = processAll(batch);
        if (!processed && processed.error().code == u"db.unreachable"_s)
            return processed.error();
        if (processed) {
            outcomes.append(*processed);
            continue;
        }
        // Something failed that no check caught: each alone, so that the others go on.
        for (const qint64 id : std::as_const(batch)) {
            auto one = processAll({id});
            if (one) {
                outcomes.append(*one);
            } else if (one.error().code == u"db.unreachable"_s) {
                return one.error();
            } else {
                const QString why = boundedReason(one.error().message);
                m_failures << u"Message %1 could not be processed and stays waiting (Mark "
                              "resolved in the exchange monitor if it never can be): %2"_s.arg(id)
                                  .arg(why);
                // The monitor lists it by this reason, for a person to process it again or mark
                // it resolved, and the administrators hear of it once (a new reason). Best
                // effort: the failure is reported either way.
                (void)execute(m_connection, u"SELECT inbound_left_waiting($1, $2)"_s, {id, why});
            }
        }
    }
}

Result<InboundOutcome> InboundProcessor::process(qint64 messageId)
{
    auto outcomes = processAll({messageId});
    if (!outcomes)
        return outcomes.error();
    if (outcomes->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no inbound message %1."_s.arg(messageId),
                     {},
                     {}};
    return outcomes->first();
}

Result<InboundProcessor::Notification>
InboundProcessor::readNotification(qint64 messageId, const QByteArray &body,
                                   const QHash<QString, hl7::AccessSource> &knownSources)
{
    auto notification = hl7::readAccessNotification(body);
    if (!notification)
        return notification.error();
    if (notification->records.isEmpty())
        return Error{kEmptyNotification,
                     u"Empty notification %1: it names no access to a child's record."_s.arg(
                         notification->notificationId),
                     {},
                     {}};
    // One entry per child whose record was accessed: each becomes its own step.
    Notification read{messageId, {}};
    for (const hl7::RecordAccess &record : std::as_const(notification->records)) {
        if (record.accesses.isEmpty()) // the reader refuses it; never read past the end
            return Error{QString::fromLatin1(hl7::kErrorInvalid),
                         u"Notification %1 names a record with no access."_s.arg(
                             notification->notificationId),
                         {},
                         {}};
        QDateTime earliest = record.accesses.first().accessedAt;
        for (const hl7::AccessRecord &access : record.accesses) {
            if (access.accessedAt > QDateTime::currentDateTimeUtc().addSecs(kClockSkewSecs))
                return Error{QString::fromLatin1(hl7::kErrorInvalid),
                             u"Notification %1 says the record was accessed on %2, which is in "
                             "the future."_s.arg(notification->notificationId,
                                                 dayAndTime(access.accessedAt)),
                             {},
                             {}};
            earliest = std::min(earliest, access.accessedAt);
        }
        const QDateTime accessedAt = record.accesses.first().accessedAt;
        read.entries.append(QJsonObject{
            {u"message"_s, messageId},
            {u"notification"_s, notification->notificationId},
            {u"nhs_number"_s, record.ids.nhsNumber},
            {u"comment"_s, hl7::notificationComment(record, knownSources)},
            {u"source"_s, hl7::noteTemplate(record, knownSources)},
            {u"accessed_at"_s, accessedAt.toUTC().toString(Qt::ISODateWithMs)},
            {u"earliest_access"_s, earliest.toUTC().toString(Qt::ISODateWithMs)},
        });
    }
    return read;
}

Result<QList<InboundOutcome>> InboundProcessor::processAll(const QList<qint64> &messageIds)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    QStringList idList;
    for (const qint64 id : messageIds)
        idList.append(QString::number(id));
    // Locked, so that two exchanges never process one message twice.
    auto rows = execute(m_connection, uR"(
        SELECT id, status, coalesce(outcome, reason, '') AS outcome, body FROM inbound_message
        WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE)"_s,
                        {QString(u'{' + idList.join(u',') + u'}')});
    if (!rows)
        return rows.error();
    struct Waiting
    {
        qint64 id;
        QByteArray body;
    };
    QList<Waiting> waiting;
    QList<InboundOutcome> outcomes;
    for (const Row &row : *rows) {
        const qint64 id = row.integer("id");
        if (row.text("status") == u"received"_s)
            waiting.append(Waiting{id, row.bytes("body")});
        else
            outcomes.append(InboundOutcome{id, row.text("status"), row.text("outcome"), 0});
    }

    // Nearly every message is a notification: each is read as one (reading is most of the
    // client's share of the work, so spread over the cores) and they go to the server
    // together. The rare other kinds are handled one at a time.
    auto known = accessSources();
    if (!known)
        return known.error();
    const QList<Result<Notification>> read = QtConcurrent::blockingMapped(
        waiting,
        [schemas = m_schemas.get(), sources = *known](const Waiting &m) -> Result<Notification> {
            if (schemas != nullptr) {
                if (auto valid = schemas->validate(m.body); !valid)
                    return Error{valid.error().code,
                                 u"Not valid against NHS England's CP-IS schema: %1"_s.arg(
                                     valid.error().message),
                                 {},
                                 {}};
            }
            return readNotification(m.id, m.body, sources);
        });
    QList<Notification> notifications;
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        const Waiting &m = waiting[i];
        if (read[i]) {
            notifications.append(*read[i]);
            continue;
        }
        Result<InboundOutcome> outcome = Error{};
        if (read[i].error().code == QString::fromLatin1(hl7::kErrorKind)) {
            outcome = processIsolated(m.id, [&]() -> Result<InboundOutcome> {
                auto work = handleOther(hl7::detectKind(m.body), m.body);
                if (!work)
                    return work.error();
                return markProcessed(m.id, *work);
            });
        } else {
            const Error &why = read[i].error();
            outcome = markQuarantined(
                m.id, why.code == kEmptyNotification ? why : quarantine(why.message));
        }
        if (!outcome)
            return outcome.error();
        outcomes.append(*outcome);
    }
    auto processed = processNotifications(notifications);
    if (!processed)
        return processed.error();
    outcomes.append(*processed);
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    std::sort(
        outcomes.begin(), outcomes.end(),
        [](const InboundOutcome &a, const InboundOutcome &b) { return a.messageId < b.messageId; });
    return outcomes;
}

Result<QList<InboundOutcome>>
InboundProcessor::callProcessNotifications(const QList<Notification> &notifications)
{
    // No due time given: the database works it out (_due_after), once for the whole batch.
    auto rows = execute(m_connection, uR"(
        SELECT message_id, status, outcome, coalesce(step_id, 0) AS step_id
        FROM process_access_notifications($1::jsonb, NULL))"_s,
                        {batchJson(fieldsOf(notifications))});
    if (!rows)
        return rows.error();
    QList<InboundOutcome> outcomes;
    for (const Row &row : *rows)
        outcomes.append(InboundOutcome{row.integer("message_id"), row.text("status"),
                                       row.text("outcome"), row.integer("step_id")});
    return outcomes;
}

QList<QJsonObject> InboundProcessor::fieldsOf(const QList<Notification> &notifications)
{
    QList<QJsonObject> fields;
    for (const Notification &n : notifications)
        fields.append(n.entries);
    return fields;
}

Result<QHash<QString, hl7::AccessSource>> InboundProcessor::accessSources()
{
    auto setting =
        queryValue(m_connection, u"SELECT coalesce(config_value('cpis.access_sources'), '')"_s, {});
    if (!setting)
        return setting.error();
    return hl7::parseAccessSources(setting->text());
}

Result<QList<InboundOutcome>>
InboundProcessor::quarantineBeforeBirth(QList<Notification> &notifications)
{
    auto rows = execute(m_connection, uR"(
        SELECT message_id, date_of_birth, earliest_access FROM access_notifications_before_birth($1::jsonb))"_s,
                        {batchJson(fieldsOf(notifications))});
    if (!rows)
        return rows.error();
    QList<InboundOutcome> outcomes;
    for (const Row &row : *rows) {
        const qint64 id = row.integer("message_id");
        const auto at = std::find_if(notifications.begin(), notifications.end(),
                                     [id](const Notification &n) { return n.messageId == id; });
        if (at == notifications.end())
            continue;
        const QJsonObject &entry = at->entries.first();
        const QDateTime accessed = row.dateTime("earliest_access");
        auto outcome = markQuarantined(
            id, quarantine(u"Notification %1 says the record was accessed on %2, before the child "
                           "was born (%3)."_s.arg(
                               entry.value(u"notification"_s).toString(), dayAndTime(accessed),
                               row.date("date_of_birth").toString(u"dd/MM/yyyy"_s))));
        if (!outcome)
            return outcome.error();
        outcomes.append(*outcome);
        notifications.erase(at);
    }
    return outcomes;
}

Result<QList<InboundOutcome>>
InboundProcessor::processNotifications(QList<Notification> notifications)
{
    if (notifications.isEmpty())
        return QList<InboundOutcome>();
    auto wrong = quarantineBeforeBirth(notifications);
    if (!wrong)
        return wrong.error();
    if (notifications.isEmpty())
        return *wrong;
    if (auto savepoint = execute(m_connection, u"SAVEPOINT notifications"_s); !savepoint)
        return savepoint.error();
    auto all = callProcessNotifications(notifications);
    if (all)
        return *wrong + *all;
    if (all.error().code == u"db.unreachable"_s)
        return all;
    if (auto undone = execute(m_connection, u"ROLLBACK TO SAVEPOINT notifications"_s); !undone)
        return undone.error();
    // Something no check foresaw failed: each alone, so that only that one is quarantined.
    QList<InboundOutcome> outcomes = *wrong;
    for (const Notification &n : notifications) {
        auto outcome = processIsolated(n.messageId, [&]() -> Result<InboundOutcome> {
            auto one = callProcessNotifications({n});
            if (!one)
                return one.error();
            if (one->isEmpty())
                return Error{u"db.error"_s, u"The database returned no outcome."_s, {}, {}};
            return one->first();
        });
        if (!outcome)
            return outcome.error();
        outcomes.append(*outcome);
    }
    return outcomes;
}

Result<InboundOutcome>
InboundProcessor::processIsolated(qint64 messageId,
                                  const std::function<Result<InboundOutcome>()> &run)
{
    if (auto savepoint = execute(m_connection, u"SAVEPOINT processing"_s); !savepoint)
        return savepoint.error();
    auto outcome = run();
    if (outcome || outcome.error().code == u"db.unreachable"_s)
        return outcome; // unreachable: left as received, the next run processes it
    // Undo whatever was half done, keep the message and say why.
    if (auto undone = execute(m_connection, u"ROLLBACK TO SAVEPOINT processing"_s); !undone)
        return undone.error();
    return markQuarantined(messageId, outcome.error());
}

Result<InboundOutcome> InboundProcessor::markProcessed(qint64 messageId, const Work &work)
{
    auto marked = execute(m_connection, uR"(
        UPDATE inbound_message SET status = 'processed', kind = $1, notification_id = nullif($2, ''), outcome = $3,
                                   processed_at = now()
        WHERE id = $4)"_s,
                          {work.kind, work.notificationId, work.outcome, messageId});
    if (!marked)
        return marked.error();
    return InboundOutcome{messageId, u"processed"_s, work.outcome, work.stepId};
}

Result<InboundOutcome> InboundProcessor::markQuarantined(qint64 messageId, const Error &why)
{
    // A rule broken is said as it is; anything else is a failure no check foresaw, which its
    // own recipients hear of (alert_recipients).
    const bool expected = why.code == kQuarantine || why.code == kEmptyNotification;
    const QString reason =
        boundedReason(expected ? why.message : u"Processing failed: %1"_s.arg(why.message));
    const QString alertType = why.code == kEmptyNotification ? u"CP-IS empty notification"_s
                              : expected                     ? u"CP-IS message quarantined"_s
                                                             : u"CP-IS unexpected failure"_s;
    // Under a savepoint: should the reason itself be refused, the message is still kept out of
    // the way with a plain one, and the batch it is in goes on.
    if (auto savepoint = execute(m_connection, u"SAVEPOINT quarantining"_s); !savepoint)
        return savepoint.error();
    auto marked = execute(m_connection, u"SELECT quarantine_inbound_as($1, $2, $3)"_s,
                          {messageId, reason, alertType});
    if (marked)
        return InboundOutcome{messageId, u"quarantined"_s, reason, 0};
    if (marked.error().code == u"db.unreachable"_s)
        return marked.error();
    if (auto undone = execute(m_connection, u"ROLLBACK TO SAVEPOINT quarantining"_s); !undone)
        return undone.error();
    const QString plain = u"The message could not be processed, and its reason could not be "
                          "recorded either: look at the message itself."_s;
    if (auto again = execute(m_connection, u"SELECT quarantine_inbound_as($1, $2, $3)"_s,
                             {messageId, plain, u"CP-IS unexpected failure"_s});
        !again)
        return again.error();
    return InboundOutcome{messageId, u"quarantined"_s, plain, 0};
}

Result<InboundProcessor::Work> InboundProcessor::handleOther(const Result<hl7::MessageKind> &kind,
                                                             const QByteArray &body)
{
    if (!kind)
        return quarantine(kind.error().message);
    if (*kind == hl7::MessageKind::Acknowledgement)
        return handleAcknowledgement(body);
    if (*kind == hl7::MessageKind::InactiveNhsNumber)
        return handleInactive(body);
    return quarantine(
        u"This is a Local Authority Upload: CP-IS receives those, it does not send them."_s);
}

Result<std::optional<InboundProcessor::Work>>
InboundProcessor::duplicate(const QString &kind, const QString &id, const QString &what)
{
    auto found = queryValue(m_connection, uR"(
        SELECT id FROM inbound_message WHERE kind = $1 AND notification_id = $2 AND status = 'processed')"_s,
                            {kind, id});
    if (!found)
        return found.error();
    if (found->isNull())
        return std::optional<Work>();
    return std::optional(
        Work{kind, {}, u"%1 %2 was already processed: nothing done."_s.arg(what, id), 0});
}

Result<InboundProcessor::Work> InboundProcessor::handleInactive(const QByteArray &body)
{
    auto notification = hl7::readInactiveNhsNumber(body);
    if (!notification)
        return quarantine(notification.error().message);
    const QString kind = kindName(hl7::MessageKind::InactiveNhsNumber);
    auto seen = duplicate(kind, notification->notificationId, u"Notification"_s);
    if (!seen)
        return seen.error();
    if (*seen)
        return **seen;
    QStringList texts;
    for (const hl7::InactivePatient &patient : std::as_const(notification->patients)) {
        auto text = recordInactive(patient);
        if (!text)
            return text.error();
        texts << *text;
    }
    return Work{kind, notification->notificationId, texts.join(u' '), 0};
}

Result<QString> InboundProcessor::recordInactive(const hl7::InactivePatient &patient)
{
    const QString number = patient.ids.nhsNumber;
    auto person = execute(m_connection, uR"(
        SELECT id, legal_forenames || ' ' || legal_surname AS name FROM person WHERE nhs_number = $1 AND nhs_number_status = 'recorded')"_s,
                          {number});
    if (!person)
        return person.error();
    if (person->isEmpty())
        return quarantine(
            u"No child has the NHS number %1 that CP-IS reports inactive."_s.arg(number));
    const qint64 personId = (*person)[0].integer("id");
    const QString name = u"%1 (%2)"_s.arg((*person)[0].text("name")).arg(personId);
    // PDS may name more than one new number; the first is recorded, the others mentioned.
    const QString replacement = patient.replacements.value(0);
    auto recorded =
        execute(m_connection, u"SELECT record_nhs_number_inactive($1, nullif($2, ''))"_s,
                {personId, replacement});
    if (!recorded) {
        if (recorded.error().code == QString::fromLatin1(errc::kInvalid))
            return quarantine(recorded.error().message);
        return recorded.error();
    }
    QString text =
        replacement.isEmpty()
            ? u"CP-IS reports that the NHS number %1 of %2 is no longer active. Uploads for the "
              u"child have stopped until a new NHS number is recorded."_s.arg(number, name)
            : u"CP-IS reports that the NHS number %1 of %2 is no longer active; the replacement %3 "
              u"has been recorded and uploads resume."_s.arg(number, name, replacement);
    if (patient.replacements.size() > 1)
        text += u" CP-IS also named %1: check which is the child's."_s.arg(
            patient.replacements.mid(1).join(u", "_s));
    if (auto raised = alert(u"CP-IS NHS number inactive"_s, personId, text); !raised)
        return raised.error();
    return text;
}

Status InboundProcessor::alert(const QString &type, qint64 personId, const QString &text)
{
    // Who receives it is configured per alert type (raise_cpis_alert, the one rule).
    auto raised = queryValue(m_connection, u"SELECT raise_cpis_alert($1, $2, $3)"_s,
                             {type, nullIfZero(personId), text});
    if (!raised)
        return raised.error();
    return success();
}

Result<InboundProcessor::Work> InboundProcessor::handleAcknowledgement(const QByteArray &body)
{
    auto ack = hl7::readAcknowledgement(body);
    if (!ack)
        return quarantine(ack.error().message);
    // An acknowledgement has no id of its own: its upload and its creation time name it.
    const QString ackId =
        u"%1@%2"_s.arg(ack->sequenceNumber).arg(ack->createdAt.toUTC().toString(Qt::ISODate));
    const QString kind = kindName(hl7::MessageKind::Acknowledgement);
    auto seen = duplicate(kind, ackId, u"Acknowledgement"_s);
    if (!seen)
        return seen.error();
    if (*seen)
        return **seen;
    const QString code = ack->fileCode();
    const QString fileText = hl7::fileOutcomeText(code);
    if (ack->sequenceNumber < 0) {
        if (auto alerted =
                alert(u"CP-IS upload failed"_s, 0,
                      u"%1 (%2; CP-IS could not read the sequence number.)"_s.arg(fileText, code));
            !alerted)
            return alerted.error();
        return Work{kind, ackId, u"%1 (%2) for an unreadable upload."_s.arg(fileText, code), 0};
    }
    auto file = execute(m_connection,
                        u"SELECT id, body FROM upload_file WHERE sequence_number = $1 FOR UPDATE"_s,
                        {ack->sequenceNumber});
    if (!file)
        return file.error();
    if (file->isEmpty())
        return quarantine(
            u"Acknowledgement for upload sequence number %1, which was never sent."_s.arg(
                ack->sequenceNumber));
    const qint64 fileId = (*file)[0].integer("id");
    const Outcome outcome = fileOutcome(code);
    if (auto marked = execute(m_connection, uR"(
            UPDATE upload_file SET status = $1, file_code = $2, detail = $3 WHERE id = $4)"_s,
                              {outcome.status, code, fileText, fileId});
        !marked)
        return marked.error();
    const QString summary = u"Upload %1: %2"_s.arg(ack->sequenceNumber).arg(fileText);
    if (outcome.requeue) {
        // Every child in the file goes out again with the next upload (after CPF06, once the
        // program is upgraded: the exchange sends nothing until then).
        const QString reason = code == u"CPF06"_s ? hl7::upgradeNeededText() : fileText;
        if (code == u"CPF06"_s) {
            if (auto refused = execute(m_connection, uR"(
                    INSERT INTO cpis_refused_version (version, sequence_number) VALUES ($1, $2)
                    ON CONFLICT (version) DO NOTHING)"_s,
                                       {QStringLiteral(CPIS_VERSION), ack->sequenceNumber});
                !refused)
                return refused.error();
        }
        if (auto requeued = requeueFile(fileId, reason); !requeued)
            return requeued.error();
        if (outcome.alert) {
            if (auto alerted = alert(u"CP-IS upload failed"_s, 0,
                                     u"%1 (%2) %3"_s.arg(summary, code).arg(reason));
                !alerted)
                return alerted.error();
        }
        return Work{kind, ackId, summary, 0};
    }
    // CPF02, CPF03, CPF04: each record's outcome, matched to whom it is about.
    std::optional<hl7::Upload> sent;
    if (auto read = hl7::readUpload((*file)[0].bytes("body")))
        sent = *read; // an upload of an older format is matched by NHS number alone
    const bool noneUploaded = code == u"CPF04"_s;
    int rejected = 0;
    QList<hl7::MatchedOutcome> matched = hl7::matchOutcomes(*ack, sent);
    // Failures first: a child with one failed record of several is not shared.
    std::stable_partition(matched.begin(), matched.end(), [](const hl7::MatchedOutcome &m) {
        return !hl7::isRecordSuccess(m.outcome.code);
    });
    for (const hl7::MatchedOutcome &m : std::as_const(matched)) {
        auto recorded = recordOutcome(fileId, *ack, m, noneUploaded);
        if (!recorded)
            return recorded.error();
        rejected += *recorded ? 1 : 0;
    }
    // The records no outcome names: uploaded, unless CP-IS says no record was.
    auto rest = execute(m_connection, uR"(
        WITH rest AS (UPDATE upload_record SET outcome_code = CASE WHEN $1 THEN NULL ELSE 'CPR06' END, outcome = $2
                      WHERE file_id = $3 AND outcome_code IS NULL AND outcome IS NULL RETURNING person_id)
        UPDATE person_cpis_status SET status = CASE WHEN $4 THEN 'rejected' ELSE 'shared' END,
                                      reason = CASE WHEN $5 THEN $6 END, updated_at = now()
        WHERE person_id IN (SELECT person_id FROM rest) AND status = 'sent')"_s,
                        {noneUploaded, noneUploaded ? fileText : hl7::recordOutcomeText(u"CPR06"_s),
                         fileId, noneUploaded, noneUploaded, fileText});
    if (!rest)
        return rest.error();
    if (noneUploaded) {
        if (auto alerted =
                alert(u"CP-IS upload failed"_s, 0,
                      u"%1 (CPF04). No child in it is shown to health staff until it is fixed and "
                      u"sent again."_s.arg(summary));
            !alerted)
            return alerted.error();
    }
    return Work{kind, ackId, u"%1 %2 record(s) rejected."_s.arg(summary).arg(rejected), 0};
}

InboundProcessor::Outcome InboundProcessor::fileOutcome(const QString &code)
{
    if (code == u"CPF05"_s) // PDS was unavailable: the file goes again at the next exchange
        return {u"resend"_s, true, false};
    if (code == u"CPF01"_s || code == u"CPF06"_s)
        return {u"failed"_s, true, true};
    return {u"acknowledged"_s, false, false};
}

Status InboundProcessor::requeueFile(qint64 fileId, const QString &reason)
{
    auto requeued = execute(m_connection, uR"(
        WITH people AS (SELECT DISTINCT person_id FROM upload_record WHERE file_id = $1),
             queued AS (INSERT INTO upload_pending (person_id) SELECT person_id FROM people ON CONFLICT DO NOTHING)
        UPDATE person_cpis_status SET status = 'awaiting_upload', reason = $2, updated_at = now()
        WHERE person_id IN (SELECT person_id FROM people))"_s,
                            {fileId, reason});
    if (!requeued)
        return requeued.error();
    return success();
}

Result<qint64> InboundProcessor::personOfOutcome(qint64 fileId, const hl7::MatchedOutcome &m)
{
    // By NHS number, and by the local id when two people of the file share the number (a
    // mother on a plan of her own and her unborn child's plan under her number). A record about
    // a mother may be the unborn child plan of a child born since (UploadBuilder): it went under
    // her number, the child's upload record holds theirs.
    auto people = execute(m_connection, uR"(
        WITH candidate AS (
            SELECT DISTINCT r.person_id, p.mother_id FROM upload_record r JOIN person p ON p.id = r.person_id
            LEFT JOIN person m ON m.id = p.mother_id AND $4
            WHERE r.file_id = $1 AND ($2 = '' OR r.nhs_number = $2 OR m.nhs_number = $2)),
        by_local_id AS (
            SELECT person_id FROM candidate
            WHERE $3 <> '' AND CASE WHEN $4 THEN mother_id::text = $3 ELSE person_id::text = $3 END)
        SELECT person_id FROM by_local_id
        UNION ALL
        SELECT person_id FROM candidate
        WHERE $2 <> '' AND NOT EXISTS (SELECT 1 FROM by_local_id) AND (SELECT count(*) FROM candidate) = 1)"_s,
                          {fileId, m.ids.nhsNumber, m.ids.localPersonId, m.unborn});
    if (!people)
        return people.error();
    if (!m.found || people->size() != 1)
        return qint64(0);
    return (*people)[0].integer("person_id");
}

Result<bool> InboundProcessor::recordOutcome(qint64 fileId, const hl7::Acknowledgement &ack,
                                             const hl7::MatchedOutcome &m, bool noneUploaded)
{
    auto person = personOfOutcome(fileId, m);
    if (!person)
        return person.error();
    if (*person == 0)
        return Error{kQuarantine,
                     u"Acknowledgement for upload %1 has an outcome (%2 at \"%3\") for a record "
                     u"that upload did not carry%4."_s.arg(ack.sequenceNumber)
                         .arg(m.outcome.code, m.outcome.location,
                              m.ids.nhsNumber.isEmpty()
                                  ? QString()
                                  : u" (NHS number %1)"_s.arg(m.ids.nhsNumber)),
                     {},
                     {}};
    const bool success = hl7::isRecordSuccess(m.outcome.code);
    const bool ok = success && !noneUploaded;
    const QString words = success && noneUploaded ? hl7::fileOutcomeText(u"CPF04"_s)
                                                  : hl7::recordOutcomeText(m.outcome);
    auto stored = execute(m_connection, uR"(
        UPDATE upload_record SET outcome_code = $1, outcome = $2, location = nullif($3, '')
        WHERE file_id = $4 AND person_id = $5 AND (outcome_code IS NULL OR outcome_code = 'CPR06'))"_s,
                          {m.outcome.code, words, m.outcome.location, fileId, *person});
    if (!stored)
        return stored.error();
    auto status = execute(m_connection, uR"(
        UPDATE person_cpis_status SET status = $1, reason = $2, updated_at = now() WHERE person_id = $3 AND status = 'sent')"_s,
                          {ok ? u"shared"_s : u"rejected"_s, ok ? QString() : words, *person});
    if (!status)
        return status.error();
    if (ok)
        return false;
    const QString text =
        u"CP-IS rejected the upload of NHS number %1: %2 Until this is fixed, health staff "
        u"are not shown that the child is on a plan."_s.arg(m.ids.nhsNumber, words);
    if (auto raised = alert(u"CP-IS upload rejected"_s, *person, text); !raised)
        return raised.error();
    return true;
}

Result<InboundOutcome> InboundProcessor::processReport(qint64 messageId,
                                                       const QString &linkedMessageId,
                                                       const QString &statusCode,
                                                       const QString &description)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    auto file = queryValue(m_connection, uR"(
        UPDATE upload_file SET status = 'failed', detail = $1 WHERE mesh_message_id = $2 RETURNING sequence_number)"_s,
                           {u"MESH report %1: %2"_s.arg(statusCode, description), linkedMessageId});
    if (!file)
        return file.error();
    const QString text =
        file->isNull()
            ? u"MESH reported error %1 (%2) for message %3, which is not an upload we sent."_s.arg(
                  statusCode, description, linkedMessageId)
            : u"MESH could not deliver upload %1: error %2 (%3)."_s.arg(file->integer())
                  .arg(statusCode, description);
    if (!file->isNull()) {
        // Its children go out again with the next upload once the cause is fixed.
        auto requeued = execute(m_connection, uR"(
            INSERT INTO upload_pending (person_id)
            SELECT DISTINCT r.person_id FROM upload_record r JOIN upload_file f ON f.id = r.file_id
            WHERE f.mesh_message_id = $1 ON CONFLICT DO NOTHING)"_s,
                                {linkedMessageId});
        if (!requeued)
            return requeued.error();
    }
    if (auto alerted = alert(u"CP-IS upload failed"_s, 0, text); !alerted)
        return alerted.error();
    auto marked = execute(m_connection, uR"(
        UPDATE inbound_message SET status = 'processed', kind = 'mesh_report', outcome = $1, processed_at = now()
        WHERE id = $2)"_s,
                          {text, messageId});
    if (!marked)
        return marked.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return InboundOutcome{messageId, u"processed"_s, text, 0};
}

} // namespace cpis
