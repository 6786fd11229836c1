#include "user_commands.h"

#include "database_session.h"
#include "workflow/worker_directory.h"

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace cpis::cli {

int userAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption role(
        u"role"_s,
        u"safeguarding-admin, key-worker, team-manager, sysadmin, exchange or records-officer."_s,
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
        std::string line;
        std::getline(std::cin, line);
        user.password = QString::fromStdString(line);
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

} // namespace cpis::cli
