// One field of a CSV file we write for spreadsheets: RFC 4180 quoting, and the guard against
// CSV injection (a leading =, +, - or @ would be a formula). Every CSV export uses it.
#pragma once

#include <QString>

namespace cpis {

QString csvField(QString value);

} // namespace cpis
