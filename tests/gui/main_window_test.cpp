// The main window offscreen: signing in (as a given login, or through the sign-in dialog),
// the status bar says where and as whom; an unreachable database gives a dialog, not a
// crash; --screenshot writes a PNG.
#include "db/local_cluster.h"
#include "db/migrator.h"
#include "db/rows.h"
#include "elided_label.h"
#include "gui/gui_support.h"
#include "main_window.h"
#include "support/case_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QDialog>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;

TEST_CASE("The main window signs in and shows where, as whom and the schema version", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    CHECK(window->windowTitle() == u"Sam Admin — CP-IS Workview"_s);
    // All of it: which database (host, port, database, user) makes it longer than the window.
    const QString text = window->findChild<ui::ElidedLabel *>(u"connectionStatus"_s)->fullText();
    INFO(text.toStdString());
    CHECK(text.contains(u"database "_s + db.name()));
    CHECK(text.contains(u", user "_s + world.admin.login));
    CHECK(text.contains(u"Sam Admin (%1)"_s.arg(world.admin.login)));
    CHECK(text.contains(u"schema version %1"_s.arg(Migrator::bundled().last().version)));
    CHECK_FALSE(child<QLabel>(window.get(), u"readOnlyBanner"_s)->isVisible());
    CHECK(child<QLabel>(window.get(), u"currentWorkHeading"_s)->text() == u"Current work"_s);
    CHECK(child<QTabBar>(window.get(), u"folderTabs"_s)->tabText(0) == u"Incoming work (1)"_s);
}

TEST_CASE("On a server, the sign-in dialog asks for the login and signs in", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    ui::MainWindow window(test::serverChoice(db));
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    QDialog *dialog = nullptr;
    REQUIRE(test::waitFor([&] {
        dialog = window.findChild<QDialog *>(u"signInDialog"_s);
        return dialog && dialog->isVisible();
    }));
    test::screenshot(dialog, u"sign-in"_s);
    auto *login = child<QLineEdit>(dialog, u"signInLogin"_s);
    login->clear();
    QTest::keyClicks(login, world.admin.login);
    QTest::keyClick(login, Qt::Key_Return);
    REQUIRE(ready.wait(30000));
    CHECK(window.worker().name == u"Sam Admin"_s);
}

TEST_CASE("The embedded database offers its sample users to sign in as", "[gui]")
{
    test::isolateSettings();
    QTemporaryDir dir;
    // As root the embedded server runs as another account, which must reach the folder.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther);
    const DatabaseChoice embedded{DatabaseChoice::Source::Embedded, {}, dir.filePath(u"cluster"_s)};
    auto stopCluster = qScopeGuard([&] {
        if (auto binaries = ServerBinaries::find())
            (void)LocalCluster(embedded.embeddedDirectory, *binaries).stop();
    });
    ui::MainWindow window(embedded);
    window.resize(1280, 800);
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    QListWidget *users = nullptr;
    REQUIRE(test::waitFor(
        [&] {
            users = window.findChild<QListWidget *>(u"signInUsers"_s);
            return users && users->isVisible() && users->count() > 0;
        },
        120000));
    CHECK(users->item(0)->text().startsWith(u"Samantha Whitfield — Safeguarding Admin"_s));
    test::screenshot(users->window(), u"sign-in-embedded"_s);
    users->setCurrentRow(0);
    QTest::keyClick(users, Qt::Key_Return);
    REQUIRE(ready.wait(30000));
    CHECK(window.worker().login == u"sam.admin"_s);
    // Nobody mistakes its fictional children for real ones.
    CHECK(window.findChild<ui::ElidedLabel *>(u"connectionStatus"_s)
              ->fullText()
              .startsWith(u"Connected to embedded, with sample data (fictional children), in "_s));
    CHECK(child<QTabBar>(&window, u"folderTabs"_s)->tabText(0) == u"Incoming work (7)"_s);
    QTest::qWait(300); // the selected child's summary
    test::screenshot(&window, u"workview-1280x800"_s);
    window.resize(1920, 1080);
    test::screenshot(&window, u"workview-1920x1080"_s);
}

TEST_CASE("A newer schema shows a read-only banner", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    REQUIRE(
        execute(
            db.connection(),
            u"INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')"_s)
            .ok());
    auto window = test::signedInWindow(db, world.admin.login);
    const auto *banner = child<QLabel>(window.get(), u"readOnlyBanner"_s);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"nothing can be saved"_s));
}

TEST_CASE("An unreachable database gives a dialog that says why and what to try", "[gui]")
{
    ui::MainWindow window(DatabaseChoice{DatabaseChoice::Source::CommandLine,
                                         u"host=/nonexistent/socket dbname=cpis"_s,
                                         {}},
                          u"someone"_s);
    window.show();
    QSignalSpy failed(&window, &ui::MainWindow::failed);
    window.connectToDatabase();
    REQUIRE(failed.wait(30000));
    auto *dialog = window.findChild<QMessageBox *>(u"connectionErrorDialog"_s);
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->informativeText().contains(u"/nonexistent/socket"_s));
    CHECK(dialog->informativeText().contains(u"What to try"_s));
    CHECK(window.findChild<QLabel *>(u"connectionStatus"_s)->text() == u"Not connected"_s);
    dialog->done(QMessageBox::Close);
}

TEST_CASE("Screenshot mode writes a PNG of the loaded workview and exits 0", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"workview.png"_s);
    auto env = test::cleanEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s);
    const auto r = test::runProgram(QStringLiteral(CPIS_WORKVIEW),
                                    {u"--database"_s, db.connInfo().toKeywordValueString(),
                                     u"--user"_s, world.admin.login, u"--screenshot"_s, file},
                                    env);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    const QImage image(file);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() >= 1000);
}

TEST_CASE("Screenshot mode with an unreachable database exits 3 and says why", "[gui]")
{
    QTemporaryDir dir;
    const auto r = test::runProgram(QStringLiteral(CPIS_WORKVIEW),
                                    {u"--database"_s, u"host=/nonexistent/socket dbname=cpis"_s,
                                     u"--screenshot"_s, dir.filePath(u"x.png"_s)},
                                    test::cleanEnvironment());
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains(u"/nonexistent/socket"_s));
}
