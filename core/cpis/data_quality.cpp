#include "cpis/data_quality.h"

#include "workflow/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Children on a current shared plan, and the problems that stop CP-IS flagging them.
const QString kRows = uR"(
    WITH shared AS (SELECT string_to_array(config_value('cpis.shared_plans'), ',') AS kinds),
    scope AS (
        SELECT DISTINCT p.* FROM person p JOIN plan pl ON pl.person_id = p.id, shared
        WHERE pl.kind = ANY (shared.kinds) AND (pl.end_date IS NULL OR pl.end_date >= current_date)),
    last_upload AS (
        SELECT DISTINCT ON (person_id) person_id, forenames, surname, date_of_birth
        FROM upload_record ORDER BY person_id, id DESC)
    SELECT 'no_nhs_number', s.id, s.legal_forenames || ' ' || s.legal_surname, '', 'No NHS number is recorded.'
    FROM scope s WHERE s.date_of_birth IS NOT NULL AND s.nhs_number IS NULL
    UNION ALL
    SELECT 'fails_check', s.id, s.legal_forenames || ' ' || s.legal_surname, s.nhs_number, 'The NHS number fails the check digit.'
    FROM scope s WHERE s.nhs_number IS NOT NULL AND NOT nhs_number_is_valid(s.nhs_number)
    UNION ALL
    SELECT 'rejected', s.id, s.legal_forenames || ' ' || s.legal_surname, coalesce(s.nhs_number, ''), c.reason
    FROM scope s JOIN person_cpis_status c ON c.person_id = s.id WHERE c.status = 'rejected'
    UNION ALL
    SELECT 'inactive', s.id, s.legal_forenames || ' ' || s.legal_surname, s.nhs_number,
           'CP-IS reports the NHS number is no longer active: record the new one.'
    FROM scope s WHERE s.nhs_number_status = 'inactive'
    UNION ALL
    SELECT 'unborn_past_due', s.id, s.legal_forenames || ' ' || s.legal_surname, '',
           'Expected on ' || to_char(s.expected_delivery, 'DD/MM/YYYY') || ': record the date of birth and NHS number.'
    FROM scope s WHERE s.date_of_birth IS NULL AND s.expected_delivery < current_date
    UNION ALL
    SELECT 'name_changed', s.id, s.legal_forenames || ' ' || s.legal_surname, coalesce(s.nhs_number, ''),
           'Sent to CP-IS as ' || u.forenames || ' ' || u.surname || '; it goes again at the next upload.'
    FROM scope s JOIN last_upload u ON u.person_id = s.id
    WHERE (u.forenames, u.surname) IS DISTINCT FROM (s.legal_forenames, s.legal_surname)
    ORDER BY 1, 3)"_s;

const QString kCounts = uR"(
    WITH scope AS (
        SELECT DISTINCT pl.person_id FROM plan pl
        WHERE pl.kind = ANY (string_to_array(config_value('cpis.shared_plans'), ','))
          AND (pl.end_date IS NULL OR pl.end_date >= current_date))
    SELECT count(*), count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM person_cpis_status c WHERE c.person_id = scope.person_id AND c.status = 'shared'))
    FROM scope)"_s;

QString csvField(QString value)
{
    // A leading =, +, - or @ would be a formula to a spreadsheet.
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n'))
        value = u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}
} // namespace

const QStringList &DataQualityReport::lists()
{
    static const QStringList names{u"no_nhs_number"_s, u"fails_check"_s,     u"rejected"_s,
                                   u"inactive"_s,      u"unborn_past_due"_s, u"name_changed"_s};
    return names;
}

QString DataQualityReport::listTitle(const QString &list)
{
    if (list == u"no_nhs_number"_s)
        return u"No NHS number"_s;
    if (list == u"fails_check"_s)
        return u"NHS number fails the check"_s;
    if (list == u"rejected"_s)
        return u"Rejected by CP-IS"_s;
    if (list == u"inactive"_s)
        return u"NHS number inactive"_s;
    if (list == u"unborn_past_due"_s)
        return u"Unborn children past their due date"_s;
    return u"Legal name changed since the last upload"_s;
}

QList<DataQualityRow> DataQualityReport::list(const QString &name) const
{
    QList<DataQualityRow> found;
    std::copy_if(rows.cbegin(), rows.cend(), std::back_inserter(found),
                 [&](const DataQualityRow &r) { return r.list == name; });
    return found;
}

QByteArray DataQualityReport::toCsv() const
{
    QString csv = u"list,person_id,name,nhs_number,detail\n"_s;
    for (const DataQualityRow &r : rows) {
        csv += QStringList{csvField(listTitle(r.list)), QString::number(r.personId),
                           csvField(r.name), csvField(r.nhsNumber), csvField(r.detail)}
                   .join(u',') +
               u'\n';
    }
    return csv.toUtf8();
}

Result<DataQualityReport> loadDataQuality(Connection &connection)
{
    DataQualityReport report;
    auto counts = callService(connection, kCounts);
    if (!counts)
        return counts.error();
    if (counts->next()) {
        report.inScope = counts->value(0).toInt();
        report.matched = counts->value(1).toInt();
    }
    auto rows = callService(connection, kRows);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        report.rows.append({rows->value(0).toString(), rows->value(1).toLongLong(),
                            rows->value(2).toString(), rows->value(3).toString(),
                            rows->value(4).toString()});
    }
    return report;
}

} // namespace cpis
