#include "user_commands.h"

#include "database_session.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
// The first line of standard input, without its line ending.
QString passwordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}
} // namespace

int userAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption role(
        u"role"_s,
        u"safeguarding-admin, key-worker, team-manager, sysadmin or records-officer (the "
        u"exchange's login: cpisctl setup)."_s,
        u"role"_s);
    const QCommandLineOption name(u"name"_s, u"The worker's full name, e.g. \"Jane Okafor\"."_s,
                                  u"name"_s);
    const QCommandLineOption team(u"team"_s, u"The worker's team (created when new)."_s, u"team"_s);
    const QCommandLineOption passwordStdin(
        u"password-stdin"_s,
        u"Read the new login's password from the first line of standard input."_s);
    parser.addOptions({role, name, team, passwordStdin});
    parser.addPositionalArgument(u"LOGIN"_s,
                                 u"The PostgreSQL login to create, e.g. jane.okafor."_s);
    if (auto stop = parseArguments(
            parser, u"user add"_s,
            u"Create a user: a PostgreSQL login in the role's group, and their worker.\n"
            u"System administrators only (enforced by the database).\n"
            u"Exit status: 0 added, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(role) || !parser.isSet(name)) {
        return usageError(u"user add"_s, u"give one LOGIN, --role and --name."_s);
    }
    WorkerDirectory::NewUser user{parser.positionalArguments().first(),
                                  parser.value(role),
                                  parser.value(name),
                                  parser.value(team),
                                  {}};
    if (parser.isSet(passwordStdin)) {
        user.password = passwordFromStdin();
        if (user.password.isEmpty()) {
            return usageError(u"user add"_s,
                              u"--password-stdin was given but no password was read."_s);
        }
    }

    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto added = WorkerDirectory(session.connection()).addUser(user);
    if (!added)
        return exitFor(added.error());
    out() << "Added " << added->login << " (" << added->name << ") as " << user.role;
    if (!added->team.isEmpty())
        out() << " in " << added->team;
    out() << ": worker " << added->id << ".\n";
    out().flush();
    return kExitOk;
}

namespace {
const QString kExitStatus = u"Exit status: 0 done, 1 refused, 2 usage error, 3 unreachable."_s;

// Parses a user subcommand taking one LOGIN; the session is opened by the caller.
std::optional<int> parseOneLogin(QCommandLineParser &parser, const QString &command,
                                 const QString &description, const QStringList &args)
{
    parser.addOption(databaseOption());
    parser.addPositionalArgument(u"LOGIN"_s, u"The user's login, e.g. jane.okafor."_s);
    if (auto stop = parseArguments(parser, command, description + u"\n"_s + kExitStatus, args))
        return stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, u"give one LOGIN."_s);
    return std::nullopt;
}

// Opens the database and runs one UserAdmin action; prints the refusal when there is one.
template<typename Action> int withUsers(const QCommandLineParser &parser, Action action)
{
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    UserAdmin users(session.connection());
    return action(users);
}

QString whenSignedIn(const UserAccount &user)
{
    return user.lastSignedIn.isValid()
               ? user.lastSignedIn.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)
               : u"-"_s;
}

int setEnabled(const QStringList &args, bool enabled)
{
    const QString command = enabled ? u"user enable"_s : u"user disable"_s;
    QCommandLineParser parser;
    if (auto stop = parseOneLogin(
            parser, command,
            enabled ? u"Let a disabled user sign in again.\nSystem administrators only."_s
                    : u"Stop a user signing in: their login cannot connect and their worker is "
                      u"inactive; the steps they hold stay in their colleagues' workview, to take "
                      u"over.\nSystem administrators only; nobody can disable themselves."_s,
            args))
        return *stop;
    const QString login = parser.positionalArguments().first();
    return withUsers(parser, [&](UserAdmin &users) {
        const Status status = enabled ? users.enable(login) : users.disable(login);
        if (!status)
            return exitFor(status.error());
        out() << (enabled ? "Enabled " : "Disabled ") << login << ".\n";
        out().flush();
        return int(kExitOk);
    });
}
} // namespace

int userList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(
            parser, u"user list"_s,
            u"List the users: login, name, team, roles, whether they can sign in, and their "
            u"last sign-in when known.\nSystem administrators only.\n"_s +
                kExitStatus,
            args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"user list"_s, u"takes no arguments."_s);
    return withUsers(parser, [](UserAdmin &users) {
        auto all = users.list();
        if (!all)
            return exitFor(all.error());
        out() << "login\tname\tteam\troles\tenabled\tlast sign-in\n";
        for (const UserAccount &u : *all) {
            out() << u.login << '\t' << u.name << '\t' << (u.team.isEmpty() ? u"-"_s : u.team)
                  << '\t' << u.roles.join(u',') << '\t'
                  << (u.enabled ? (u.mustChangePassword ? "yes (must change password)" : "yes")
                                : "no")
                  << '\t' << whenSignedIn(u) << '\n';
        }
        out().flush();
        return int(kExitOk);
    });
}

int userDisable(const QStringList &args)
{
    return setEnabled(args, false);
}

int userEnable(const QStringList &args)
{
    return setEnabled(args, true);
}

int userPassword(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption passwordStdin(
        u"password-stdin"_s,
        u"Read the new password from the first line of standard input; the user keeps it. "
        u"Without it, a one-time password is made and printed: the user must change it at "
        u"next sign-in."_s);
    parser.addOption(passwordStdin);
    if (auto stop = parseOneLogin(parser, u"user password"_s,
                                  u"Give a user a new password (only its SCRAM verifier reaches "
                                  u"the database).\nSystem administrators only."_s,
                                  args))
        return *stop;
    const QString login = parser.positionalArguments().first();
    const bool oneTime = !parser.isSet(passwordStdin);
    const QString password = oneTime ? oneTimePassword() : passwordFromStdin();
    if (password.isEmpty())
        return usageError(u"user password"_s,
                          u"--password-stdin was given but no password was read."_s);
    return withUsers(parser, [&](UserAdmin &users) {
        if (auto status = users.resetPassword(login, password, oneTime); !status)
            return exitFor(status.error());
        if (oneTime) {
            out() << "One-time password for " << login << ": " << password << '\n'
                  << login << " must choose a new password at next sign-in.\n";
        } else {
            out() << "Password set for " << login << ".\n";
        }
        out().flush();
        return int(kExitOk);
    });
}

int userRoles(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption add(u"add"_s, u"Give the user this role (repeatable)."_s, u"role"_s);
    const QCommandLineOption remove(u"remove"_s, u"Take this role away (repeatable)."_s, u"role"_s);
    const QCommandLineOption set(
        u"set"_s, u"Set exactly these roles, comma-separated, e.g. key-worker,team-manager."_s,
        u"roles"_s);
    parser.addOptions({add, remove, set});
    if (auto stop = parseOneLogin(
            parser, u"user roles"_s,
            u"Show or change a user's roles: "_s + userRoleNames().join(u", "_s) +
                u".\nSystem administrators only; nobody can remove their own sysadmin role."_s,
            args))
        return *stop;
    if (parser.isSet(set) && (parser.isSet(add) || parser.isSet(remove)))
        return usageError(u"user roles"_s, u"give --set, or --add/--remove, not both."_s);
    const QString login = parser.positionalArguments().first();
    return withUsers(parser, [&](UserAdmin &users) {
        Result<QStringList> roles = QStringList();
        if (parser.isSet(set))
            roles = users.setRoles(login, parser.value(set).split(u',', Qt::SkipEmptyParts));
        else if (parser.isSet(add) || parser.isSet(remove))
            roles = users.changeRoles(login, parser.values(add), parser.values(remove));
        else if (auto user = users.find(login))
            roles = user->roles;
        else
            roles = user.error();
        if (!roles)
            return exitFor(roles.error());
        out() << login << ": " << roles->join(u", "_s) << '\n';
        out().flush();
        return int(kExitOk);
    });
}

} // namespace cpis::cli
