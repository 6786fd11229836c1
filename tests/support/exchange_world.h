// A case world with the exchange configured against a fresh loopback MESH server: for the
// exchange's own tests, the monitor's, and the exchange service run as a process.
#pragma once

#include "cpis/exchange.h"
#include "support/case_world.h"
#include "support/mesh_server.h"
#include "support/sample_notification.h"

#include "cpis/acknowledgement_message.h"

namespace cpis::test {

inline const QByteArray kMeshSecret = "environment-shared-secret";
inline const QString kMeshMailbox = QStringLiteral("LA001OT");
inline const QString kMeshPassword = QStringLiteral("mailbox-password");
inline const QString kCpisMailbox = QStringLiteral("CPIS01HC");
// The CP-IS mailbox setting mistyped: a mailbox MESH does not know ("Unregistered to address").
inline const QString kMistypedCpisMailbox = QStringLiteral("CPIS99XX");

// A notification whose id is 5,000 characters long: the reader refuses it, and the reason
// quotes the id (a misbehaving message, quarantined with a bounded reason).
QByteArray misbehavingNotification(const QString &label);

// The sending authority's settings an upload needs (name, ODS code, both telephone numbers),
// set straight in the config table by its owner: their validation is not these tests' matter.
void configureSendingAuthority(Connection &owner);

// One record CP-IS rejects: returned invalid, its outcome at the same index.
struct RejectedRecord
{
    QString nhsNumber;
    QString localPersonId;
    QString code;
    bool unborn = false; // about an unborn child: the mother's ids, an unborn child plan
};

// CP-IS's acknowledgement of upload `sequence` with `fileCode` and the `rejected` records.
inline QByteArray acknowledgement(qint64 sequence, const QString &fileCode,
                                  const QList<RejectedRecord> &rejected = {})
{
    hl7::Acknowledgement ack;
    // The same for the same upload and code: an acknowledgement has no id of its own, so
    // its time tells a repeat from a new one.
    ack.createdAt = QDateTime(QDate(2026, 1, 1), QTime(6, 0), Qt::UTC)
                        .addSecs(sequence * 10 + fileCode.right(1).toInt());
    ack.sequenceNumber = sequence;
    ack.recordCount = 1;
    ack.fileCodes = {fileCode};
    ack.receiver = {{QStringLiteral("X99LA"), QStringLiteral("Northbrook County Council")},
                    QStringLiteral("01632960000"),
                    QStringLiteral("01632960999")};
    for (const RejectedRecord &r : rejected) {
        ack.outcomes.append(
            {r.code,
             {},
             {},
             {},
             QStringLiteral("/FileResponse/message[%1]").arg(ack.returned.size() + 1)});
        hl7::ReturnedRecord record;
        record.ids = {r.nhsNumber, r.localPersonId, {}};
        record.surname = QStringLiteral("Returned");
        record.dateOfBirth = QDate(2018, 1, 1);
        record.plans = {{hl7::PlanInformation::ChildProtection, QDate(2024, 1, 1), {}, {}}};
        record.unborn = r.unborn;
        if (r.unborn)
            record.plans = {{hl7::PlanInformation::UnbornChildProtection,
                             QDate(2024, 1, 1),
                             QDate(2024, 6, 1),
                             {}}};
        ack.returned.append(record);
    }
    ack.failedCount = int(rejected.size());
    return hl7::writeAcknowledgement(ack);
}

struct ExchangeWorld
{
    TestDatabase db;
    CaseWorld world{db};
    MeshServer mesh{kMeshSecret};
    std::unique_ptr<Connection> exchangeLogin;

    ExchangeWorld();
    // The same on another server (a loopback one that a test stops and starts).
    explicit ExchangeWorld(const ConnInfo &server);

    // Puts a CP-IS message in our MESH inbox; returns its MESH id.
    QString deliver(const QByteArray &body, const QString &meshId = {});
    Result<ExchangeReport> run();
    int count(const QString &sql, const QVariantList &params = {});
    // Sets a configuration key as a system administrator does (ConfigStore).
    void setConfig(const QString &key, const QString &value);
    // A connection string for a program (cpisctl) signing in as `login`.
    [[nodiscard]] QString conninfoAs(const QString &login) const;

private:
    void configure();
};

} // namespace cpis::test
