#include "workflow/person_summary.h"

#include "db/service_call.h"
#include "domain/nhs_number.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<PersonSummary> loadPersonSummary(Connection &connection, qint64 personId)
{
    auto q = callService(connection, uR"(
        SELECT p.id, p.legal_forenames || ' ' || p.legal_surname, p.gender, p.date_of_birth,
               p.expected_delivery, coalesce(p.nhs_number, ''), p.nhs_number_status, p.restricted,
               coalesce(kw.name, ''), coalesce(t.name, '')
        FROM person p
        LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
        LEFT JOIN worker kw ON kw.id = i.worker_id
        LEFT JOIN team t ON t.id = kw.team_id
        WHERE p.id = ?)"_s,
                         {personId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no person %1."_s.arg(personId),
                     {},
                     {}};
    PersonSummary s;
    s.id = q->value(0).toLongLong();
    s.name = q->value(1).toString();
    s.gender = q->value(2).toString();
    s.dateOfBirth = q->value(3).toDate();
    s.expectedDelivery = q->value(4).toDate();
    const QString digits = q->value(5).toString();
    if (const auto number = NhsNumber::parse(digits))
        s.nhsNumber = number->formatted();
    else
        s.nhsNumber = digits;
    s.nhsNumberStatus = q->value(6).toString();
    s.restricted = q->value(7).toBool();
    s.keyWorker = q->value(8).toString();
    s.keyWorkerTeam = q->value(9).toString();

    auto plans = callService(connection, uR"(
        SELECT kind, start_date, end_date FROM plan WHERE person_id = ?
        ORDER BY end_date IS NOT NULL, start_date DESC, id DESC)"_s,
                             {personId});
    if (!plans)
        return plans.error();
    while (plans->next())
        s.plans.append(
            {plans->value(0).toString(), plans->value(1).toDate(), plans->value(2).toDate()});

    auto names = callService(connection, uR"(
        SELECT btrim(forenames || ' ' || surname), kind FROM person_other_name
        WHERE person_id = ? ORDER BY valid_to IS NOT NULL, id)"_s,
                             {personId});
    if (!names)
        return names.error();
    while (names->next())
        s.otherNames.append(
            u"%1 (%2)"_s.arg(names->value(0).toString(), names->value(1).toString()));

    auto alerts = callService(connection, uR"(
        SELECT id, alert_type, body, created_at FROM alert
        WHERE person_id = ? AND acknowledged_at IS NULL ORDER BY created_at DESC)"_s,
                              {personId});
    if (!alerts)
        return alerts.error();
    while (alerts->next())
        s.openAlerts.append({alerts->value(0).toLongLong(), alerts->value(1).toString(),
                             alerts->value(2).toString(), alerts->value(3).toDateTime()});
    return s;
}

Status recordPersonOpened(Connection &connection, qint64 personId)
{
    auto q = callService(connection, u"SELECT record_person_opened(?)"_s, {personId});
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
