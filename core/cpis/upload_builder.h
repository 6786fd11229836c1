// Builds the next Local Authority Upload from the children waiting to be shared. Children
// whose details cannot be sent are listed with the reason (and flagged), never skipped
// silently. Run it inside the exchange's lock and a transaction.
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
};

class UploadBuilder
{
public:
    explicit UploadBuilder(Connection &connection) : m_connection(connection) {}

    // Takes the waiting children into a new upload file (status ready); returns it.
    Result<BuiltUpload> build(const ExchangeConfig &config);

private:
    Status block(const BlockedChild &child);
    Connection &m_connection;
};

} // namespace cpis
