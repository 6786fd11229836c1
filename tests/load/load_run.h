// The load test (docs/security.md section 2): simulated Safeguarding Admins and key workers, each
// a real login on its own connection, working CP-IS steps and requests through the real services
// while two exchanges keep storing and processing notifications; then the checks, made with SQL.
// Used by the loadtest command (figures) and by a short smoke run in the security tests.
#pragma once

#include "db/connection.h"

#include <QList>
#include <QMap>
#include <QString>

namespace cpis::load {

struct LoadOptions
{
    int seconds = 60;
    int users = 20; // about half Safeguarding Admins, the rest key workers
};

struct Check
{
    QString name;
    bool passed = false;
    QString detail; // what was counted, in words
};

struct LoadReport
{
    double seconds = 0;                     // how long the users worked
    QMap<QString, QList<double>> latencies; // per operation, in ms, each successful call
    QMap<QString, int> refusals;            // expected refusals, e.g. "start work: taken"
    QList<Check> checks;

    [[nodiscard]] bool passed() const;
};

// Adds the load's logins and makes its key workers the children's key workers, so the database
// must hold sample or scale data (children with NHS numbers) and be opened by its owner.
Status prepareLoad(Connection &owner, const LoadOptions &options);

// Runs the users and the exchanges for options.seconds, then checks the database. `info`
// reaches the database (its user is replaced by each login); `owner` reads what happened.
Result<LoadReport> runLoad(const ConnInfo &info, Connection &owner, const LoadOptions &options);

// The figures and the checks as a table, for the loadtest command.
QString formatReport(const LoadReport &report);

} // namespace cpis::load
