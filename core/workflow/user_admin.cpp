#include "workflow/user_admin.h"

#include "db/error_codes.h"
#include "db/password_verifier.h"
#include "db/rows.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace cpis {

const QStringList &userRoleNames()
{
    static const QStringList names{u"safeguarding-admin"_s, u"key-worker"_s, u"team-manager"_s,
                                   u"sysadmin"_s, u"records-officer"_s};
    return names;
}

QString oneTimePassword()
{
    static const QString alphabet = u"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    QString password;
    for (int i = 0; i < 16; ++i)
        password += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
    return password;
}

namespace {
const QString kSelectUsers =
    u"SELECT login, name, team, array_to_string(roles, ',') AS roles, enabled, "
    u"must_change_password, last_signed_in_at FROM list_users()"_s;

UserAccount accountFrom(const Row &r)
{
    UserAccount account;
    account.login = r.text("login");
    account.name = r.text("name");
    account.team = r.text("team");
    account.roles = r.text("roles").split(u',', Qt::SkipEmptyParts);
    account.enabled = r.boolean("enabled");
    account.mustChangePassword = r.boolean("must_change_password");
    if (!r.isNull("last_signed_in_at"))
        account.lastSignedIn = r.dateTime("last_signed_in_at");
    return account;
}

Status done(const Result<Rows> &result)
{
    if (!result)
        return result.error();
    return success();
}
} // namespace

Result<QList<UserAccount>> UserAdmin::list()
{
    auto rows = execute(m_connection, kSelectUsers);
    if (!rows)
        return rows.error();
    QList<UserAccount> users;
    for (const Row &r : *rows)
        users.append(accountFrom(r));
    return users;
}

Result<UserAccount> UserAdmin::find(const QString &login)
{
    auto rows = execute(m_connection, kSelectUsers + u" WHERE login = $1"_s, {login});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{QString::fromLatin1(errc::kNotFound),
                     u"There is no user \"%1\" in this database."_s.arg(login),
                     {},
                     u"cpisctl user list shows the users."_s};
    return accountFrom((*rows)[0]);
}

Status UserAdmin::disable(const QString &login)
{
    return done(execute(m_connection, u"SELECT disable_user($1)"_s, {login}));
}

Status UserAdmin::enable(const QString &login)
{
    return done(execute(m_connection, u"SELECT enable_user($1)"_s, {login}));
}

Result<QVariant> UserAdmin::verifier(const QString &login, const QString &password)
{
    // Only the SCRAM verifier leaves this machine: a bind parameter is in the server's log with
    // log_statement=all, and the clear password must never be.
    if (password.isEmpty())
        return Error{QString::fromLatin1(errc::kInvalid), u"The password is empty."_s, {}, {}};
    auto computed = scramVerifier(m_connection, login, password);
    if (!computed)
        return computed.error();
    return QVariant(*computed);
}

Status UserAdmin::resetPassword(const QString &login, const QString &password, bool oneTime)
{
    auto v = verifier(login, password);
    if (!v)
        return v.error();
    return done(
        execute(m_connection, u"SELECT reset_user_password($1, $2, $3)"_s, {login, *v, oneTime}));
}

Result<QStringList> UserAdmin::setRoles(const QString &login, const QStringList &roles)
{
    auto set =
        queryValue(m_connection,
                   u"SELECT array_to_string(set_user_roles($1, string_to_array($2, ',')), ',')"_s,
                   {login, roles.join(u',')});
    if (!set)
        return set.error();
    return set->text().split(u',', Qt::SkipEmptyParts);
}

Result<QStringList> UserAdmin::changeRoles(const QString &login, const QStringList &add,
                                           const QStringList &remove)
{
    auto user = find(login);
    if (!user)
        return user.error();
    QStringList roles = user->roles;
    for (const QString &role : add) {
        if (!roles.contains(role))
            roles.append(role);
    }
    for (const QString &role : remove)
        roles.removeAll(role);
    return setRoles(login, roles);
}

Status UserAdmin::changeOwnPassword(const QString &password)
{
    auto v = verifier(m_connection.currentUser(), password);
    if (!v)
        return v.error();
    return done(execute(m_connection, u"SELECT change_my_password($1)"_s, {*v}));
}

Result<bool> UserAdmin::signedIn()
{
    auto must = queryValue(m_connection, u"SELECT signed_in()"_s);
    if (!must)
        return must.error();
    return must->boolean();
}

} // namespace cpis
