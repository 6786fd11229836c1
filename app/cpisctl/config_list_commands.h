// cpisctl config lists | list-item add/rename/retire | template set | bank-holiday add/remove:
// what the Configuration tools' Lists and templates and Office hours tabs change.
#pragma once

#include "command.h"

namespace cpis::cli {

int configLists(const QStringList &args);
int configListItemAdd(const QStringList &args);
int configListItemRename(const QStringList &args);
int configListItemRetire(const QStringList &args);
int configTemplateSet(const QStringList &args);
int configBankHolidayAdd(const QStringList &args);
int configBankHolidayRemove(const QStringList &args);

} // namespace cpis::cli
