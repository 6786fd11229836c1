// cpisctl exchange [--once] | import FILE... | export-upload --out FILE
#pragma once

#include "command.h"

namespace cpis::cli {

int exchange(const QStringList &args);
int importFiles(const QStringList &args);
int exportUpload(const QStringList &args);

} // namespace cpis::cli
