// Calls into the database's workflow functions and turns their errors into values with
// machine codes the UI can act on (stale, taken, denied, ...).
#pragma once

#include "db/connection.h"
#include "result.h"

namespace cpis {

// Error codes for the workflow's SQLSTATEs (see migration 0005).
namespace errc {
inline constexpr auto kDenied = "denied";          // 42501
inline constexpr auto kInvalid = "invalid";        // CPVL1: message names the field
inline constexpr auto kNotFound = "not_found";     // CPNF1
inline constexpr auto kStale = "stale";            // CPST1: someone else changed it
inline constexpr auto kTaken = "taken";            // CPCL1: someone else has it
inline constexpr auto kIncomplete = "incomplete";  // CPIN1: sections not complete
inline constexpr auto kWrongState = "wrong_state"; // CPWS1
inline constexpr auto kFinalNote = "final_note";   // CPFR1
inline constexpr auto kAuditLocked = "audit";      // CPAU1
} // namespace errc

Error workflowError(Error error);
Result<QSqlQuery> callService(Connection &connection, const QString &sql,
                              const QVariantList &params = {});
Result<QVariant> callScalar(Connection &connection, const QString &sql,
                            const QVariantList &params = {});

// NULL for 0 / empty, the value otherwise: optional ids and texts in calls.
QVariant nullIfZero(qint64 id);

} // namespace cpis
