// Children's records through the client alone (issue 19): a records officer fixes a missing NHS
// number from the data quality work list and the next upload carries the child; an unborn child
// is recorded with the mother, born, and the uploads move from her number to the child's; a key
// worker cannot change a child they are not involved with; a duplicate NHS number is refused by
// name; Find a child finds by each key and hides restricted children; a plan recorded in error
// in the Plans dialog goes to CP-IS with its delete date.
#include "admin/data_quality_window.h"
#include "cpis/upload_message.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "person/find_child_dialog.h"
#include "person/key_worker_dialog.h"
#include "person/new_child_dialog.h"
#include "person/person_record_window.h"
#include "person/person_search_model.h"
#include "person/record_dialog.h"
#include "support/case_world.h"
#include "support/reference_schemas.h"
#include "support/security_checks.h"
#include "support/upload_support.h"
#include "workview/current_work_model.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::require;
using test::waitFor;

namespace {
// Types into a dialog's field, as a worker would.
void type(QWidget *dialog, const QString &field, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, field);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Saves a record dialog and waits until it is saved (true) or refused (false).
bool saveAndWait(ui::RecordDialog *dialog)
{
    QPointer<ui::RecordDialog> open(dialog);
    QSignalSpy saved(dialog, &ui::RecordDialog::saved);
    QSignalSpy refused(dialog, &ui::RecordDialog::refused);
    dialog->save();
    REQUIRE(waitFor([&] { return saved.count() > 0 || refused.count() > 0; }));
    return saved.count() > 0;
}

ui::PersonRecordWindow *recordOpenAt(ui::MainWindow *window, qint64 person)
{
    ui::PersonRecordWindow *record = nullptr;
    REQUIRE(waitFor([&] {
        record = window->personWindow(person);
        return record && record->isLoaded() && record->editable().id == person;
    }));
    return record;
}

ui::RecordDialog *openedAction(ui::PersonRecordWindow *record,
                               ui::PersonRecordWindow::Action action)
{
    record->openAction(action);
    REQUIRE(waitFor([&] { return record->actionDialog() != nullptr; }));
    return record->actionDialog();
}

qint64 personOnPlan(Connection &owner, const QString &forenames, const QString &surname,
                    const QString &nhsNumber)
{
    const qint64 id =
        test::valueOf(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ($1, $2, 'Female', '2019-07-07', $3::text, CASE WHEN $3::text IS NULL THEN 'unknown' ELSE 'recorded' END)
        RETURNING id)"_s,
                      {forenames, surname, nhsNumber.isEmpty() ? QVariant() : QVariant(nhsNumber)})
            .integer();
    require(execute(
        owner, u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2024-01-01')"_s,
        {id}));
    return id;
}

const hl7::UploadRecord *recordFor(const hl7::Upload &upload, const QString &nhsNumber)
{
    for (const hl7::UploadRecord &r : upload.records)
        if (r.ids.nhsNumber == nhsNumber)
            return &r;
    return nullptr;
}
} // namespace

TEST_CASE("A records officer records a missing NHS number from the data quality work list, and the "
          "next upload carries the child",
          "[e2e][records]")
{
    const auto validator = test::referenceSchemasOrSkip();
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    test::buildUpload(owner); // Thomas Turner is already with CP-IS
    const qint64 noor = personOnPlan(owner, u"Noor"_s, u"Khan"_s, {});
    const auto officer = test::addRecordsOfficer(owner);
    auto window = test::signedInWindow(db, officer.login);

    // The work list is open to records officers: Administration → Data quality, and only that.
    auto *dataQuality = window->findChild<QAction *>(u"dataQualityAction"_s);
    REQUIRE(waitFor([&] { return window->isRecordsOfficer(); }));
    CHECK(window->administrationMenu()->menuAction()->isVisible());
    CHECK(dataQuality->isVisible());
    CHECK_FALSE(window->findChild<QAction *>(u"openConfigurationTools"_s)->isVisible());
    dataQuality->trigger();
    ui::DataQualityWindow *quality = window->dataQualityWindow();
    REQUIRE(quality);
    REQUIRE(waitFor([&] { return quality->isLoaded(); }));
    auto *lists = child<QTabBar>(quality, u"dataQualityLists"_s);
    CHECK(lists->tabText(0) == u"No NHS number (1)"_s);
    lists->setCurrentIndex(0);
    auto *table = child<QTableView>(quality, u"dataQualityTable"_s);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);

    // The record opens at Record the NHS number.
    ui::PersonRecordWindow *record = recordOpenAt(window.get(), noor);
    REQUIRE(waitFor([&] { return record->actionDialog() != nullptr; }));
    ui::RecordDialog *dialog = record->actionDialog();
    CHECK(dialog->objectName() == u"nhsNumberDialog"_s);
    // Checked as typed: a wrong check digit is shown under the field before saving.
    type(dialog, u"nhsNumber"_s, u"9991000004"_s);
    CHECK(dialog->fieldMessage(u"nhsNumber"_s).contains(u"check digit"_s));
    type(dialog, u"nhsNumber"_s, u"9991000003"_s);
    CHECK(child<QLineEdit>(dialog, u"nhsNumber"_s)->text() == u"999 100 0003"_s);
    CHECK(dialog->fieldMessage(u"nhsNumber"_s).isEmpty());
    REQUIRE(saveAndWait(dialog));

    // The figure moves, and the next upload (valid against NHS England's schemas) carries her.
    REQUIRE(waitFor([&] { return lists->tabText(0) == u"No NHS number (0)"_s; }));
    const BuiltUpload upload = test::buildUpload(owner);
    REQUIRE(upload.fileId != 0);
    CHECK(validator->validate(upload.body).ok());
    const hl7::Upload read = require(hl7::readUpload(upload.body));
    REQUIRE(read.records.size() == 1);
    CHECK(read.records.first().ids.nhsNumber == u"9991000003"_s);
    CHECK(read.records.first().surname == u"Khan"_s);
    CHECK(test::countOf(owner,
                        u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = "
                        u"'person.nhs_number_recorded' AND login = $2"_s,
                        {noor, officer.login}) == 1);
}

TEST_CASE("An unborn child is recorded with the mother, born, and the uploads carry the mother's "
          "then the child's number",
          "[e2e][records]")
{
    const auto validator = test::referenceSchemasOrSkip();
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    test::buildUpload(owner);
    const auto officer = test::addRecordsOfficer(owner);
    auto window = test::signedInWindow(db, officer.login);

    // Find a child: not found, so the mother is recorded first, then her unborn child.
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    ui::FindChildDialog *find = nullptr;
    REQUIRE(waitFor([&] { return (find = window->findChildDialog()) && find->isVisible(); }));
    ui::NewChildDialog *mother = find->openNewChild(false);
    type(mother, u"forenames"_s, u"Grace"_s);
    type(mother, u"surname"_s, u"Hollis"_s);
    type(mother, u"dateOfBirth"_s, u"02/06/1998"_s);
    type(mother, u"nhsNumber"_s, u"9991000011"_s);
    REQUIRE(saveAndWait(mother));
    const qint64 motherId =
        test::valueOf(owner, u"SELECT id FROM person WHERE legal_surname = 'Hollis'"_s).integer();

    ui::NewChildDialog *unborn = find->openNewChild(true);
    type(unborn, u"forenames"_s, u"Baby"_s);
    type(unborn, u"surname"_s, u"Hollis"_s);
    type(unborn, u"expectedDelivery"_s, QDate::currentDate().addDays(30).toString(u"dd/MM/yyyy"_s));
    // Her name finds only her, yet a name is not the key: the mother is her person ID or NHS
    // number, never a guess.
    type(unborn, u"mother"_s, u"Hollis"_s);
    CHECK_FALSE(saveAndWait(unborn));
    CHECK(unborn->fieldMessage(u"mother"_s).contains(u"No one person has the person ID"_s));
    type(unborn, u"mother"_s, u"999 100 0011"_s);
    REQUIRE(saveAndWait(unborn));
    const qint64 baby =
        test::valueOf(owner, u"SELECT id FROM person WHERE mother_id = $1"_s, {motherId}).integer();
    ui::PersonRecordWindow *record = recordOpenAt(window.get(), baby);
    CHECK(record->editable().motherName == u"Grace Hollis"_s);
    CHECK_FALSE(child<QPushButton>(record, u"actionNhsNumber"_s)->isEnabled());

    // An unborn child protection plan: the upload carries the mother's number.
    auto *plans = openedAction(record, ui::PersonRecordWindow::Action::Plans);
    type(plans, u"start"_s, QDate::currentDate().toString(u"dd/MM/yyyy"_s));
    REQUIRE(saveAndWait(plans));
    const BuiltUpload before = test::buildUpload(owner);
    CHECK(validator->validate(before.body).ok());
    const hl7::Upload beforeBirth = require(hl7::readUpload(before.body));
    const hl7::UploadRecord *asMother = recordFor(beforeBirth, u"9991000011"_s);
    REQUIRE(asMother);
    CHECK(asMother->unborn);

    // The birth, with the child's own number and a child protection plan the same day.
    REQUIRE(waitFor([&] { return record->editable().plans.size() == 1; }));
    auto *birth = openedAction(record, ui::PersonRecordWindow::Action::Birth);
    type(birth, u"dateOfBirth"_s, QDate::currentDate().toString(u"dd/MM/yyyy"_s));
    type(birth, u"forenames"_s, u"Ava"_s);
    type(birth, u"nhsNumber"_s, u"999 100 0038"_s);
    CHECK(child<QCheckBox>(birth, u"startChildProtectionPlan"_s)->isChecked());
    REQUIRE(saveAndWait(birth));
    const BuiltUpload after = test::buildUpload(owner);
    CHECK(validator->validate(after.body).ok());
    const hl7::Upload afterBirth = require(hl7::readUpload(after.body));
    const hl7::UploadRecord *asChild = recordFor(afterBirth, u"9991000038"_s);
    REQUIRE(asChild);
    CHECK_FALSE(asChild->unborn);
    CHECK(asChild->forenames == u"Ava"_s);
}

TEST_CASE("A key worker cannot change a child they are not involved with, in the client or in SQL",
          "[e2e][records][security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    auto window = test::signedInWindow(db, world.otherKeyWorker.login);

    window->openPerson(world.childId);
    ui::PersonRecordWindow *record = recordOpenAt(window.get(), world.childId);
    const std::string before = test::fingerprint(owner); // opening it is audited
    CHECK_FALSE(record->editable().mayRecord);
    for (const QString &action : {u"actionNhsNumber"_s, u"actionPlans"_s, u"actionKeyWorker"_s,
                                  u"actionDetails"_s, u"actionUploadAgain"_s})
        CHECK_FALSE(child<QPushButton>(record, action)->isEnabled());
    // Even a dialog opened around the buttons is refused by the database, and nothing changes.
    auto *details = openedAction(record, ui::PersonRecordWindow::Action::Details);
    type(details, u"surname"_s, u"Changed"_s);
    CHECK_FALSE(saveAndWait(details));
    CHECK(details->refusal().contains(u"Only the child's key worker, their team manager or a "
                                      u"records officer"_s));
    auto c = world.connectAs(world.otherKeyWorker);
    CHECK(test::sqlStateOf(*c,
                           u"SELECT edit_person_details($1, 1, 'Thomas', 'Changed', 'Male', "
                           u"'2016-11-28', NULL)"_s,
                           {world.childId}) == "42501");
    CHECK(test::fingerprint(owner) == before);
}

TEST_CASE("A duplicate NHS number is refused by name in the New child dialog", "[e2e][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto officer = test::addRecordsOfficer(db.connection());
    auto window = test::signedInWindow(db, officer.login);
    ui::NewChildDialog *dialog = window->openFindChild()->openNewChild(false);
    type(dialog, u"forenames"_s, u"Lily"_s);
    type(dialog, u"surname"_s, u"Marsh"_s);
    type(dialog, u"dateOfBirth"_s, u"14/03/2020"_s);
    type(dialog, u"nhsNumber"_s, u"999 000 0026"_s);
    CHECK_FALSE(saveAndWait(dialog));
    CHECK(dialog->refusal().contains(u"already recorded for Thomas Turner (person ID 3549728)"_s));
    CHECK(test::countOf(db.connection(),
                        u"SELECT count(*) FROM person WHERE legal_surname = 'Marsh'"_s) == 0);

    // The same legal name and date of birth as a child already recorded: a warning to confirm.
    type(dialog, u"forenames"_s, u"Thomas"_s);
    type(dialog, u"surname"_s, u"Turner"_s);
    type(dialog, u"dateOfBirth"_s, u"28/11/2016"_s);
    child<QLineEdit>(dialog, u"nhsNumber"_s)->clear();
    CHECK_FALSE(saveAndWait(dialog));
    CHECK(dialog->refusal().contains(u"Thomas Turner (person ID 3549728)"_s));
    REQUIRE_FALSE(dialog->confirmBox()->isHidden());
    dialog->confirmBox()->setChecked(true);
    CHECK(saveAndWait(dialog));
}

TEST_CASE("Find a child finds by each key and hides restricted children", "[e2e][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    require(execute(owner,
                    u"INSERT INTO person_other_name (person_id, kind, forenames, surname) "
                    u"VALUES ($1, 'Known as', 'Tommy', 'Blake')"_s,
                    {world.childId}));
    const qint64 hidden = test::addRestrictedChild(owner, world.otherKeyWorker.workerId);
    auto window = test::signedInWindow(db, world.keyWorker.login);

    // The workview's box: Enter searches in Find a child.
    auto *box = child<QLineEdit>(window.get(), u"workviewFindChild"_s);
    box->setFocus();
    QTest::keyClicks(box, u"turn"_s);
    QTest::keyClick(box, Qt::Key_Return);
    ui::FindChildDialog *find = nullptr;
    REQUIRE(waitFor([&] { return (find = window->findChildDialog()) != nullptr; }));
    const auto names = [&](const QString &text) {
        QSignalSpy searched(find, &ui::FindChildDialog::searched);
        find->search(text);
        REQUIRE(waitFor([&] { return searched.count() > 0; }));
        QStringList found;
        for (const PersonSearchHit &hit : find->results()->rows())
            found << hit.name;
        return found;
    };
    for (const QString &key : {u"turn"_s, u"blake"_s, u"3549728"_s, u"999 000 0026"_s,
                               u"9990000026"_s, u"28/11/2016"_s}) {
        INFO(key.toStdString());
        CHECK(names(key) == QStringList{u"Thomas Turner"_s});
    }
    auto *results = find->table();
    CHECK(results->model()->index(0, ui::PersonSearchModel::NhsNumber).data().toString() ==
          u"999 000 0026"_s);
    CHECK(results->model()->index(0, ui::PersonSearchModel::KeyWorker).data().toString() ==
          u"Jane Okafor"_s);
    for (const QString &key : {u"hart"_s, QString::number(hidden), u"01/05/2019"_s}) {
        INFO(key.toStdString());
        CHECK(names(key).isEmpty());
    }

    // Enter opens the person record.
    names(u"turner"_s);
    results->setFocus();
    QTest::keyClick(results, Qt::Key_Return);
    recordOpenAt(window.get(), world.childId);
}

TEST_CASE("A key worker allocated on the record shows at once in Current work", "[e2e][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto officer = test::addRecordsOfficer(db.connection());
    auto window = test::signedInWindow(db, world.admin.login);
    QAbstractItemModel *model = window->workview()->model();
    const auto keyWorkerShown = [&] {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, ui::CurrentWorkModel::Subject)
                    .data()
                    .toString()
                    .contains(u"Thomas Turner"_s))
                return model->index(r, ui::CurrentWorkModel::KeyWorker).data().toString();
        return QString();
    };
    REQUIRE(waitFor([&] { return keyWorkerShown() == u"Jane Okafor"_s; }));

    // The records officer allocates Tom Price in their own client: the admin's list follows.
    auto officerWindow = test::signedInWindow(db, officer.login);
    officerWindow->openPerson(world.childId);
    ui::PersonRecordWindow *record = recordOpenAt(officerWindow.get(), world.childId);
    auto *dialog = openedAction(record, ui::PersonRecordWindow::Action::KeyWorker);
    auto *keyWorkers = qobject_cast<ui::KeyWorkerDialog *>(dialog);
    REQUIRE(keyWorkers);
    REQUIRE(waitFor([&] { return keyWorkers->choose(world.otherKeyWorker.workerId); }));
    REQUIRE(saveAndWait(dialog));
    CHECK(waitFor([&] { return keyWorkerShown() == u"Tom Price"_s; }));
}

TEST_CASE("A key worker allocated on the record shows at once on a request already sent",
          "[e2e][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto officer = test::addRecordsOfficer(db.connection());
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    auto *keyWorker = child<QLabel>(request, u"childKeyWorker"_s);
    CHECK(keyWorker->text() == u"Jane Okafor"_s);

    auto officerWindow = test::signedInWindow(db, officer.login);
    officerWindow->openPerson(world.childId);
    ui::PersonRecordWindow *record = recordOpenAt(officerWindow.get(), world.childId);
    auto *dialog = openedAction(record, ui::PersonRecordWindow::Action::KeyWorker);
    auto *keyWorkers = qobject_cast<ui::KeyWorkerDialog *>(dialog);
    REQUIRE(keyWorkers);
    REQUIRE(waitFor([&] { return keyWorkers->choose(world.otherKeyWorker.workerId); }));
    REQUIRE(saveAndWait(dialog));
    // Jane's open request says at once that the child now has another key worker.
    CHECK(waitFor([&] { return keyWorker->text() == u"Tom Price"_s; }));
}

TEST_CASE("A plan recorded in error in the Plans dialog goes to CP-IS with its delete date",
          "[e2e][records]")
{
    const auto validator = test::referenceSchemasOrSkip();
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const BuiltUpload first = test::buildUpload(owner); // Thomas Turner's plan is with CP-IS
    test::acknowledge(owner, first.sequenceNumber, u"CPF02"_s);
    auto window = test::signedInWindow(db, world.keyWorker.login);

    // His key worker chooses the plan in the history, says why, and marks it in error.
    window->openPerson(world.childId);
    ui::PersonRecordWindow *record = recordOpenAt(window.get(), world.childId);
    auto *plans = openedAction(record, ui::PersonRecordWindow::Action::Plans);
    auto *history = child<QTableView>(plans, u"planHistory"_s);
    QAbstractItemModelTester tester(history->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(history->model()->rowCount() == 1);
    CHECK(history->model()->index(0, 0).data(Qt::UserRole).toLongLong() ==
          record->editable().plans.at(0).id);
    // Without a reason it is not sent: the field says what is missing.
    history->selectRow(0);
    click(child<QPushButton>(plans, u"planInError"_s));
    CHECK(plans->fieldMessage(u"reason"_s).contains(u"Say why"_s));
    CHECK(test::countOf(
              owner, u"SELECT count(*) FROM plan WHERE recorded_in_error_at IS NOT NULL"_s) == 0);
    type(plans, u"reason"_s, u"Recorded against the wrong child."_s);
    QSignalSpy saved(plans, &ui::RecordDialog::saved);
    click(child<QPushButton>(plans, u"planInError"_s));
    REQUIRE(waitFor([&] { return saved.count() > 0; }));

    // The record shows it in error, and the next upload (valid against NHS England's schemas)
    // carries the plan with today's date as its delete date.
    REQUIRE(waitFor([&] {
        return record->editable().plans.size() == 1 && record->editable().plans[0].inError;
    }));
    const BuiltUpload deletion = test::buildUpload(owner);
    REQUIRE(deletion.recordCount == 1);
    CHECK(validator->validate(deletion.body).ok());
    const hl7::Upload read = require(hl7::readUpload(deletion.body));
    const hl7::UploadRecord *turner = recordFor(read, u"9990000026"_s);
    REQUIRE(turner);
    REQUIRE(turner->plans.size() == 1);
    CHECK(turner->plans[0].kind == hl7::PlanInformation::ChildProtection);
    CHECK(turner->plans[0].deleteDate == QDate::currentDate());
    CHECK(test::countOf(owner,
                        u"SELECT count(*) FROM audit WHERE action = 'plan.recorded_in_error' "
                        u"AND login = $1"_s,
                        {world.keyWorker.login}) == 1);
}

TEST_CASE("A legal name changed in the client shows on the person record until CP-IS "
          "acknowledges the upload that carries it",
          "[e2e][records]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    test::acknowledge(owner, test::buildUpload(owner).sequenceNumber, u"CPF02"_s);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    ui::PersonRecordWindow *record = window->openPerson(world.childId);
    REQUIRE(waitFor([&] { return record->isLoaded() && record->editable().mayRecord; }));
    const auto status = [&] {
        return child<QLabel>(record, u"personCpisStatus"_s)->text();
    };
    const QString flag = u"Legal name changed: CP-IS has the old name (Thomas Turner) until the "
                         u"next upload is acknowledged."_s;
    CHECK_FALSE(status().contains(u"Legal name changed"_s));

    auto *details = openedAction(record, ui::PersonRecordWindow::Action::Details);
    type(details, u"forenames"_s, u"Tom"_s);
    REQUIRE(saveAndWait(details));
    REQUIRE(waitFor([&] { return status().contains(flag); }));

    const BuiltUpload carrying = test::buildUpload(owner); // sent, not yet acknowledged
    record->reload();
    REQUIRE(waitFor([&] { return record->isLoaded() && status().contains(u"Sent to CP-IS"_s); }));
    CHECK(status().contains(flag));

    test::acknowledge(owner, carrying.sequenceNumber, u"CPF02"_s);
    record->reload();
    REQUIRE(waitFor([&] { return record->isLoaded() && status().contains(u"Shared"_s); }));
    CHECK_FALSE(status().contains(u"Legal name changed"_s));
}
