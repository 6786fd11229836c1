// How the CP-IS exchange is doing, from the database's own record of runs (SQL
// exchange_health, the one rule for "stalled"), in words: for every admin's workview, for
// `cpisctl exchange --check` and for monitoring. It works while the exchange service is down.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cpis {

struct ExchangeHealth
{
    Q_DECLARE_TR_FUNCTIONS(cpis::ExchangeHealth)

public:
    bool configured = false;     // MESH has an address, or the exchange has run before
    bool stalled = false;        // no run has collected the inbox since missedRun
    bool uploadsFailing = false; // the latest run could not send an upload to CP-IS
    QDateTime lastSuccess;       // the last run that collected the inbox; invalid: never
    QDateTime missedRun;         // the scheduled run that has not succeeded (when stalled)
    QDateTime nextRun;           // the next scheduled run
    QDateTime checkedAt;         // the database's now, which the words are relative to

    // As of now, or of `at` (for tests and for a report about an earlier time).
    static Result<ExchangeHealth> load(Connection &connection, const QDateTime &at = {});

    // "CP-IS exchange: last successful run at 11:00 today; next at 14:00".
    [[nodiscard]] QString statusLine() const;
    // "CP-IS exchange: last successful run at 11:00 today; the 14:00 run has not succeeded
    // (it is 14:45)"; the status line when it has not stalled.
    [[nodiscard]] QString summary() const;
    // For `cpisctl exchange --check`: the summary, and which part fails ("notifications are not
    // being collected", "uploads to CP-IS are not being sent").
    [[nodiscard]] QString checkLine() const;
    // What the workview says while uploads fail and notifications are still collected.
    [[nodiscard]] static QString uploadsFailingText();
    // "11:00 today", "16:45 yesterday", "08:00 tomorrow", "16:45 on 03/12/2026", in UK time.
    [[nodiscard]] QString when(const QDateTime &at) const;

private:
    // As when(), but a time today is the time alone ("14:00").
    [[nodiscard]] QString sameDayWhen(const QDateTime &at) const;
    // "last successful run at 11:00 today" or "no successful run yet".
    [[nodiscard]] QString lastRun() const;
};

} // namespace cpis
