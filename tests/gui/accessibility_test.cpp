// Every real window and dialog, opened against the test database as its users open it: each
// control that takes focus has an accessible name (or a buddy label) and Tab reaches it; each
// list has a name and column headings.
#include "admin/configuration_window.h"
#include "admin/data_quality_window.h"
#include "admin/exchange_monitor_resolve_dialog.h"
#include "admin/exchange_monitor_window.h"
#include "dialogs/cancel_work_dialog.h"
#include "dialogs/case_note_dialog.h"
#include "dialogs/find_worker_dialog.h"
#include "gui/accessibility_support.h"
#include "gui/key_worker_support.h"
#include "gui/step_window_support.h"
#include "keyboard/shortcuts_dialog.h"
#include "person/person_record_window.h"
#include "request/request_window.h"
#include "sign_in/sign_in_dialog.h"
#include "support/case_world.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
// Every problem in one failure message, naming the window and the widget.
void checkAccessible(QWidget *window)
{
    INFO("window " << window->objectName().toStdString());
    REQUIRE(window->isVisible());
    const QStringList problems = test::accessibilityProblems(window);
    INFO(problems.join(u'\n').toStdString());
    CHECK(problems.isEmpty());
}

// Each tab of a tab widget in turn: controls on hidden tabs are checked when shown.
void checkEveryTab(QWidget *window, const QString &tabsName)
{
    auto *tabs = child<QTabWidget>(window, tabsName);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        INFO("tab " << tabs->tabText(i).toStdString());
        checkAccessible(window);
    }
}

void triggerAdministration(ui::MainWindow &window, const QString &actionName)
{
    REQUIRE(window.isSystemAdministrator());
    child<QAction>(window.administrationMenu(), actionName)->trigger();
}
} // namespace

TEST_CASE("Accessibility: the sign-in dialogs name every control and Tab reaches each", "[gui]")
{
    ui::SignInDialog password(ui::SignInDialog::Mode::Password, u"db.example.org:5432"_s);
    password.show();
    checkAccessible(&password);

    ui::SignInDialog pick(ui::SignInDialog::Mode::PickUser, u"embedded"_s);
    pick.setUsers({{u"sam"_s, u"Sam Admin"_s, u"CP-IS Team"_s, u"Safeguarding Admin"_s},
                   {u"jane"_s, u"Jane Okafor"_s, u"Child Protection North"_s, u"Key worker"_s}});
    pick.show();
    checkAccessible(&pick);
}

TEST_CASE("Accessibility: the workview of each kind of user names every control and list", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    for (const auto *user : {&world.admin, &world.keyWorker, &world.manager, &world.sysadmin}) {
        auto window = test::signedInWindow(db, user->login);
        INFO("signed in as " << user->login.toStdString());
        checkAccessible(window.get());
    }
}

TEST_CASE("Accessibility: the step window and its dialogs name every control", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 second = world.addStep();
    auto window = test::signedInWindow(db, world.admin.login);

    // Cancel work, from the workview.
    REQUIRE(window->workview()->selectStep(second));
    test::click(child<QPushButton>(window.get(), u"cancelWorkButton"_s));
    auto *cancel = test::openDialog<ui::CancelWorkDialog>(window->workview());
    checkAccessible(cancel);
    cancel->reject();

    ui::StepWindow *step = test::startStep(*window, world.stepId);
    step->showSection(0);
    checkAccessible(step);
    step->showSection(1);
    checkAccessible(step);

    step->showSection(0);
    test::click(child<QPushButton>(step, u"notifyButton"_s));
    auto *request = test::openDialog<ui::NewRequestDialog>(step);
    checkAccessible(request);
    test::click(child<QPushButton>(request, u"findButton"_s));
    auto *find = test::openDialog<ui::FindWorkerDialog>(request);
    checkAccessible(find);
    find->reject();
    request->reject();

    auto *nextAction = test::openNextActionDialog(step);
    checkAccessible(nextAction);
    nextAction->reject();
}

TEST_CASE("Accessibility: the request window, the case note and the person record name every "
          "control",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    checkEveryTab(request, u"requestTabs"_s);

    ui::CaseNoteDialog *note = request->addCaseNote();
    REQUIRE(waitFor([&] { return note->isVisible(); }));
    checkAccessible(note);
    note->reject();

    ui::PersonRecordWindow *person = window->openPerson(world.childId);
    REQUIRE(waitFor([&] { return person->isLoaded(); }));
    checkAccessible(person);
}

TEST_CASE("Accessibility: the administrator windows name every control, on every tab", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.sysadmin.login);

    triggerAdministration(*window, u"openConfigurationTools"_s);
    ui::ConfigurationWindow *tools = window->configurationWindow();
    REQUIRE(waitFor([&] { return tools->isLoaded(); }));
    checkEveryTab(tools, u"configurationTabs"_s);
    tools->close();

    triggerAdministration(*window, u"exchangeMonitorAction"_s);
    ui::ExchangeMonitorWindow *monitor = window->exchangeMonitorWindow();
    REQUIRE(waitFor([&] { return monitor->isLoaded(); }));
    checkAccessible(monitor);

    triggerAdministration(*window, u"dataQualityAction"_s);
    ui::DataQualityWindow *quality = window->dataQualityWindow();
    REQUIRE(waitFor([&] { return quality->isLoaded(); }));
    checkAccessible(quality);

    ui::ResolveMessageDialog resolve(u"ASN-1 from RX1"_s, u"quarantined"_s,
                                     u"No child matches the NHS number"_s);
    resolve.show();
    checkAccessible(&resolve);

    auto *shortcuts = window->openKeyboardShortcuts();
    checkAccessible(shortcuts);
}

TEST_CASE("Accessibility: the checks find an unnamed control and one Tab cannot reach", "[gui]")
{
    QWidget window;
    window.setObjectName(u"probeWindow"_s);
    auto *named = new QPushButton(u"Save"_s, &window);
    named->setObjectName(u"namedButton"_s);
    auto *unnamed = new QLineEdit(&window);
    unnamed->setObjectName(u"unnamedEdit"_s);
    unnamed->move(0, 40);
    auto *clickOnly = new QLineEdit(&window);
    clickOnly->setObjectName(u"clickOnlyEdit"_s);
    clickOnly->setAccessibleName(u"Clicked into"_s);
    clickOnly->move(0, 80);
    window.show();
    const QString problems = test::accessibilityProblems(&window).join(u'\n');
    CHECK(problems.contains(u"probeWindow: unnamedEdit (QLineEdit) has no accessible name"_s));
    CHECK_FALSE(problems.contains(u"namedButton"_s));
    CHECK_FALSE(problems.contains(u"clickOnlyEdit (QLineEdit) has no"_s));

    auto *list = new QTableView(&window);
    list->setObjectName(u"unnamedList"_s);
    list->move(0, 200);
    list->show();
    CHECK(test::accessibilityProblems(&window).join(u'\n').contains(
        u"probeWindow: unnamedList (QTableView) has no accessible name"_s));
    list->hide();

    clickOnly->setFocusPolicy(Qt::ClickFocus); // not a Tab control: not required
    auto *trap = new QPlainTextEdit(&window);
    trap->setObjectName(u"tabTrap"_s);
    trap->setAccessibleName(u"Note"_s);
    trap->move(0, 120);
    trap->show();
    CHECK(test::accessibilityProblems(&window).join(u'\n').contains(
        u"probeWindow: tabTrap (QPlainTextEdit) keeps the Tab key"_s));
}
