#include "command.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cpis::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QString &commandName,
                                  const QString &description, const QStringList &args)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    // QCommandLineParser takes the first argument as the program name.
    if (!parser.parse(QStringList{u"cpisctl "_s + commandName} + args)) {
        return usageError(commandName, parser.errorText());
    }
    if (parser.isSet(help)) {
        // helpText() names the program by its path; show the command as it is typed.
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(u" [options]"_s);
        if (text.startsWith(u"Usage: "_s) && options > 0)
            text.replace(0, options, u"Usage: cpisctl "_s + commandName);
        out() << text;
        out().flush();
        return kExitOk;
    }
    return std::nullopt;
}

int usageError(const QString &commandName, const QString &what)
{
    err() << "cpisctl " << commandName << ": " << what << "\nTry 'cpisctl " << commandName
          << " --help'.\n";
    err().flush();
    return kExitUsage;
}

QCommandLineOption databaseOption()
{
    return QCommandLineOption(
        u"database"_s,
        u"PostgreSQL connection string or URI. Default: $CPIS_DATABASE, then "
        u"PGHOST/PGSERVICE, then [database] conninfo= in your "
        u"~/.config/cpis-workview/cpis-workview.conf, then in the site file "
        u"/etc/cpis-workview/cpis-workview.conf, then the embedded database."_s,
        u"conninfo"_s);
}

Result<DatabaseChoice> databaseChoice(const QCommandLineParser &parser)
{
    const QString name = u"database"_s;
    return DatabaseChoice::choose(parser.isSet(name) ? std::optional(parser.value(name))
                                                     : std::nullopt);
}

void printError(const Error &error)
{
    err() << "cpisctl: " << error.message << "\n";
    if (!error.hint.isEmpty())
        err() << "What to try: " << error.hint << "\n";
    err().flush();
}

int exitFor(const Error &error)
{
    printError(error);
    if (error.code == u"db.conninfo"_s || error.code == u"db.settings_file"_s)
        return kExitUsage;
    if (error.code == u"db.unreachable"_s || error.code.startsWith(u"cluster."_s))
        return kExitUnreachable;
    return kExitCheckFailed;
}

} // namespace cpis::cli
