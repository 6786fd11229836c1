#include "window_memory.h"

#include <QGuiApplication>
#include <QPoint>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QString key(const QWidget *window, const QString &user, const QString &what)
{
    return u"layout/%1/%2/%3"_s.arg(user, window->objectName(), what);
}

// A title bar and borders the window manager adds around the window's own area.
constexpr QSize kFrame(16, 48);
} // namespace

void fitToScreen(QWidget *window, QSize wanted)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    window->resize(wanted.boundedTo(screen->availableGeometry().size() - kFrame));
}

void rememberLayout(const QWidget *window, const QString &user)
{
    if (user.isEmpty())
        return;
    QSettings settings;
    // Size and place, not saveGeometry(): restoring that on a smaller screen moves and sizes
    // the window its own way; here the screen's available area always has the last word.
    settings.setValue(key(window, user, u"maximized"_s), window->isMaximized());
    if (!window->isMaximized()) {
        settings.setValue(key(window, user, u"size"_s), window->size());
        settings.setValue(key(window, user, u"position"_s), window->pos());
    }
    for (const QSplitter *splitter : window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(key(window, user, splitter->objectName()), splitter->saveState());
    }
}

bool restoreLayout(QWidget *window, const QString &user)
{
    QSettings settings;
    const QSize size = settings.value(key(window, user, u"size"_s)).toSize();
    if (user.isEmpty() || !size.isValid())
        return false;
    fitToScreen(window, size);
    const QScreen *screen = window->screen();
    const QPoint position = settings.value(key(window, user, u"position"_s)).toPoint();
    if (screen && screen->availableGeometry().contains(position))
        window->move(position);
    if (settings.value(key(window, user, u"maximized"_s)).toBool())
        window->showMaximized();
    for (QSplitter *splitter : window->findChildren<QSplitter *>()) {
        const QByteArray state =
            settings.value(key(window, user, splitter->objectName())).toByteArray();
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state);
    }
    return true;
}

} // namespace cpis::ui
