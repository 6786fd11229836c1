// cpisctl config list | get | set | alerts | alert-recipients
#pragma once

#include "command.h"

namespace cpis::cli {

int configList(const QStringList &args);
int configGet(const QStringList &args);
int configSet(const QStringList &args);
int configAlerts(const QStringList &args);
int configAlertRecipients(const QStringList &args);

} // namespace cpis::cli
