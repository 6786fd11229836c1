#include "workflow/sign_in_users.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<QList<SignInUser>> listSignInUsers(Connection &connection)
{
    auto q = execute(connection, uR"(
        WITH u AS (
            SELECT w.login, w.name, coalesce(t.name, '') AS team,
                   CASE WHEN pg_has_role(w.login, 'cpis_safeguarding_admin', 'MEMBER') THEN 1
                        WHEN pg_has_role(w.login, 'cpis_key_worker', 'MEMBER') THEN 2
                        WHEN pg_has_role(w.login, 'cpis_team_manager', 'MEMBER') THEN 3
                        WHEN pg_has_role(w.login, 'cpis_sysadmin', 'MEMBER') THEN 4
                        WHEN pg_has_role(w.login, 'cpis_exchange', 'MEMBER') THEN 5
                        WHEN pg_has_role(w.login, 'cpis_records_officer', 'MEMBER') THEN 6
                        ELSE 7 END AS rank, w.id
            FROM worker w LEFT JOIN team t ON t.id = w.team_id
            WHERE NOT w.is_virtual AND w.active
              AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = w.login))
        SELECT login, name, team, rank FROM u ORDER BY rank, id)"_s);
    if (!q)
        return q.error();
    static const QStringList roles{
        u"Safeguarding Admin"_s, u"Key worker"_s,      u"Team manager"_s, u"System administrator"_s,
        u"CP-IS exchange"_s,     u"Records officer"_s, u"No role"_s};
    QList<SignInUser> users;
    for (const Row &u : *q)
        users.append(
            {u.text("login"), u.text("name"), u.text("team"), roles.value(u.integer("rank") - 1)});
    return users;
}

} // namespace cpis
