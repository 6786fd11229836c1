// cpisctl nhs-number check
#pragma once

#include "command.h"

namespace cpis::cli {

int nhsNumberCheck(const QStringList &args);

} // namespace cpis::cli
