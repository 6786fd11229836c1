// The workflow's SQLSTATEs as error codes the UI can act on (stale, taken, denied, ...),
// applied by execute() (db/rows.h) to every error.
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

// The code for a workflow SQLSTATE, and the refusal text for a function the user may not
// call. execute() (db/rows.h) applies it to every error.
Error workflowError(Error error);

// NULL for 0 / empty, the value otherwise: optional ids and texts in calls.
QVariant nullIfZero(qint64 id);

} // namespace cpis
