// One full exchange with CP-IS: send what is waiting, then download, store, acknowledge
// and process everything in the MESH inbox. Only one runs at a time across all machines.
// Sending, receiving and processing are independent: one failing never stops the others.
#pragma once

#include "cpis/inbound_processor.h"
#include "cpis/schema_validator.h"
#include "cpis/upload_builder.h"
#include "db/connection.h"
#include "result.h"

#include <functional>
#include <optional>

namespace cpis {

class MeshClient;
class Row;
struct ExchangeConfig;

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
    // What else failed, in words, while the rest of the run went on: an upload MESH refused
    // or that could not be sent, messages that could not be processed.
    QStringList failures;
    // The inbox was listed, what could be downloaded stored, and what is stored processed: the
    // part that must never stop (exchange_health's "stalled" follows it).
    bool inboxCollected = false;
    // An upload was held back (refused, not sent, not valid) or none could be built or sent.
    bool uploadsFailed = false;
    [[nodiscard]] int quarantined() const;
    // Everything that makes the run count as failed, in words: empty when it went well.
    [[nodiscard]] QStringList problems() const;
};

class Exchange
{
public:
    using Progress = std::function<void(const QString &)>;
    explicit Exchange(Connection &connection, Progress progress = {});

    // Refused with code "exchange.busy", naming the holder, while another exchange holds the
    // lock: the lease on the one row of exchange_lock, which only the exchange role may take.
    // An error too when the inbox could not be listed (or the database was lost): its message
    // then says everything that failed, and what was already stored has been processed.
    // Otherwise the report, whose problems() say what failed while the rest went on.
    Result<ExchangeReport> runOnce();
    // Who holds the exchange lock ("login cpis_exchange (application cpisctl) since 11:00:03"),
    // empty when no live session does.
    static Result<QString> lockHolder(Connection &connection);
    // Takes the lease (false: another live session holds it) and gives it back; runOnce does
    // both. An error when this login may not take it (not in the exchange role).
    Result<bool> takeLock();
    void releaseLock();

    // Each running exchange service says so with a row of exchange_service naming its backend,
    // which only the exchange role may write (an advisory lock any login could take); it counts
    // while that backend lives, so the monitor can say plainly when no service runs.
    static Status announceService(Connection &connection);
    static Result<bool> serviceRunning(Connection &connection);

    // The next scheduled run after `now` for the configured times of day.
    static QDateTime nextRun(const QList<QTime> &times, const QDateTime &now);

    // True while an "Exchange now" request from the monitor waits for an exchange to start.
    static Result<bool> hasWaitingRequest(Connection &connection);
    // When MESH delivered a message, from the UTC time its id starts with
    // (yyyyMMddHHmmss..., as MESH assigns them); invalid when the id has no such prefix.
    static QDateTime deliveredAt(const QString &meshMessageId);

private:
    // Fills `report` as it goes, so that what is known survives a run that stops early.
    Status exchange(ExchangeReport &report);
    Status warnIfStalled();
    Status checkInbox(const QStringList &ids);
    // The DMS schemas when cpis.schema_dir is set (null when not); an error, after alerting
    // the CP-IS administrators, when the folder cannot be loaded.
    Result<std::shared_ptr<const hl7::SchemaValidator>> loadSchemas(const QString &schemaDir);
    // Builds the upload and sends what is ready; a failure is the report's, not the run's.
    Status send(const ExchangeConfig &config, MeshClient &mesh, const hl7::SchemaValidator *schemas,
                ExchangeReport &report);
    Status sendReadyUploads(const ExchangeConfig &config, MeshClient &mesh,
                            const hl7::SchemaValidator *schemas, ExchangeReport &report);
    // An upload MESH refused or that could not be sent: its detail says why, and the CP-IS
    // administrators hear once per reason, with what to fix. It stays ready.
    // Keeps a ready upload back with `detail` as its reason, and alerts the administrators
    // with `alertText` when the reason is new.
    Status holdUpload(const Row &upload, const QString &alertType, const QString &detail,
                      const QString &alertText);
    Status markNotSent(const ExchangeConfig &config, const Row &upload, const Error &why,
                       ExchangeReport &report);
    // Whether this ready upload may go: without schemas, or valid against them; one that is not
    // stays ready (and the later ones with it), its detail says why, and the administrators
    // hear once per reason.
    Result<bool> validForSending(const hl7::SchemaValidator *schemas, const Row &upload);
    // Sends one ready upload and returns its MESH message id; one whose earlier POST may have
    // reached MESH is first looked up by its local id, and not sent again when found.
    Result<QString> sendOnce(const ExchangeConfig &config, class MeshClient &mesh,
                             const Row &upload);
    // Downloads, stores and acknowledges every message in the inbox; one that fails (to
    // download, or to be stored) is left there for the next run and the others go on. An error
    // when the inbox cannot be listed or the database is lost.
    Status collect(MeshClient &mesh, InboundProcessor &processor, ExchangeReport &report);
    // Downloads one listed message into the database; why not, when it was left in the inbox.
    Result<std::optional<Error>> collectOne(MeshClient &mesh, InboundProcessor &processor,
                                            const QString &id, ExchangeReport &report);
    // Raises it for the CP-IS administrators unless the same one is still unacknowledged.
    Status alertAdministratorsOnce(const QString &type, const QString &text);
    void say(const QString &line) const;

    Connection &m_connection;
    Progress m_progress;
};

} // namespace cpis
