// The Inactive NHS Number Notification (REPC_MT000005GB01, root
// CP-ISInactiveNHSNumberNotification): NHS numbers the authority uploaded that PDS no longer
// holds active. Written too, for the tests, the loopback MESH server and benchmarks.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>

namespace cpis::hl7 {

Result<InactiveNhsNumberNotification> readInactiveNhsNumber(const QByteArray &xml);
QByteArray writeInactiveNhsNumber(const InactiveNhsNumberNotification &notification);

} // namespace cpis::hl7
