// A window's size and its splitters, remembered per user (QSettings), and a first size that
// fits the screen's available area, so that the status line is never off screen.
#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace cpis::ui {

// `wanted`, made smaller where the screen's available area (less the window frame) is.
void fitToScreen(QWidget *window, QSize wanted);
// Saves the window's geometry and every named QSplitter's state inside it for `user`.
void rememberLayout(const QWidget *window, const QString &user);
// Puts back what rememberLayout saved for `user`; false when there was nothing (then the
// window keeps its size).
bool restoreLayout(QWidget *window, const QString &user);

} // namespace cpis::ui
