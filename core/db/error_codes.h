// The machine codes (Error::code) of the database's refusals, which the windows act on:
// someone else changed it, someone else has it, not allowed, ... execute() (db/rows.h) sets them.
#pragma once

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
inline constexpr auto kBusy = "busy";              // 55P03: waited too long for a lock
inline constexpr auto kTimedOut = "timed_out";     // 57014 by statement_timeout
} // namespace errc

} // namespace cpis
