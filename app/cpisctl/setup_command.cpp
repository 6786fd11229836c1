#include "setup_command.h"

#include "db/server_setup.h"

#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace cpis::cli {

int setup(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption database(
        u"database"_s,
        u"The server's administrator and the database to set up, e.g. \"host=db.example "
        u"dbname=cpis_production user=postgres sslmode=verify-full\" (required; never the "
        u"embedded database)."_s,
        u"conninfo"_s);
    const QCommandLineOption firstAdmin(
        u"first-admin"_s, u"Make this login the first system administrator (with a worker)."_s,
        u"login"_s);
    const QCommandLineOption name(u"name"_s, u"The first system administrator's full name."_s,
                                  u"name"_s);
    const QCommandLineOption passwordStdin(
        u"password-stdin"_s,
        u"Read the first system administrator's password from the first line of standard input."_s);
    const QCommandLineOption exchangeLogin(
        u"exchange-login"_s, u"The exchange service's login. Default: exchange.DBNAME."_s,
        u"login"_s);
    const QCommandLineOption exchangePgpass(
        u"exchange-pgpass"_s,
        u"Write the exchange login's password to FILE (.pgpass format, mode 0600) when FILE does "
        u"not exist yet, giving the login a new random password."_s,
        u"file"_s);
    parser.addOptions({database, firstAdmin, name, passwordStdin, exchangeLogin, exchangePgpass});
    if (auto stop = parseArguments(
            parser, u"setup"_s,
            u"Make or complete a CP-IS database on a shared PostgreSQL server, run by the "
            u"server's\n"
            u"administrator (a superuser, or a login with CREATEDB and CREATEROLE): the database,\n"
            u"its schema owner DBNAME_owner (cannot log in), the group roles, the migrations\n"
            u"(applied as the schema owner), the exchange login and the first system\n"
            u"administrator. Only the database's own logins may connect to it. Safe to run again:\n"
            u"it says what it found and what it did.\n"
            u"Exit status: 0 done, 1 refused or failed, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    if (!parser.isSet(database))
        return usageError(u"setup"_s, u"give --database with the administrator's connection "
                                      u"string and the database's name (dbname)."_s);
    if (parser.isSet(firstAdmin) != parser.isSet(passwordStdin))
        return usageError(u"setup"_s, u"--first-admin and --password-stdin go together."_s);
    auto admin = ConnInfo::parse(parser.value(database));
    if (!admin)
        return exitFor(admin.error());
    if (admin->value(u"dbname"_s).isEmpty())
        return usageError(u"setup"_s, u"--database must name the database (dbname=...)."_s);

    SetupRequest request{*admin, parser.value(firstAdmin),    parser.value(name),
                         {},     parser.value(exchangeLogin), parser.value(exchangePgpass)};
    if (parser.isSet(passwordStdin)) {
        std::string line;
        std::getline(std::cin, line);
        request.firstAdminPassword = QString::fromStdString(line);
        if (request.firstAdminPassword.isEmpty())
            return usageError(u"setup"_s,
                              u"--password-stdin was given but no password was read."_s);
    }
    ServerSetup run(std::move(request));
    run.setProgress([](const QString &line) {
        out() << line << "\n";
        out().flush();
    });
    if (auto done = run.run(); !done)
        return exitFor(done.error());
    out() << "Setup complete.\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
