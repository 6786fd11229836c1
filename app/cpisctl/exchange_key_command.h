// cpisctl exchange keygen --out FILE [--set]: the exchange host's key pair for sealing the MESH
// secrets (domain/sealed_secret.h).
#pragma once

#include "command.h"

namespace cpis::cli {

int exchangeKeygen(const QStringList &args);

} // namespace cpis::cli
