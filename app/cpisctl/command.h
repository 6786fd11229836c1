// What every cpisctl subcommand shares: exit codes, output, option parsing, opening
// the database.
#pragma once

#include "db/database_choice.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace cpis::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitCheckFailed = 1,
    kExitUsage = 2,
    kExitUnreachable = 3,
};

QTextStream &out();
QTextStream &err();

struct Command
{
    QString name;                                    // "db status"
    QString summary;                                 // one line for the command list
    std::function<int(const QStringList &args)> run; // args after the command's words
};

// Parses args; returns an exit code when the command should stop here (--help, a usage error).
std::optional<int> parseArguments(QCommandLineParser &parser, const QString &commandName,
                                  const QString &description, const QStringList &args);

// The --database option, shared by every command that uses the database.
QCommandLineOption databaseOption();
// --database, else the environment, the settings files or the embedded database
// (DatabaseChoice::choose); an error when a settings file is wrong.
Result<DatabaseChoice> databaseChoice(const QCommandLineParser &parser);
// Prints the error and gives the exit code for it: 2 for a bad connection string or settings file,
// 3 when the database cannot be reached, 1 for anything else.
int exitFor(const Error &error);

// Says what is missing from the command line, points at --help, and gives exit code 2.
int usageError(const QString &commandName, const QString &what);

// Prints an error with its hint to stderr.
void printError(const Error &error);

} // namespace cpis::cli
