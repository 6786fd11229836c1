#include "workflow/worker_directory.h"

#include "db/error_codes.h"
#include "db/password_verifier.h"
#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kSelectWorker = u"SELECT w.id, w.name, coalesce(w.login, '') AS login, w.is_virtual, "
                              u"coalesce(t.name, '') AS team "
                              u"FROM worker w LEFT JOIN team t ON t.id = w.team_id "_s;

Worker workerFrom(const Row &w)
{
    return {int(w.integer("id")),    w.text("name"), w.text("login"),
            w.boolean("is_virtual"), w.text("team"), {}};
}
} // namespace

Result<Worker> WorkerDirectory::one(const QString &where, const QVariantList &params,
                                    const QString &notFound)
{
    auto q = execute(m_connection, kSelectWorker + where, params);
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound), notFound, {}, {}};
    return workerFrom((*q)[0]);
}

Result<Worker> WorkerDirectory::current()
{
    auto w = one(u"WHERE w.id = current_worker_id()"_s, {}, {});
    if (!w && w.error().code == QString::fromLatin1(errc::kNotFound)) {
        return Error{QString::fromLatin1(errc::kDenied),
                     u"The login \"%1\" is not set up as a worker in CP-IS Workview."_s.arg(
                         m_connection.currentUser()),
                     {},
                     u"Ask a system administrator to add you (cpisctl user add)."_s};
    }
    return w;
}

namespace {
Result<bool> currentIsMemberOf(Connection &connection, const QString &group)
{
    auto member =
        queryValue(connection, u"SELECT pg_has_role(current_user, $1, 'MEMBER')"_s, {group});
    if (!member)
        return member.error();
    return member->boolean();
}
} // namespace

Result<bool> WorkerDirectory::currentIsSystemAdministrator()
{
    return currentIsMemberOf(m_connection, u"cpis_sysadmin"_s);
}

Result<bool> WorkerDirectory::currentIsSafeguardingAdmin()
{
    return currentIsMemberOf(m_connection, u"cpis_safeguarding_admin"_s);
}

Result<Worker> WorkerDirectory::resolve(const QString &loginOrName)
{
    return one(
        u"WHERE w.active AND (w.login = lower($1) OR lower(w.name) = lower($2)) ORDER BY w.is_virtual DESC LIMIT 1"_s,
        {loginOrName.trimmed(), loginOrName.trimmed()},
        u"There is no worker with the login or name \"%1\"."_s.arg(loginOrName));
}

Result<Worker> WorkerDirectory::byId(int id)
{
    return one(u"WHERE w.id = $1"_s, {id}, u"There is no worker %1."_s.arg(id));
}

Result<QStringList> WorkerDirectory::queuesOf(int workerId)
{
    auto q = execute(m_connection,
                     u"SELECT w.name FROM queue_member m JOIN worker w ON w.id = m.queue_id "
                     u"WHERE m.member_id = $1 AND w.active ORDER BY w.name"_s,
                     {workerId});
    if (!q)
        return q.error();
    QStringList names;
    for (const Row &row : *q)
        names << row.text("name");
    return names;
}

Result<QList<Worker>> WorkerDirectory::find(const QString &text)
{
    auto q = execute(m_connection,
                     u"SELECT id, name, coalesce(team, '') AS team, role FROM find_workers($1)"_s,
                     {text});
    if (!q)
        return q.error();
    QList<Worker> found;
    for (const Row &w : *q)
        found.append(
            {int(w.integer("id")), w.text("name"), {}, false, w.text("team"), w.text("role")});
    return found;
}

Result<Worker> WorkerDirectory::addUser(const NewUser &user)
{
    // Only the SCRAM verifier leaves this machine: a bind parameter is in the server's log with
    // log_statement=all, and the clear password must never be.
    QVariant verifier;
    if (!user.password.isEmpty()) {
        auto computed = scramVerifier(m_connection, user.login, user.password);
        if (!computed)
            return computed.error();
        verifier = *computed;
    }
    auto id = queryValue(
        m_connection, u"SELECT add_user($1, $2, $3, $4, $5)"_s,
        {user.login, user.role, user.name, user.team.isEmpty() ? QVariant() : user.team, verifier});
    if (!id)
        return id.error();
    return byId(int(id->integer()));
}

} // namespace cpis
