// The Access to Service Notification (REPC_MT000004GB01, root CP-ISAccessToServiceNotification):
// who in unscheduled care opened a child's CP-IS record. Written too, for the tests, the
// loopback MESH server and benchmarks.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>

namespace cpis::hl7 {

Result<AccessNotification> readAccessNotification(const QByteArray &xml);
QByteArray writeAccessNotification(const AccessNotification &notification);

} // namespace cpis::hl7
