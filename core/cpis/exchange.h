// One full exchange with CP-IS: send what is waiting, then download, store, acknowledge
// and process everything in the MESH inbox. Only one runs at a time across all machines.
#pragma once

#include "cpis/inbound_processor.h"
#include "cpis/schema_validator.h"
#include "cpis/upload_builder.h"
#include "db/connection.h"
#include "result.h"

#include <functional>

namespace cpis {

class Row;

struct ExchangeReport
{
    QList<qint64> uploadsSent; // sequence numbers
    QList<BlockedChild> blocked;
    QList<InboundOutcome> inbound;
    // Messages that could not be downloaded (expired, damaged), and why: the run then
    // counts as failed, and a damaged one is downloaded again at the next exchange.
    QStringList leftInInbox;
    // CP-IS refused this version of the program (CPF06): nothing was built or sent.
    bool uploadsStopped = false;
    QString uploadRefused; // why no upload was built (a sending-authority setting is empty)
    [[nodiscard]] int quarantined() const;
};

class Exchange
{
public:
    using Progress = std::function<void(const QString &)>;
    // Held (shared) by each running exchange service for as long as it runs, so the monitor
    // can say plainly when none is: the lock goes when the process or its connection does.
    static constexpr qint64 kServiceLockKey = 0x43504953'53455256; // "CPISSERV"
    explicit Exchange(Connection &connection, Progress progress = {});

    // Refused with code "exchange.busy", naming the holder, while another exchange holds the
    // lock: the lease on the one row of exchange_lock, which only the exchange role may take.
    Result<ExchangeReport> runOnce();
    // Who holds the exchange lock ("login cpis_exchange (application cpisctl) since 11:00:03"),
    // empty when no live session does.
    static Result<QString> lockHolder(Connection &connection);
    // Takes the lease (false: another live session holds it) and gives it back; runOnce does
    // both. An error when this login may not take it (not in the exchange role).
    Result<bool> takeLock();
    void releaseLock();

    // The next scheduled run after `now` for the configured times of day.
    static QDateTime nextRun(const QList<QTime> &times, const QDateTime &now);

    // True while an "Exchange now" request from the monitor waits for an exchange to start.
    static Result<bool> hasWaitingRequest(Connection &connection);
    // When MESH delivered a message, from the UTC time its id starts with
    // (yyyyMMddHHmmss..., as MESH assigns them); invalid when the id has no such prefix.
    static QDateTime deliveredAt(const QString &meshMessageId);

private:
    Result<ExchangeReport> exchange();
    Status warnIfStalled();
    Status checkInbox(const QStringList &ids);
    // The DMS schemas when cpis.schema_dir is set (null when not); an error, after alerting
    // the CP-IS administrators, when the folder cannot be loaded.
    Result<std::shared_ptr<const hl7::SchemaValidator>> loadSchemas(const QString &schemaDir);
    Status sendReadyUploads(const ExchangeConfig &config, class MeshClient &mesh,
                            const hl7::SchemaValidator *schemas, ExchangeReport &report);
    // Whether this ready upload may go: without schemas, or valid against them; one that is not
    // stays ready (and the later ones with it), its detail says why, and the administrators
    // hear once per reason.
    Result<bool> validForSending(const hl7::SchemaValidator *schemas, const Row &upload);
    // Sends one ready upload and returns its MESH message id; one whose earlier POST may have
    // reached MESH is first looked up by its local id, and not sent again when found.
    Result<QString> sendOnce(const ExchangeConfig &config, class MeshClient &mesh,
                             const Row &upload);
    // Collects the inbox; processes what came only when `process` (the schemas, if any, loaded).
    Status receive(MeshClient &mesh, ExchangeReport &report,
                   const std::shared_ptr<const hl7::SchemaValidator> &schemas, bool process);
    // Raises it for the CP-IS administrators unless the same one is still unacknowledged.
    Status alertAdministratorsOnce(const QString &type, const QString &text);
    void say(const QString &line) const;

    Connection &m_connection;
    Progress m_progress;
};

} // namespace cpis
