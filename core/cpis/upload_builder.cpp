#include "cpis/upload_builder.h"

#include "cpis/message_codec.h"
#include "db/service_call.h"
#include "domain/nhs_number.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
hl7::PlanInformation planInformation(const QString &kind)
{
    if (kind == u"CPP"_s)
        return hl7::PlanInformation::ChildProtection;
    if (kind == u"UCPP"_s)
        return hl7::PlanInformation::UnbornChildProtection;
    return hl7::PlanInformation::LookedAfter; // s31, s38, s20
}

// Each waiting child with what an upload needs; for an unborn child, the mother's details
// (nothing about the unborn child is sent).
const QString kWaiting = uR"(
    SELECT p.id, p.legal_forenames || ' ' || p.legal_surname, p.date_of_birth IS NULL AS unborn, p.expected_delivery,
           CASE WHEN p.date_of_birth IS NULL THEN m.nhs_number ELSE p.nhs_number END,
           CASE WHEN p.date_of_birth IS NULL THEN m.nhs_number_status ELSE p.nhs_number_status END,
           CASE WHEN p.date_of_birth IS NULL THEN m.id ELSE p.id END,
           CASE WHEN p.date_of_birth IS NULL THEN m.legal_forenames ELSE p.legal_forenames END,
           CASE WHEN p.date_of_birth IS NULL THEN m.legal_surname ELSE p.legal_surname END,
           CASE WHEN p.date_of_birth IS NULL THEN m.date_of_birth ELSE p.date_of_birth END,
           pl.kind, pl.start_date, pl.end_date
    FROM upload_pending q
    JOIN person p ON p.id = q.person_id
    LEFT JOIN person m ON m.id = p.mother_id
    LEFT JOIN plan pl ON pl.person_id = p.id AND pl.kind = ANY (?::text[])
    ORDER BY p.id, pl.start_date
    FOR UPDATE OF q)"_s;
} // namespace

Status UploadBuilder::block(const BlockedChild &child)
{
    // Alert only when the child newly becomes blocked, not at every exchange.
    auto changed = callScalar(m_connection, uR"(
        WITH before AS (SELECT status, reason FROM person_cpis_status WHERE person_id = ?)
        INSERT INTO person_cpis_status (person_id, status, reason) VALUES (?, 'blocked', ?)
        ON CONFLICT (person_id) DO UPDATE SET status = 'blocked', reason = EXCLUDED.reason, updated_at = now()
        RETURNING NOT EXISTS (SELECT 1 FROM before WHERE status = 'blocked' AND reason = ?))"_s,
                              {child.personId, child.personId, child.reason, child.reason});
    if (!changed)
        return changed.error();
    if (auto dequeued = callService(
            m_connection, u"DELETE FROM upload_pending WHERE person_id = ?"_s, {child.personId});
        !dequeued)
        return dequeued.error();
    if (!changed->toBool())
        return success();
    const QString text = u"%1 cannot be shared with CP-IS: %2"_s.arg(child.name, child.reason);
    auto alerted =
        callService(m_connection, uR"(
        SELECT raise_alert('CP-IS upload blocked', ?, NULL, NULL, 'cpis_sysadmin', ?)
        UNION ALL
        SELECT raise_alert('CP-IS upload blocked', ?, current_key_worker(?), NULL, NULL, ?)
        WHERE current_key_worker(?) IS NOT NULL)"_s,
                    {child.personId, text, child.personId, child.personId, text, child.personId});
    if (!alerted)
        return alerted.error();
    return success();
}

Result<BuiltUpload> UploadBuilder::build(const ExchangeConfig &config)
{
    auto q = callService(m_connection, kWaiting, {u"{%1}"_s.arg(config.sharedPlans.join(u','))});
    if (!q)
        return q.error();

    BuiltUpload built;
    hl7::Upload upload;
    QList<qint64> included;
    QList<qint64> nothingToSend;
    QHash<qint64, QString> blockedReason;
    QHash<qint64, QString> names;
    const QDate today = QDate::currentDate();
    while (q->next()) {
        const qint64 personId = q->value(0).toLongLong();
        names.insert(personId, u"%1 (%2)"_s.arg(q->value(1).toString()).arg(personId));
        const bool unborn = q->value(2).toBool();
        const QDate due = q->value(3).toDate();
        const QString number = q->value(4).toString();
        const QString numberStatus = q->value(5).toString();
        if (blockedReason.contains(personId))
            continue;
        QString reason;
        if (unborn && due.isValid() && due < today)
            reason =
                u"the expected date of delivery (%1) has passed: record the child's date of birth and own NHS number."_s
                    .arg(due.toString(u"dd/MM/yyyy"_s));
        else if (number.isEmpty())
            reason = unborn ? u"the mother's NHS number is not recorded."_s
                            : u"no NHS number is recorded."_s;
        else if (numberStatus != u"recorded"_s)
            reason = u"the NHS number %1 is no longer active: record the new one."_s.arg(number);
        else if (NhsNumber::validate(number) != NhsNumber::Problem::None)
            reason = u"the NHS number %1 fails the check digit."_s.arg(number);
        if (!reason.isEmpty()) {
            blockedReason.insert(personId, reason);
            continue;
        }
        if (q->value(10).isNull()) { // no shared plan any more: nothing to tell CP-IS
            nothingToSend.append(personId);
            continue;
        }
        hl7::UploadRecord record;
        record.nhsNumber = number;
        record.localPersonId = QString::number(q->value(6).toLongLong());
        record.forenames = q->value(7).toString();
        record.surname = q->value(8).toString();
        record.dateOfBirth = q->value(9).toDate();
        record.plan = planInformation(q->value(10).toString());
        record.planStart = q->value(11).toDate();
        record.planEnd = q->value(12).toDate();
        upload.records.append(record);
        if (included.isEmpty() || included.last() != personId)
            included.append(personId);
    }

    for (auto it = blockedReason.cbegin(); it != blockedReason.cend(); ++it) {
        const BlockedChild child{it.key(), names.value(it.key()), it.value()};
        if (auto blocked = block(child); !blocked)
            return blocked.error();
        built.blocked.append(child);
    }
    for (const qint64 personId : std::as_const(nothingToSend)) {
        auto done = callService(m_connection, uR"(
            WITH gone AS (DELETE FROM upload_pending WHERE person_id = ?)
            DELETE FROM person_cpis_status WHERE person_id = ?)"_s,
                                {personId, personId});
        if (!done)
            return done.error();
    }
    if (upload.records.isEmpty())
        return built;

    auto sequence = callScalar(m_connection,
                               u"SELECT coalesce(max(sequence_number), 0) + 1 FROM upload_file"_s);
    if (!sequence)
        return sequence.error();
    upload.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    upload.createdAt = QDateTime::currentDateTime();
    upload.sequenceNumber = sequence->toLongLong();
    upload.senderOds = config.authorityOds;
    built.body = hl7::writeUpload(upload);
    built.sequenceNumber = upload.sequenceNumber;
    built.recordCount = int(upload.records.size());

    auto file =
        callScalar(m_connection, uR"(
        INSERT INTO upload_file (sequence_number, message_id, record_count, body) VALUES (?, ?::uuid, ?, ?) RETURNING id)"_s,
                   {upload.sequenceNumber, upload.messageId, built.recordCount, built.body});
    if (!file)
        return file.error();
    built.fileId = file->toLongLong();
    // Each record knows its file, so the acknowledgement comes back to the right child.
    auto records = callService(m_connection, uR"(
        WITH waiting AS (DELETE FROM upload_pending WHERE person_id = ANY (?::bigint[]) RETURNING person_id)
        INSERT INTO upload_record (file_id, person_id, nhs_number, forenames, surname, date_of_birth)
        SELECT DISTINCT ?::bigint, w.person_id,
               CASE WHEN p.date_of_birth IS NULL THEN m.nhs_number ELSE p.nhs_number END,
               p.legal_forenames, p.legal_surname, p.date_of_birth
        FROM waiting w JOIN person p ON p.id = w.person_id LEFT JOIN person m ON m.id = p.mother_id)"_s,
                               {u"{%1}"_s.arg([&] {
                                    QStringList ids;
                                    for (const qint64 id : std::as_const(included))
                                        ids << QString::number(id);
                                    return ids.join(u',');
                                }()),
                                built.fileId});
    if (!records)
        return records.error();
    return built;
}

} // namespace cpis
