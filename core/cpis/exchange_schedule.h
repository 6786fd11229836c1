// The exchange service's one job: run the exchange at the times in exchange.times, and at
// once when a system administrator asks for it (Exchange now), until asked to stop. It
// outlives a database restart or failover and a MESH outage: it reconnects (or waits for MESH)
// with backoff, says so once in words, and runs the missed exchange as soon as it can. What a
// run does is Exchange's; what is said about it is the caller's (through the callbacks).
#pragma once

#include "cpis/exchange.h"
#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace cpis {

class ChangeListener;

class ExchangeSchedule
{
public:
    // How often the table is looked at for requests a notification did not bring; the look
    // also finds a connection the server has dropped.
    static constexpr int kRequestCheckSeconds = 10;

    struct Callbacks
    {
        // Progress, a line at a time: the next run's time, a requested run, the run's own lines.
        std::function<void(const QString &line)> progress;
        // Something that does not stop the schedule but leaves it working less well: said once
        // per problem, not once per retry.
        std::function<void(const QString &line)> warning;
        // After each run, with its report or why it failed; a failed run is tried again at the
        // next time (at once when the database or MESH is back after an outage).
        std::function<void(const Result<ExchangeReport> &run)> finished;
    };
    // Opens a fresh connection to the same database, after the last one was lost.
    using Connect = std::function<Result<std::unique_ptr<Connection>>()>;

    // `connection` may be null (the database was away at the start): `reconnect` then opens it.
    ExchangeSchedule(std::unique_ptr<Connection> connection, Connect reconnect,
                     Callbacks callbacks);
    ~ExchangeSchedule();
    Q_DISABLE_COPY_MOVE(ExchangeSchedule)

    // Waits and runs until `stopRequested` becomes true (it may be set from a signal
    // handler): nothing else ends it.
    Status run(const std::atomic<bool> &stopRequested);

    // The pause before the n-th try (0-based) to reach the database or MESH again: 1 s
    // doubling to 60 s.
    static int backoffMs(int attempt);

private:
    enum class Wait { Due, Requested, Stopped, Lost };

    void announceService();
    void listen();
    bool reconnect(const std::atomic<bool> &stop);
    bool waitForMesh(const ExchangeConfig &config, const std::atomic<bool> &stop);
    Wait waitUntil(const QDateTime &due, const std::atomic<bool> &stop);
    bool lookForRequest();
    // True when the connection is gone (says so once); it is then opened again.
    bool isLost(const Error &error);
    void troubleOnce(const QString &kind, const Error &error, const QString &line);
    bool pause(int ms, const std::atomic<bool> &stop);
    void say(const QString &line) const;
    void warn(const QString &line) const;

    std::unique_ptr<Connection> m_connection;
    Connect m_reconnect;
    Callbacks m_callbacks;
    std::unique_ptr<ChangeListener> m_listener;
    bool m_requested = false;
    bool m_lost = false;
    QString m_lastTrouble; // what was last said about an outage, so a retry does not repeat it
};

} // namespace cpis
