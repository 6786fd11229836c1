// The exchange monitor as a system administrator uses it, against a real database, the
// loopback MESH server and (for Exchange now) the exchange service running as its own
// process: process again after a fix, mark resolved with a note, and the plain message when
// no exchange service answers.
#include "admin/exchange_monitor_messages_model.h"
#include "admin/exchange_monitor_resolve_dialog.h"
#include "admin/exchange_monitor_uploads_model.h"
#include "admin/exchange_monitor_window.h"
#include "config/config_store.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::ExchangeService;
using test::ExchangeWorld;
using test::require;
using test::waitFor;

namespace {
const QString kUnknownNhsNumber = u"9990000034"_s;

// Administration → Exchange monitor…, loaded.
ui::ExchangeMonitorWindow *openMonitor(ui::MainWindow *window)
{
    REQUIRE(window->isSystemAdministrator());
    auto *action = child<QAction>(window->administrationMenu(), u"exchangeMonitorAction"_s);
    action->trigger();
    ui::ExchangeMonitorWindow *monitor = window->exchangeMonitorWindow();
    REQUIRE(monitor);
    REQUIRE(waitFor([&] { return monitor->isLoaded(); }));
    action->trigger(); // one window, not two
    CHECK(window->exchangeMonitorWindow() == monitor);
    return monitor;
}

void clickRow(QTableView *table, int row)
{
    const QRect cell = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
}

QString labelText(QWidget *parent, const QString &name)
{
    return child<QLabel>(parent, name)->text();
}

} // namespace

TEST_CASE("Exchange monitor models", "[gui][monitor]")
{
    ui::ExchangeMessagesModel messages;
    QAbstractItemModelTester messagesTester(&messages,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    MonitorMessage held;
    held.id = 12;
    held.receivedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0));
    held.status = u"quarantined"_s;
    held.reason = u"No child has the NHS number 9990000034."_s;
    MonitorMessage done = held;
    done.id = 13;
    done.kind = u"access_notification"_s;
    done.status = u"processed"_s;
    done.outcome = u"CPIS Follow Up step 40 for Thomas Turner"_s;
    messages.setRows({held, done});
    CHECK(messages.index(0, ui::ExchangeMessagesModel::Status).data().toString() ==
          u"\u26a0 Quarantined"_s);
    CHECK(messages.index(0, ui::ExchangeMessagesModel::Details).data().toString() == held.reason);
    CHECK(messages.index(0, ui::ExchangeMessagesModel::Message).data().toString() ==
          u"Message 12"_s);
    CHECK(messages.index(1, ui::ExchangeMessagesModel::Message).data().toString() ==
          u"Access to Service Notification · message 13"_s);
    CHECK(messages.index(1, 0).data(ui::ExchangeMessagesModel::MessageIdRole).toLongLong() == 13);
    messages.setRows({});
    CHECK(messages.rowCount() == 0);

    ui::ExchangeUploadsModel uploads;
    QAbstractItemModelTester uploadsTester(&uploads,
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    MonitorUpload upload;
    upload.sequenceNumber = 7;
    upload.createdAt = held.receivedAt;
    upload.status = u"acknowledged"_s;
    upload.children = 3;
    upload.rejected = 1;
    upload.detail = u"Partial: invalid records rejected"_s;
    uploads.setRows({upload});
    CHECK(uploads.index(0, ui::ExchangeUploadsModel::Status).data().toString() ==
          u"\u2714 Acknowledged"_s);
    CHECK(uploads.index(0, ui::ExchangeUploadsModel::Sent).data().toString() == u"not yet"_s);
    CHECK(uploads.index(0, ui::ExchangeUploadsModel::Outcome).data().toString() ==
          u"Partial: invalid records rejected · 1 of 3 child(ren) rejected"_s);
}

TEST_CASE("How the monitor words runs and requests", "[gui][monitor]")
{
    ExchangeRunInfo run;
    run.id = 4;
    run.startedAt = QDateTime(QDate(2026, 11, 27), QTime(16, 25));
    run.status = u"running"_s;
    CHECK(ui::ExchangeMonitorWindow::runText(run, true).startsWith(u"Running since"_s));
    CHECK(ui::ExchangeMonitorWindow::runText(run, false)
              .startsWith(u"\u2716 Stopped before it finished"_s));
    run.status = u"failed"_s;
    run.finishedAt = run.startedAt.addSecs(30);
    run.error = u"MESH refused the credentials."_s;
    CHECK(ui::ExchangeMonitorWindow::runText(run, false).startsWith(u"\u2716 Failed"_s));
    CHECK(ui::ExchangeMonitorWindow::runText(run, false).endsWith(run.error));

    ExchangeRequestInfo request;
    request.requestedAt = run.startedAt.addSecs(-60);
    request.requestedBy = u"Sys Admin"_s;
    CHECK(ui::ExchangeMonitorWindow::requestText(request, nullptr, 5, 30)
              .endsWith(u"waiting for the exchange service…"_s));
    CHECK(ui::ExchangeMonitorWindow::requestText(request, nullptr, 31, 30)
              .startsWith(u"\u26a0 Requested"_s));
    run.status = u"running"_s;
    CHECK(ui::ExchangeMonitorWindow::requestText(request, &run, 31, 30)
              .contains(u"has to finish first"_s));
    request.run = run;
    CHECK(ui::ExchangeMonitorWindow::requestText(request, &run, 31, 30).contains(u"is running"_s));
    CHECK(ui::ExchangeMonitorWindow::requestText(request, nullptr, 31, 30)
              .contains(u"Stopped before it finished"_s));
}

TEST_CASE("A quarantined message is processed again from the monitor once the child's NHS "
          "number is fixed, and becomes a step",
          "[gui][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-FIX"_s, kUnknownNhsNumber));
    require(x.run());
    const qint64 message =
        x.count(u"SELECT id FROM inbound_message WHERE status = 'quarantined'"_s);
    REQUIRE(message > 0);

    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    auto *table = child<QTableView>(monitor, u"quarantinedTable"_s);
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, ui::ExchangeMessagesModel::Details).data().toString() ==
          u"No child has the NHS number %1."_s.arg(kUnknownNhsNumber));
    CHECK(child<QTabWidget>(monitor, u"exchangeMonitorTabs"_s)->tabText(0) == u"Quarantined (1)"_s);
    CHECK(labelText(monitor, u"lastExchange"_s).startsWith(u"\u2714 Completed"_s));
    CHECK(labelText(monitor, u"lastExchange"_s).endsWith(u"1 quarantined"_s));
    auto *processAgain = child<QPushButton>(monitor, u"processAgainButton"_s);
    CHECK_FALSE(processAgain->isEnabled()); // nothing chosen yet
    test::screenshot(monitor, u"exchange_monitor_quarantined"_s);

    // The cause is fixed: the child's NHS number corrected.
    REQUIRE(execute(x.db.connection(), u"UPDATE person SET nhs_number = $1 WHERE id = $2"_s,
                    {kUnknownNhsNumber, x.world.childId})
                .ok());
    clickRow(table, 0);
    REQUIRE(processAgain->isEnabled());
    QSignalSpy again(monitor, &ui::ExchangeMonitorWindow::processedAgain);
    QTest::mouseClick(processAgain, Qt::LeftButton);
    REQUIRE(waitFor([&] { return again.count() == 1; }));
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 0; }));
    CHECK(labelText(monitor, u"exchangeRequest"_s).contains(u"waiting for the exchange service"_s));
    auto *progress = child<QProgressBar>(monitor, u"exchangeNowProgress"_s);
    CHECK(progress->isVisible());
    test::screenshot(monitor, u"exchange_monitor_waiting"_s);
    CHECK(labelText(monitor, u"exchangeMonitorMessage"_s).contains(u"Message %1"_s.arg(message)));

    // The exchange runs for the request; every open monitor refreshes by itself.
    const int steps = x.count(u"SELECT count(*) FROM work_step"_s);
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == steps + 1);
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'processed'"_s,
                  {message}) == 1);
    REQUIRE(waitFor(
        [&] { return labelText(monitor, u"exchangeRequest"_s).contains(u"\u2714 Completed"_s); }));
    CHECK_FALSE(progress->isVisible());
    auto *messages = child<QTableView>(monitor, u"messagesTable"_s);
    CHECK(messages->model()->index(0, ui::ExchangeMessagesModel::Status).data().toString() ==
          u"\u2714 Processed"_s);
    child<QTabWidget>(monitor, u"exchangeMonitorTabs"_s)->setCurrentIndex(1);
    test::screenshot(monitor, u"exchange_monitor_processed_again"_s);
}

TEST_CASE("Mark resolved in the monitor will not go without a note", "[gui][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-RES"_s, kUnknownNhsNumber));
    require(x.run());
    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    auto *table = child<QTableView>(monitor, u"quarantinedTable"_s);
    REQUIRE(table->model()->rowCount() == 1);
    clickRow(table, 0);
    QTest::mouseClick(child<QPushButton>(monitor, u"markResolvedButton"_s), Qt::LeftButton);
    auto *dialog = child<ui::ResolveMessageDialog>(monitor, u"resolveMessageDialog"_s);
    REQUIRE(waitFor([&] { return dialog->isVisible(); }));

    QTest::mouseClick(child<QPushButton>(dialog, u"confirmResolve"_s), Qt::LeftButton);
    CHECK(dialog->isVisible());
    auto *problem = child<QLabel>(dialog, u"resolveNoteProblem"_s);
    CHECK(problem->isVisible());
    CHECK(problem->text() == u"A note is required: say how the message was resolved."_s);
    test::screenshot(dialog, u"exchange_monitor_resolve_needs_note"_s);
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined'"_s) == 1);

    QTest::keyClicks(child<QPlainTextEdit>(dialog, u"resolveNote"_s),
                     u"Test notification from the NHS, not about a child of ours."_s);
    QSignalSpy resolved(monitor, &ui::ExchangeMonitorWindow::resolved);
    QTest::mouseClick(child<QPushButton>(dialog, u"confirmResolve"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return resolved.count() == 1; }));
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 0; }));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'resolved' AND "
                  u"resolved_note LIKE 'Test notification%'"_s) == 1);
    auto *messages = child<QTableView>(monitor, u"messagesTable"_s);
    CHECK(messages->model()->index(0, ui::ExchangeMessagesModel::Details).data().toString() ==
          u"Resolved: Test notification from the NHS, not about a child of ours."_s);
    CHECK(labelText(monitor, u"quarantinedHint"_s).startsWith(u"Nothing is quarantined"_s));

    // Another administrator resolves one elsewhere: this monitor follows by itself.
    x.deliver(test::accessNotification(u"ASN-RES2"_s, kUnknownNhsNumber));
    require(x.run());
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 1; }));
    const qint64 second =
        table->model()->index(0, 0).data(ui::ExchangeMessagesModel::MessageIdRole).toLongLong();
    require(ExchangeMonitor(*x.world.connectAs(x.world.sysadmin))
                .resolve(second, u"Resolved from another desk."_s));
    CHECK(waitFor([&] { return table->model()->rowCount() == 0; }, 5000));
}

TEST_CASE("Exchange now from the monitor is run by the exchange service, and the run appears",
          "[gui][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-NOW"_s));
    // The schedule is hours away: only the request can make it run now.
    const QString later = QTime::currentTime().addSecs(6 * 3600).toString(u"HH:mm"_s);
    REQUIRE(ConfigStore(*x.world.connectAs(x.world.sysadmin)).set(u"exchange.times"_s, later).ok());
    ExchangeService service(x.conninfoAs(x.world.exchange.login));
    REQUIRE(waitFor([&] { return service.said(u"Next exchange at"_s); }, 60000));

    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    CHECK(labelText(monitor, u"lastExchange"_s) == u"No exchange has run yet."_s);
    CHECK(labelText(monitor, u"exchangeService"_s).startsWith(u"\u2714 Running"_s));
    QSignalSpy requested(monitor, &ui::ExchangeMonitorWindow::requested);
    QTest::mouseClick(child<QPushButton>(monitor, u"exchangeNowButton"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return requested.count() == 1; }));
    REQUIRE(waitFor(
        [&] {
            const auto &request = monitor->data().latestRequest;
            return request && request->run && request->run->status == u"ok"_s;
        },
        60000));
    service.said({});
    INFO(service.output().toStdString());
    INFO(labelText(monitor, u"lastExchange"_s).toStdString());
    INFO(labelText(monitor, u"exchangeRequest"_s).toStdString());
    CHECK(labelText(monitor, u"exchangeRequest"_s).startsWith(u"Requested"_s));
    CHECK(labelText(monitor, u"exchangeRequest"_s).contains(u"by Sys Admin"_s));
    CHECK(labelText(monitor, u"exchangeRequest"_s).contains(u"\u2714 Completed"_s));
    CHECK(waitFor([&] {
        return labelText(monitor, u"lastExchange"_s)
            .contains(u"1 upload(s) sent, 1 message(s) received, 0 quarantined"_s);
    }));
    CHECK(x.mesh.sentMessages().size() == 1);
    CHECK(x.mesh.inboxIds(test::kMeshMailbox).isEmpty());
    auto *uploads = child<QTableView>(monitor, u"uploadsTable"_s);
    REQUIRE(waitFor([&] { return uploads->model()->rowCount() == 1; }));
    child<QTabWidget>(monitor, u"exchangeMonitorTabs"_s)->setCurrentIndex(2);
    test::screenshot(monitor, u"exchange_monitor_exchange_now"_s);
    REQUIRE(waitFor([&] {
        return service.said(u"Exchange requested from the exchange monitor: running now."_s);
    }));
}

TEST_CASE("With no exchange service running the monitor says so plainly", "[gui][monitor]")
{
    ExchangeWorld x;
    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    CHECK(labelText(monitor, u"exchangeService"_s).startsWith(u"\u26a0 Not running"_s));
    monitor->setPickUpSeconds(2);
    QTest::mouseClick(child<QPushButton>(monitor, u"exchangeNowButton"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] {
        return labelText(monitor, u"exchangeRequest"_s)
            .contains(u"no exchange service picked it up within 2 seconds"_s);
    }));
    CHECK(labelText(monitor, u"exchangeRequest"_s).contains(u"cpisctl exchange"_s));
    CHECK_FALSE(child<QProgressBar>(monitor, u"exchangeNowProgress"_s)->isVisible());
    test::screenshot(monitor, u"exchange_monitor_no_service"_s);
}

TEST_CASE("The monitor shows a restricted child a system administrator may not see as "
          "\"Restricted child\"",
          "[gui][monitor]")
{
    ExchangeWorld x;
    const qint64 restricted = require(queryValue(x.db.connection(), uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, restricted,
                            nhs_number, nhs_number_status)
        VALUES ('Amelia', 'Hart', 'Female', '2019-05-01', true, '9990000042', 'recorded')
        RETURNING id)"_s))
                                  .integer();
    REQUIRE(restricted > 0);
    x.deliver(test::accessNotification(u"ASN-HIDDEN"_s, u"9990000042"_s));
    require(x.run());

    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    auto *messages = child<QTableView>(monitor, u"messagesTable"_s);
    REQUIRE(messages->model()->rowCount() == 1);
    const QString details =
        messages->model()->index(0, ui::ExchangeMessagesModel::Details).data().toString();
    INFO(details.toStdString());
    CHECK(details.contains(u"Restricted child"_s));
    CHECK_FALSE(details.contains(u"Amelia"_s));
    CHECK_FALSE(details.contains(u"Hart"_s));
    CHECK_FALSE(details.contains(u"9990000042"_s));
}

TEST_CASE("Mark resolved says what happened to the message: quarantined, or left waiting",
          "[gui][monitor]")
{
    ExchangeWorld x;
    x.deliver(test::accessNotification(u"ASN-Q"_s, kUnknownNhsNumber));
    x.deliver(test::accessNotification(u"ASN-W"_s, kUnknownNhsNumber));
    require(x.run());
    // The second one, as an exchange that lost its database mid-way leaves it: waiting.
    require(execute(x.db.connection(), uR"(
        UPDATE inbound_message SET status = 'received', processed_at = NULL,
               reason = 'The connection to the database was lost while it was processed.'
        WHERE id = (SELECT max(id) FROM inbound_message))"_s));
    auto window = test::signedInWindow(x.db, x.world.sysadmin.login);
    ui::ExchangeMonitorWindow *monitor = openMonitor(window.get());
    auto *table = child<QTableView>(monitor, u"quarantinedTable"_s);
    REQUIRE(table->model()->rowCount() == 2);
    const auto introFor = [&](int row) {
        clickRow(table, row);
        QTest::mouseClick(child<QPushButton>(monitor, u"markResolvedButton"_s), Qt::LeftButton);
        ui::ResolveMessageDialog *dialog = nullptr;
        REQUIRE(waitFor([&] {
            dialog = monitor->findChild<ui::ResolveMessageDialog *>(u"resolveMessageDialog"_s);
            return dialog && dialog->isVisible();
        }));
        const QString text = child<QLabel>(dialog, u"resolveIntro"_s)->text();
        test::screenshot(dialog, u"exchange_monitor_resolve_%1"_s.arg(row));
        QTest::mouseClick(child<QPushButton>(dialog, u"cancelResolve"_s), Qt::LeftButton);
        REQUIRE(waitFor([&] {
            return !monitor->findChild<ui::ResolveMessageDialog *>(u"resolveMessageDialog"_s);
        }));
        return text;
    };
    const QString quarantined = introFor(0);
    CHECK(quarantined.contains(u"was quarantined: No child has the NHS number"_s));
    const QString waiting = introFor(1);
    CHECK_FALSE(waiting.contains(u"quarantined"_s));
    CHECK(waiting.contains(u"is waiting to be processed; the last exchange could not process it: "
                           u"The connection to the database was lost"_s));
}
