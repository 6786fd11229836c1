#include "cpis/upload_builder.h"

#include "cpis/upload_message.h"
#include "db/rows.h"
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
    SELECT p.id, p.legal_forenames || ' ' || p.legal_surname AS name, p.date_of_birth IS NULL AS unborn,
           p.expected_delivery,
           CASE WHEN p.date_of_birth IS NULL THEN m.nhs_number ELSE p.nhs_number END AS nhs_number,
           CASE WHEN p.date_of_birth IS NULL THEN m.nhs_number_status ELSE p.nhs_number_status END
               AS nhs_number_status,
           CASE WHEN p.date_of_birth IS NULL THEN m.id ELSE p.id END AS record_person_id,
           CASE WHEN p.date_of_birth IS NULL THEN m.legal_forenames ELSE p.legal_forenames END AS forenames,
           CASE WHEN p.date_of_birth IS NULL THEN m.legal_surname ELSE p.legal_surname END AS surname,
           CASE WHEN p.date_of_birth IS NULL THEN m.date_of_birth ELSE p.date_of_birth END AS date_of_birth,
           pl.kind, pl.start_date, pl.end_date
    FROM upload_pending q
    JOIN person p ON p.id = q.person_id
    LEFT JOIN person m ON m.id = p.mother_id
    LEFT JOIN plan pl ON pl.person_id = p.id AND pl.kind = ANY ($1::text[])
    ORDER BY p.id, pl.start_date
    FOR UPDATE OF q)"_s;
} // namespace

Status UploadBuilder::block(const BlockedChild &child)
{
    // Alert only when the child newly becomes blocked, not at every exchange.
    auto changed = queryValue(m_connection, uR"(
        WITH before AS (SELECT status, reason FROM person_cpis_status WHERE person_id = $1)
        INSERT INTO person_cpis_status (person_id, status, reason) VALUES ($2, 'blocked', $3)
        ON CONFLICT (person_id) DO UPDATE SET status = 'blocked', reason = EXCLUDED.reason, updated_at = now()
        RETURNING NOT EXISTS (SELECT 1 FROM before WHERE status = 'blocked' AND reason = $4))"_s,
                              {child.personId, child.personId, child.reason, child.reason});
    if (!changed)
        return changed.error();
    if (auto dequeued = execute(m_connection, u"DELETE FROM upload_pending WHERE person_id = $1"_s,
                                {child.personId});
        !dequeued)
        return dequeued.error();
    if (!changed->boolean())
        return success();
    const QString text = u"%1 cannot be shared with CP-IS: %2"_s.arg(child.name, child.reason);
    auto alerted =
        execute(m_connection, uR"(
        SELECT raise_alert('CP-IS upload blocked', $1, NULL, NULL, 'cpis_sysadmin', $2)
        UNION ALL
        SELECT raise_alert('CP-IS upload blocked', $3, current_key_worker($4), NULL, NULL, $5)
        WHERE current_key_worker($6) IS NOT NULL)"_s,
                {child.personId, text, child.personId, child.personId, text, child.personId});
    if (!alerted)
        return alerted.error();
    return success();
}

Result<BuiltUpload> UploadBuilder::build(const ExchangeConfig &config)
{
    auto q = execute(m_connection, kWaiting, {u"{%1}"_s.arg(config.sharedPlans.join(u','))});
    if (!q)
        return q.error();

    BuiltUpload built;
    hl7::Upload upload;
    QList<qint64> included;
    QList<qint64> nothingToSend;
    QHash<qint64, QString> blockedReason;
    QHash<qint64, QString> names;
    const QDate today = QDate::currentDate();
    for (const Row &row : *q) {
        const qint64 personId = row.integer("id");
        names.insert(personId, u"%1 (%2)"_s.arg(row.text("name")).arg(personId));
        const bool unborn = row.boolean("unborn");
        const QDate due = row.date("expected_delivery");
        const QString number = row.text("nhs_number");
        const QString numberStatus = row.text("nhs_number_status");
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
        if (row.isNull("kind")) { // no shared plan any more: nothing to tell CP-IS
            nothingToSend.append(personId);
            continue;
        }
        hl7::UploadRecord record;
        record.unborn = unborn;
        record.ids.nhsNumber = number;
        record.ids.localPersonId = QString::number(row.integer("record_person_id"));
        record.forenames = row.text("forenames");
        record.surname = row.text("surname");
        record.dateOfBirth = row.date("date_of_birth");
        hl7::UploadPlan plan;
        plan.kind = planInformation(row.text("kind"));
        plan.start = row.date("start_date");
        plan.end = row.date("end_date");
        // An unborn child's plan always carries its end on the wire: the expected delivery.
        if (plan.kind == hl7::PlanInformation::UnbornChildProtection && !plan.end.isValid())
            plan.end = due;
        record.plans = {plan};
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
        auto done = execute(m_connection, uR"(
            WITH gone AS (DELETE FROM upload_pending WHERE person_id = $1)
            DELETE FROM person_cpis_status WHERE person_id = $2)"_s,
                            {personId, personId});
        if (!done)
            return done.error();
    }
    if (upload.records.isEmpty())
        return built;

    auto sequence = queryValue(m_connection,
                               u"SELECT coalesce(max(sequence_number), 0) + 1 FROM upload_file"_s);
    if (!sequence)
        return sequence.error();
    // The file's own id for our records: nothing on the wire carries it (§1.13).
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    upload.createdAt = QDateTime::currentDateTime();
    upload.sequenceNumber = sequence->integer();
    upload.sender.organisation = {config.authorityOds, config.authorityName};
    upload.sender.phoneOfficeHours = config.phoneOfficeHours;
    upload.sender.phoneOutOfHours = config.phoneOutOfHours;
    built.body = hl7::writeUpload(upload);
    built.sequenceNumber = upload.sequenceNumber;
    built.recordCount = int(upload.records.size());

    auto file = queryValue(m_connection, uR"(
        INSERT INTO upload_file (sequence_number, message_id, record_count, body) VALUES ($1, $2::uuid, $3, $4) RETURNING id)"_s,
                           {upload.sequenceNumber, messageId, built.recordCount, built.body});
    if (!file)
        return file.error();
    built.fileId = file->integer();
    // Each record knows its file, so the acknowledgement comes back to the right child.
    auto records = execute(m_connection, uR"(
        WITH waiting AS (DELETE FROM upload_pending WHERE person_id = ANY ($1::bigint[]) RETURNING person_id)
        INSERT INTO upload_record (file_id, person_id, nhs_number, forenames, surname, date_of_birth)
        SELECT DISTINCT $2::bigint, w.person_id,
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
