// DESIGN §6 "Losing the database connection: the client says so, keeps what the user typed,
// reconnects, and saves once", proven with a real step window on real servers: the primary
// stopped and its streaming standby promoted while a save waits, the server restarted and the
// connection killed while a save's commit is on disk but its answer has not reached the
// client. Afterwards the save is there exactly once and nothing saved before is lost.
#include "db/rows.h"
#include "dialogs/case_note_dialog.h"
#include "gui/key_worker_support.h"
#include "gui/step_window_support.h"
#include "security/loopback_server.h"
#include "support/case_world.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
int count(Connection &c, const QString &sql, const QVariantList &params = {})
{
    return require(queryValue(c, sql, params)).integer();
}

// How many of `login`'s sessions wait on `event` ("Lock", "SyncRep").
int waiting(Connection &owner, const QString &login, const QString &column, const QString &event)
{
    return count(
        owner,
        u"SELECT count(*) FROM pg_stat_activity WHERE usename = $1 AND %1 = $2"_s.arg(column),
        {login, event});
}

// One loopback server with the case world on it.
struct OneServer
{
    test::ServerFolder folder;
    std::unique_ptr<test::LoopbackServer> server =
        test::LoopbackServer::primary(folder.path(QStringLiteral("server")));
    test::TestDatabase db{server->connInfo(), test::TestDatabase::Schema::Migrated};
    test::CaseWorld world{db};
};

// `login`'s client, connected through the real database layer.
struct Client
{
    DatabaseThread database;
    Client(const test::TestDatabase &db, const QString &login)
    {
        QSignalSpy opened(&database, &DatabaseThread::opened);
        database.open(test::serverChoice(db), SignIn{login, {}});
        REQUIRE(opened.wait(30000));
    }
    // Runs `job` on the database thread; its result once it is back.
    Status run(std::function<Status(Connection &)> job, QObject *context)
    {
        std::optional<Status> result;
        database.submit<Done>(context, std::move(job), [&result](Status s) { result = s; });
        REQUIRE(waitFor([&] { return result.has_value(); }, 30000));
        return *result;
    }
};

// Signed in as the admin with the step started, one next action saved (what must survive),
// then a request and a second next action added: the save the test interrupts.
struct StepInProgress
{
    test::CaseWorld &world;
    std::unique_ptr<ui::MainWindow> window;
    ui::StepWindow *step = nullptr;

    StepInProgress(test::TestDatabase &db, test::CaseWorld &w)
        : world(w), window(test::signedInWindow(db, w.admin.login))
    {
        step = test::startStep(*window, world.stepId);
        test::addNextAction(step);
        QSignalSpy saved(step, &ui::StepWindow::saved);
        test::click(child<QPushButton>(step, u"saveButton"_s));
        REQUIRE(saved.wait(15000));
        test::addRequest(step);
        test::addNextAction(step);
    }

    [[nodiscard]] QString banner() const { return child<QLabel>(step, u"stepBanner"_s)->text(); }
    [[nodiscard]] bool connectionBannerShown() const
    {
        return child<QLabel>(window.get(), u"connectionBanner"_s)->isVisible();
    }

    // The step as stored: one request, sent once; both next actions; nothing doubled.
    void checkSavedOnce(Connection &owner) const
    {
        auto admin = world.connectAs(world.admin);
        const StepDetail stored = require(StepService(*admin).load(world.stepId));
        REQUIRE(stored.requests.size() == 1);
        CHECK(stored.requests.first().state == u"sent"_s);
        CHECK(stored.nextActions.size() == 2);
        const QString audited =
            u"SELECT count(*) FROM audit WHERE action = $1 AND details->>'step' = $2"_s;
        CHECK(count(owner, audited, {u"request.sent"_s, QString::number(world.stepId)}) == 1);
        CHECK(count(owner, audited, {u"next_action.added"_s, QString::number(world.stepId)}) == 2);
        CHECK_FALSE(step->hasUnsavedChanges());
    }
};

// Makes every commit wait for a standby that never comes: a commit is then on disk while its
// answer is held back, the moment a connection is worst lost.
void holdCommitAnswers(Connection &owner)
{
    REQUIRE(execute(owner, u"ALTER SYSTEM SET synchronous_standby_names = 'nobody'"_s).ok());
    REQUIRE(execute(owner, u"SELECT pg_reload_conf()"_s).ok());
    // pg_reload_conf() only asks the postmaster, which then signals every session at once: when
    // the owner's session has the new setting, the client's takes it before its next statement.
    // Without this wait, a busy machine let the commit through unheld.
    REQUIRE(waitFor([&owner] {
        return require(queryValue(owner, u"SHOW synchronous_standby_names"_s)).text() ==
               u"nobody"_s;
    }));
}

void waitForHeldCommit(Connection &owner, const QString &login)
{
    REQUIRE(waitFor([&] { return waiting(owner, login, u"wait_event"_s, u"SyncRep"_s) == 1; }));
}

// Cuts off `login`'s session whose commit waits, then lets commits through again.
void killWaitingCommit(Connection &owner, const QString &login)
{
    waitForHeldCommit(owner, login);
    REQUIRE(execute(owner,
                    u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    u"WHERE usename = $1 AND wait_event = 'SyncRep'"_s,
                    {login})
                .ok());
    REQUIRE(execute(owner, u"ALTER SYSTEM RESET synchronous_standby_names"_s).ok());
    REQUIRE(execute(owner, u"SELECT pg_reload_conf()"_s).ok());
}
} // namespace

TEST_CASE("Failover: the primary stops mid-save, the standby is promoted, the save lands once",
          "[security][failover]")
{
    test::ServerFolder folder;
    auto primary = test::LoopbackServer::primary(folder.path(u"primary"_s));
    auto standby = test::LoopbackServer::standbyOf(*primary, folder.path(u"standby"_s));
    test::TestDatabase db(test::eitherServer(*primary, *standby),
                          test::TestDatabase::Schema::Migrated);
    test::CaseWorld world(db);
    StepInProgress work(db, world);

    // Another session holds the step's row, so the admin's save waits inside the database.
    auto blocker = require(Connection::open(primary->connInfo(db.name())));
    Transaction hold(*blocker);
    REQUIRE(execute(*blocker, u"SELECT 1 FROM work_step WHERE id = $1 FOR UPDATE"_s, {world.stepId})
                .ok());
    QSignalSpy saved(work.step, &ui::StepWindow::saved);
    QSignalSpy failed(work.step, &ui::StepWindow::saveFailed);
    test::click(child<QPushButton>(work.step, u"saveButton"_s));
    REQUIRE(waitFor([&] {
        return waiting(*blocker, world.admin.login, u"wait_event_type"_s, u"Lock"_s) == 1;
    }));

    REQUIRE(primary->stop().ok());
    REQUIRE(waitFor([&] { return work.connectionBannerShown(); }, 20000));
    CHECK(work.banner().contains(u"lost"_s));
    REQUIRE(failed.count() == 1);
    CHECK(failed.first().first().value<Error>().code == u"db.unreachable"_s);
    CHECK(work.step->changes().requests.size() == 1); // what the admin added is kept
    CHECK(work.step->changes().nextActions.size() == 1);

    REQUIRE(standby->promote().ok());
    REQUIRE(saved.wait(30000));
    REQUIRE(waitFor([&] { return !work.connectionBannerShown(); }));
    auto owner = require(Connection::open(standby->connInfo(db.name())));
    work.checkSavedOnce(*owner);
}

TEST_CASE(
    "Restart: the server restarts while a save's answer is on its way, and the save lands once",
    "[security][failover]")
{
    OneServer one;
    test::TestDatabase &db = one.db;
    test::CaseWorld &world = one.world;
    StepInProgress work(db, world);

    auto owner = db.openAnother();
    holdCommitAnswers(*owner);
    QSignalSpy saved(work.step, &ui::StepWindow::saved);
    test::click(child<QPushButton>(work.step, u"saveButton"_s));
    waitForHeldCommit(*owner, world.admin.login);

    REQUIRE(one.server->stop().ok());
    REQUIRE(waitFor([&] { return work.connectionBannerShown(); }, 20000));
    CHECK(work.banner().contains(u"lost"_s));
    CHECK(work.step->hasUnsavedChanges());
    one.server->forgetAlterSystem(u"synchronous_standby_names"_s);
    REQUIRE(one.server->start().ok());

    REQUIRE(saved.wait(30000));
    CHECK(work.banner().contains(u"nothing was sent twice"_s));
    owner = db.openAnother();
    work.checkSavedOnce(*owner);
}

TEST_CASE("Killed connection: pg_terminate_backend while a save's answer is on its way, and the "
          "save lands once",
          "[security][failover]")
{
    OneServer one;
    test::TestDatabase &db = one.db;
    test::CaseWorld &world = one.world;
    StepInProgress work(db, world);

    auto owner = db.openAnother();
    holdCommitAnswers(*owner);
    QSignalSpy saved(work.step, &ui::StepWindow::saved);
    QSignalSpy failed(work.step, &ui::StepWindow::saveFailed);
    test::click(child<QPushButton>(work.step, u"saveButton"_s));
    killWaitingCommit(*owner, world.admin.login);

    REQUIRE(saved.wait(30000));
    REQUIRE(failed.count() == 1);
    CHECK(failed.first().first().value<Error>().code == u"db.unreachable"_s);
    CHECK(work.banner().contains(u"nothing was sent twice"_s));
    work.checkSavedOnce(*owner);
}

TEST_CASE("Killed connection while a key worker finishes a case note: saved again, it is there "
          "once",
          "[security][failover]")
{
    OneServer one;
    test::TestDatabase &db = one.db;
    test::CaseWorld &world = one.world;
    Client client(db, world.keyWorker.login);
    DatabaseThread &database = client.database;

    auto *dialog = new ui::CaseNoteDialog(&database, world.childId, 0, u"Thomas Turner"_s);
    dialog->show();
    QSignalSpy saved(dialog, &ui::CaseNoteDialog::saved);
    QTest::keyClicks(child<QPlainTextEdit>(dialog, u"caseNoteBody"_s), u"Phoned the school."_s);
    auto owner = db.openAnother();
    holdCommitAnswers(*owner);
    test::click(child<QPushButton>(dialog, u"caseNoteFinish"_s));
    killWaitingCommit(*owner, world.keyWorker.login);

    // The worker is told, keeps the note, and saves again once the connection is back.
    auto *problem = child<QLabel>(dialog, u"caseNoteProblem"_s);
    REQUIRE(waitFor([&] { return problem->isVisible(); }));
    CHECK(problem->text().contains(u"connection"_s));
    CHECK(child<QPlainTextEdit>(dialog, u"caseNoteBody"_s)->toPlainText() ==
          u"Phoned the school."_s);
    REQUIRE(waitFor([&] { return database.isConnected(); }, 20000));
    test::click(child<QPushButton>(dialog, u"caseNoteFinish"_s));
    REQUIRE(saved.wait(15000));

    CHECK(count(*owner, u"SELECT count(*) FROM case_note WHERE person_id = $1 AND body = $2"_s,
                {world.childId, u"Phoned the school."_s}) == 1);
}

TEST_CASE("Killed connection while a key worker acknowledges: acknowledged again, it is done "
          "once",
          "[security][failover]")
{
    OneServer one;
    test::TestDatabase &db = one.db;
    test::CaseWorld &world = one.world;
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    Client client(db, world.keyWorker.login);
    QObject context;
    const auto acknowledge = [requestId](Connection &c) {
        return RequestService(c).acknowledge(requestId);
    };

    auto owner = db.openAnother();
    holdCommitAnswers(*owner);
    std::optional<Status> first;
    client.database.submit<Done>(&context, acknowledge, [&first](Status s) { first = s; });
    killWaitingCommit(*owner, world.keyWorker.login);
    REQUIRE(waitFor([&] { return first.has_value(); }));
    REQUIRE_FALSE(first->ok());
    CHECK(first->error().code == u"db.unreachable"_s);

    // Tried again once the connection is back: done, not refused as "already acknowledged".
    REQUIRE(waitFor([&] { return client.database.isConnected(); }, 20000));
    const Status again = client.run(acknowledge, &context);
    INFO((again.ok() ? QString() : again.error().message).toStdString());
    CHECK(again.ok());
    CHECK(count(*owner, u"SELECT count(*) FROM audit WHERE action = 'request.acknowledged'"_s) ==
          1);
    // Someone else still cannot.
    auto other = world.connectAs(world.otherKeyWorker);
    CHECK_FALSE(RequestService(*other).acknowledge(requestId).ok());
}
