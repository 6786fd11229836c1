#include "workflow/person_records.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Status loadOtherNames(Connection &connection, EditablePerson &person)
{
    auto q = execute(connection, uR"(
        SELECT id, kind, forenames, surname, valid_from, valid_to FROM person_other_name
        WHERE person_id = $1 ORDER BY valid_to IS NOT NULL, id)"_s,
                     {person.id});
    if (!q)
        return q.error();
    for (const Row &n : *q)
        person.otherNames.append({n.integer("id"), n.text("kind"), n.text("forenames"),
                                  n.text("surname"), n.date("valid_from"), n.date("valid_to")});
    return success();
}

Status loadPlans(Connection &connection, EditablePerson &person)
{
    auto q = execute(connection, uR"(
        SELECT id, kind, start_date, end_date, recorded_in_error_at IS NOT NULL AS in_error,
               coalesce(recorded_in_error_reason, '') AS error_reason
        FROM plan WHERE person_id = $1
        ORDER BY recorded_in_error_at IS NOT NULL, end_date IS NOT NULL, start_date DESC, id DESC)"_s,
                     {person.id});
    if (!q)
        return q.error();
    for (const Row &p : *q)
        person.plans.append({p.integer("id"), p.text("kind"), p.date("start_date"),
                             p.date("end_date"), p.boolean("in_error"), p.text("error_reason")});
    return success();
}
} // namespace

Result<bool> currentIsRecordsOfficer(Connection &connection)
{
    auto member = queryValue(
        connection, u"SELECT pg_has_role(session_user, 'cpis_records_officer', 'MEMBER')"_s);
    if (!member)
        return member.error();
    return member->boolean();
}

Result<EditablePerson> PersonRecords::load(qint64 personId)
{
    // _may_record and _may_restrict are the owner's; their answers come through the functions
    // the dialogs call, so here they are asked through the same rule, read-only.
    auto q = execute(m_connection, uR"(
        SELECT p.id, p.row_version, coalesce(p.authority_person_id, '') AS authority_person_id,
               p.legal_forenames, p.legal_surname, p.gender, p.date_of_birth,
               p.expected_delivery, coalesce(p.mother_id, 0) AS mother_id,
               coalesce(m.legal_forenames || ' ' || m.legal_surname, '') AS mother_name,
               coalesce(p.nhs_number, '') AS nhs_number, p.nhs_number_status,
               p.nhs_number_verified_at, coalesce(v.name, '') AS verified_by, p.restricted,
               coalesce(current_key_worker(p.id), 0) AS key_worker_id,
               person_may_record(p.id) AS may_record, person_may_restrict(p.id) AS may_restrict
        FROM person p LEFT JOIN person m ON m.id = p.mother_id
        LEFT JOIN worker v ON v.id = p.nhs_number_verified_by
        WHERE p.id = $1)"_s,
                     {personId});
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{u"not_found"_s, u"There is no person %1."_s.arg(personId), {}, {}};
    const Row r = (*q)[0];
    EditablePerson p;
    p.id = r.integer("id");
    p.rowVersion = int(r.integer("row_version"));
    p.authorityPersonId = r.text("authority_person_id");
    p.forenames = r.text("legal_forenames");
    p.surname = r.text("legal_surname");
    p.gender = r.text("gender");
    p.dateOfBirth = r.date("date_of_birth");
    p.expectedDelivery = r.date("expected_delivery");
    p.motherId = r.integer("mother_id");
    p.motherName = r.text("mother_name");
    p.nhsNumber = r.text("nhs_number");
    p.nhsNumberStatus = r.text("nhs_number_status");
    p.nhsNumberVerifiedAt = r.dateTime("nhs_number_verified_at");
    p.nhsNumberVerifiedBy = r.text("verified_by");
    p.restricted = r.boolean("restricted");
    p.keyWorkerId = int(r.integer("key_worker_id"));
    p.mayRecord = r.boolean("may_record");
    p.mayRestrict = r.boolean("may_restrict");
    for (auto step : {loadOtherNames, loadPlans}) {
        if (const Status loaded = step(m_connection, p); !loaded)
            return loaded.error();
    }
    return p;
}

Result<QList<PossibleDuplicate>> PersonRecords::possibleDuplicates(const NewChild &child)
{
    auto q = execute(m_connection, u"SELECT * FROM possible_duplicates($1, $2, $3, $4)"_s,
                     {child.forenames, child.surname, child.dateOfBirth, child.nhsNumber});
    if (!q)
        return q.error();
    QList<PossibleDuplicate> found;
    for (const Row &d : *q)
        found.append({d.integer("person_id"), d.text("name"), d.date("date_of_birth"),
                      d.text("nhs_number"), d.text("reason")});
    return found;
}

Result<qint64> PersonRecords::addChild(const NewChild &child)
{
    auto id = child.dateOfBirth.isValid() || !child.expectedDelivery.isValid()
                  ? queryValue(m_connection, u"SELECT new_child($1, $2, $3, $4, $5, $6)"_s,
                               {child.forenames, child.surname, child.gender, child.dateOfBirth,
                                child.nhsNumber, child.confirmed})
                  : queryValue(m_connection, u"SELECT new_unborn_child($1, $2, $3, $4, $5)"_s,
                               {child.forenames, child.surname, child.expectedDelivery,
                                nullIfZero(child.motherId), child.confirmed});
    if (!id)
        return id.error();
    return id->integer();
}

Result<int> PersonRecords::version(const QString &sql, const QVariantList &params)
{
    auto v = queryValue(m_connection, sql, params);
    if (!v)
        return v.error();
    return int(v->integer());
}

Result<int> PersonRecords::editDetails(const EditablePerson &changed)
{
    return version(u"SELECT edit_person_details($1, $2, $3, $4, $5, $6, $7)"_s,
                   {changed.id, changed.rowVersion, changed.forenames, changed.surname,
                    changed.gender, changed.dateOfBirth, changed.expectedDelivery});
}

Result<int> PersonRecords::addOtherName(qint64 personId, int version, const QString &kind,
                                        const QString &forenames, const QString &surname,
                                        const QDate &from)
{
    return this->version(u"SELECT add_other_name($1, $2, $3, $4, $5, $6)"_s,
                         {personId, version, kind, forenames, surname, from});
}

Result<int> PersonRecords::endOtherName(qint64 nameId, int version, const QDate &to)
{
    return this->version(u"SELECT end_other_name($1, $2, $3)"_s, {nameId, version, to});
}

Result<int> PersonRecords::recordNhsNumber(qint64 personId, int version, const QString &number)
{
    return this->version(u"SELECT record_nhs_number($1, $2, $3)"_s, {personId, version, number});
}

Result<int> PersonRecords::correctNhsNumber(qint64 personId, int version, const QString &number,
                                            const QString &reason)
{
    return this->version(u"SELECT correct_nhs_number($1, $2, $3, $4)"_s,
                         {personId, version, number, reason});
}

Result<int> PersonRecords::recordReplacementNhsNumber(qint64 personId, int version,
                                                      const QString &number)
{
    return this->version(u"SELECT record_replacement_nhs_number($1, $2, $3)"_s,
                         {personId, version, number});
}

Result<int> PersonRecords::markNhsNumberVerified(qint64 personId, int version)
{
    return this->version(u"SELECT mark_nhs_number_verified($1, $2)"_s, {personId, version});
}

Result<int> PersonRecords::recordBirth(qint64 personId, int version, const Birth &birth)
{
    return this->version(u"SELECT record_birth($1, $2, $3, $4, $5, $6, $7, $8)"_s,
                         {personId, version, birth.dateOfBirth, birth.forenames, birth.surname,
                          birth.gender, birth.nhsNumber, birth.startChildProtectionPlan});
}

Result<int> PersonRecords::startPlan(qint64 personId, int version, const QString &kind,
                                     const QDate &start)
{
    return this->version(u"SELECT start_plan($1, $2, $3, $4)"_s, {personId, version, kind, start});
}

Result<int> PersonRecords::endPlan(qint64 planId, int version, const QDate &end)
{
    return this->version(u"SELECT end_plan($1, $2, $3)"_s, {planId, version, end});
}

Result<int> PersonRecords::recordPlanInError(qint64 planId, int version, const QString &reason)
{
    return this->version(u"SELECT record_plan_in_error($1, $2, $3)"_s, {planId, version, reason});
}

Result<QList<Caseworker>> PersonRecords::workers(const QString &sql, const QVariantList &params)
{
    auto q = execute(m_connection, sql, params);
    if (!q)
        return q.error();
    QList<Caseworker> found;
    for (const Row &w : *q)
        found.append({int(w.integer("id")), w.text("name"), w.text("team"), {}});
    return found;
}

Result<QList<Caseworker>> PersonRecords::caseworkers()
{
    return workers(u"SELECT id, name, team FROM caseworkers()"_s, {});
}

Result<int> PersonRecords::allocateKeyWorker(qint64 personId, int version, int workerId)
{
    return this->version(u"SELECT allocate_key_worker($1, $2, $3)"_s,
                         {personId, version, workerId});
}

Result<int> PersonRecords::setRestricted(qint64 personId, int version, bool restricted)
{
    return this->version(u"SELECT set_person_restricted($1, $2, $3)"_s,
                         {personId, version, restricted});
}

Result<int> PersonRecords::setAccess(qint64 personId, int version, int workerId, bool granted)
{
    return this->version(u"SELECT set_person_access($1, $2, $3, $4)"_s,
                         {personId, version, workerId, granted});
}

Result<QList<Caseworker>> PersonRecords::access(qint64 personId)
{
    return workers(u"SELECT worker_id AS id, name, team FROM person_access_list($1)"_s, {personId});
}

Result<QList<Caseworker>> PersonRecords::grantableWorkers(qint64 personId)
{
    auto q = execute(m_connection, u"SELECT id, name, team, role FROM grantable_workers($1)"_s,
                     {personId});
    if (!q)
        return q.error();
    QList<Caseworker> found;
    for (const Row &w : *q)
        found.append({int(w.integer("id")), w.text("name"), w.text("team"), w.text("role")});
    return found;
}

Result<int> PersonRecords::uploadAgainNow(qint64 personId, int version)
{
    return this->version(u"SELECT upload_again_now($1, $2)"_s, {personId, version});
}

} // namespace cpis
