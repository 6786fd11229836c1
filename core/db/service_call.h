// Calls into the database's workflow functions and turns their errors into values with
// machine codes the UI can act on (stale, taken, denied, ...).
#pragma once

#include "db/connection.h"
#include "db/error_codes.h"
#include "result.h"

namespace cpis {

Error workflowError(Error error);
Result<QSqlQuery> callService(Connection &connection, const QString &sql,
                              const QVariantList &params = {});
Result<QVariant> callScalar(Connection &connection, const QString &sql,
                            const QVariantList &params = {});

// NULL for 0 / empty, the value otherwise: optional ids and texts in calls.
QVariant nullIfZero(qint64 id);

} // namespace cpis
