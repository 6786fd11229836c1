// The Configuration tools window with real widgets: a change reaches a second client's open
// window, refusals are shown at each field with nothing stored, edited templates and lists
// reach the step dialogs, secrets stay write-only and Test connection says what failed.
#include "admin/configuration_models.h"
#include "admin/configuration_window.h"
#include "db/rows.h"
#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "gui/gui_support.h"
#include "step/step_window.h"
#include "support/case_world.h"
#include "support/mesh_server.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::require;
using test::waitFor;

namespace {
// Administration → Configuration tools…, loaded.
ui::ConfigurationWindow *openTools(ui::MainWindow &window)
{
    REQUIRE(window.isSystemAdministrator());
    auto *action = child<QAction>(window.administrationMenu(), u"openConfigurationTools"_s);
    REQUIRE(action->isVisible());
    action->trigger();
    ui::ConfigurationWindow *tools = window.configurationWindow();
    REQUIRE(tools);
    REQUIRE(waitFor([tools] { return tools->isLoaded(); }));
    return tools;
}

void showTab(ui::ConfigurationWindow *tools, const QString &pageName)
{
    auto *tabs = child<QTabWidget>(tools, u"configurationTabs"_s);
    QWidget *page = child<QWidget>(tools, pageName);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == page || tabs->widget(i)->isAncestorOf(page))
            tabs->setCurrentIndex(i);
    }
}

// Brings the field's tab to the front, as the user would, then replaces its text.
void retype(QLineEdit *edit, const QString &text)
{
    for (QWidget *w = edit->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(edit))
                    tabs->setCurrentIndex(i);
            }
        }
    }
    REQUIRE(waitFor([edit] { return edit->isVisible(); }, 5000));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

bool saveAndWait(ui::ConfigurationWindow *tools)
{
    QSignalSpy finished(tools, &ui::ConfigurationWindow::saveFinished);
    click(child<QPushButton>(tools, u"configurationSave"_s));
    REQUIRE(waitFor([&] { return finished.count() > 0; }));
    return finished.first().first().toBool();
}

QString stored(Connection &owner, const QString &key)
{
    return require(queryValue(owner, u"SELECT value FROM config WHERE key = $1"_s, {key})).text();
}

QString message(ui::ConfigurationWindow *tools)
{
    return child<QLabel>(tools, u"configurationMessage"_s)->text();
}
} // namespace

TEST_CASE("Configuration tools models", "[gui]")
{
    ui::ListItemsModel items;
    QAbstractItemModelTester itemsTester(&items,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    items.setItems({{u"next_action"_s, u"CS No Further Action"_s, 1, true},
                    {u"next_action"_s, u"Old action"_s, 2, false}});
    CHECK(items.rowCount() == 2);
    CHECK(items.index(1, ui::ListItemsModel::Status).data().toString().startsWith(u"Retired"_s));
    CHECK(items.index(1, 0).data(ui::ListItemsModel::ActiveRole).toBool() == false);
    CHECK(items.labels() == QStringList{u"CS No Further Action"_s, u"Old action"_s});

    ui::BankHolidayModel days;
    QAbstractItemModelTester daysTester(&days,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    days.setDays({{QDate(2026, 12, 25), u"Christmas Day"_s}});
    CHECK(days.index(0, ui::BankHolidayModel::Day).data().toString() == u"Fri 25/12/2026"_s);
    CHECK(days.index(0, ui::BankHolidayModel::Name).data().toString() == u"Christmas Day"_s);
}

TEST_CASE("Configuration tools: a change saved in one client reaches a second client's open "
          "window, and unsaved edits there are kept with a warning",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto first = test::signedInWindow(db, world.sysadmin.login);
    auto second = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *mine = openTools(*first);
    ui::ConfigurationWindow *theirs = openTools(*second);
    showTab(mine, u"officeTab"_s);
    showTab(theirs, u"officeTab"_s);
    CHECK(child<QLineEdit>(theirs, u"office.hours"_s)->text() == u"09:30-16:30"_s);
    test::screenshot(mine, u"configuration-office-hours"_s);

    retype(child<QLineEdit>(mine, u"office.hours"_s), u"08:30-16:00"_s);
    CHECK(mine->changedFields() == QStringList{u"office.hours"_s});
    REQUIRE(saveAndWait(mine));
    CHECK(message(mine).contains(u"Saved: Office hours"_s));
    CHECK(stored(db.connection(), u"office.hours"_s) == u"08:30-16:00"_s);
    // The other client's open window shows it, without anyone pressing anything.
    CHECK(waitFor(
        [&] { return child<QLineEdit>(theirs, u"office.hours"_s)->text() == u"08:30-16:00"_s; }));

    // With unsaved edits there, a change from elsewhere warns instead of overwriting.
    retype(child<QLineEdit>(theirs, u"office.days"_s), u"Mon-Thu"_s);
    retype(child<QLineEdit>(mine, u"office.handling_time"_s), u"2 working days"_s);
    REQUIRE(saveAndWait(mine));
    auto *reload = child<QPushButton>(theirs, u"configurationReload"_s);
    REQUIRE(waitFor([&] { return reload->isVisible(); }));
    CHECK(message(theirs).contains(u"Another administrator changed the configuration"_s));
    CHECK(child<QLineEdit>(theirs, u"office.days"_s)->text() == u"Mon-Thu"_s);
    CHECK(child<QLineEdit>(theirs, u"office.handling_time"_s)->text() == u"1 working day"_s);
    test::screenshot(theirs, u"configuration-changed-elsewhere"_s);
    click(reload);
    CHECK(waitFor([&] {
        return child<QLineEdit>(theirs, u"office.handling_time"_s)->text() == u"2 working days"_s;
    }));
    CHECK(child<QLineEdit>(theirs, u"office.days"_s)->text() == u"Mon-Fri"_s);
    CHECK_FALSE(theirs->hasUnsavedChanges());
}

TEST_CASE("Configuration tools: invalid values are refused field by field, shown at each field, "
          "and nothing is stored",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *tools = openTools(*window);
    tools->resize(1000, 820);

    showTab(tools, u"cpisTab"_s);
    click(child<QCheckBox>(tools, u"sharedPlan:V2"_s)); // valid: stop sharing V2 (s20)
    retype(child<QLineEdit>(tools, u"cpis.handling_target"_s), u"Nobody Atall"_s);
    showTab(tools, u"officeTab"_s);
    retype(child<QLineEdit>(tools, u"office.hours"_s), u"16:30-09:30"_s);
    retype(child<QLineEdit>(tools, u"office.days"_s), u"Weekdays"_s);
    showTab(tools, u"exchangeTab"_s);
    retype(child<QLineEdit>(tools, u"mesh.url"_s), u"ftp://mesh.example"_s);
    retype(child<QLineEdit>(tools, u"exchange.times"_s), u"08:00,noon"_s);
    showTab(tools, u"listsTab"_s);
    child<QPlainTextEdit>(tools, u"template.ae.body"_s)->clear();

    CHECK_FALSE(saveAndWait(tools));
    CHECK(message(tools).contains(u"Nothing was saved: 6 fields need correcting"_s));
    const QHash<QString, QString> expected{
        {u"cpis.handling_target"_s, u"There is no worker or team \"Nobody Atall\"."_s},
        {u"office.hours"_s, u"\"16:30-09:30\" is not a range of the day such as 09:30-16:30."_s},
        {u"office.days"_s, u"\"Weekdays\" is not days such as Mon-Fri"_s},
        {u"mesh.url"_s, u"mesh.url must be https://"_s},
        {u"exchange.times"_s, u"\"noon\" is not a time of day"_s},
        {u"template.ae.body"_s, u"The template's note is empty"_s},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        auto *error = child<QLabel>(tools, u"error:"_s + it.key());
        INFO(it.key().toStdString() << ": " << error->text().toStdString());
        CHECK_FALSE(error->isHidden());
        CHECK(error->text().contains(it.value()));
        CHECK_FALSE(error->text().startsWith(it.key() + u':')); // the field says which
    }
    CHECK(child<QLabel>(tools, u"error:cpis.shared_plans"_s)->isHidden());
    // It switches to the first tab with a refusal, and the tabs say where the others are.
    auto *tabs = child<QTabWidget>(tools, u"configurationTabs"_s);
    CHECK(tabs->currentIndex() == 0);
    CHECK(tabs->tabText(0) == u"CP-IS (1 to correct)"_s);
    CHECK(tabs->tabText(1) == u"Office hours (2 to correct)"_s);
    CHECK(tabs->tabText(2) == u"Exchange (2 to correct)"_s);
    CHECK(tabs->tabText(3) == u"Lists and templates (1 to correct)"_s);
    test::screenshot(tools, u"configuration-refused-cpis"_s);
    showTab(tools, u"officeTab"_s);
    test::screenshot(tools, u"configuration-refused-office"_s);
    showTab(tools, u"exchangeTab"_s);
    test::screenshot(tools, u"configuration-refused-exchange"_s);

    // Nothing stored, not even the valid change; the edits are still there to correct.
    Connection &owner = db.connection();
    CHECK(stored(owner, u"cpis.shared_plans"_s) == u"CPP,UCPP,C1,C2,V2"_s);
    CHECK(stored(owner, u"office.hours"_s) == u"09:30-16:30"_s);
    CHECK(
        require(queryValue(owner, u"SELECT count(*) FROM audit WHERE action = 'config.changed'"_s))
            .integer() == 0);
    CHECK(child<QLineEdit>(tools, u"office.hours"_s)->text() == u"16:30-09:30"_s);

    // Corrected, the same Save stores everything and says what.
    retype(child<QLineEdit>(tools, u"cpis.handling_target"_s), u"Jane Okafor"_s);
    retype(child<QLineEdit>(tools, u"office.hours"_s), u"09:00-17:00"_s);
    retype(child<QLineEdit>(tools, u"office.days"_s), u"Mon-Fri"_s);
    retype(child<QLineEdit>(tools, u"mesh.url"_s), u"https://mesh.example.nhs.uk"_s);
    retype(child<QLineEdit>(tools, u"exchange.times"_s), u"08:00,12:00"_s);
    showTab(tools, u"listsTab"_s);
    child<QPlainTextEdit>(tools, u"template.ae.body"_s)->setPlainText(u"Please acknowledge."_s);
    REQUIRE(saveAndWait(tools));
    CHECK(message(tools).startsWith(u"Saved: "_s));
    CHECK(message(tools).contains(u"Plans shared with CP-IS"_s));
    CHECK(stored(owner, u"cpis.shared_plans"_s) == u"CPP,UCPP,C1,C2"_s);
    CHECK_FALSE(tools->hasUnsavedChanges());
    CHECK(stored(owner, u"office.hours"_s) == u"09:00-17:00"_s);
    CHECK(stored(owner, u"cpis.handling_target"_s) == u"Jane Okafor"_s);
    CHECK(child<QLabel>(tools, u"error:office.hours"_s)->isHidden());
    CHECK(tabs->tabText(1) == u"Office hours"_s);
}

TEST_CASE("Configuration tools: the CP-IS tab lists the legal statuses by name and saves the "
          "sending authority",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *tools = openTools(*window);
    tools->resize(1000, 720);
    showTab(tools, u"cpisTab"_s);

    CHECK_FALSE(tools->hasUnsavedChanges()); // the boxes read the setting as it is stored
    auto *c2 = child<QCheckBox>(tools, u"sharedPlan:C2"_s);
    CHECK(c2->text() == u"C2 Full care order (s31)"_s);
    CHECK(c2->isChecked());
    CHECK_FALSE(child<QCheckBox>(tools, u"sharedPlan:E1"_s)->isChecked());
    for (const QString &code : {u"V3"_s, u"V4"_s}) {
        auto *box = child<QCheckBox>(tools, u"sharedPlan:"_s + code);
        CHECK_FALSE(box->isEnabled());
        CHECK(box->toolTip().contains(u"never shared"_s));
    }
    CHECK(child<QLabel>(tools, u"authorityExplanation"_s)
              ->text()
              .contains(u"shows these to clinicians beside every flag"_s));
    CHECK(child<QLineEdit>(tools, u"cpis.authority_name"_s)->text() ==
          u"Northshire County Council"_s);
    test::screenshot(tools, u"configuration-cpis-tab"_s);

    click(child<QCheckBox>(tools, u"sharedPlan:E1"_s));
    retype(child<QLineEdit>(tools, u"cpis.phone_office_hours"_s), u"01632-960000"_s);
    CHECK_FALSE(saveAndWait(tools));
    CHECK(child<QLabel>(tools, u"error:cpis.phone_office_hours"_s)
              ->text()
              .contains(u"is not a telephone number"_s));
    Connection &owner = db.connection();
    CHECK(stored(owner, u"cpis.shared_plans"_s) == u"CPP,UCPP,C1,C2,V2"_s);

    retype(child<QLineEdit>(tools, u"cpis.phone_office_hours"_s), u"01632 960123"_s);
    retype(child<QLineEdit>(tools, u"cpis.authority_name"_s), u"Southshire Council"_s);
    REQUIRE(saveAndWait(tools));
    CHECK(stored(owner, u"cpis.shared_plans"_s) == u"CPP,UCPP,C1,C2,E1,V2"_s);
    CHECK(stored(owner, u"cpis.phone_office_hours"_s) == u"01632 960123"_s);
    CHECK(stored(owner, u"cpis.authority_name"_s) == u"Southshire Council"_s);
    CHECK(require(queryValue(owner, uR"(SELECT count(*) FROM audit WHERE action = 'config.changed'
                                       AND details ->> 'key' IN ('cpis.phone_office_hours', 'cpis.authority_name'))"_s))
              .integer() == 2);
}

TEST_CASE("Configuration tools: an edited template and list reach the New request and Next "
          "action dialogs of an open client",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto adminWindow = test::signedInWindow(db, world.admin.login);
    CHECK_FALSE(adminWindow->isSystemAdministrator());
    CHECK_FALSE(adminWindow->administrationMenu()->menuAction()->isVisible());

    auto sysWindow = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *tools = openTools(*sysWindow);
    showTab(tools, u"listsTab"_s);
    const QString note = u"Please acknowledge this CP-IS notification today and record a "
                         u"CP-IS Follow Up case note."_s;
    child<QPlainTextEdit>(tools, u"template.ae.body"_s)->setPlainText(note);
    REQUIRE(saveAndWait(tools));

    auto *list = child<QComboBox>(tools, u"listChoice"_s);
    list->setCurrentIndex(list->findData(u"next_action_reason"_s));
    auto *table = child<QTableView>(tools, u"listItemsTable"_s);
    const int before = table->model()->rowCount();
    retype(child<QLineEdit>(tools, u"listItemName"_s), u"Known to early help"_s);
    click(child<QPushButton>(tools, u"listAdd"_s));
    REQUIRE(waitFor([&] { return table->model()->rowCount() == before + 1; }));
    CHECK(table->model()->index(before, 0).data().toString() == u"Known to early help"_s);
    // Retiring the first item keeps it, shown as retired.
    table->setCurrentIndex(table->model()->index(0, 0));
    const QString retired = table->model()->index(0, 0).data().toString();
    click(child<QPushButton>(tools, u"listRetire"_s));
    REQUIRE(waitFor([&] {
        return table->model()
            ->index(0, ui::ListItemsModel::Status)
            .data()
            .toString()
            .startsWith(u"Retired"_s);
    }));
    test::screenshot(tools, u"configuration-lists"_s);

    // The admin's client picks both up without a restart.
    REQUIRE(waitFor([&] {
        const StepChoices &c = adminWindow->choices();
        return c.nextActionReasons.contains(u"Known to early help"_s) &&
               !c.nextActionReasons.contains(retired) && !c.templates.isEmpty() &&
               c.templates.first().body == note;
    }));
    REQUIRE(adminWindow->workview()->selectStep(world.stepId));
    click(child<QPushButton>(adminWindow.get(), u"startWorkButton"_s));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = adminWindow->stepWindow(world.stepId);
        return step && step->step().state == u"in_progress"_s;
    }));
    step->showSection(0);
    click(child<QPushButton>(step, u"notifyButton"_s));
    ui::NewRequestDialog *request = nullptr;
    REQUIRE(waitFor([&] { return (request = step->findChild<ui::NewRequestDialog *>()); }));
    CHECK(child<QPlainTextEdit>(request, u"requestNote"_s)->toPlainText() == note);
    click(child<QPushButton>(request, u"requestCancel"_s));

    step->showSection(1);
    click(child<QPushButton>(step, u"addNextActionButton"_s));
    ui::NextActionDialog *next = nullptr;
    REQUIRE(waitFor([&] { return (next = step->findChild<ui::NextActionDialog *>()); }));
    auto *reason = child<QComboBox>(next, u"reason"_s);
    CHECK(reason->findText(u"Known to early help"_s) >= 0);
    CHECK(reason->findText(retired) < 0);
}

TEST_CASE("Configuration tools: secrets are write-only and Test connection says what failed",
          "[gui]")
{
    const QByteArray secret = "environment-secret";
    test::TestDatabase db;
    test::CaseWorld world(db);
    test::MeshServer mesh{secret};
    const QUrl url = mesh.start();
    mesh.addMailbox(u"LA001OT"_s, u"mailbox-password"_s);
    {
        auto sysadmin = world.connectAs(world.sysadmin);
        REQUIRE(ConfigStore(*sysadmin).set(u"mesh.password"_s, u"mailbox-password"_s).ok());
    }
    auto window = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *tools = openTools(*window);
    tools->resize(1000, 900);
    showTab(tools, u"exchangeTab"_s);
    CHECK(child<QLabel>(tools, u"mesh.passwordStatus"_s)->text() == u"set"_s);
    CHECK(child<QLabel>(tools, u"mesh.shared_secretStatus"_s)->text() == u"not set"_s);
    CHECK(child<QLineEdit>(tools, u"mesh.password"_s)->text().isEmpty()); // never shown back
    CHECK(child<QLineEdit>(tools, u"mesh.password"_s)->echoMode() == QLineEdit::Password);

    retype(child<QLineEdit>(tools, u"mesh.url"_s), url.toString());
    retype(child<QLineEdit>(tools, u"mesh.mailbox"_s), u"LA001OT"_s);
    auto *result = child<QLabel>(tools, u"meshTestResult"_s);
    QSignalSpy tested(tools, &ui::ConfigurationWindow::connectionTested);
    auto test = [&] {
        tested.clear();
        click(child<QPushButton>(tools, u"meshTestConnection"_s));
        REQUIRE(waitFor([&] { return tested.count() > 0; }, 30000));
        return tested.first().first().toBool();
    };
    // Without the secrets typed it cannot test, and says why.
    CHECK_FALSE(test());
    CHECK(result->text().contains(u"cannot be read back"_s));

    retype(child<QLineEdit>(tools, u"mesh.password"_s), u"wrong-password"_s);
    retype(child<QLineEdit>(tools, u"mesh.shared_secret"_s), QString::fromLatin1(secret));
    CHECK_FALSE(test());
    CHECK(result->text().startsWith(u"The test failed: "_s));
    INFO(result->text().toStdString());
    CHECK(result->text().size() > 30);

    retype(child<QLineEdit>(tools, u"mesh.password"_s), u"mailbox-password"_s);
    CHECK(test());
    CHECK(result->text().contains(u"Connected"_s));
    test::screenshot(tools, u"configuration-exchange"_s);

    // Saving the typed secret stores it and empties the entry; it still only says "set".
    REQUIRE(saveAndWait(tools));
    CHECK(child<QLineEdit>(tools, u"mesh.shared_secret"_s)->text().isEmpty());
    CHECK(waitFor(
        [&] { return child<QLabel>(tools, u"mesh.shared_secretStatus"_s)->text() == u"set"_s; }));
    // Sealed in the client with the exchange's public key: only the exchange's key opens it.
    CHECK(stored(db.connection(), u"mesh.shared_secret"_s).startsWith(u"sealed:v1:"_s));
    CHECK(test::openedSecret(db.connection(), u"mesh.shared_secret"_s) ==
          QString::fromLatin1(secret));
    auto audit = require(queryValue(
        db.connection(),
        u"SELECT string_agg(details->>'value', ',') FROM audit WHERE details->>'key' LIKE 'mesh.%'"_s));
    CHECK_FALSE(audit.text().contains(QString::fromLatin1(secret)));
}

TEST_CASE("Configuration tools: closing with unsaved changes asks first", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    QPointer<ui::ConfigurationWindow> tools = openTools(*window);
    retype(child<QLineEdit>(tools, u"office.handling_time"_s), u"4 working hours"_s);
    auto ask = [&] {
        QMessageBox *box = nullptr;
        REQUIRE(waitFor([&] {
            box = tools->findChild<QMessageBox *>(u"unsavedConfigurationDialog"_s);
            return box && box->isVisible();
        }));
        return box;
    };
    click(child<QPushButton>(tools, u"configurationClose"_s));
    QMessageBox *box = ask();
    CHECK(box->informativeText().contains(u"Handling time"_s));
    test::screenshot(box, u"configuration-unsaved"_s);
    click(box->button(QMessageBox::Cancel));
    QTest::qWait(50);
    REQUIRE(tools);
    CHECK(tools->isVisible());
    // Closing the whole client asks too, and stays open meanwhile.
    CHECK_FALSE(window->close());
    CHECK(window->isVisible());
    click(ask()->button(QMessageBox::Cancel));
    QTest::qWait(50);
    REQUIRE(tools);

    // Save from the question stores it and closes.
    click(child<QPushButton>(tools, u"configurationClose"_s));
    click(ask()->button(QMessageBox::Save));
    REQUIRE(waitFor([&] { return !tools; }));
    CHECK(stored(db.connection(), u"office.handling_time"_s) == u"4 working hours"_s);
}

TEST_CASE("Configuration tools: the Alerts tab chooses who receives each CP-IS alert, through "
          "Save and the unsaved-changes question",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);
    QPointer<ui::ConfigurationWindow> tools = openTools(*window);
    tools->resize(1280, 720);
    showTab(tools, u"alertsTab"_s);
    const auto editor = [&](const QString &type, const QString &part) {
        return child<QWidget>(tools, u"alert:%1:%2"_s.arg(type, part));
    };
    const auto combo = [&](const QString &type, const QString &part) {
        return qobject_cast<QComboBox *>(editor(type, part));
    };
    const QString rejected = u"CP-IS upload rejected"_s;
    const QString failed = u"CP-IS upload failed"_s;
    CHECK_FALSE(tools->hasUnsavedChanges()); // today's recipients, as stored
    CHECK(combo(rejected, u"role"_s)->currentText() == u"System administrators"_s);
    CHECK(combo(rejected, u"team"_s)->currentText() == u"No team"_s);
    CHECK(qobject_cast<QCheckBox *>(editor(rejected, u"keyWorker"_s))->isChecked());
    auto *stalledKeyWorker =
        qobject_cast<QCheckBox *>(editor(u"CP-IS exchange stalled"_s, u"keyWorker"_s));
    CHECK_FALSE(stalledKeyWorker->isEnabled()); // not about a child
    test::screenshot(tools, u"configuration-alerts"_s);

    // Nobody at all for one alert: refused at its row, nothing stored.
    QComboBox *failedRole = combo(failed, u"role"_s);
    failedRole->setCurrentIndex(failedRole->findData(QString()));
    CHECK(tools->changedFields() == QStringList{u"alert:"_s + failed});
    CHECK_FALSE(saveAndWait(tools));
    auto *error = child<QLabel>(tools, u"error:alert:"_s + failed);
    CHECK(error->isVisible());
    CHECK(error->text().contains(u"needs at least one recipient"_s));
    CHECK(child<QTabWidget>(tools, u"configurationTabs"_s)->tabText(4) ==
          u"Alerts (1 to correct)"_s);
    test::screenshot(tools, u"configuration-alerts-refused"_s);
    Connection &owner = db.connection();
    // The role and worker login stored for the type.
    const auto recipients = [&](const QString &type) {
        const Rows rows = require(execute(owner, uR"(
            SELECT coalesce(recipient_role::text, '') AS role, coalesce(w.login::text, '') AS login
            FROM alert_recipients r LEFT JOIN worker w ON w.id = r.recipient_worker
            WHERE alert_type = $1)"_s,
                                          {type}));
        REQUIRE(rows.size() == 1);
        return std::pair{rows[0].text("role"), rows[0].text("login")};
    };
    CHECK(recipients(failed).first == u"cpis_sysadmin"_s);

    // A worker instead: closing asks first, and Save from the question stores it.
    QComboBox *failedWorker = combo(failed, u"worker"_s);
    failedWorker->setCurrentIndex(failedWorker->findData(world.admin.login));
    click(child<QPushButton>(tools, u"configurationClose"_s));
    QMessageBox *box = nullptr;
    REQUIRE(waitFor([&] {
        box = tools->findChild<QMessageBox *>(u"unsavedConfigurationDialog"_s);
        return box && box->isVisible();
    }));
    CHECK(box->informativeText().contains(failed));
    click(box->button(QMessageBox::Save));
    REQUIRE(waitFor([&] { return !tools; }));
    CHECK(recipients(failed).first.isEmpty());
    CHECK(recipients(failed).second == world.admin.login);
}
