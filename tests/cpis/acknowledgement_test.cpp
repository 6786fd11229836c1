// Acknowledgements in the real DMS structure against a real database: each outcome comes
// back to the child it is about (by location, local id and NHS number), CPF04 shares no one,
// CPF06 stops uploads until the program is upgraded, and what CP-IS says is kept.
#include "cpis/acknowledgement_message.h"
#include "cpis/inbound_processor.h"
#include "cpis/upload_message.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/exchange_world.h"
#include "support/upload_support.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
hl7::SendingAuthority authority()
{
    return {{u"830"_s, u"Derbyshire County Council"_s}, u"01629533190"_s, u"01629532600"_s};
}

struct Uploads
{
    Connection &c;
    int acknowledgements = 0;

    explicit Uploads(Connection &connection) : c(connection) { test::configureSendingAuthority(c); }

    BuiltUpload build() { return test::buildUpload(c); }

    // An acknowledgement of upload `sequence`, each a second after the last.
    InboundOutcome acknowledge(qint64 sequence, const QString &fileCode,
                               const QList<hl7::RecordOutcome> &outcomes = {},
                               const QList<hl7::ReturnedRecord> &returned = {})
    {
        hl7::Acknowledgement ack;
        ack.createdAt = QDateTime(QDate(2026, 12, 1), QTime(11, 0), QTimeZone::utc())
                            .addSecs(++acknowledgements);
        ack.sequenceNumber = sequence;
        ack.recordCount = int(returned.size());
        ack.fileCodes = {fileCode};
        ack.receiver = authority();
        ack.outcomes = outcomes;
        ack.returned = returned;
        for (const hl7::ReturnedRecord &r : returned)
            (r.valid ? ack.successfulCount : ack.failedCount) += 1;
        InboundProcessor processor(c);
        InboundOutcome outcome = require(processor.process(
            require(processor.store({hl7::writeAcknowledgement(ack), u"import"_s, {}, {}, {}}))));
        UNSCOPED_INFO(outcome.text.toStdString());
        return outcome;
    }

    QString statusOf(qint64 personId)
    {
        return require(queryValue(c, uR"(
            SELECT status || coalesce(': ' || reason, '') FROM person_cpis_status WHERE person_id = $1)"_s,
                                  {personId}))
            .text();
    }

    int count(const QString &sql, const QVariantList &params = {})
    {
        return int(require(queryValue(c, sql, params)).integer());
    }
};

qint64 addPerson(Connection &c, const QString &forename, const QString &born,
                 const QString &nhsNumber)
{
    return require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ($1, 'Adeyemi', 'Female', $2::date, $3, 'recorded') RETURNING id)"_s,
                              {forename, born, nhsNumber}))
        .integer();
}

void startPlan(Connection &c, qint64 personId, const QString &kind)
{
    REQUIRE(
        execute(
            c,
            u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, $2, current_date - 10)"_s,
            {personId, kind})
            .ok());
}

// A mother who is herself a child on a plan, and her unborn child's plan under her number:
// one NHS number, two people, two records in one upload.
struct TeenMother
{
    qint64 mother = 0;
    qint64 unborn = 0;
};

TeenMother teenMother(Connection &c)
{
    TeenMother t;
    t.mother = addPerson(c, u"Grace"_s, QDate::currentDate().addYears(-16).toString(Qt::ISODate),
                         u"9990000042"_s);
    startPlan(c, t.mother, u"CPP"_s);
    t.unborn = require(queryValue(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, expected_delivery, mother_id)
        VALUES ('Unborn', 'Adeyemi', current_date + 60, $1) RETURNING id)"_s,
                                  {t.mother}))
                   .integer();
    startPlan(c, t.unborn, u"UCPP"_s);
    return t;
}

// A record CP-IS returns as invalid: whom, and the plan it carried.
hl7::ReturnedRecord invalidRecord(const QString &nhsNumber, const QString &localId, bool unborn,
                                  const QString &forename)
{
    hl7::ReturnedRecord r;
    r.unborn = unborn;
    r.ids = {nhsNumber, localId, {}};
    r.forenames = forename;
    r.surname = u"Adeyemi"_s;
    r.dateOfBirth = QDate(2010, 4, 1);
    hl7::UploadPlan plan;
    plan.kind = unborn ? hl7::PlanInformation::UnbornChildProtection
                       : hl7::PlanInformation::ChildProtection;
    plan.start = QDate::currentDate().addDays(-10);
    if (unborn)
        plan.end = QDate::currentDate().addDays(60);
    r.plans = {plan};
    return r;
}

// The 1-based position in the upload of its record for an unborn child's plan.
int unbornRecordPosition(const BuiltUpload &built)
{
    const hl7::Upload upload = require(hl7::readUpload(built.body));
    for (int i = 0; i < upload.records.size(); ++i) {
        if (upload.records[i].unborn)
            return i + 1;
    }
    FAIL("the upload has no unborn child's record");
    return 0;
}
} // namespace

TEST_CASE("An outcome located in the upload comes back to that record's child, not to whoever "
          "else has the NHS number",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const TeenMother t = teenMother(db.connection());
    const BuiltUpload built = u.build();
    const int position = unbornRecordPosition(built);

    const InboundOutcome outcome =
        u.acknowledge(built.sequenceNumber, u"CPF03"_s,
                      {{u"CPR03"_s,
                        {},
                        {},
                        u"Surname does not match"_s,
                        u"/File/record[%1]/CP-ISRecord"_s.arg(position)}});
    REQUIRE(outcome.status == u"processed"_s);
    const QString unborn = u.statusOf(t.unborn);
    CHECK(unborn.startsWith(u"rejected: The name or date of birth does not match"_s));
    CHECK(unborn.contains(u"CP-IS says: \"Surname does not match\""_s));
    CHECK(unborn.contains(u"/File/record[%1]"_s.arg(position)));
    CHECK(u.statusOf(t.mother) == u"shared"_s);
    CHECK(u.statusOf(world.childId) == u"shared"_s);
    CHECK(
        u.count(
            u"SELECT count(*) FROM upload_record WHERE person_id = $1 AND location LIKE '/File/record[%'"_s,
            {t.unborn}) == 1);
}

TEST_CASE("An outcome located in a returned record is matched by its local id and subject",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const TeenMother t = teenMother(db.connection());
    const BuiltUpload built = u.build();

    const hl7::ReturnedRecord returned =
        invalidRecord(u"9990000042"_s, QString::number(t.mother), true, u"Grace"_s);
    u.acknowledge(built.sequenceNumber, u"CPF03"_s,
                  {{u"CPR05"_s, {}, {}, {}, u"/FileResponse/message[1]"_s}}, {returned});
    CHECK(u.statusOf(t.unborn).startsWith(u"rejected: The NHS number has been superseded"_s));
    CHECK(u.statusOf(t.mother) == u"shared"_s);
}

TEST_CASE("An outcome naming only a number two children share is kept, not guessed", "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const TeenMother t = teenMother(db.connection());
    const BuiltUpload built = u.build();

    const hl7::ReturnedRecord one = invalidRecord(u"9990000042"_s, {}, false, u"Grace"_s);
    const hl7::ReturnedRecord two = invalidRecord(u"9990000042"_s, {}, true, u"Grace"_s);
    const InboundOutcome outcome =
        u.acknowledge(built.sequenceNumber, u"CPF03"_s,
                      {{u"CPR03"_s, {}, {}, {}, {}}, {u"CPR03"_s, {}, {}, {}, {}}}, {one, two});
    CHECK(outcome.status == u"quarantined"_s);
    CHECK(outcome.text.contains(u"9990000042"_s));
    CHECK(u.statusOf(t.mother) == u"sent"_s);
    CHECK(u.statusOf(t.unborn) == u"sent"_s);
}

TEST_CASE("CPF04: no child of the file is shown as shared, named or not", "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const qint64 other = addPerson(db.connection(), u"Ellie"_s, u"2019-05-04"_s, u"9990000093"_s);
    startPlan(db.connection(), other, u"CPP"_s);
    const BuiltUpload built = u.build();
    REQUIRE(built.recordCount == 2);

    const hl7::ReturnedRecord returned =
        invalidRecord(u"9990000093"_s, QString::number(other), false, u"Ellie"_s);
    const InboundOutcome outcome =
        u.acknowledge(built.sequenceNumber, u"CPF04"_s,
                      {{u"CPR01"_s, {}, {}, {}, u"/FileResponse/message[1]"_s}}, {returned});
    REQUIRE(outcome.status == u"processed"_s);
    CHECK(u.statusOf(other).startsWith(u"rejected: The NHS number was not found"_s));
    CHECK(u.statusOf(world.childId).startsWith(u"rejected: No records were uploaded"_s));
    CHECK(u.count(u"SELECT count(*) FROM person_cpis_status WHERE status = 'shared'"_s) == 0);
    CHECK(u.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload failed'"_s) == 1);
}

TEST_CASE("CPF06: uploads stop until the program is upgraded, and the administrators are told "
          "in words",
          "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const BuiltUpload built = u.build();
    u.acknowledge(built.sequenceNumber, u"CPF06"_s);

    CHECK(u.statusOf(world.childId).contains(u"must be upgraded"_s));
    CHECK(u.count(u"SELECT count(*) FROM cpis_refused_version WHERE version = $1"_s,
                  {QStringLiteral(CPIS_VERSION)}) == 1);
    CHECK(u.count(uR"(SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload failed'
                      AND body LIKE '%must be upgraded%')"_s) == 1);
    CHECK(require(queryValue(db.connection(), u"SELECT status FROM upload_file WHERE id = $1"_s,
                             {built.fileId}))
              .text() == u"failed"_s);
}

TEST_CASE("The same acknowledgement processed again changes nothing", "[upload]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Uploads u(db.connection());
    const BuiltUpload built = u.build();
    hl7::Acknowledgement ack;
    ack.createdAt = QDateTime(QDate(2026, 12, 1), QTime(11, 0), QTimeZone::utc());
    ack.sequenceNumber = built.sequenceNumber;
    ack.recordCount = 1;
    ack.fileCodes = {u"CPF04"_s};
    ack.receiver = authority();
    InboundProcessor processor(db.connection());
    for (int i = 0; i < 2; ++i) {
        // Imported twice with different bytes (a comment), so it is stored twice.
        const QByteArray body = hl7::writeAcknowledgement(ack) + (i ? "<!-- again -->" : "");
        const InboundOutcome outcome =
            require(processor.process(require(processor.store({body, u"import"_s, {}, {}, {}}))));
        CHECK(outcome.status == u"processed"_s);
        if (i == 1)
            CHECK(outcome.text.contains(u"already processed"_s));
    }
    CHECK(u.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS upload failed'"_s) == 1);
}
