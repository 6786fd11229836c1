// The exchange service's one job: run the exchange at the times in exchange.times, and at
// once when a system administrator asks for it (Exchange now), until asked to stop. What a
// run does is Exchange's; what is said about it is the caller's (through the callbacks).
#pragma once

#include "cpis/exchange.h"
#include "db/connection.h"
#include "result.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cpis {

class ExchangeSchedule
{
public:
    // How often the table is looked at for requests a notification did not bring.
    static constexpr int kRequestCheckSeconds = 30;

    struct Callbacks
    {
        // Progress, a line at a time: the next run's time, a requested run, the run's own lines.
        std::function<void(const QString &line)> progress;
        // Something that does not stop the schedule but leaves it working less well.
        std::function<void(const QString &line)> warning;
        // After each run, with its report or why it failed; a failed run is tried again at the
        // next time.
        std::function<void(const Result<ExchangeReport> &run)> finished;
    };

    ExchangeSchedule(Connection &connection, Callbacks callbacks);

    // Waits and runs until `stopRequested` becomes true (it may be set from a signal
    // handler). Fails only when the schedule itself cannot be read.
    Status run(const std::atomic<bool> &stopRequested);

private:
    void announceService();
    void say(const QString &line) const;
    void warn(const QString &line) const;

    Connection &m_connection;
    Callbacks m_callbacks;
};

} // namespace cpis
