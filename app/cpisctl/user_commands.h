// cpisctl user list | add | disable | enable | password | roles
#pragma once

#include "command.h"

namespace cpis::cli {

int userList(const QStringList &args);
int userAdd(const QStringList &args);
int userDisable(const QStringList &args);
int userEnable(const QStringList &args);
int userPassword(const QStringList &args);
int userRoles(const QStringList &args);

} // namespace cpis::cli
