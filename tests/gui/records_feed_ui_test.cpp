// What the records feed (issue 20) shows on screen, on real widgets and the real test database:
// the main system ID of an imported child on the person record and in Find a child (found by it
// exactly), and the scheduled import folder set in Configuration tools, read back by cpisctl.
#include "admin/configuration_window.h"
#include "db/rows.h"
#include "gui/accessibility_support.h"
#include "gui/gui_support.h"
#include "person/find_child_dialog.h"
#include "person/person_record_window.h"
#include "person/person_search_model.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/security_checks.h"
#include "workflow/records_import.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

namespace {
// A main system's id that looks like none of the other things Find a child takes.
const QString kMainSystemId = u"MOS-204817"_s;

// Amira Patel, imported from the main system as a records officer through the records feed.
qint64 importAmira(const test::CaseWorld &world, const QString &officer)
{
    const QByteArray csv = "authority_person_id,legal_forenames,legal_surname,gender,"
                           "date_of_birth,plan_kind,plan_start\n" +
                           kMainSystemId.toUtf8() +
                           ",Amira,Patel,Female,2018-03-14,CPP,2025-06-02\n";
    auto c = world.connectAs(officer);
    const RecordsImportReport report =
        require(importRecords(*c, require(readRecordsImport(u"feed.csv"_s, csv)), {}));
    INFO(report.problems().join(u'\n').toStdString());
    REQUIRE(report.count(u"new") == 1);
    return report.lines.first().personId;
}

ui::PersonRecordWindow *openRecord(ui::MainWindow &window, qint64 personId)
{
    window.openPerson(personId);
    ui::PersonRecordWindow *record = nullptr;
    REQUIRE(waitFor([&] {
        record = window.personWindow(personId);
        return record && record->isLoaded();
    }));
    QSignalSpy editable(record, &ui::PersonRecordWindow::editableLoaded);
    REQUIRE(waitFor([&] { return editable.count() > 0 || record->editable().id == personId; }));
    return record;
}

QList<PersonSearchHit> found(ui::FindChildDialog *find, const QString &text)
{
    QSignalSpy searched(find, &ui::FindChildDialog::searched);
    find->search(text);
    REQUIRE(waitFor([&] { return searched.count() > 0; }));
    return find->results()->rows();
}

ui::ConfigurationWindow *openExchangeTab(ui::MainWindow &window)
{
    ui::ConfigurationWindow *tools = window.openConfigurationTools();
    REQUIRE(tools);
    REQUIRE(waitFor([tools] { return tools->isLoaded(); }));
    auto *tabs = child<QTabWidget>(tools, u"configurationTabs"_s);
    QWidget *page = child<QWidget>(tools, u"exchangeTab"_s);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(page))
            tabs->setCurrentIndex(i);
    }
    return tools;
}

// Types `text` over the folder and saves; true when stored.
bool saveFolder(ui::ConfigurationWindow *tools, const QString &text)
{
    auto *folder = child<QLineEdit>(tools, u"records.import_folder"_s);
    REQUIRE(waitFor([folder] { return folder->isVisible(); }));
    folder->setFocus();
    folder->selectAll();
    QTest::keyClick(folder, Qt::Key_Backspace);
    QTest::keyClicks(folder, text);
    QSignalSpy finished(tools, &ui::ConfigurationWindow::saveFinished);
    test::click(child<QPushButton>(tools, u"configurationSave"_s));
    REQUIRE(waitFor([&] { return finished.count() > 0; }));
    return finished.first().first().toBool();
}

QString cpisctlGet(const test::TestDatabase &db, const QString &login)
{
    const auto got = test::runCpisctl(
        test::withDatabase(db, {u"config"_s, u"get"_s, u"records.import_folder"_s}, login));
    INFO(got.err.toStdString());
    REQUIRE(got.exitCode == 0);
    return got.out;
}
} // namespace

TEST_CASE("The person record shows an imported child's main system ID, and Find a child finds "
          "the child by it, whole",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = test::addRecordsOfficer(owner);
    const qint64 amira = importAmira(world, officer.login);
    REQUIRE(test::countOf(owner,
                          u"SELECT count(*) FROM person WHERE id = $1 AND "
                          "authority_person_id = $2"_s,
                          {amira, kMainSystemId}) == 1);
    // A key worker sees it as well as the records officer who imported the child.
    auto window = test::signedInWindow(db, world.keyWorker.login);
    window->resize(1280, 720);

    ui::PersonRecordWindow *record = openRecord(*window, amira);
    auto *id = child<QLabel>(record, u"personAuthorityId"_s);
    REQUIRE(waitFor([id] { return id->isVisibleTo(id->window()); }));
    CHECK(id->text() == u"<b>Main system ID:</b> MOS-204817"_s);
    CHECK(test::accessibleName(id) == u"Main system ID: MOS-204817"_s);
    CHECK(child<QLabel>(record, u"personDetails"_s)->text().contains(u"Amira Patel"_s));
    record->show();
    test::screenshot(record, u"person-record-main-system-id"_s);
    // A child recorded here by hand has none, and no empty line says so.
    ui::PersonRecordWindow *thomas = openRecord(*window, world.childId);
    CHECK(thomas->editable().authorityPersonId.isEmpty());
    CHECK_FALSE(child<QLabel>(thomas, u"personAuthorityId"_s)->isVisibleTo(thomas));

    // Find a child: the whole id finds her, in its own column; part of it finds nobody.
    ui::FindChildDialog *find = window->openFindChild();
    REQUIRE(find);
    const QList<PersonSearchHit> hits = found(find, kMainSystemId);
    REQUIRE(hits.size() == 1);
    CHECK(hits.first().id == amira);
    CHECK(hits.first().authorityPersonId == kMainSystemId);
    CHECK(find->table()->model()->index(0, ui::PersonSearchModel::MainSystemId).data().toString() ==
          kMainSystemId);
    CHECK(find->table()
              ->model()
              ->headerData(ui::PersonSearchModel::MainSystemId, Qt::Horizontal)
              .toString() == u"Main system ID"_s);
    find->show();
    test::screenshot(find, u"find-child-main-system-id"_s);
    CHECK(found(find, u"MOS-2048"_s).isEmpty());
    CHECK(found(find, u"mos-204817"_s).isEmpty()); // exactly as the main system has it
    // Found by name, the row still carries it; another child's row says none.
    const QList<PersonSearchHit> byName = found(find, u"Patel"_s);
    REQUIRE(byName.size() == 1);
    CHECK(byName.first().authorityPersonId == kMainSystemId);
    REQUIRE(found(find, u"Turner"_s).size() == 1);
    CHECK(find->table()->model()->index(0, ui::PersonSearchModel::MainSystemId).data().toString() ==
          u"none"_s);
}

TEST_CASE("A restricted child is not found by its main system ID by those not allowed to see it",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = test::addRecordsOfficer(owner);
    const qint64 amira = importAmira(world, officer.login);
    require(execute(owner, u"UPDATE person SET restricted = true WHERE id = $1"_s, {amira}));
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::FindChildDialog *find = window->openFindChild();
    REQUIRE(find);
    CHECK(found(find, kMainSystemId).isEmpty());
}

TEST_CASE("The records import folder saved in Configuration tools is what cpisctl reads, and a "
          "relative path or a control character is refused, naming the setting",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto window = test::signedInWindow(db, world.sysadmin.login);
    ui::ConfigurationWindow *tools = openExchangeTab(*window);
    tools->resize(1280, 680);
    auto *error = child<QLabel>(tools, u"error:records.import_folder"_s);
    const auto storedFolder = [&] {
        return require(
                   queryValue(owner,
                              u"SELECT value FROM config WHERE key = 'records.import_folder'"_s))
            .text();
    };
    REQUIRE(storedFolder().isEmpty());

    // A relative path: the database refuses it, and the window says so under the field.
    CHECK_FALSE(saveFolder(tools, u"records-in"_s));
    CHECK_FALSE(error->isHidden());
    CHECK(error->text().contains(u"records.import_folder must be a full folder path"_s));
    CHECK(child<QLabel>(tools, u"configurationMessage"_s)
              ->text()
              .contains(u"Nothing was saved: 1 field needs correcting"_s));
    // The tab scrolls to it: the refusal is in view, not below the fold.
    auto *scroll = child<QScrollArea>(tools, u"exchangeTabScroll"_s);
    CHECK(waitFor([&] {
        const QRect shown(error->mapTo(scroll->viewport(), QPoint(0, 0)), error->size());
        return scroll->viewport()->rect().contains(shown);
    }));
    test::screenshot(tools, u"configuration-import-folder-refused"_s);
    CHECK(storedFolder().isEmpty());

    // A control character, pasted in with the path.
    auto *folder = child<QLineEdit>(tools, u"records.import_folder"_s);
    folder->setText(u"/srv/cpis/records\u0007in"_s);
    QSignalSpy finished(tools, &ui::ConfigurationWindow::saveFinished);
    tools->save();
    REQUIRE(waitFor([&] { return finished.count() > 0; }));
    CHECK_FALSE(finished.first().first().toBool());
    CHECK(error->text().contains(u"records.import_folder contains a control character"_s));
    CHECK(storedFolder().isEmpty());

    // A full path is stored, and cpisctl (and the exchange, through the same store) reads it.
    REQUIRE(saveFolder(tools, u"/srv/cpis/records-in"_s));
    CHECK(error->isHidden());
    CHECK(storedFolder() == u"/srv/cpis/records-in"_s);
    CHECK(cpisctlGet(db, world.sysadmin.login).contains(u"/srv/cpis/records-in"_s));
    REQUIRE(waitFor([tools] { return tools->isLoaded() && !tools->hasUnsavedChanges(); }));
    CHECK(folder->text() == u"/srv/cpis/records-in"_s);
    test::screenshot(tools, u"configuration-import-folder-saved"_s);

    // Emptied: the scheduled import is off.
    REQUIRE(saveFolder(tools, QString()));
    CHECK(storedFolder().isEmpty());
}
