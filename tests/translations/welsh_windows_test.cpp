// With the Welsh catalogue installed, the real windows of each role show no English source
// text of the catalogue (a string that missed tr(), or was translated before the catalogue
// was installed) and no mnemonic twice in one window or menu.
#include "admin/configuration_window.h"
#include "admin/data_quality_window.h"
#include "admin/exchange_monitor_window.h"
#include "db/rows.h"
#include "dialogs/cancel_work_dialog.h"
#include "dialogs/case_note_dialog.h"
#include "dialogs/find_worker_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "gui/step_window_support.h"
#include "person/person_record_window.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "translations/welsh_translator.h"
#include "translations/welsh_windows.h"
#include "workview/incoming_requests_model.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>

#include <QTabWidget>
#include <QTableView>
#include <optional>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::openDialog;
using test::waitFor;

namespace {
void lookAtEveryTab(test::WelshWindows &windows, QWidget *window, const QString &tabsName,
                    const QString &name)
{
    auto *tabs = child<QTabWidget>(window, tabsName);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        windows.look(window, u"%1-tab%2"_s.arg(name).arg(i));
    }
}

void requireNoEnglish(const test::WelshWindows &windows, int atLeast)
{
    CHECK(windows.windowsLooked() >= atLeast);
    INFO("Visible English, or a mnemonic used twice:" << windows.report().toStdString());
    CHECK(windows.english().isEmpty());
    CHECK(windows.clashes().isEmpty());
}
} // namespace

TEST_CASE("In Welsh the Safeguarding Admin's windows and dialogs show no English",
          "[translations][gui]")
{
    std::optional<test::WelshTranslator> welsh(std::in_place);
    test::TestDatabase db;
    test::CaseWorld world(db, u"dhu_111"_s);
    test::WelshWindows windows;
    auto window = test::signedInWindow(db, world.admin.login);
    windows.look(window.get(), u"cy-admin-01-workview"_s);

    REQUIRE(window->workview()->selectStep(world.stepId));
    click(child<QPushButton>(window.get(), u"cancelWorkButton"_s));
    auto *cancel = openDialog<ui::CancelWorkDialog>(window.get());
    windows.look(cancel, u"cy-admin-02-cancel-work"_s);
    click(child<QPushButton>(cancel, u"keepStep"_s));

    ui::StepWindow *step = test::startStep(*window, world.stepId);
    windows.look(step, u"cy-admin-03-step-follow-up"_s);
    auto *nextAction = test::openNextActionDialog(step);
    windows.look(nextAction, u"cy-admin-04-next-action"_s);
    click(child<QPushButton>(nextAction, u"nextActionClose"_s));
    step->showSection(0);
    click(child<QPushButton>(step, u"notifyButton"_s));
    auto *request = openDialog<ui::NewRequestDialog>(step);
    windows.look(request, u"cy-admin-05-new-request"_s);
    click(child<QPushButton>(request, u"findButton"_s));
    auto *find = openDialog<ui::FindWorkerDialog>(request);
    windows.look(find, u"cy-admin-06-find-worker"_s);
    click(child<QPushButton>(find, u"findWorkerCancel"_s));
    click(child<QPushButton>(request, u"requestOk"_s));
    test::addNextAction(step);
    step->showSection(1);
    windows.look(step, u"cy-admin-07-step-next-actions"_s);

    // Closing with unsaved changes asks, with Qt's standard buttons: in Welsh too.
    click(child<QPushButton>(step, u"closeStepButton"_s));
    QMessageBox *unsaved = nullptr;
    REQUIRE(waitFor([&] {
        return (unsaved = step->findChild<QMessageBox *>(u"unsavedChangesDialog"_s)) &&
               unsaved->isVisible();
    }));
    windows.look(unsaved, u"cy-admin-08-unsaved-changes"_s);
    CHECK(unsaved->button(QMessageBox::Save)->text().remove(u'&') == u"Cadw"_s);
    CHECK(unsaved->button(QMessageBox::Cancel)->text() == u"Canslo"_s);
    unsaved->button(QMessageBox::Cancel)->click();

    ui::PersonRecordWindow *person = window->openPerson(world.childId);
    REQUIRE(waitFor([person] { return person->isLoaded(); }));
    windows.look(person, u"cy-admin-09-person-record"_s);

    // Qt's own right-click menu of a text field.
    QLineEdit field;
    std::unique_ptr<QMenu> menu(field.createStandardContextMenu());
    windows.look(menu.get(), u"cy-admin-10-field-menu"_s);
    CHECK(menu->actions().first()->text().startsWith(u"&Dadwneud"_s));

    requireNoEnglish(windows, 10);

    // The rule can fail: without the Welsh catalogue the workview is English, and it says so.
    welsh.reset();
    auto english = test::signedInWindow(db, world.admin.login);
    test::WelshWindows plain;
    plain.look(english.get(), u"en-admin-01-workview"_s);
    CHECK(plain.english().size() > 20);
    CHECK(
        plain.english().join(u'\n').contains(u"startWorkButton (QPushButton): \"&Start work\""_s));
}

TEST_CASE("In Welsh the key worker's and team manager's windows show no English",
          "[translations][gui]")
{
    test::WelshTranslator welsh;
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    test::WelshWindows windows;
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    REQUIRE(waitFor([table] { return table->model()->rowCount() == 1; }));
    windows.look(window.get(), u"cy-kw-01-workview"_s);

    ui::RequestWindow *request = test::openRequestByLink(*window, requestId);
    lookAtEveryTab(windows, request, u"requestTabs"_s, u"cy-kw-02-request"_s);
    click(child<QPushButton>(request, u"addCaseNoteButton"_s));
    ui::CaseNoteDialog *note = nullptr;
    REQUIRE(waitFor([&] { return (note = request->findChild<ui::CaseNoteDialog *>()); }));
    windows.look(note, u"cy-kw-03-case-note"_s);
    note->reject();

    auto manager = test::signedInWindow(db, world.manager.login);
    windows.look(manager.get(), u"cy-manager-01-workview"_s);
    requireNoEnglish(windows, 4);
}

TEST_CASE("In Welsh the administrator's windows show no English", "[translations][gui]")
{
    test::WelshTranslator welsh;
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    test::WelshWindows windows;
    auto window = test::signedInWindow(db, world.sysadmin.login);
    windows.look(window.get(), u"cy-sys-01-workview"_s);

    // The Alerts tab lists the teams by name: people's data, never translated. The test world's
    // "Safeguarding Admin" team would read as the English of a message.
    REQUIRE(
        execute(db.connection(),
                u"UPDATE team SET name = 'T\u00eem Diogelu' WHERE name = 'Safeguarding Admin'"_s)
            .ok());
    ui::ConfigurationWindow *tools = window->openConfigurationTools();
    REQUIRE(waitFor([tools] { return tools->isLoaded(); }));
    tools->resize(1280, 860);
    lookAtEveryTab(windows, tools, u"configurationTabs"_s, u"cy-sys-02-configuration"_s);

    ui::DataQualityWindow *quality = window->openDataQuality();
    REQUIRE(waitFor([quality] { return quality->isLoaded(); }, 30000));
    quality->resize(1280, 860);
    windows.look(quality, u"cy-sys-03-data-quality"_s);

    ui::ExchangeMonitorWindow *monitor = window->openExchangeMonitor();
    REQUIRE(waitFor([monitor] { return monitor->isLoaded(); }));
    monitor->resize(1280, 860);
    windows.look(monitor, u"cy-sys-04-exchange-monitor"_s);
    requireNoEnglish(windows, 5);
}
