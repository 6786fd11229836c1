#include "domain/csv_field.h"

using namespace Qt::StringLiterals;

namespace cpis {

QString csvField(QString value)
{
    // A leading =, +, - or @ would be a formula to a spreadsheet.
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r'))
        value = u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

} // namespace cpis
