// The record dialogs show the database's refusals where the worker will correct them: under the
// field the refusal names (a duplicate NHS number under NHS number, naming the other record),
// and in the banner only when it names no field of the dialog.
#include "gui/gui_support.h"
#include "person/person_record_window.h"
#include "person/record_dialog.h"
#include "support/case_world.h"
#include "support/security_checks.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
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
