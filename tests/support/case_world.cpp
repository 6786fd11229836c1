#include "support/case_world.h"
#include "db/rows.h"

#include <catch2/catch.hpp>

#include <QUuid>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
Value scalarOrFail(Connection &c, const QString &sql, const QVariantList &params = {})
{
    auto value = queryValue(c, sql, params);
    if (!value)
        FAIL(value.error().message.toStdString());
    return *value;
}
} // namespace

CaseWorld::CaseWorld(TestDatabase &db, const QString &source)
    : m_db(db), m_tag(QUuid::createUuid().toString(QUuid::Id128).left(8))
{
    admin = addUser(u"Sam Admin"_s, u"safeguarding-admin"_s, u"Safeguarding Admin"_s);
    otherAdmin = addUser(u"Alex Admin"_s, u"safeguarding-admin"_s, u"Safeguarding Admin"_s);
    keyWorker = addUser(u"Jane Okafor"_s, u"key-worker"_s, u"Child Protection North"_s);
    otherKeyWorker = addUser(u"Tom Price"_s, u"key-worker"_s, u"Child Protection North"_s);
    manager = addUser(u"Maria Lopez"_s, u"team-manager"_s, u"Child Protection North"_s);
    sysadmin = addUser(u"Sys Admin"_s, u"sysadmin"_s, u"Systems"_s);
    exchange = addUser(u"CP-IS Exchange"_s, u"exchange"_s, u"Systems"_s);

    Connection &owner = m_db.connection();
    cpisWorkerId =
        scalarOrFail(owner, u"SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker'"_s)
            .integer();
    childId = scalarOrFail(owner, uR"(
        INSERT INTO person (id, legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES (3549728, 'Thomas', 'Turner', 'Male', '2016-11-28', '9990000026', 'recorded') RETURNING id)"_s)
                  .integer();
    scalarOrFail(
        owner,
        u"INSERT INTO involvement (person_id, worker_id, role, started_on) VALUES ($1, $2, 'Key Worker', '2023-01-01') RETURNING id"_s,
        {childId, keyWorker.workerId});
    scalarOrFail(
        owner,
        u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2023-01-01') RETURNING id"_s,
        {childId});
    // The sending authority is set, as at a council that uploads (without it no upload is built).
    scalarOrFail(owner, uR"(
        WITH v(key, value) AS (VALUES ('cpis.authority_ods', 'LA999'), ('cpis.authority_name', 'Northshire County Council'),
                                      ('cpis.phone_office_hours', '01632 960000'), ('cpis.phone_out_of_hours', '01632 960999')),
             u AS (UPDATE config SET value = v.value FROM v WHERE config.key = v.key RETURNING 1)
        SELECT count(*) FROM u)"_s);
    stepId = addStep(source);
}

CaseWorld::User CaseWorld::addUser(const QString &name, const QString &role, const QString &team)
{
    const QString login = u"u%1.%2%3"_s.arg(m_tag, role.section(u'-', 0, 0)).arg(++m_users);
    // The exchange's login is made as cpisctl setup makes it (add_user refuses that role).
    const int id =
        role == u"exchange"_s
            ? scalarOrFail(m_db.connection(), u"SELECT _add_exchange_login($1, NULL)"_s, {login})
                  .integer()
            : scalarOrFail(m_db.connection(), u"SELECT add_user($1, $2, $3, $4, NULL)"_s,
                           {login, role, name, team})
                  .integer();
    return {login, id};
}

qint64 CaseWorld::addStep(const QString &source)
{
    return scalarOrFail(m_db.connection(), u"SELECT create_follow_up_step($1, $2, $3, now())"_s,
                        {childId,
                         u"CP-IS notification: record accessed by Dr Priya Raman (Emergency "
                         u"Department Doctor), "
                         "Royal Derby Hospital Emergency Department (ODS RTG)."_s,
                         source})
        .integer();
}

std::unique_ptr<Connection> CaseWorld::connectAs(const User &user) const
{
    return connectAs(user.login);
}

std::unique_ptr<Connection> CaseWorld::connectAs(const QString &login) const
{
    ConnInfo info = m_db.connInfo();
    info.set(u"user"_s, login);
    auto connection = Connection::open(info);
    if (!connection)
        FAIL(connection.error().message.toStdString());
    return std::move(*connection);
}

} // namespace cpis::test
