#include "help/app_icon.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

QIcon applicationIcon()
{
    QIcon embedded;
    // PNGs, not the SVG: Qt draws SVG icons only with its SVG plugin, which may be missing.
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        embedded.addFile(u":/icons/cpis-workview-%1.png"_s.arg(size), QSize(size, size));
    return QIcon::fromTheme(u"cpis-workview"_s, embedded);
}

} // namespace cpis::ui
