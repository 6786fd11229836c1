#include "support/security_checks.h"

#include "db/rows.h"
#include "workflow/step_service.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cpis::test {

std::string sqlStateOf(Connection &c, const QString &sql, const QVariantList &params)
{
    auto result = execute(c, sql, params);
    return result ? "succeeded" : result.error().sqlState.toStdString();
}

Value valueOf(Connection &c, const QString &sql, const QVariantList &params)
{
    return require(queryValue(c, sql, params));
}

int countOf(Connection &c, const QString &sql, const QVariantList &params)
{
    return valueOf(c, sql, params).integer();
}

std::string textOf(Connection &c, const QString &sql, const QVariantList &params)
{
    return valueOf(c, sql, params).text().toStdString();
}

std::string fingerprint(Connection &owner)
{
    // Every table, so that one added later is covered without anyone remembering to list it;
    // one statement for all of them, since the role matrix takes a digest for every cell.
    auto tables = require(execute(
        owner, u"SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' "
               u"ORDER BY 1"_s));
    QStringList digests;
    for (const Row &table : tables) {
        // Table names come from the catalogue, quoted, never from input.
        digests << u"'%1:' || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), "
                   u"'')) FROM %1 t)"_s.arg(table.text("name"));
    }
    return textOf(owner, u"SELECT "_s + digests.join(u" || ' ' || "_s));
}

qint64 addRestrictedChild(Connection &owner, int allowedWorkerId)
{
    const qint64 id = valueOf(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, restricted)
        VALUES ('Amelia', 'Hart', 'Female', '2019-05-01', true) RETURNING id)"_s)
                          .integer();
    require(execute(owner, u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s,
                    {id, allowedWorkerId}));
    return id;
}

int triage(Connection &admin, qint64 stepId, int recipientId)
{
    StepService steps(admin);
    const int started = require(steps.start(stepId));
    const RequestProposal proposal = require(steps.proposeRequest(stepId));
    const auto request =
        require(steps.addRequest(stepId, started, recipientId, proposal.note, proposal.source));
    NextActionInput passedOn;
    passedOn.reason = u"Notification passed to allocated worker"_s;
    const auto action = require(steps.addNextAction(stepId, request.rowVersion, passedOn));
    return require(steps.save(stepId, action.rowVersion));
}

CaseNoteService::Input noteAbout(qint64 personId, bool finish)
{
    CaseNoteService::Input input;
    input.personId = personId;
    input.contactDate = QDate::currentDate();
    input.body = u"Spoke to the school nurse; no new concerns."_s;
    input.finish = finish;
    return input;
}

CaseWorld::User addRecordsOfficer(Connection &owner)
{
    const QString login = u"rec"_s + QUuid::createUuid().toString(QUuid::Id128).left(10);
    const int id = int(valueOf(owner,
                               u"SELECT add_user($1, 'records-officer', 'Rita Oduya', "
                               u"'Business Support', NULL)"_s,
                               {login})
                           .integer());
    return {login, id};
}

LoneLogin::LoneLogin(Connection &owner, const QString &groupRole)
    : m_owner(owner), m_name(u"lone_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    // The name is generated here, never from input, so it can be spliced in.
    require(execute(owner, u"CREATE ROLE %1 LOGIN"_s.arg(m_name)));
    if (!groupRole.isEmpty())
        grant(groupRole);
}

LoneLogin::~LoneLogin()
{
    (void)execute(m_owner, u"DROP ROLE IF EXISTS %1"_s.arg(m_name));
}

void LoneLogin::grant(const QString &groupRole)
{
    require(execute(m_owner, u"GRANT %1 TO %2"_s.arg(groupRole, m_name)));
}

} // namespace cpis::test
