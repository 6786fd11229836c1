// cpisctl: the command-line companion to cpis-workview.
#include "command.h"
#include "config_commands.h"
#include "config_list_commands.h"
#include "db_backup_commands.h"
#include "db_commands.h"
#include "exchange_commands.h"
#include "exchange_key_command.h"
#include "nhs_number_commands.h"
#include "records_export_command.h"
#include "records_import_commands.h"
#include "report_commands.h"
#include "sample_data_command.h"
#include "setup_command.h"
#include "user_commands.h"
#include "validate_command.h"
#include "workview_command.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace cpis::cli;

namespace {
const QList<Command> &commands()
{
    static const QList<Command> list{
        {u"db status"_s, u"where the database is, server and schema version"_s, dbStatus},
        {u"db migrate"_s, u"apply pending schema migrations"_s, dbMigrate},
        {u"db stop"_s, u"stop the embedded database server"_s, dbStop},
        {u"setup"_s, u"make a CP-IS database on a shared server (its administrator)"_s, setup},
        {u"db init"_s, u"make the embedded database (--empty: without sample data)"_s, dbInit},
        {u"db backup"_s, u"back up the embedded database to a file"_s, dbBackup},
        {u"db restore"_s, u"restore the embedded database from a backup"_s, dbRestore},
        {u"nhs-number check"_s, u"check NHS numbers (Modulus 11)"_s, nhsNumberCheck},
        {u"user add"_s, u"create a user: login, role and worker"_s, userAdd},
        {u"user list"_s, u"the users: team, roles, enabled, last sign-in"_s, userList},
        {u"user disable"_s, u"stop a user signing in"_s, userDisable},
        {u"user enable"_s, u"let a disabled user sign in again"_s, userEnable},
        {u"user password"_s, u"a new password (one-time unless --password-stdin)"_s, userPassword},
        {u"user roles"_s, u"show or change a user's roles"_s, userRoles},
        {u"workview"_s, u"a worker's Current work and Incoming requests"_s, workview},
        {u"sample-data"_s, u"load the fictional sample data"_s, sampleData},
        {u"exchange keygen"_s, u"make the exchange's key pair for the MESH secrets"_s,
         exchangeKeygen},
        {u"exchange"_s, u"exchange with CP-IS through MESH (--once, or on the schedule)"_s,
         exchange},
        {u"import"_s, u"process CP-IS message files by hand"_s, importFiles},
        {u"export-upload"_s, u"write the next upload file without sending it"_s, exportUpload},
        {u"validate"_s, u"check CP-IS message files against NHS England's schemas"_s,
         validateFiles},
        {u"config list"_s, u"list the configuration"_s, configList},
        {u"config get"_s, u"show one setting"_s, configGet},
        {u"report data-quality"_s, u"children CP-IS cannot flag, and why (--csv)"_s,
         reportDataQuality},
        {u"records export"_s, u"what happened to each CP-IS notification, as CSV"_s, recordsExport},
        {u"records import"_s, u"import children on plans from the main case system (CSV)"_s,
         recordsImport},
        {u"config set"_s, u"change one setting (system administrators)"_s, configSet},
        {u"config alerts"_s, u"who receives each CP-IS alert"_s, configAlerts},
        {u"config alert-recipients"_s,
         u"choose who receives a CP-IS alert (system administrators)"_s, configAlertRecipients},
        {u"config lists"_s, u"the lists and note templates"_s, configLists},
        {u"config list-item add"_s, u"add an item to a list (system administrators)"_s,
         configListItemAdd},
        {u"config list-item rename"_s, u"rename a list item"_s, configListItemRename},
        {u"config list-item retire"_s, u"stop offering a list item"_s, configListItemRetire},
        {u"config template set"_s, u"replace a note template (from standard input)"_s,
         configTemplateSet},
        {u"config bank-holiday add"_s, u"add a bank holiday"_s, configBankHolidayAdd},
        {u"config bank-holiday remove"_s, u"remove a bank holiday"_s, configBankHolidayRemove},
    };
    return list;
}

void printUsage(QTextStream &to)
{
    to << "Usage: cpisctl COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command &c : commands())
        to << "  " << c.name.leftJustified(28) << c.summary << "\n";
    to << "\n'cpisctl COMMAND --help' explains a command.\n"
          "Exit status: 0 ok, 1 the thing checked failed, 2 usage error, 3 database unreachable.\n";
    to.flush();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cpis-workview"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);

    if (args.isEmpty() || args.first() == u"--help"_s || args.first() == u"-h"_s ||
        args.first() == u"help"_s) {
        printUsage(args.isEmpty() ? err() : out());
        return args.isEmpty() ? kExitUsage : kExitOk;
    }
    if (args.first() == u"--version"_s) {
        out() << "cpisctl " << QCoreApplication::applicationVersion() << "\n";
        return kExitOk;
    }
    for (const Command &c : commands()) {
        const QStringList words = c.name.split(u' ');
        if (args.mid(0, words.size()) == words)
            return c.run(args.mid(words.size()));
    }
    err() << "cpisctl: unknown command '" << args.join(u' ') << "'.\n\n";
    printUsage(err());
    return kExitUsage;
}
