// Builds the next Local Authority Upload from the children waiting to be shared. Children
// whose details cannot be sent are listed with the reason (and flagged), never skipped
// silently; children of 18 or over drop out (CP-IS has ended their record); plans recorded in
// error go with a delete date. Run it inside the exchange's lock and a transaction.
#pragma once

#include "cpis/exchange_config.h"
#include "db/connection.h"
#include "result.h"

namespace cpis {

struct BlockedChild
{
    qint64 personId = 0;
    QString name;
    QString reason;
};

struct BuiltUpload
{
    qint64 fileId = 0; // 0 when nothing was waiting
    qint64 sequenceNumber = 0;
    int recordCount = 0;
    QByteArray body;
    QList<BlockedChild> blocked;
    QList<qint64> endedAt18; // people 18 or over today: no longer sent, not an error
    // Set when children wait but no upload was built because a sending-authority setting is
    // empty: says which, and where to set it. Nothing was taken from the queue.
    QString refused;
};

class UploadBuilder
{
public:
    explicit UploadBuilder(Connection &connection) : m_connection(connection) {}

    // Takes the waiting children into a new upload file (status ready); returns it.
    Result<BuiltUpload> build(const ExchangeConfig &config);

private:
    Status block(const BlockedChild &child);
    Status refuse(const QString &text);
    Status endAt18(qint64 personId);
    Status recordPlans(qint64 fileId, const QList<QPair<qint64, QDate>> &plans);
    Connection &m_connection;
};

} // namespace cpis
