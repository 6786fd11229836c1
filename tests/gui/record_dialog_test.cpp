// The record dialogs show the database's refusals where the worker will correct them: under the
// field the refusal names (a duplicate NHS number under NHS number, naming the other record; an
// other name's under the other name's fields), and in the banner only when it names no field of
// the dialog. Also: access to a restricted child granted to any worker, other names with their
// dates on the record, an unborn child's mother found by name.
#include "gui/gui_support.h"
#include "person/find_child_dialog.h"
#include "person/new_child_dialog.h"
#include "person/person_record_window.h"
#include "person/person_search_model.h"
#include "person/record_dialog.h"
#include "support/case_world.h"
#include "support/security_checks.h"
#include "workflow/person_search.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionComboBox>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::require;
using test::waitFor;

TEST_CASE("A duplicate NHS number is shown under the NHS number field, naming the record",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const qint64 noor = test::valueOf(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number_status)
        VALUES ('Noor', 'Khan', 'Female', '2019-07-07', 'unknown') RETURNING id)"_s)
                            .integer();
    const auto officer = test::addRecordsOfficer(owner);
    auto window = test::signedInWindow(db, officer.login);
    window->openPerson(noor);
    ui::PersonRecordWindow *record = nullptr;
    REQUIRE(waitFor([&] {
        record = window->personWindow(noor);
        return record && record->isLoaded();
    }));
    record->openAction(ui::PersonRecordWindow::Action::NhsNumber);
    REQUIRE(waitFor([&] { return record->actionDialog() != nullptr; }));
    ui::RecordDialog *dialog = record->actionDialog();
    REQUIRE(dialog->objectName() == u"nhsNumberDialog"_s);

    // Thomas Turner's number: valid as typed, so only the database can refuse it.
    auto *number = child<QLineEdit>(dialog, u"nhsNumber"_s);
    number->setFocus();
    QTest::keyClicks(number, u"9990000026"_s);
    REQUIRE(dialog->fieldMessage(u"nhsNumber"_s).isEmpty());
    QSignalSpy refused(dialog, &ui::RecordDialog::refused);
    dialog->save();
    REQUIRE(waitFor([&] { return refused.count() > 0; }));
    CHECK(dialog->fieldMessage(u"nhsNumber"_s)
              .contains(u"already recorded for Thomas Turner (person ID 3549728)"_s));
    CHECK(dialog->refusal() == dialog->fieldMessage(u"nhsNumber"_s));
    CHECK(child<QWidget>(dialog, u"nhsNumberDialogMessage"_s)->isHidden()); // not the banner
    CHECK(dialog->focusWidget() == number);                                 // to correct it
    CHECK(test::countOf(owner,
                        u"SELECT count(*) FROM person WHERE id = $1 AND nhs_number IS NULL"_s,
                        {noor}) == 1);
}

namespace {
ui::PersonRecordWindow *openRecord(ui::MainWindow *window, qint64 person)
{
    window->openPerson(person);
    ui::PersonRecordWindow *record = nullptr;
    REQUIRE(waitFor([&] {
        record = window->personWindow(person);
        return record && record->isLoaded() && record->editable().id == person;
    }));
    return record;
}

// Opens the action's dialog on the record as it is now (after the last change was reloaded).
ui::RecordDialog *openAction(ui::PersonRecordWindow *record, ui::PersonRecordWindow::Action action)
{
    ui::RecordDialog *dialog = record->openAction(action);
    REQUIRE(dialog);
    return dialog;
}

void typeInto(QWidget *dialog, const QString &field, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, field);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Clicks an action button of a record dialog and waits until it is saved (true) or refused.
bool clickAndWait(ui::RecordDialog *dialog, const QString &button)
{
    QSignalSpy saved(dialog, &ui::RecordDialog::saved);
    QSignalSpy refused(dialog, &ui::RecordDialog::refused);
    test::click(child<QPushButton>(dialog, button));
    REQUIRE(waitFor([&] { return saved.count() > 0 || refused.count() > 0; }));
    return saved.count() > 0;
}

QStringList namesFound(ui::FindChildDialog *find, const QString &text)
{
    QSignalSpy searched(find, &ui::FindChildDialog::searched);
    find->search(text);
    REQUIRE(waitFor([&] { return searched.count() > 0; }));
    QStringList names;
    for (const PersonSearchHit &hit : find->results()->rows())
        names << hit.name;
    return names;
}
} // namespace

TEST_CASE("A records officer and a Safeguarding Admin can be granted access to a restricted "
          "child from the client, and then find the child",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = test::addRecordsOfficer(owner);
    const auto colleague = test::addRecordsOfficer(owner);
    const qint64 amelia = test::addRestrictedChild(owner, officer.workerId);
    auto window = test::signedInWindow(db, officer.login);
    ui::PersonRecordWindow *record = openRecord(window.get(), amelia);
    REQUIRE(record->editable().mayRestrict);

    for (const int worker : {colleague.workerId, world.admin.workerId}) {
        ui::RecordDialog *dialog = openAction(record, ui::PersonRecordWindow::Action::Restricted);
        auto *workers = child<QComboBox>(dialog, u"worker"_s);
        REQUIRE(waitFor([&] { return workers->count() > 0; }));
        // Every worker who may be given access, with their role: not only the caseworkers.
        const int index = workers->findData(worker);
        INFO("worker " << worker);
        REQUIRE(index >= 0);
        CHECK((workers->itemText(index).contains(u"Records officer"_s) ||
               workers->itemText(index).contains(u"Safeguarding Admin"_s)));
        CHECK(workers->findData(world.keyWorker.workerId) >= 0);
        CHECK(workers->findData(world.exchange.workerId) < 0); // not the exchange's worker
        workers->setCurrentIndex(index);
        // The chosen name, role and team show whole (they were cut short in a real window).
        QStyleOptionComboBox option;
        option.initFrom(workers);
        const QRect text = workers->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                            QStyle::SC_ComboBoxEditField, workers);
        CHECK(workers->fontMetrics().horizontalAdvance(workers->currentText()) <= text.width());
        test::screenshot(dialog, u"kit-restricted-grant"_s);
        const int version = record->editable().rowVersion;
        REQUIRE(clickAndWait(dialog, u"grantAccess"_s));
        REQUIRE(waitFor([&] { return record->editable().rowVersion != version; }));
    }
    CHECK(test::countOf(owner,
                        u"SELECT count(*) FROM person_access WHERE person_id = $1 "
                        u"AND worker_id IN ($2, $3)"_s,
                        {amelia, colleague.workerId, world.admin.workerId}) == 2);

    // Each of them now finds her in Find a child; a worker not granted still does not.
    for (const QString &login : {colleague.login, world.admin.login}) {
        INFO(login.toStdString());
        auto theirs = test::signedInWindow(db, login);
        CHECK(namesFound(theirs->openFindChild(), u"Hart"_s) == QStringList{u"Amelia Hart"_s});
    }
    auto other = test::signedInWindow(db, world.otherKeyWorker.login);
    CHECK(namesFound(other->openFindChild(), u"Hart"_s).isEmpty());
    // Who may be granted is answered only to those who may restrict the child.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(test::sqlStateOf(*keyWorker, u"SELECT * FROM grantable_workers($1)"_s, {amelia}) ==
          "42501");
}

TEST_CASE("The refusal of an other name is shown under the other name's fields", "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const auto officer = test::addRecordsOfficer(owner);
    auto window = test::signedInWindow(db, officer.login);
    ui::PersonRecordWindow *record = openRecord(window.get(), world.childId);

    // A forename the database refuses (too long): under Other forename(s), not the legal one.
    ui::RecordDialog *dialog = openAction(record, ui::PersonRecordWindow::Action::Details);
    typeInto(dialog, u"otherForenames"_s, QString(201, u'x'));
    typeInto(dialog, u"otherSurname"_s, u"Blake"_s);
    REQUIRE_FALSE(clickAndWait(dialog, u"addOtherName"_s));
    INFO(dialog->refusal().toStdString());
    CHECK_FALSE(dialog->fieldMessage(u"otherForenames"_s).isEmpty());
    CHECK(dialog->fieldMessage(u"forenames"_s).isEmpty());
    CHECK(dialog->refusal() == dialog->fieldMessage(u"otherForenames"_s));
    test::screenshot(dialog, u"kit-other-name-refused"_s);
    dialog->close();

    // An until date before the from date: under the date field, not in the banner.
    require(execute(owner,
                    u"INSERT INTO person_other_name (person_id, kind, forenames, surname, "
                    u"valid_from) VALUES ($1, 'Known as', 'Tommy', 'Blake', '2020-01-01')"_s,
                    {world.childId}));
    record->reload();
    REQUIRE(waitFor([&] { return record->editable().otherNames.size() == 1; }));
    dialog = openAction(record, ui::PersonRecordWindow::Action::Details);
    child<QListWidget>(dialog, u"otherNameList"_s)->setCurrentRow(0);
    typeInto(dialog, u"otherDate"_s, u"01/01/2019"_s);
    REQUIRE_FALSE(clickAndWait(dialog, u"endOtherName"_s));
    CHECK(dialog->fieldMessage(u"otherDate"_s).contains(u"on or after"_s));
    CHECK(dialog->refusal() == dialog->fieldMessage(u"otherDate"_s));
    CHECK(test::countOf(
              owner, u"SELECT count(*) FROM person_other_name WHERE valid_to IS NOT NULL"_s) == 0);
}

TEST_CASE("The person record shows each other name's kind and dates, ended ones as ended",
          "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    require(execute(owner, uR"(
        INSERT INTO person_other_name (person_id, kind, forenames, surname, valid_from, valid_to)
        VALUES ($1, 'Known as', 'Tommy', 'Blake', '2021-03-01', NULL),
               ($1, 'Previous name', 'Tom', 'Smith', '2017-01-01', '2019-06-30'))"_s,
                    {world.childId}));
    auto window = test::signedInWindow(db, world.keyWorker.login);
    openRecord(window.get(), world.childId);
    const QString details =
        child<QLabel>(window->personWindow(world.childId), u"personDetails"_s)->text();
    INFO(details.toStdString());
    CHECK(details.contains(u"Tommy Blake (Known as, from 01/03/2021)"_s));
    CHECK(details.contains(u"Tom Smith (Previous name, 01/01/2017 to 30/06/2019, ended)"_s));
    // The current name first.
    CHECK(details.indexOf(u"Tommy Blake"_s) < details.indexOf(u"Tom Smith"_s));
    test::screenshot(window->personWindow(world.childId), u"kit-other-names"_s);
}

TEST_CASE("A new unborn child's mother is found by name from inside the dialog", "[gui][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const qint64 mother = test::valueOf(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number,
                            nhs_number_status)
        VALUES ('Grace', 'Whitmore', 'Female', '1998-02-14', '9991000003', 'recorded')
        RETURNING id)"_s)
                              .integer();
    const auto officer = test::addRecordsOfficer(owner);
    auto window = test::signedInWindow(db, officer.login);
    ui::NewChildDialog *dialog = window->openFindChild()->openNewChild(true);

    // The Find a child behind is blocked by this dialog: the search opens from inside it.
    test::click(child<QPushButton>(dialog, u"findMother"_s));
    ui::FindChildDialog *finder = nullptr;
    REQUIRE(waitFor([&] {
        finder = dialog->findChild<ui::FindChildDialog *>();
        return finder && finder->isVisible();
    }));
    CHECK(finder->windowTitle() == u"Find the mother"_s);
    CHECK(child<QPushButton>(finder, u"newChild"_s)->isHidden());
    CHECK(namesFound(finder, u"Whitmore"_s) == QStringList{u"Grace Whitmore"_s});
    test::screenshot(finder, u"kit-find-mother"_s);
    // Enter in the box chooses the person found.
    QTest::keyClick(finder->searchBox(), Qt::Key_Return);
    auto *motherField = child<QLineEdit>(dialog, u"mother"_s);
    REQUIRE(waitFor([&] { return motherField->text() == QString::number(mother); }));
    REQUIRE(waitFor([&] { return dialog->findChild<ui::FindChildDialog *>() == nullptr; }));
    test::screenshot(dialog, u"kit-unborn-mother-found"_s);

    typeInto(dialog, u"forenames"_s, u"Baby"_s);
    typeInto(dialog, u"surname"_s, u"Whitmore"_s);
    typeInto(dialog, u"expectedDelivery"_s,
             QDate::currentDate().addMonths(3).toString(u"dd/MM/yyyy"_s));
    QSignalSpy saved(dialog, &ui::RecordDialog::saved);
    dialog->save();
    REQUIRE(waitFor([&] { return saved.count() > 0; }));
    CHECK(test::countOf(owner,
                        u"SELECT count(*) FROM person WHERE legal_surname = 'Whitmore' "
                        u"AND mother_id = $1"_s,
                        {mother}) == 1);
}
