// The main window offscreen: it connects on its database thread and says where; an
// unreachable database gives a dialog, not a crash; --screenshot writes a PNG.
#include "db/migrator.h"
#include "main_window.h"
#include "support/process.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
DatabaseChoice choiceFor(const QString &conninfo)
{
    return {DatabaseChoice::Source::CommandLine, conninfo, {}};
}
} // namespace

TEST_CASE("The main window connects and shows where, as whom and the schema version", "[gui]")
{
    test::TestDatabase db;
    ui::MainWindow window(choiceFor(db.connInfo().toKeywordValueString()));
    CHECK(window.windowTitle() == u"CP-IS Workview"_s);
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    REQUIRE(ready.wait(30000));

    const auto *status = window.findChild<QLabel *>(u"connectionStatus"_s);
    REQUIRE(status);
    const QString text = status->text();
    INFO(text.toStdString());
    CHECK(text.contains(u"database "_s + db.name()));
    CHECK(text.contains(u"cpis_owner"_s));
    CHECK(text.contains(u"schema version %1"_s.arg(Migrator::bundled().last().version)));
    CHECK_FALSE(window.findChild<QLabel *>(u"readOnlyBanner"_s)->isVisible());
}

TEST_CASE("A newer schema shows a read-only banner", "[gui]")
{
    test::TestDatabase db;
    REQUIRE(
        db.connection()
            .exec(
                u"INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')"_s)
            .ok());
    ui::MainWindow window(choiceFor(db.connInfo().toKeywordValueString()));
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    REQUIRE(ready.wait(30000));
    const auto *banner = window.findChild<QLabel *>(u"readOnlyBanner"_s);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"nothing can be saved"_s));
}

TEST_CASE("An unreachable database gives a dialog that says why and what to try", "[gui]")
{
    ui::MainWindow window(choiceFor(u"host=/nonexistent/socket dbname=cpis"_s));
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

TEST_CASE("Screenshot mode writes a PNG of the loaded window and exits 0", "[gui]")
{
    test::TestDatabase db;
    QTemporaryDir dir;
    const QString file = dir.filePath(u"workview.png"_s);
    auto env = test::cleanEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s);
    const auto r = test::runProgram(
        QStringLiteral(CPIS_WORKVIEW),
        {u"--database"_s, db.connInfo().toKeywordValueString(), u"--screenshot"_s, file}, env);
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
