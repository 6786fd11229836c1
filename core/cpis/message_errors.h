// The message readers' error codes (Error::code) and the size bounds beyond which a message
// is refused, for whoever must tell one refusal from another without the codec itself.
#pragma once

#include <QtGlobal>

namespace cpis::hl7 {

inline constexpr qsizetype kMaxMessageBytes = 20 * 1024 * 1024;
// Further bounds on what a reader accepts: element nesting, and records or accesses in one
// message. Beyond them a message is refused as too large.
inline constexpr int kMaxNestingDepth = 64;
inline constexpr int kMaxEntries = 100000;

// Error codes of the readers (Error::code). The messages name the element and the value.
inline constexpr auto kErrorMalformed = "message.malformed"; // not well-formed XML, truncated
inline constexpr auto kErrorKind = "message.kind";           // not the expected CP-IS message
inline constexpr auto kErrorInvalid = "message.invalid";     // well-formed but wrong content
inline constexpr auto kErrorTooLarge = "message.too_large";  // size, depth or count bounds
inline constexpr auto kErrorDtd = "message.dtd";             // a DTD or an entity

} // namespace cpis::hl7
