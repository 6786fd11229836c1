#include "config_commands.h"

#include "config/alert_recipients.h"
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

// "role cpis_sysadmin, team Referrals, worker jo.bloggs, key worker".
QString recipientsText(const AlertRecipients &r)
{
    QStringList parts;
    if (!r.role.isEmpty())
        parts << u"role "_s + r.role;
    if (!r.team.isEmpty())
        parts << u"team "_s + r.team;
    if (!r.workerLogin.isEmpty())
        parts << u"worker "_s + r.workerLogin;
    if (r.keyWorker)
        parts << u"the child's key worker"_s;
    return parts.join(u", "_s);
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

int configAlerts(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(
            parser, u"config alerts"_s,
            u"List the CP-IS alert types and who receives each (system administrators).\n"
            u"Exit status: 0 shown, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto all = AlertRecipientStore(session.connection()).list();
    if (!all)
        return exitFor(all.error());
    if (all->isEmpty()) {
        // The overview shows nothing to those who may not see it.
        err() << "cpisctl config alerts: only system administrators can see who receives alerts.\n";
        err().flush();
        return kExitCheckFailed;
    }
    for (const AlertRecipients &r : std::as_const(*all))
        out() << r.alertType.leftJustified(32) << recipientsText(r) << "\n";
    out().flush();
    return kExitOk;
}

int configAlertRecipients(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption role(u"role"_s,
                                  u"Everyone in this role: "_s +
                                      AlertRecipientStore::roles().join(u", "_s) + u"."_s,
                                  u"ROLE"_s);
    const QCommandLineOption team(u"team"_s, u"Everyone in this team (its name)."_s, u"TEAM"_s);
    const QCommandLineOption worker(u"worker"_s, u"This worker (a login)."_s, u"LOGIN"_s);
    const QCommandLineOption keyWorker(u"key-worker"_s,
                                       u"The child's key worker (alerts about a child only)."_s);
    parser.addOptions({role, team, worker, keyWorker});
    parser.addPositionalArgument(u"TYPE"_s, u"The alert type, e.g. \"CP-IS upload failed\"."_s);
    if (auto stop = parseArguments(
            parser, u"config alert-recipients"_s,
            u"Choose who receives one CP-IS alert type: any of a role, a team, a worker and the\n"
            u"child's key worker; the ones not given no longer receive it. System\n"
            u"administrators only. 'cpisctl config alerts' lists the types.\n"
            u"Exit status: 0 changed, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(u"config alert-recipients"_s, u"give one alert TYPE (in quotes)."_s);
    AlertRecipients chosen;
    chosen.alertType = positional.first();
    chosen.role = parser.value(role).trimmed();
    chosen.team = parser.value(team).trimmed();
    chosen.workerLogin = parser.value(worker).trimmed();
    chosen.keyWorker = parser.isSet(keyWorker);
    for (const auto &[option, value] :
         {std::pair{u"--role"_s, chosen.role}, std::pair{u"--team"_s, chosen.team},
          std::pair{u"--worker"_s, chosen.workerLogin}}) {
        if (parser.isSet(option.mid(2)) && value.isEmpty())
            return usageError(u"config alert-recipients"_s, option + u" needs a value."_s);
    }
    if (!chosen.role.isEmpty() && !AlertRecipientStore::roles().contains(chosen.role)) {
        return usageError(u"config alert-recipients"_s,
                          u"--role %1 is not a role alerts go to: give one of %2."_s.arg(
                              chosen.role, AlertRecipientStore::roles().join(u", "_s)));
    }
    if (chosen.role.isEmpty() && chosen.team.isEmpty() && chosen.workerLogin.isEmpty() &&
        !chosen.keyWorker) {
        return usageError(u"config alert-recipients"_s,
                          u"give at least one of --role, --team, --worker, --key-worker."_s);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    if (auto set = AlertRecipientStore(session.connection()).set(chosen); !set)
        return exitFor(set.error());
    out() << chosen.alertType << ": " << recipientsText(chosen) << "\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
