// Reads and writes the CP-IS messages. Reading is strict: anything malformed, truncated
// or unexpected is refused with an error naming the element, e.g. "REPC_MT000004GB01/subject/
// patient/id: NHS number 9990000027 is not valid: check digit mismatch". DTDs and entity
// declarations are refused and sizes are bounded. The XML structure: message_codec.cpp.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>

namespace cpis::hl7 {

// Which of the four messages this is, from its content (not from any transport header).
Result<MessageKind> detectKind(const QByteArray &xml);

Result<AccessNotification> readAccessNotification(const QByteArray &xml);
Result<Acknowledgement> readAcknowledgement(const QByteArray &xml);
Result<InactiveNhsNumberNotification> readInactiveNhsNumber(const QByteArray &xml);
Result<Upload> readUpload(const QByteArray &xml);

QByteArray writeUpload(const Upload &upload);
// The inbound kinds are written too: for the tests, the loopback MESH server and benchmarks.
QByteArray writeAccessNotification(const AccessNotification &notification);
QByteArray writeAcknowledgement(const Acknowledgement &acknowledgement);
QByteArray writeInactiveNhsNumber(const InactiveNhsNumberNotification &notification);

} // namespace cpis::hl7
