#include "workflow/worker_directory.h"

#include "db/secret_statement.h"
#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kSelectWorker =
    u"SELECT w.id, w.name, coalesce(w.login, ''), w.is_virtual, coalesce(t.name, '') "
    u"FROM worker w LEFT JOIN team t ON t.id = w.team_id "_s;

Worker workerFrom(const QSqlQuery &q)
{
    return {q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
            q.value(4).toString()};
}
} // namespace

Result<Worker> WorkerDirectory::one(const QString &where, const QVariantList &params,
                                    const QString &notFound)
{
    auto q = callService(m_connection, kSelectWorker + where, params);
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QString::fromLatin1(errc::kNotFound), notFound, {}, {}};
    return workerFrom(*q);
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
        callScalar(connection, u"SELECT pg_has_role(current_user, ?, 'MEMBER')"_s, {group});
    if (!member)
        return member.error();
    return member->toBool();
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
        u"WHERE w.active AND (w.login = lower(?) OR lower(w.name) = lower(?)) ORDER BY w.is_virtual DESC LIMIT 1"_s,
        {loginOrName.trimmed(), loginOrName.trimmed()},
        u"There is no worker with the login or name \"%1\"."_s.arg(loginOrName));
}

Result<Worker> WorkerDirectory::byId(int id)
{
    return one(u"WHERE w.id = ?"_s, {id}, u"There is no worker %1."_s.arg(id));
}

Result<QList<Worker>> WorkerDirectory::find(const QString &text)
{
    auto q = callService(m_connection,
                         u"SELECT id, name, coalesce(team, '') FROM find_workers(?)"_s, {text});
    if (!q)
        return q.error();
    QList<Worker> found;
    while (q->next())
        found.append(
            {q->value(0).toInt(), q->value(1).toString(), {}, false, q->value(2).toString()});
    return found;
}

Result<Worker> WorkerDirectory::addUser(const NewUser &user)
{
    // The password is kept out of the server's log.
    auto id = scalarKeepingValuesSecret(m_connection, u"SELECT add_user($1, $2, $3, $4, $5)"_s,
                                        {user.login, user.role, user.name,
                                         user.team.isEmpty() ? QVariant() : user.team,
                                         user.password.isEmpty() ? QVariant() : user.password});
    if (!id)
        return workflowError(id.error());
    return byId(id->toInt());
}

} // namespace cpis
