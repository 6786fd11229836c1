// The application's icon: the installed theme icon when there is one, else the copy
// compiled into the program (so a build run from its folder has it too).
#pragma once

#include <QIcon>

namespace cpis::ui {

QIcon applicationIcon();

} // namespace cpis::ui
