#include "support/data_quality_sample.h"
#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis::test {

DataQualitySample::DataQualitySample(TestDatabase &db, const CaseWorld &world)
{
    Connection &c = db.connection();
    const auto child = [&](const QString &values, const QString &planEnd = u"NULL"_s) {
        const qint64 id =
            require(
                queryValue(c, u"INSERT INTO person (legal_forenames, legal_surname, date_of_birth, "
                              u"expected_delivery, nhs_number, nhs_number_status, restricted) "
                              u"VALUES (%1) RETURNING id"_s.arg(values)))
                .integer();
        require(execute(c,
                        u"INSERT INTO plan (person_id, kind, start_date, end_date) "
                        u"VALUES ($1, 'CPP', current_date - 30, %1)"_s.arg(planEnd),
                        {id}));
        return id;
    };
    noNumber = child(u"'Mia', 'Stone', '2018-01-01', NULL, NULL, 'unknown', false"_s);
    rejected = child(u"'Ellie', 'Marsh', '2019-05-04', NULL, '9990000093', 'recorded', false"_s);
    inactive = child(u"'Leo', 'Hart', '2017-02-03', NULL, '9990000034', 'inactive', false"_s);
    overdue = child(u"'Unborn', 'Adeyemi', NULL, current_date - 3, NULL, 'unknown', false"_s);
    restricted = child(u"'Ruby', 'Quinn', '2020-07-08', NULL, NULL, 'unknown', true"_s);
    planEnded = child(u"'Noah', 'Ended', '2015-03-03', NULL, NULL, 'unknown', false"_s,
                      u"current_date - 1"_s);
    require(execute(c, uR"(INSERT INTO person_cpis_status (person_id, status, reason)
            VALUES ($1, 'shared', NULL), ($2, 'rejected', 'The NHS number does not match the name.')
            ON CONFLICT (person_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason)"_s,
                    {world.childId, rejected}));
    const qint64 file =
        require(queryValue(
                    c, u"INSERT INTO upload_file (sequence_number, message_id, record_count, body) "
                       u"VALUES (1, gen_random_uuid(), 1, '') RETURNING id"_s))
            .integer();
    require(
        execute(c,
                u"INSERT INTO upload_record (file_id, person_id, nhs_number, forenames, surname, "
                u"outcome_code) VALUES ($1, $2, '9990000026', 'Tom', 'Turner', 'CPR06')"_s,
                {file, world.childId}));
}

} // namespace cpis::test
