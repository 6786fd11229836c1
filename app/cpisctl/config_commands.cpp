#include "config_commands.h"

#include "config/config_store.h"
#include "database_session.h"

#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
QString shown(const ConfigEntry &e)
{
    if (e.secret)
        return e.value.isEmpty() ? u"(secret, not set)"_s : u"(secret, set)"_s;
    return e.value.isEmpty() ? u"(not set)"_s : e.value;
}
} // namespace

int configList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(
            parser, u"config list"_s,
            u"List the CP-IS configuration (secrets are shown only as set or not set).\n"
            u"Exit status: 0 shown, 1 failed, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto entries = ConfigStore(session.connection()).list();
    if (!entries)
        return exitFor(entries.error());
    for (const ConfigEntry &e : std::as_const(*entries))
        out() << e.key.leftJustified(24) << shown(e) << "\n";
    out().flush();
    return kExitOk;
}

int configGet(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    parser.addPositionalArgument(u"KEY"_s, u"The setting, e.g. cpis.handling_mode."_s);
    if (auto stop = parseArguments(
            parser, u"config get"_s,
            u"Print one setting's value (a secret only as set or not set).\n"
            u"Exit status: 0 shown, 1 no such setting, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        return usageError(u"config get"_s, u"give one KEY."_s);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto entry = ConfigStore(session.connection()).get(parser.positionalArguments().first());
    if (!entry)
        return exitFor(entry.error());
    out() << shown(*entry) << "\n";
    out().flush();
    return kExitOk;
}

int configSet(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption fromStdin(u"stdin"_s,
                                       u"Read the value from the first line of standard input "
                                       u"(for secrets: keeps them out of the shell's history)."_s);
    parser.addOption(fromStdin);
    parser.addPositionalArgument(u"KEY"_s, u"The setting, e.g. exchange.times."_s);
    parser.addPositionalArgument(u"VALUE"_s, u"The new value, e.g. 08:00,11:00,14:00,16:45."_s);
    if (auto stop = parseArguments(
            parser, u"config set"_s,
            u"Change a setting. System administrators only; the database checks the value\n"
            u"and records who changed it. Open clients pick the change up at once.\n"
            u"Keys: cpis.handling_mode (work_step | case_note_and_alert), cpis.handling_target,\n"
            u"cpis.shared_plans (e.g. CPP,UCPP,s31,s38,s20), cpis.authority_ods,\n"
            u"cpis.schema_dir (the DMS schema folder; empty: no validation), mesh.url,\n"
            u"mesh.mailbox, mesh.password, mesh.shared_secret, mesh.cpis_mailbox,\n"
            u"mesh.workflow_upload, mesh.client_cert, mesh.client_key, mesh.ca_cert,\n"
            u"exchange.times (e.g. 08:00,11:00,14:00,16:45).\n"
            u"Exit status: 0 changed, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    const bool readStdin = parser.isSet(fromStdin);
    if (positional.size() != (readStdin ? 1 : 2)) {
        return usageError(u"config set"_s, u"give KEY and VALUE (or KEY with --stdin)."_s);
    }
    QString value;
    if (readStdin) {
        std::string line;
        std::getline(std::cin, line);
        value = QString::fromStdString(line);
    } else {
        value = positional.at(1);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    ConfigStore store(session.connection());
    if (auto set = store.set(positional.first(), value); !set)
        return exitFor(set.error());
    auto entry = store.get(positional.first());
    out() << positional.first() << " = " << (entry ? shown(*entry) : QString()) << "\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
