// cpisctl records import: the records feed from the authority's main case system.
#pragma once

#include <QStringList>

namespace cpis::cli {

int recordsImport(const QStringList &args);

} // namespace cpis::cli
