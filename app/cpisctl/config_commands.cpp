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
            u"cpis.shared_plans (e.g. CPP,UCPP,C1,C2,V2: CPP and UCPP child protection plans,\n"
            u"  and the DfE looked-after legal statuses C1 interim care order (s38), C2 full care\n"
            u"  order (s31), D1 freeing order, E1 placement order, J1, J2, J3, L1, L2, L3, V2\n"
            u"  single period of accommodation (s20); V3 and V4, short breaks, are never shared),\n"
            u"the sending authority shown to clinicians beside every flag (without all four no\n"
            u"upload is sent): cpis.authority_ods, cpis.authority_name (1 to 100 characters),\n"
            u"cpis.phone_office_hours, cpis.phone_out_of_hours (e.g. 01632 960000),\n"
            u"cpis.schema_dir (the DMS schema folder; empty: no validation),\n"
            u"cpis.access_sources (ODS=category for organisations we know, e.g.\n"
            u"  RTG=minor_injury_unit; categories emergency_department, urgent_treatment,\n"
            u"  minor_injury_unit, out_of_hours_111, other),\n"
            u"mesh.url, mesh.mailbox, mesh.password, mesh.shared_secret, mesh.cpis_mailbox,\n"
            u"mesh.workflow_upload, mesh.client_cert, mesh.client_key, mesh.ca_cert,\n"
            u"mesh.secrets_public_key (the line `cpisctl exchange keygen` prints: mesh.password\n"
            u"  and mesh.shared_secret are sealed with it here, before they are sent),\n"
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
