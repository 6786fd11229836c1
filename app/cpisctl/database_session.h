// How every cpisctl command that uses the database starts: the database DatabaseChoice chose,
// connected (and for most commands its schema brought up to date). A failure is reported
// here, in the same words for every command, with its exit status (3 when unreachable).
#pragma once

#include "command.h"
#include "db/database_choice.h"

#include <QCommandLineParser>

namespace cpis::cli {

class DatabaseSession
{
public:
    // Connects and migrates (openAndMigrate): what almost every command needs.
    static DatabaseSession open(const QCommandLineParser &parser);
    // Connects and leaves the schema as it is: for the commands that only look at it.
    static DatabaseSession connect(const QCommandLineParser &parser);

    // False when the database could not be opened; the failure has been printed.
    explicit operator bool() const { return m_exitCode == kExitOk; }
    // The command's exit status when the database could not be opened.
    [[nodiscard]] int exitCode() const { return m_exitCode; }

    Connection &connection() { return *m_ready.db.connection; }
    // Where and as whom it is connected.
    OpenDatabase &database() { return m_ready.db; }
    // What opening did to the schema (open() only).
    ReadyDatabase &ready() { return m_ready; }
    // Which database was chosen, and by what (also when it could not be reached).
    [[nodiscard]] const DatabaseChoice &choice() const { return m_choice; }

private:
    // False (with the error printed) when no database could be chosen.
    bool choose(const QCommandLineParser &parser);

    DatabaseChoice m_choice;
    ReadyDatabase m_ready;
    int m_exitCode = kExitOk;
};

} // namespace cpis::cli
