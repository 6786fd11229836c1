// Helpers for driving real widgets in Catch2 tests: find by objectName, wait for a
// condition while the event loop runs, sign in a main window, save screenshots.
#pragma once

#include "db/database_choice.h"
#include "main_window.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

#include <memory>

namespace cpis::test {

template<typename T> T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    INFO("looking for " << name.toStdString());
    REQUIRE(found);
    return found;
}

// Runs the event loop until `condition` holds; false when it never did.
template<typename F> bool waitFor(F condition, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

// Settings (last login, remembered password flags) go to a test folder, not the user's.
// Clicks a widget once it is shown and enabled, as a user would.
inline void click(QWidget *widget)
{
    REQUIRE(waitFor([widget] { return widget->isVisible() && widget->isEnabled(); }, 5000));
    QTest::mouseClick(widget, Qt::LeftButton);
}

inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
}

// Running on a screen of a real size (CMakeLists: support/screens/), where each window takes
// the size it takes for a user; otherwise tests size their windows themselves.
inline bool onGivenScreen()
{
    return !qEnvironmentVariableIsEmpty("CPIS_TEST_SCREEN");
}

// On a screen of a real size, the whole window, frame and title bar included, is on the
// screen's available area.
inline void checkFitsGivenScreen(const QWidget *window)
{
    if (!onGivenScreen())
        return;
    const QRect screen = window->screen()->availableGeometry();
    const QRect frame = window->frameGeometry();
    INFO(window->objectName().toStdString()
         << ": " << frame.width() << "x" << frame.height() << " at " << frame.x() << ","
         << frame.y() << " (inside " << window->width() << "x" << window->height() << ") on "
         << screen.width() << "x" << screen.height() << ", smallest "
         << window->minimumSizeHint().width() << "x" << window->minimumSizeHint().height());
    CHECK(screen.contains(frame));
}

inline DatabaseChoice serverChoice(const TestDatabase &db)
{
    isolateSettings();
    return {DatabaseChoice::Source::CommandLine, db.connInfo().toKeywordValueString(), {}};
}

// A main window signed in as `login`, with Current work loaded.
inline std::unique_ptr<ui::MainWindow> signedInWindow(const TestDatabase &db, const QString &login)
{
    auto window = std::make_unique<ui::MainWindow>(serverChoice(db), login);
    if (!onGivenScreen())
        window->resize(1280, 800);
    window->show();
    QSignalSpy ready(window.get(), &ui::MainWindow::ready);
    QString problem;
    QObject::connect(window.get(), &ui::MainWindow::failed, window.get(),
                     [&problem](const Error &error) { problem = error.message; });
    window->connectToDatabase();
    REQUIRE(waitFor([&] { return ready.count() > 0 || !problem.isEmpty(); }, 30000));
    if (!problem.isEmpty())
        FAIL(problem.toStdString());
    return window;
}

// With CPIS_SCREENSHOT_DIR set, saves the widget as NAME.png there: to look at each screen.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    widget->grab().save(dir + QStringLiteral("/") + name + QStringLiteral(".png"));
}

} // namespace cpis::test
