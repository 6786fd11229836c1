// Building an upload and acknowledging it as the exchange and CP-IS would, for the tests of
// what uploads carry.
#pragma once

#include "cpis/exchange_config.h"
#include "cpis/inbound_processor.h"
#include "cpis/upload_builder.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/exchange_world.h"

#include <catch2/catch.hpp>

namespace cpis::test {

// The next upload, committed, and its children marked sent as the exchange does once MESH
// has taken it.
inline BuiltUpload buildUpload(Connection &c)
{
    using namespace Qt::StringLiterals;
    const ExchangeConfig config = require(loadExchangeConfig(c));
    Transaction tx(c);
    BuiltUpload built = require(UploadBuilder(c).build(config));
    REQUIRE(tx.commit().ok());
    REQUIRE(execute(c, uR"(UPDATE person_cpis_status SET status = 'sent'
                      WHERE person_id IN (SELECT person_id FROM upload_record WHERE file_id = $1))"_s,
                    {built.fileId})
                .ok());
    return built;
}

// CP-IS's acknowledgement of upload `sequence`, stored and processed.
inline InboundOutcome acknowledge(Connection &c, qint64 sequence, const QString &fileCode,
                                  const QList<RejectedRecord> &rejected = {})
{
    using namespace Qt::StringLiterals;
    InboundProcessor processor(c);
    return require(processor.process(require(processor.store(
        {acknowledgement(sequence, fileCode, rejected), u"import"_s, {}, {}, {}}))));
}

} // namespace cpis::test
