// The cpis-workview program: command line, main window, screenshot mode.
#pragma once

namespace cpis::ui {

int runWorkview(int argc, char **argv);

} // namespace cpis::ui
