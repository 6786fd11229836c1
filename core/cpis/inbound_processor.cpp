#include "cpis/inbound_processor.h"

#include "cpis/ack_codes.h"
#include "cpis/message_codec.h"
#include "cpis/notification_text.h"
#include "workflow/service_call.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kQuarantine = u"quarantine"_s; // an Error code: keep the message, say why

Error quarantine(const QString &reason)
{
    return Error{kQuarantine, reason, {}, {}};
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
} // namespace

Result<qint64> InboundProcessor::store(const Received &message)
{
    const QString checksum = QString::fromLatin1(
        QCryptographicHash::hash(message.body, QCryptographicHash::Sha256).toHex());
    // A MESH message is known by its id; an imported file by its bytes.
    auto existing =
        message.meshMessageId.isEmpty()
            ? callScalar(
                  m_connection,
                  u"SELECT id FROM inbound_message WHERE origin = 'import' AND checksum = ? LIMIT 1"_s,
                  {checksum})
            : callScalar(m_connection,
                         u"SELECT id FROM inbound_message WHERE mesh_message_id = ?"_s,
                         {message.meshMessageId});
    if (!existing)
        return existing.error();
    if (!existing->isNull())
        return existing->toLongLong();
    auto id = callScalar(m_connection, uR"(
        INSERT INTO inbound_message (origin, mesh_message_id, workflow_id, file_name, checksum, body)
        VALUES (?, nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, coalesce(?, ''::bytea))
        ON CONFLICT (mesh_message_id) DO UPDATE SET mesh_message_id = EXCLUDED.mesh_message_id
        RETURNING id)"_s,
                         {message.origin, message.meshMessageId, message.workflowId,
                          message.fileName, checksum, message.body});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<QList<InboundOutcome>> InboundProcessor::processPending()
{
    auto ids = callService(
        m_connection, u"SELECT id FROM inbound_message WHERE status = 'received' ORDER BY id"_s);
    if (!ids)
        return ids.error();
    QList<qint64> pending;
    while (ids->next())
        pending.append(ids->value(0).toLongLong());
    QList<InboundOutcome> outcomes;
    for (const qint64 id : std::as_const(pending)) {
        auto outcome = process(id);
        if (!outcome)
            return outcome.error();
        outcomes.append(*outcome);
    }
    return outcomes;
}

Result<InboundOutcome> InboundProcessor::process(qint64 messageId)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    // Locked, so that two exchanges never process one message twice.
    auto row = callService(
        m_connection,
        u"SELECT status, coalesce(outcome, reason, ''), body FROM inbound_message WHERE id = ? FOR UPDATE"_s,
        {messageId});
    if (!row)
        return row.error();
    if (!row->next())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no inbound message %1."_s.arg(messageId),
                     {},
                     {}};
    if (row->value(0).toString() != u"received"_s)
        return InboundOutcome{messageId, row->value(0).toString(), row->value(1).toString(), 0};
    const QByteArray body = row->value(2).toByteArray();

    if (auto savepoint = m_connection.exec(u"SAVEPOINT processing"_s); !savepoint)
        return savepoint.error();
    Result<Work> work = handle(body);
    if (!work) {
        if (work.error().code == u"db.unreachable"_s)
            return work.error(); // left as received: the next run processes it
        // Undo whatever was half done, keep the message and say why.
        if (auto undone = m_connection.exec(u"ROLLBACK TO SAVEPOINT processing"_s); !undone)
            return undone.error();
    }
    auto outcome = finish(messageId, work);
    if (!outcome)
        return outcome.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return outcome;
}

Result<InboundOutcome> InboundProcessor::finish(qint64 messageId, const Result<Work> &work)
{
    if (work) {
        auto marked = callService(m_connection, uR"(
            UPDATE inbound_message SET status = 'processed', kind = ?, notification_id = nullif(?, ''), outcome = ?,
                                       processed_at = now()
            WHERE id = ?)"_s,
                                  {work->kind, work->notificationId, work->outcome, messageId});
        if (!marked)
            return marked.error();
        return InboundOutcome{messageId, u"processed"_s, work->outcome, work->stepId};
    }
    const QString reason = work.error().code == kQuarantine
                               ? work.error().message
                               : u"Processing failed: %1"_s.arg(work.error().message);
    auto marked = callService(
        m_connection,
        u"UPDATE inbound_message SET status = 'quarantined', reason = ?, processed_at = now() WHERE id = ?"_s,
        {reason, messageId});
    if (!marked)
        return marked.error();
    if (auto alerted = alertAdministrators(
            u"CP-IS message quarantined"_s, 0,
            u"Inbound CP-IS message %1 was not processed: %2"_s.arg(messageId).arg(reason));
        !alerted)
        return alerted.error();
    return InboundOutcome{messageId, u"quarantined"_s, reason, 0};
}

Result<InboundProcessor::Work> InboundProcessor::handle(const QByteArray &body)
{
    auto kind = hl7::detectKind(body);
    if (!kind)
        return quarantine(kind.error().message);
    switch (*kind) {
    case hl7::MessageKind::AccessNotification:
        return handleAccessNotification(body);
    case hl7::MessageKind::Acknowledgement:
        return handleAcknowledgement(body);
    case hl7::MessageKind::InactiveNhsNumber:
        return handleInactive(body);
    case hl7::MessageKind::Upload:
        break;
    }
    return quarantine(
        u"This is a Local Authority Upload: CP-IS receives those, it does not send them."_s);
}

Result<std::optional<InboundProcessor::Work>>
InboundProcessor::duplicate(const QString &kind, const QString &id, const QString &what)
{
    auto found = callScalar(m_connection, uR"(
        SELECT id FROM inbound_message WHERE kind = ? AND notification_id = ? AND status = 'processed')"_s,
                            {kind, id});
    if (!found)
        return found.error();
    if (found->isNull())
        return std::optional<Work>();
    return std::optional(
        Work{kind, {}, u"%1 %2 was already processed: nothing done."_s.arg(what, id), 0});
}

Result<qint64> InboundProcessor::findSubject(const QString &nhsNumber, QString &subjectName)
{
    // For an unborn child's plan the number is the mother's: the subject is her unborn child.
    auto q = callService(m_connection, uR"(
        SELECT coalesce(unborn.id, p.id),
               coalesce(unborn.legal_forenames || ' ' || unborn.legal_surname, p.legal_forenames || ' ' || p.legal_surname)
        FROM person p
        LEFT JOIN LATERAL (
            SELECT c.* FROM person c JOIN plan pl ON pl.person_id = c.id AND pl.kind = 'UCPP'
                                                  AND (pl.end_date IS NULL OR pl.end_date >= current_date)
            WHERE c.mother_id = p.id AND c.date_of_birth IS NULL
            ORDER BY c.expected_delivery LIMIT 1) unborn ON true
        WHERE p.nhs_number = ? AND p.nhs_number_status = 'recorded')"_s,
                         {nhsNumber});
    if (!q)
        return q.error();
    if (!q->next())
        return quarantine(u"No child has the NHS number %1."_s.arg(nhsNumber));
    subjectName = u"%1 (%2)"_s.arg(q->value(1).toString()).arg(q->value(0).toLongLong());
    return q->value(0).toLongLong();
}

Result<InboundProcessor::Work> InboundProcessor::handleAccessNotification(const QByteArray &body)
{
    auto notification = hl7::readAccessNotification(body);
    if (!notification)
        return quarantine(notification.error().message);
    const QString kind = kindName(hl7::MessageKind::AccessNotification);
    auto seen = duplicate(kind, notification->notificationId, u"Notification"_s);
    if (!seen)
        return seen.error();
    if (*seen)
        return **seen;
    if (notification->accesses.isEmpty())
        return quarantine(u"Empty notification %1: it names no access to the child's record."_s.arg(
            notification->notificationId));

    QString subjectName;
    auto subject = findSubject(notification->nhsNumber, subjectName);
    if (!subject)
        return subject.error();
    const QString comment = hl7::notificationComment(*notification);
    const QString source = hl7::notificationSource(*notification);
    auto config = ConfigStore(m_connection).exchangeConfig();
    if (!config)
        return config.error();

    if (config->handlingMode == u"case_note_and_alert"_s) {
        auto note = callScalar(m_connection, u"SELECT record_cpis_case_note(?, ?, ?)"_s,
                               {*subject, comment, notification->accesses.first().accessedAt});
        if (!note)
            return note.error();
        // To the configured worker or team; without one, the child's key worker.
        auto alert = callScalar(m_connection, uR"(
            WITH target AS (SELECT (SELECT id FROM worker WHERE ? <> '' AND (lower(name) = lower(?) OR login = ?)
                                    ORDER BY is_virtual LIMIT 1) AS worker,
                                   (SELECT id FROM team WHERE ? <> '' AND lower(name) = lower(?)) AS team)
            SELECT raise_alert('CP-IS notification', ?,
                               CASE WHEN team IS NULL OR worker IS NOT NULL
                                    THEN coalesce(worker, current_key_worker(?),
                                                  (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker')) END,
                               CASE WHEN worker IS NULL THEN team END, NULL, ?)
            FROM target)"_s,
                                {config->handlingTarget, config->handlingTarget,
                                 config->handlingTarget, config->handlingTarget,
                                 config->handlingTarget, *subject, *subject, comment});
        if (!alert)
            return alert.error();
        return Work{kind, notification->notificationId,
                    u"CP-IS Follow Up case note and alert for %1."_s.arg(subjectName), 0};
    }
    // Due after the handling time, counted in office hours.
    auto hours = ConfigStore(m_connection).officeHours();
    if (!hours)
        return hours.error();
    const QDateTime due = hours->dueAfter(QDateTime::currentDateTime());
    auto step = callScalar(m_connection, u"SELECT create_follow_up_step(?, ?, ?, NULL, ?)"_s,
                           {*subject, comment, source, due});
    if (!step)
        return step.error();
    return Work{kind, notification->notificationId,
                u"CPIS Follow Up step %1 for %2 (%3)."_s.arg(step->toLongLong())
                    .arg(subjectName, source == u"dhu_111"_s ? u"DHU/111"_s : u"A&E"_s),
                step->toLongLong()};
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
    auto person = callService(m_connection, uR"(
        SELECT id, legal_forenames || ' ' || legal_surname FROM person WHERE nhs_number = ? AND nhs_number_status = 'recorded')"_s,
                              {notification->nhsNumber});
    if (!person)
        return person.error();
    if (!person->next())
        return quarantine(u"No child has the NHS number %1 that CP-IS reports inactive."_s.arg(
            notification->nhsNumber));
    const qint64 personId = person->value(0).toLongLong();
    const QString name = u"%1 (%2)"_s.arg(person->value(1).toString()).arg(personId);
    const QString replacement = notification->replacementNhsNumber;
    auto recorded =
        callService(m_connection, u"SELECT record_nhs_number_inactive(?, nullif(?, ''))"_s,
                    {personId, replacement});
    if (!recorded) {
        if (recorded.error().code == QString::fromLatin1(errc::kInvalid))
            return quarantine(recorded.error().message);
        return recorded.error();
    }
    const QString text =
        replacement.isEmpty()
            ? u"CP-IS reports that the NHS number %1 of %2 is no longer active. Uploads for the "
              u"child "
              u"have stopped until a new NHS number is recorded."_s.arg(notification->nhsNumber,
                                                                        name)
            : u"CP-IS reports that the NHS number %1 of %2 is no longer active; the replacement %3 "
              u"has been recorded and uploads resume."_s.arg(notification->nhsNumber, name,
                                                             replacement);
    for (auto alert : {&InboundProcessor::alertKeyWorker, &InboundProcessor::alertAdministrators}) {
        if (auto raised = (this->*alert)(u"CP-IS NHS number inactive"_s, personId, text); !raised)
            return raised.error();
    }
    return Work{kind, notification->notificationId, text, 0};
}

Status InboundProcessor::alertAdministrators(const QString &type, qint64 personId,
                                             const QString &text)
{
    auto raised =
        callScalar(m_connection, u"SELECT raise_alert(?, ?, NULL, NULL, 'cpis_sysadmin', ?)"_s,
                   {type, nullIfZero(personId), text});
    if (!raised)
        return raised.error();
    return success();
}

Status InboundProcessor::alertKeyWorker(const QString &type, qint64 personId, const QString &text)
{
    // Without a current key worker the administrators' alert is the one that counts.
    auto raised = callService(m_connection, uR"(
        SELECT raise_alert(?, ?, current_key_worker(?), NULL, NULL, ?) WHERE current_key_worker(?) IS NOT NULL)"_s,
                              {type, personId, personId, text, personId});
    if (!raised)
        return raised.error();
    return success();
}

Result<InboundProcessor::Work> InboundProcessor::handleAcknowledgement(const QByteArray &body)
{
    auto ack = hl7::readAcknowledgement(body);
    if (!ack)
        return quarantine(ack.error().message);
    const QString kind = kindName(hl7::MessageKind::Acknowledgement);
    auto seen = duplicate(kind, ack->messageId, u"Acknowledgement"_s);
    if (!seen)
        return seen.error();
    if (*seen)
        return **seen;
    const QString fileText = hl7::fileOutcomeText(ack->fileCode);
    if (ack->sequenceNumber < 0) {
        if (auto alerted =
                alertAdministrators(u"CP-IS upload failed"_s, 0,
                                    u"%1 (%2; CP-IS could not read the sequence number.)"_s.arg(
                                        fileText, ack->fileCode));
            !alerted)
            return alerted.error();
        return Work{kind, ack->messageId,
                    u"%1 (%2) for an unreadable upload."_s.arg(fileText, ack->fileCode), 0};
    }
    auto file = callScalar(m_connection,
                           u"SELECT id FROM upload_file WHERE sequence_number = ? FOR UPDATE"_s,
                           {ack->sequenceNumber});
    if (!file)
        return file.error();
    if (file->isNull())
        return quarantine(
            u"Acknowledgement for upload sequence number %1, which was never sent."_s.arg(
                ack->sequenceNumber));
    const qint64 fileId = file->toLongLong();

    const bool resend = ack->fileCode == u"CPF05"_s;
    const bool fileFailed = ack->fileCode == u"CPF01"_s || ack->fileCode == u"CPF06"_s;
    auto updated =
        callService(m_connection,
                    u"UPDATE upload_file SET status = ?, file_code = ?, detail = ? WHERE id = ?"_s,
                    {resend       ? u"resend"_s
                     : fileFailed ? u"failed"_s
                                  : u"acknowledged"_s,
                     ack->fileCode, fileText, fileId});
    if (!updated)
        return updated.error();

    if (resend || fileFailed) {
        // Every child in the file goes out again with the next upload.
        auto requeued = callService(m_connection, uR"(
            WITH people AS (SELECT DISTINCT person_id FROM upload_record WHERE file_id = ?),
                 queued AS (INSERT INTO upload_pending (person_id) SELECT person_id FROM people ON CONFLICT DO NOTHING)
            UPDATE person_cpis_status SET status = 'awaiting_upload', reason = ?, updated_at = now()
            WHERE person_id IN (SELECT person_id FROM people))"_s,
                                    {fileId, fileText});
        if (!requeued)
            return requeued.error();
        if (fileFailed) {
            if (auto alerted = alertAdministrators(
                    u"CP-IS upload failed"_s, 0,
                    u"Upload %1: %2 (%3)"_s.arg(ack->sequenceNumber).arg(fileText, ack->fileCode));
                !alerted)
                return alerted.error();
        }
        return Work{kind, ack->messageId, u"Upload %1: %2"_s.arg(ack->sequenceNumber).arg(fileText),
                    0};
    }

    // Records named in the acknowledgement get their code; the rest of the file was accepted.
    int rejected = 0;
    for (const hl7::AcknowledgementRecord &r : std::as_const(ack->records)) {
        const bool ok = hl7::isRecordSuccess(r.code);
        const QString words = hl7::recordOutcomeText(r.code, r.detailCode);
        auto rec = callService(m_connection, uR"(
            UPDATE upload_record SET outcome_code = ?, outcome = ? WHERE file_id = ? AND nhs_number = ?
            RETURNING person_id)"_s,
                               {r.code, words, fileId, r.nhsNumber});
        if (!rec)
            return rec.error();
        if (!rec->next())
            return quarantine(
                u"Acknowledgement for upload %1 names NHS number %2, which that upload did not carry."_s
                    .arg(ack->sequenceNumber)
                    .arg(r.nhsNumber));
        const qint64 personId = rec->value(0).toLongLong();
        auto status =
            callService(m_connection, uR"(
            UPDATE person_cpis_status SET status = ?, reason = ?, updated_at = now() WHERE person_id = ? AND status = 'sent')"_s,
                        {ok ? u"shared"_s : u"rejected"_s, ok ? QString() : words, personId});
        if (!status)
            return status.error();
        if (!ok) {
            ++rejected;
            const QString text =
                u"CP-IS rejected the upload of NHS number %1: %2 Until this is fixed, health staff "
                u"are not shown that the child is on a plan."_s.arg(r.nhsNumber, words);
            for (auto alert :
                 {&InboundProcessor::alertKeyWorker, &InboundProcessor::alertAdministrators}) {
                if (auto raised = (this->*alert)(u"CP-IS upload rejected"_s, personId, text);
                    !raised)
                    return raised.error();
            }
        }
    }
    auto accepted = callService(m_connection, uR"(
        WITH ok AS (UPDATE upload_record SET outcome_code = 'CPR06', outcome = ? WHERE file_id = ? AND outcome_code IS NULL
                    RETURNING person_id)
        UPDATE person_cpis_status SET status = 'shared', reason = NULL, updated_at = now()
        WHERE person_id IN (SELECT person_id FROM ok) AND status = 'sent')"_s,
                                {hl7::recordOutcomeText(u"CPR06"_s), fileId});
    if (!accepted)
        return accepted.error();
    if (ack->fileCode == u"CPF04"_s) {
        if (auto alerted = alertAdministrators(
                u"CP-IS upload failed"_s, 0,
                u"Upload %1: %2 (CPF04)"_s.arg(ack->sequenceNumber).arg(fileText));
            !alerted)
            return alerted.error();
    }
    return Work{kind, ack->messageId,
                u"Upload %1: %2 %3 record(s) rejected."_s.arg(ack->sequenceNumber)
                    .arg(fileText)
                    .arg(rejected),
                0};
}

Result<InboundOutcome> InboundProcessor::processReport(qint64 messageId,
                                                       const QString &linkedMessageId,
                                                       const QString &statusCode,
                                                       const QString &description)
{
    Transaction tx(m_connection);
    if (!tx.started())
        return tx.beginError();
    auto file = callScalar(m_connection, uR"(
        UPDATE upload_file SET status = 'failed', detail = ? WHERE mesh_message_id = ? RETURNING sequence_number)"_s,
                           {u"MESH report %1: %2"_s.arg(statusCode, description), linkedMessageId});
    if (!file)
        return file.error();
    const QString text =
        file->isNull()
            ? u"MESH reported error %1 (%2) for message %3, which is not an upload we sent."_s.arg(
                  statusCode, description, linkedMessageId)
            : u"MESH could not deliver upload %1: error %2 (%3)."_s.arg(file->toLongLong())
                  .arg(statusCode, description);
    if (!file->isNull()) {
        // Its children go out again with the next upload once the cause is fixed.
        auto requeued = callService(m_connection, uR"(
            INSERT INTO upload_pending (person_id)
            SELECT DISTINCT r.person_id FROM upload_record r JOIN upload_file f ON f.id = r.file_id
            WHERE f.mesh_message_id = ? ON CONFLICT DO NOTHING)"_s,
                                    {linkedMessageId});
        if (!requeued)
            return requeued.error();
    }
    if (auto alerted = alertAdministrators(u"CP-IS upload failed"_s, 0, text); !alerted)
        return alerted.error();
    auto marked = callService(m_connection, uR"(
        UPDATE inbound_message SET status = 'processed', kind = 'mesh_report', outcome = ?, processed_at = now()
        WHERE id = ?)"_s,
                              {text, messageId});
    if (!marked)
        return marked.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return InboundOutcome{messageId, u"processed"_s, text, 0};
}

} // namespace cpis
