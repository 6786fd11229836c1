// The Local Authority Upload (REPC_MT000002GB01, root File): what the program sends.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>

namespace cpis::hl7 {

// Strict: anything the schema does not allow is refused with "<path>: <problem>".
Result<Upload> readUpload(const QByteArray &xml);
// Exactly what the schema allows (§1): no fixed values, no message id, the local person id's
// assigning authority made from the sender as "ODSCODE:NAME".
QByteArray writeUpload(const Upload &upload);

} // namespace cpis::hl7
