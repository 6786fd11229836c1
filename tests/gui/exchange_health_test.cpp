// Issue 18, "a dead exchange is visible without the exchange": the workview of Safeguarding
// Admin and system administrators shows the exchange's last successful and next run in the
// status bar, and a warning banner once it has stalled, read from the database's record of
// runs with no exchange service running; a run that finishes clears it at once.
#include "db/rows.h"
#include "gui/gui_support.h"
#include "kit/message_banner.h"
#include "main_window.h"
#include "support/case_world.h"
#include "workview/exchange_health_watch.h"

#include <catch2/catch.hpp>

#include <QLabel>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
// MESH set up, and the last successful run two days ago: stalled whatever the time of day.
void stallExchange(test::TestDatabase &db)
{
    require(execute(db.connection(),
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    require(execute(db.connection(),
                    u"INSERT INTO exchange_run (started_at, finished_at, status) "
                    u"VALUES (now() - interval '2 days', now() - interval '2 days', 'ok')"_s));
}

// The window's exchange line, once read.
QLabel *exchangeStatus(ui::MainWindow *window)
{
    REQUIRE(waitFor([&] { return window->exchangeHealth()->health().has_value(); }));
    return child<QLabel>(window, u"exchangeStatus"_s);
}
} // namespace

TEST_CASE("A stalled exchange shows in the workview of Safeguarding Admin, and a finished run "
          "clears it",
          "[gui][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    stallExchange(db);
    auto window = test::signedInWindow(db, world.admin.login);
    QLabel *status = exchangeStatus(window.get());
    CHECK(status->isVisible());
    CHECK(status->text().startsWith(u"CP-IS exchange: last successful run at "_s));
    auto *banner = child<ui::MessageBanner>(window.get(), u"exchangeStalledBanner"_s);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"has not succeeded (it is "_s));
    CHECK(banner->text().contains(u"check the exchange service"_s));
    test::screenshot(window.get(), u"exchange-stalled"_s);

    // The exchange finishes a run and says so: the banner goes without waiting for the timer.
    auto exchange = world.connectAs(world.exchange);
    const qint64 run =
        require(queryValue(*exchange, u"INSERT INTO exchange_run (finished_at, "
                                      u"status) VALUES (now(), 'ok') RETURNING id"_s))
            .integer();
    require(queryValue(*exchange, u"SELECT exchange_run_finished($1)"_s, {run}));
    REQUIRE(waitFor([&] { return !banner->isVisible(); }, 15000));
    CHECK(status->text().contains(u"today; next at "_s));
}

TEST_CASE("System administrators see the exchange's health, and key workers do not",
          "[gui][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    stallExchange(db);
    {
        auto window = test::signedInWindow(db, world.sysadmin.login);
        CHECK(exchangeStatus(window.get())->isVisible());
        CHECK(child<ui::MessageBanner>(window.get(), u"exchangeStalledBanner"_s)->isVisible());
    }
    auto window = test::signedInWindow(db, world.keyWorker.login);
    QTest::qWait(500);
    CHECK_FALSE(window->exchangeHealth()->health().has_value());
    CHECK_FALSE(child<QLabel>(window.get(), u"exchangeStatus"_s)->isVisible());
    CHECK_FALSE(child<ui::MessageBanner>(window.get(), u"exchangeStalledBanner"_s)->isVisible());
}

TEST_CASE("With uploads refused but the inbox collected, the workview says uploads fail and not "
          "that notifications are not collected",
          "[gui][health]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    require(execute(db.connection(),
                    u"UPDATE config SET value = 'https://mesh.example' WHERE key = 'mesh.url'"_s));
    // The scenario as the exchange records it: MESH refused the upload (the CP-IS
    // mailbox mistyped), the notifications were collected and processed.
    require(execute(db.connection(), u"INSERT INTO exchange_run (finished_at, status, "
                                     u"inbox_collected, uploads_failed, error) VALUES (now(), "
                                     u"'failed', true, true, 'Upload 1 was not sent')"_s));
    for (const QString &login : {world.admin.login, world.sysadmin.login}) {
        INFO(login.toStdString());
        auto window = test::signedInWindow(db, login);
        QLabel *status = exchangeStatus(window.get());
        CHECK(status->text().contains(u"today; next at "_s));
        CHECK_FALSE(
            child<ui::MessageBanner>(window.get(), u"exchangeStalledBanner"_s)->isVisible());
        auto *uploads = child<ui::MessageBanner>(window.get(), u"exchangeUploadsBanner"_s);
        CHECK(uploads->isVisible());
        CHECK(uploads->text().contains(u"CP-IS uploads are not being sent"_s));
        CHECK(uploads->text().contains(u"Notifications are still collected"_s));
        CHECK_FALSE(uploads->text().contains(u"not being collected"_s));
    }
}
