#include "workflow/person_summary.h"

#include "db/error_codes.h"
#include "db/rows.h"
#include "domain/nhs_number.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<PersonSummary> loadPersonSummary(Connection &connection, qint64 personId)
{
    auto q = execute(connection, uR"(
        SELECT p.id, p.legal_forenames || ' ' || p.legal_surname AS name, p.gender,
               p.date_of_birth, p.expected_delivery, coalesce(p.nhs_number, '') AS nhs_number,
               p.nhs_number_status, p.restricted, coalesce(kw.name, '') AS key_worker,
               coalesce(t.name, '') AS key_worker_team
        FROM person p
        LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
        LEFT JOIN worker kw ON kw.id = i.worker_id
        LEFT JOIN team t ON t.id = kw.team_id
        WHERE p.id = $1)"_s,
                     {personId});
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no person %1."_s.arg(personId),
                     {},
                     {}};
    const Row row = (*q)[0];
    PersonSummary s;
    s.id = row.integer("id");
    s.name = row.text("name");
    s.gender = row.text("gender");
    s.dateOfBirth = row.date("date_of_birth");
    s.expectedDelivery = row.date("expected_delivery");
    const QString digits = row.text("nhs_number");
    if (const auto number = NhsNumber::parse(digits))
        s.nhsNumber = number->formatted();
    else
        s.nhsNumber = digits;
    s.nhsNumberStatus = row.text("nhs_number_status");
    s.restricted = row.boolean("restricted");
    s.keyWorker = row.text("key_worker");
    s.keyWorkerTeam = row.text("key_worker_team");

    auto plans = execute(connection, uR"(
        SELECT kind, start_date, end_date, recorded_in_error_at IS NOT NULL AS in_error,
               coalesce(recorded_in_error_reason, '') AS error_reason
        FROM plan WHERE person_id = $1
        ORDER BY recorded_in_error_at IS NOT NULL, end_date IS NOT NULL, start_date DESC, id DESC)"_s,
                         {personId});
    if (!plans)
        return plans.error();
    for (const Row &p : *plans)
        s.plans.append({p.text("kind"), p.date("start_date"), p.date("end_date"),
                        p.boolean("in_error"), p.text("error_reason")});

    auto names = execute(connection, uR"(
        SELECT btrim(forenames || ' ' || surname) AS name, kind, valid_from, valid_to
        FROM person_other_name WHERE person_id = $1 ORDER BY valid_to IS NOT NULL, id)"_s,
                         {personId});
    if (!names)
        return names.error();
    for (const Row &n : *names) {
        s.otherNames.append(u"%1 (%2)"_s.arg(n.text("name"), n.text("kind")));
        s.otherNameHistory.append(
            {n.text("name"), n.text("kind"), n.date("valid_from"), n.date("valid_to")});
    }

    auto alerts = execute(connection, uR"(
        SELECT id, alert_type, body, created_at FROM alert
        WHERE person_id = $1 AND acknowledged_at IS NULL ORDER BY created_at DESC)"_s,
                          {personId});
    if (!alerts)
        return alerts.error();
    for (const Row &a : *alerts)
        s.openAlerts.append(
            {a.integer("id"), a.text("alert_type"), a.text("body"), a.dateTime("created_at")});
    return s;
}

Status recordPersonOpened(Connection &connection, qint64 personId)
{
    auto q = execute(connection, u"SELECT record_person_opened($1)"_s, {personId});
    if (!q)
        return q.error();
    return success();
}

int ageInYears(const QDate &dateOfBirth, const QDate &on)
{
    if (!dateOfBirth.isValid() || !on.isValid() || on < dateOfBirth)
        return -1;
    int years = on.year() - dateOfBirth.year();
    if (on.month() < dateOfBirth.month() ||
        (on.month() == dateOfBirth.month() && on.day() < dateOfBirth.day()))
        --years;
    return years;
}

} // namespace cpis
