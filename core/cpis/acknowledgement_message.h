// The Local Authority Acknowledgement Response (REPC_MT000003GB01, root FileResponse): CP-IS's
// answer to an upload. Written too, for the tests, the loopback MESH server and benchmarks.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>

namespace cpis::hl7 {

// The display name of a file code (CPF01..CPF06) or record code (CPR01..CPR07) as the
// vocabulary spells it (§3.10); empty for an unknown code.
QString ackCodeDisplayName(const QString &code);

Result<Acknowledgement> readAcknowledgement(const QByteArray &xml);
QByteArray writeAcknowledgement(const Acknowledgement &acknowledgement);

} // namespace cpis::hl7
