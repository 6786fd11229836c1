// What the exchange monitor shows (last and next exchange, requests to exchange now, recent
// uploads and messages, what is quarantined and why) and what a system administrator does
// from it: ask for an exchange now, process a quarantined message again, mark it resolved.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QTime>

#include <optional>

namespace cpis {

struct ExchangeRunInfo
{
    qint64 id = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString status; // running, ok, failed
    int uploadsSent = 0;
    int received = 0;
    int quarantined = 0;
    QString error;
};

// An "Exchange now" request and, once an exchange has started for it, that run.
struct ExchangeRequestInfo
{
    qint64 id = 0;
    QDateTime requestedAt;
    QString requestedBy; // the worker's name (or login)
    QDateTime pickedUpAt;
    std::optional<ExchangeRunInfo> run;
};

struct MonitorUpload
{
    qint64 sequenceNumber = 0;
    QDateTime createdAt;
    QDateTime sentAt;
    QString status; // ready, sent, acknowledged, failed, resend
    int children = 0;
    int rejected = 0; // records CP-IS refused
    QString fileCode;
    QString detail;
};

struct MonitorMessage
{
    qint64 id = 0;
    QDateTime receivedAt;
    QString kind;   // access_notification, acknowledgement, ... (empty when unreadable)
    QString status; // received, processed, quarantined, resolved
    QString reason; // why it is quarantined
    QString outcome;
    QString fileName;
    QString resolvedNote;
};

struct ExchangeMonitorData
{
    std::optional<ExchangeRunInfo> lastRun; // the most recent, perhaps still running
    std::optional<ExchangeRunInfo> lastSuccess;
    // An exchange holds its lock right now: a run left "running" without it was interrupted.
    bool exchangeRunning = false;
    // At least one exchange service (cpisctl exchange) is running and listening.
    bool serviceRunning = false;
    QDateTime nextRun; // invalid when no time is configured
    std::optional<ExchangeRequestInfo> latestRequest;
    int inboxWaiting = 0; // messages the last inbox listing showed and not yet collected
    QDateTime inboxOldest;
    QList<MonitorUpload> uploads;   // newest first
    QList<MonitorMessage> messages; // newest first
    // Oldest first, the ones waiting longest: quarantined, and received but left waiting by an
    // exchange that could not process them (their reason says why).
    QList<MonitorMessage> quarantined;
    QDateTime loadedAt; // the database's clock
};

class ExchangeMonitor
{
public:
    static constexpr int kRecentRows = 50;
    explicit ExchangeMonitor(Connection &connection) : m_connection(connection) {}

    Result<ExchangeMonitorData> load();
    // Records the request (system administrators only) and wakes the exchange service.
    Result<qint64> requestExchange();
    // Back to received, and an exchange requested so that it is processed now.
    Status processAgain(qint64 messageId);
    // Any message not processed (quarantined, or received and never processed). The note is
    // required: the database refuses an empty one.
    Status resolve(qint64 messageId, const QString &note);

private:
    Connection &m_connection;
};

} // namespace cpis
