// Qt's own strings that our windows show (standard buttons, text-field context menus), carried
// in our catalogue: Debian ships no Welsh catalogue for Qt itself.
#pragma once

#include <QList>

namespace cpis::ui {

struct QtOwnString
{
    const char *context; // Qt's translation context, e.g. QPlatformTheme
    const char *source;  // exactly as Qt 6.4 passes it to QCoreApplication::translate
};

// Every string carried; the translations test checks that each one is translated.
QList<QtOwnString> qtOwnStrings();

} // namespace cpis::ui
