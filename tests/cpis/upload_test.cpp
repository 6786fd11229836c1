// Outbound: shared plans queue the child, uploads carry numbered files, acknowledgements
// come back to the right child, and what cannot be sent is said, never skipped silently.
#include "cpis/exchange_config.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/inbound_processor.h"
#include "cpis/upload_builder.h"
#include "cpis/upload_message.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/upload_support.h"
#include "workflow/alert_service.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::acknowledge;
using test::buildUpload;
using test::require;

namespace {
QString statusOf(Connection &c, qint64 personId)
{
    return require(
               queryValue(
                   c,
                   u"SELECT status || coalesce(': ' || reason, '') FROM person_cpis_status WHERE person_id = $1"_s,
                   {personId}))
        .text();
}
} // namespace

TEST_CASE("A new shared plan queues the child, and the upload carries them with a sequence number",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    CHECK(statusOf(c, world.childId) == u"awaiting_upload"_s);

    const BuiltUpload first = buildUpload(c);
    REQUIRE(first.recordCount == 1);
    CHECK(first.sequenceNumber == 1);
    const hl7::Upload upload = require(hl7::readUpload(first.body));
    CHECK(upload.sequenceNumber == 1);
    REQUIRE(upload.records.size() == 1);
    CHECK(upload.records.first().ids.nhsNumber == u"9990000026"_s);
    CHECK(upload.records.first().forenames == u"Thomas"_s);
    CHECK(upload.records.first().plans.value(0).kind == hl7::PlanInformation::ChildProtection);
    CHECK(require(queryValue(c, u"SELECT count(*) FROM upload_pending"_s)).integer() == 0);

    // Ending the plan sends the child again, in the next numbered file.
    REQUIRE(execute(c, u"UPDATE plan SET end_date = current_date WHERE person_id = $1"_s,
                    {world.childId})
                .ok());
    const BuiltUpload second = buildUpload(c);
    CHECK(second.sequenceNumber == 2);
    CHECK(require(hl7::readUpload(second.body)).records.first().plans.value(0).end ==
          QDate::currentDate());
}

TEST_CASE("An acknowledgement comes back to the right child, and a rejection shows on the child "
          "and alerts",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    const qint64 other = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Ellie', 'Marsh', 'Female', '2019-05-04', '9990000093', 'recorded') RETURNING id)"_s))
                             .integer();
    REQUIRE(
        execute(
            c,
            u"INSERT INTO involvement (person_id, worker_id, role) VALUES ($1, $2, 'Key Worker')"_s,
            {other, world.otherKeyWorker.workerId})
            .ok());
    REQUIRE(
        execute(c,
                u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'V2', current_date)"_s,
                {other})
            .ok());
    const BuiltUpload built = buildUpload(c);
    REQUIRE(built.recordCount == 2);

    const InboundOutcome outcome =
        acknowledge(c, built.sequenceNumber, u"CPF03"_s,
                    {{u"9990000093"_s, QString::number(other), u"CPR03"_s}});
    CHECK(outcome.status == u"processed"_s);
    CHECK(statusOf(c, world.childId) == u"shared"_s);
    CHECK(statusOf(c, other).startsWith(u"rejected: The name or date of birth does not match"_s));
    CHECK(
        require(
            queryValue(
                c,
                u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload rejected' AND person_id = $1"_s,
                {other}))
            .integer() == 2); // the key worker and the administrators
    CHECK(require(AlertService(*world.connectAs(world.otherKeyWorker)).mine()).size() == 1);
    CHECK(require(queryValue(c, u"SELECT status FROM upload_file WHERE id = $1"_s, {built.fileId}))
              .text() == u"acknowledged"_s);

    // Processing the same acknowledgement again changes nothing.
    acknowledge(c, built.sequenceNumber, u"CPF03"_s,
                {{u"9990000093"_s, QString::number(other), u"CPR03"_s}});
    CHECK(
        require(queryValue(
                    c, u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload rejected'"_s))
            .integer() == 2);
}

TEST_CASE("CPF05 sends the file's children again at the next exchange", "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    const BuiltUpload built = buildUpload(c);
    acknowledge(c, built.sequenceNumber, u"CPF05"_s);
    CHECK(statusOf(c, world.childId).startsWith(u"awaiting_upload"_s));
    const BuiltUpload again = buildUpload(c);
    CHECK(again.recordCount == 1);
    CHECK(again.sequenceNumber == built.sequenceNumber + 1);
}

TEST_CASE("An acknowledgement for an upload never sent is quarantined", "[upload]")
{
    test::TestDatabase db;
    const InboundOutcome outcome = acknowledge(db.connection(), 77, u"CPF02"_s);
    CHECK(outcome.status == u"quarantined"_s);
    CHECK(outcome.text.contains(u"sequence number 77"_s));
}

TEST_CASE("Children who cannot be sent are listed with the reason and flagged, not skipped",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    const qint64 mother = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Grace', 'Adeyemi', 'Female', '1998-03-02', '9990000042', 'recorded') RETURNING id)"_s))
                              .integer();
    const qint64 overdue = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, expected_delivery, mother_id)
        VALUES ('Unborn', 'Adeyemi', current_date - 3, $1) RETURNING id)"_s,
                                              {mother}))
                               .integer();
    const qint64 noNumber = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, date_of_birth) VALUES ('Mia', 'Stone', '2018-01-01') RETURNING id)"_s))
                                .integer();
    const qint64 expected = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, expected_delivery, mother_id)
        VALUES ('Unborn', 'Adeyemi', current_date + 30, $1) RETURNING id)"_s,
                                               {mother}))
                                .integer();
    for (const qint64 id : {overdue, expected})
        REQUIRE(
            execute(
                c,
                u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'UCPP', current_date - 30)"_s,
                {id})
                .ok());
    REQUIRE(
        execute(
            c, u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', current_date)"_s,
            {noNumber})
            .ok());

    const BuiltUpload built = buildUpload(c);
    CHECK(built.recordCount == 2); // Thomas, and the unborn child due in 30 days
    const hl7::Upload upload = require(hl7::readUpload(built.body));
    const auto unbornRecord =
        std::find_if(upload.records.cbegin(), upload.records.cend(), [](const auto &r) {
            return r.unborn && r.plans.value(0).kind == hl7::PlanInformation::UnbornChildProtection;
        });
    REQUIRE(unbornRecord != upload.records.cend());
    // Held against the mother's number; nothing about the unborn child is sent.
    CHECK(unbornRecord->ids.nhsNumber == u"9990000042"_s);
    CHECK(unbornRecord->forenames == u"Grace"_s);
    CHECK(unbornRecord->dateOfBirth == QDate(1998, 3, 2));

    REQUIRE(built.blocked.size() == 2);
    CHECK(statusOf(c, overdue).startsWith(u"blocked: the expected date of delivery"_s));
    CHECK(statusOf(c, noNumber) == u"blocked: no NHS number is recorded."_s);
    CHECK(
        require(
            queryValue(
                c,
                u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload blocked' AND person_id = $1"_s,
                {overdue}))
            .integer() == 1);
    // Blocked again at the next exchange: no second alert.
    REQUIRE(execute(c, u"INSERT INTO upload_pending (person_id) VALUES ($1)"_s, {overdue}).ok());
    buildUpload(c);
    CHECK(
        require(
            queryValue(
                c,
                u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload blocked' AND person_id = $1"_s,
                {overdue}))
            .integer() == 1);
}

TEST_CASE("An inactive NHS number stops uploads, and a replacement is recorded and uploads resume",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &c = db.connection();
    buildUpload(c);
    InboundProcessor processor(c);
    const auto receive = [&](const QString &label, const QString &number,
                             const QString &replacement) {
        hl7::InactiveNhsNumberNotification n;
        n.notificationId = test::notificationUuid(label);
        n.createdAt = QDateTime::currentDateTime();
        n.recipient = {u"X99LA"_s, u"Northbrook County Council"_s};
        n.patients = {{{number, {}, {}},
                       replacement.isEmpty() ? QStringList() : QStringList{replacement},
                       1}};
        return require(processor.process(
            require(processor.store({hl7::writeInactiveNhsNumber(n), u"import"_s, {}, {}, {}}))));
    };
    const InboundOutcome inactive = receive(u"IN-1"_s, u"9990000026"_s, {});
    CHECK(inactive.status == u"processed"_s);
    CHECK(require(queryValue(c, u"SELECT nhs_number_status FROM person WHERE id = $1"_s,
                             {world.childId}))
              .text() == u"inactive"_s);
    CHECK(statusOf(c, world.childId).startsWith(u"blocked"_s));
    CHECK(
        require(
            queryValue(
                c, u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS NHS number inactive'"_s))
            .integer() == 2);
    CHECK(buildUpload(c).recordCount == 0);

    // Recording a new number by hand queues the child again.
    REQUIRE(
        execute(
            c,
            u"UPDATE person SET nhs_number = '9990000131', nhs_number_status = 'recorded' WHERE id = $1"_s,
            {world.childId})
            .ok());
    CHECK(buildUpload(c).recordCount == 1);

    const InboundOutcome replaced = receive(u"IN-2"_s, u"9990000131"_s, u"9990000085"_s);
    CHECK(replaced.status == u"processed"_s);
    CHECK(require(queryValue(c, u"SELECT nhs_number FROM person WHERE id = $1"_s, {world.childId}))
              .text() == u"9990000085"_s);
    CHECK(buildUpload(c).recordCount == 1);

    const InboundOutcome badReplacement = receive(u"IN-3"_s, u"9990000085"_s, u"9990000086"_s);
    CHECK(badReplacement.status == u"quarantined"_s);
    CHECK(badReplacement.text.contains(u"9990000086"_s));
    CHECK(badReplacement.text.contains(u"check digit"_s));
    CHECK(require(queryValue(c, u"SELECT nhs_number FROM person WHERE id = $1"_s, {world.childId}))
              .text() == u"9990000085"_s);
}
