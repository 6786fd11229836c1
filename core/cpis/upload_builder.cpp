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
    return hl7::PlanInformation::LookedAfter; // a DfE legal status: C1, C2, V2, ...
}

// Each waiting child with what an upload needs; for an unborn child, the mother's details
// (nothing about the unborn child is sent). The plans: those of a shared kind, and those
// recorded in error that CP-IS may hold (a file carried the plan, or carried the child before
// files recorded their plans) until CP-IS has accepted a file deleting them.
// An unborn child protection plan is always sent as CP-IS holds it: against the mother
// (DMS 3.2, UnbornChildSubject: "the plan is held against the mother"), even once the child
// is born. So at the birth the next upload ends it under her number (its end date, the date
// of birth) while the child's own plans go under their own number; CP-IS has no message that
// moves a plan from the mother's number to the child's. `as_mother` says which a row is.
const QString kWaiting = uR"(
    SELECT p.id, p.legal_forenames || ' ' || p.legal_surname AS name, p.date_of_birth IS NULL AS unborn,
           s.as_mother, p.expected_delivery, cpis_ended_at_18(p.date_of_birth) AS ended_at_18,
           CASE WHEN s.as_mother THEN m.nhs_number ELSE p.nhs_number END AS nhs_number,
           CASE WHEN s.as_mother THEN m.nhs_number_status ELSE p.nhs_number_status END
               AS nhs_number_status,
           CASE WHEN s.as_mother THEN m.id ELSE p.id END AS record_person_id,
           CASE WHEN s.as_mother THEN m.legal_forenames ELSE p.legal_forenames END AS forenames,
           CASE WHEN s.as_mother THEN m.legal_surname ELSE p.legal_surname END AS surname,
           CASE WHEN s.as_mother THEN m.date_of_birth ELSE p.date_of_birth END AS date_of_birth,
           pl.id AS plan_id, pl.kind, pl.start_date, pl.end_date,
           pl.recorded_in_error_at IS NOT NULL AS in_error
    FROM upload_pending q
    JOIN person p ON p.id = q.person_id
    LEFT JOIN person m ON m.id = p.mother_id
    LEFT JOIN plan pl ON pl.person_id = p.id AND CASE
        WHEN pl.recorded_in_error_at IS NULL THEN pl.kind = ANY ($1::text[])
        ELSE (EXISTS (SELECT 1 FROM upload_plan u WHERE u.plan_id = pl.id)
              OR (pl.kind = ANY ($2::text[])
                  AND EXISTS (SELECT 1 FROM upload_record r WHERE r.person_id = p.id
                              AND NOT EXISTS (SELECT 1 FROM upload_plan u WHERE u.file_id = r.file_id))))
             AND NOT EXISTS (SELECT 1 FROM upload_plan u
                             JOIN upload_record r ON r.file_id = u.file_id AND r.person_id = pl.person_id
                             WHERE u.plan_id = pl.id AND u.delete_date IS NOT NULL AND r.outcome_code = 'CPR06')
        END
    CROSS JOIN LATERAL (SELECT p.date_of_birth IS NULL OR (pl.kind = 'UCPP' AND m.id IS NOT NULL) AS as_mother) s
    ORDER BY p.id, pl.start_date, pl.id
    FOR UPDATE OF q)"_s;

QString idArray(const QList<qint64> &ids)
{
    QStringList text;
    for (const qint64 id : ids)
        text << QString::number(id);
    return u"{%1}"_s.arg(text.join(u','));
}
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
    auto alerted = execute(m_connection, uR"(
        SELECT raise_cpis_alert('CP-IS upload blocked', $1, $2))"_s,
                           {child.personId, text});
    if (!alerted)
        return alerted.error();
    return success();
}

Status UploadBuilder::refuse(const QString &text)
{
    // One alert until an administrator acknowledges it, not one at every exchange.
    auto alerted = execute(m_connection, uR"(
        SELECT raise_cpis_alert('CP-IS upload refused', NULL, $1)
        WHERE NOT EXISTS (SELECT 1 FROM alert WHERE alert_type = 'CP-IS upload refused'
                          AND body = $2 AND acknowledged_at IS NULL AND raised_by_system))"_s,
                           {text, text});
    if (!alerted)
        return alerted.error();
    return success();
}

Status UploadBuilder::endAt18(qint64 personId)
{
    auto ended = execute(m_connection, uR"(
        WITH gone AS (DELETE FROM upload_pending WHERE person_id = $1)
        INSERT INTO person_cpis_status (person_id, status) VALUES ($2, 'ended_at_18')
        ON CONFLICT (person_id) DO UPDATE SET status = 'ended_at_18', reason = NULL, updated_at = now())"_s,
                         {personId, personId});
    if (!ended)
        return ended.error();
    return success();
}

Status UploadBuilder::recordPlans(qint64 fileId, const QList<QPair<qint64, QDate>> &plans)
{
    for (const auto &[planId, deleteDate] : plans) {
        auto recorded = execute(
            m_connection,
            u"INSERT INTO upload_plan (file_id, plan_id, delete_date) VALUES ($1, $2, $3)"_s,
            {fileId, planId, deleteDate}); // an invalid date is NULL
        if (!recorded)
            return recorded.error();
    }
    return success();
}

Result<BuiltUpload> UploadBuilder::build(const ExchangeConfig &config)
{
    BuiltUpload built;
    if (const QString missing = missingAuthoritySetting(config); !missing.isEmpty()) {
        // With nobody waiting there is no upload to refuse, and no run to count as failed.
        auto waiting = queryValue(m_connection, u"SELECT EXISTS (SELECT 1 FROM upload_pending)"_s);
        if (!waiting)
            return waiting.error();
        if (!waiting->boolean())
            return built;
        built.refused =
            u"No upload was built: the setting %1 is empty. CP-IS shows the authority's ODS code, "
            u"name and office-hours and out-of-hours telephone numbers to clinicians beside every "
            u"flag. Set it in Configuration, CP-IS tab, or with: cpisctl config set %1 VALUE"_s.arg(
                missing);
        if (auto alerted = refuse(built.refused); !alerted)
            return alerted.error();
        return built;
    }
    const QString shared = u"{%1}"_s.arg(config.sharedPlans.join(u','));
    auto q = execute(m_connection, kWaiting, {shared, shared});
    if (!q)
        return q.error();

    hl7::Upload upload;
    QList<qint64> included;
    QList<QPair<qint64, QDate>> carried; // plan, delete date
    QList<qint64> nothingToSend;
    QHash<qint64, QString> blockedReason;
    QHash<qint64, QString> names;
    const QDate today = QDate::currentDate();
    for (const Row &row : *q) {
        const qint64 personId = row.integer("id");
        names.insert(personId, u"%1 (%2)"_s.arg(row.text("name")).arg(personId));
        const bool unborn = row.boolean("unborn");
        const bool asMother = row.boolean("as_mother");
        const QDate due = row.date("expected_delivery");
        const QString number = row.text("nhs_number");
        const QString numberStatus = row.text("nhs_number_status");
        if (blockedReason.contains(personId) || built.endedAt18.contains(personId))
            continue;
        if (row.boolean("ended_at_18")) { // CP-IS has ended the record: nothing to send or fix
            built.endedAt18.append(personId);
            continue;
        }
        // A born child's ended unborn child plan, when CP-IS cannot have it under the mother's
        // number (none usable): nothing to end there, and no reason to hold back the child's own.
        if (asMother && !unborn &&
            (numberStatus != u"recorded"_s ||
             NhsNumber::validate(number) != NhsNumber::Problem::None))
            continue;
        QString reason;
        if (unborn && due.isValid() && due < today)
            reason =
                u"the expected date of delivery (%1) has passed: record the child's date of birth and own NHS number."_s
                    .arg(due.toString(u"dd/MM/yyyy"_s));
        else if (number.isEmpty())
            reason = asMother ? u"the mother's NHS number is not recorded."_s
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
        record.unborn = asMother;
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
        if (row.boolean("in_error")) // CP-IS removes it; never sent without the delete date
            plan.deleteDate = today;
        record.plans = {plan};
        upload.records.append(record);
        carried.append({row.integer("plan_id"), plan.deleteDate});
        if (included.isEmpty() || included.last() != personId)
            included.append(personId);
    }

    for (const qint64 personId : std::as_const(built.endedAt18)) {
        if (auto ended = endAt18(personId); !ended)
            return ended.error();
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
                           {idArray(included), built.fileId});
    if (!records)
        return records.error();
    if (auto recorded = recordPlans(built.fileId, carried); !recorded)
        return recorded.error();
    return built;
}

} // namespace cpis
