// Inbound processing and uploads against a real database: every message stored raw first,
// processed once, and what cannot be processed kept with its reason.
#include "config/config_store.h"
#include "cpis/inbound_processor.h"
#include "cpis/upload_builder.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/sample_notification.h"
#include "workflow/alert_service.h"
#include "workflow/step_service.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
hl7::AccessNotification notificationFor(const QString &nhsNumber, const QString &label,
                                        bool by111 = false)
{
    const QDateTime at(QDate(2026, 11, 20), QTime(14, 32), QTimeZone::utc());
    return test::notificationAbout(label, nhsNumber,
                                   {by111 ? test::systemAccess(at) : test::doctorAccess(at)});
}

struct Inbound
{
    test::TestDatabase &db;
    InboundProcessor processor{db.connection()};

    InboundOutcome receive(const QByteArray &body, const QString &meshId = {})
    {
        const qint64 id = require(
            processor.store({body, meshId.isEmpty() ? u"import"_s : u"mesh"_s, meshId, {}, {}}));
        return require(processor.process(id));
    }
    int count(const QString &sql, const QVariantList &params = {})
    {
        return require(queryValue(db.connection(), sql, params)).integer();
    }
};
} // namespace

TEST_CASE("An A&E notification becomes one CPIS Follow Up step for CP-IS Worker", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int before = in.count(u"SELECT count(*) FROM work_step"_s);

    const InboundOutcome outcome =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-1"_s)));
    CHECK(outcome.status == u"processed"_s);
    REQUIRE(outcome.stepId != 0);
    CHECK(outcome.text.contains(u"Thomas Turner (3549728)"_s));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before + 1);

    auto admin = world.connectAs(world.admin);
    const StepDetail step = require(StepService(*admin).load(outcome.stepId));
    CHECK(step.source == u"ae"_s);
    CHECK(step.comments.contains(u"Dr Priya Raman (Emergency Department Doctor)"_s));
    CHECK(step.comments.contains(u"Royal Derby Hospital Emergency Department (ODS RTG)"_s));
    CHECK(step.comments.contains(u"on 20/11/2026 at 14:32"_s));
}

TEST_CASE(
    "A 111 notification names the system, its organisation and safeguarding lead, and proposes the "
    "DHU note",
    "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const InboundOutcome outcome = in.receive(
        hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-111"_s, true)));
    REQUIRE(outcome.status == u"processed"_s);
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    const StepDetail step = require(steps.load(outcome.stepId));
    CHECK(step.source == u"dhu_111"_s);
    CHECK(step.comments.contains(u"DHU Health Care (ODS NQT)"_s));
    CHECK(step.comments.contains(u"Karen Holt (Safeguarding Lead Nurse)"_s));
    require(steps.start(outcome.stepId));
    CHECK(require(steps.proposeRequest(outcome.stepId)).note.contains(u"triggered by DHU"_s));
}

TEST_CASE("The same message or the same notification processed again changes nothing", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const QByteArray body =
        hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-2"_s));
    const int before = in.count(u"SELECT count(*) FROM work_step"_s);

    const InboundOutcome first = in.receive(body, u"MESH-1"_s);
    const InboundOutcome again = in.receive(body, u"MESH-1"_s); // downloaded twice
    CHECK(again.messageId == first.messageId);
    // The same notification in another MESH message.
    const InboundOutcome copy = in.receive(body, u"MESH-2"_s);
    CHECK(copy.status == u"processed"_s);
    CHECK(copy.text.contains(u"already processed"_s));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
}

TEST_CASE("A message stored but not processed (a crash) is processed on the next run, once",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int before = in.count(u"SELECT count(*) FROM work_step"_s);
    require(in.processor.store(
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-3"_s)),
         u"mesh"_s,
         u"MESH-3"_s,
         {},
         {}}));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before);
    CHECK(require(in.processor.processPending()).size() == 1);
    CHECK(require(in.processor.processPending()).isEmpty());
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
}

TEST_CASE("What cannot be processed is kept with its reason and alerts the administrators",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int steps = in.count(u"SELECT count(*) FROM work_step"_s);
    struct Case
    {
        const char *name;
        QByteArray body;
        QString reason;
    };
    hl7::AccessNotification empty = notificationFor(u"9990000026"_s, u"N-empty"_s);
    empty.records.clear();
    const QList<Case> cases{
        {"no matching child",
         hl7::writeAccessNotification(notificationFor(u"9990000131"_s, u"N-4"_s)),
         u"No child has the NHS number 9990000131."_s},
        {"empty notification", hl7::writeAccessNotification(empty),
         u"Empty notification "_s + test::notificationUuid(u"N-empty"_s)},
        {"not XML", QByteArray("this is not a CP-IS message"), QString()},
        {"truncated",
         hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-5"_s)).left(200),
         QString()},
    };
    for (const Case &c : cases) {
        INFO(c.name);
        const InboundOutcome outcome = in.receive(c.body);
        CHECK(outcome.status == u"quarantined"_s);
        CHECK_FALSE(outcome.text.isEmpty());
        if (!c.reason.isEmpty())
            CHECK(outcome.text.startsWith(c.reason));
        CHECK(
            in.count(
                u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'quarantined' AND reason = $2"_s,
                {outcome.messageId, outcome.text}) == 1);
        // An empty notification is an alert type of its own (issue 18), with the same recipients.
        const QString type = qstrcmp(c.name, "empty notification") == 0
                                 ? u"CP-IS empty notification"_s
                                 : u"CP-IS message quarantined"_s;
        CHECK(in.count(u"SELECT count(*) FROM alert WHERE alert_type = $2 AND "
                       "recipient_role = 'cpis_sysadmin' AND body LIKE '%' || $1 || '%'"_s,
                       {outcome.text, type}) == 1);
    }
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == steps);
    CHECK(in.count(u"SELECT count(*) FROM inbound_message"_s) == cases.size());
}

TEST_CASE("An unborn child's plan: the mother's number matches her unborn child", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto &owner = db.connection();
    const qint64 mother = require(queryValue(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Grace', 'Adeyemi', 'Female', '1998-03-02', '9990000042', 'recorded') RETURNING id)"_s))
                              .integer();
    const qint64 unborn = require(queryValue(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, expected_delivery, mother_id)
        VALUES ('Unborn', 'Adeyemi', current_date + 60, $1) RETURNING id)"_s,
                                             {mother}))
                              .integer();
    require(execute(
        owner,
        u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'UCPP', current_date - 10)"_s,
        {unborn}));

    Inbound in{db};
    const InboundOutcome outcome =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000042"_s, u"N-6"_s)));
    REQUIRE(outcome.status == u"processed"_s);
    CHECK(in.count(u"SELECT subject_id FROM work_step WHERE id = $1"_s, {outcome.stepId}) ==
          unborn);
}

TEST_CASE("Case note and alert mode records a note and alerts the configured team instead",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto sysadmin = world.connectAs(world.sysadmin);
    ConfigStore config(*sysadmin);
    REQUIRE(config.set(u"cpis.handling_mode"_s, u"case_note_and_alert"_s).ok());
    REQUIRE(config.set(u"cpis.handling_target"_s, u"Child Protection North"_s).ok());

    Inbound in{db};
    const int steps = in.count(u"SELECT count(*) FROM work_step"_s);
    const InboundOutcome outcome =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-7"_s)));
    REQUIRE(outcome.status == u"processed"_s);
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == steps);
    CHECK(in.count(u"SELECT count(*) FROM case_note WHERE person_id = $1 AND note_type = 'CP-IS "
                   u"Follow Up' AND "
                   "state = 'final' AND body LIKE '%Dr Priya Raman%'"_s,
                   {world.childId}) == 1);
    CHECK(in.count(
              u"SELECT count(*) FROM alert a JOIN team t ON t.id = a.recipient_team WHERE t.name = "
              "'Child Protection North' AND a.person_id = $1"_s,
              {world.childId}) == 1);
    // The key worker is in that team and sees it.
    CHECK(require(AlertService(*world.connectAs(world.keyWorker)).mine()).size() == 1);
}

TEST_CASE("Invalid configuration is refused, naming the setting, and nothing changes", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto sysadmin = world.connectAs(world.sysadmin);
    ConfigStore config(*sysadmin);
    const QList<std::pair<QString, QString>> bad{
        {u"cpis.handling_mode"_s, u"email"_s},    {u"cpis.shared_plans"_s, u"CPP,s47"_s},
        {u"exchange.times"_s, u"8am"_s},          {u"mesh.url"_s, u"http://mesh.example.org"_s},
        {u"cpis.handling_target"_s, u"Nobody"_s}, {u"no.such.key"_s, u"x"_s},
    };
    for (const auto &[key, value] : bad) {
        INFO(key.toStdString());
        const Status refused = config.set(key, value);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == u"invalid"_s);
        CHECK(refused.error().message.contains(key == u"no.such.key"_s ? key
                                                                       : key.section(u'.', 0, 1)));
    }
    CHECK(require(config.get(u"exchange.times"_s)).value == u"08:00,11:00,14:00,16:45"_s);
    // A key worker cannot change configuration, even through SQL.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(ConfigStore(*keyWorker).set(u"exchange.times"_s, u"09:00"_s).error().code == u"denied"_s);
    CHECK(execute(*keyWorker, u"UPDATE config SET value = '09:00' WHERE key = 'exchange.times'"_s)
              .error()
              .sqlState == u"42501"_s);
    // Secrets are write-only.
    REQUIRE(config.set(u"mesh.password"_s, u"s3cret-pass"_s).ok());
    CHECK(require(config.get(u"mesh.password"_s)).value == u"set"_s);
    CHECK(
        require(queryValue(*sysadmin, u"SELECT count(*) FROM config WHERE value = 's3cret-pass'"_s))
            .integer() == 0);
}

TEST_CASE("A quarantined message is processed again once the cause is fixed, or marked resolved",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const InboundOutcome first =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000131"_s, u"N-8"_s)));
    REQUIRE(first.status == u"quarantined"_s);
    const InboundOutcome other =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000093"_s, u"N-9"_s)));
    REQUIRE(other.status == u"quarantined"_s);

    // The child's NHS number is corrected; an administrator asks for the message to be processed
    // again.
    require(execute(db.connection(), u"UPDATE person SET nhs_number = '9990000131' WHERE id = $1"_s,
                    {world.childId}));
    auto sysadmin = world.connectAs(world.sysadmin);
    require(execute(*sysadmin, u"SELECT process_inbound_again($1)"_s, {first.messageId}));
    const QList<InboundOutcome> again = require(in.processor.processPending());
    REQUIRE(again.size() == 1);
    CHECK(again.first().status == u"processed"_s);
    CHECK(again.first().stepId != 0);

    // The other is resolved by hand, with a note; a key worker may do neither.
    auto keyWorker = world.connectAs(world.keyWorker);
    CHECK(execute(*keyWorker, u"SELECT resolve_inbound($1, 'x')"_s, {other.messageId})
              .error()
              .sqlState == u"42501"_s);
    CHECK(execute(*sysadmin, u"SELECT resolve_inbound($1, ' ')"_s, {other.messageId})
              .error()
              .message == u"Say how it was resolved."_s);
    require(execute(
        *sysadmin, u"SELECT resolve_inbound($1, 'Child not known to this authority: told CP-IS')"_s,
        {other.messageId}));
    CHECK(in.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'resolved'"_s,
                   {other.messageId}) == 1);
}

TEST_CASE("A new step is due after the handling time in office hours", "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const InboundOutcome outcome =
        in.receive(hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"N-10"_s)));
    const QDateTime due =
        require(queryValue(db.connection(), u"SELECT due_at FROM work_step WHERE id = $1"_s,
                           {outcome.stepId}))
            .dateTime();
    // The database's rule (tests/db/due_time_test.cpp checks the rule itself), from receipt.
    const QDateTime expected =
        require(queryValue(db.connection(),
                           u"SELECT _due_after(received_at) FROM work_step WHERE id = $1"_s,
                           {outcome.stepId}))
            .dateTime();
    INFO(due.toString(Qt::ISODate).toStdString() + " expected " +
         expected.toString(Qt::ISODate).toStdString());
    CHECK(std::abs(expected.secsTo(due)) < 60);
}

TEST_CASE("A backlog is processed in bulk: one step per notification, each failure on its own",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int steps = in.count(u"SELECT count(*) FROM work_step"_s);
    const QByteArray first =
        hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"B-1"_s));
    // The same notification again in another message, a child nobody has, and a 111 call.
    QList<InboundProcessor::Received> backlog{
        {first, u"mesh"_s, u"MESH-B1"_s, {}, {}},
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"B-1"_s)),
         u"mesh"_s,
         u"MESH-B2"_s,
         {},
         {}},
        {hl7::writeAccessNotification(notificationFor(u"9434765919"_s, u"B-3"_s)),
         u"mesh"_s,
         u"MESH-B3"_s,
         {},
         {}},
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"B-4"_s, true)),
         u"mesh"_s,
         u"MESH-B4"_s,
         {},
         {}},
        {first, u"mesh"_s, u"MESH-B1"_s, {}, {}}, // downloaded twice
    };
    const QList<qint64> ids = require(in.processor.storeAll(backlog));
    REQUIRE(ids.size() == 5);
    CHECK(ids[4] == ids[0]);
    CHECK(in.count(u"SELECT count(*) FROM inbound_message"_s) == 4);

    const QList<InboundOutcome> outcomes = require(in.processor.processPending());
    REQUIRE(outcomes.size() == 4);
    CHECK(outcomes[0].messageId == ids[0]);
    CHECK(outcomes[0].text.startsWith(u"CPIS Follow Up step"_s));
    CHECK(outcomes[1].status == u"processed"_s);
    CHECK(outcomes[1].text == u"Notification %1 was already processed: nothing done."_s.arg(
                                  test::notificationUuid(u"B-1"_s)));
    CHECK(outcomes[2].status == u"quarantined"_s);
    CHECK(outcomes[2].text == u"No child has the NHS number 9434765919."_s);
    CHECK(outcomes[3].text.endsWith(u"(DHU/111)."_s));
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == steps + 2);
    CHECK(in.count(u"SELECT count(*) FROM work_step WHERE source = 'dhu_111'"_s) >= 1);
    CHECK(in.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS message quarantined' "
                   u"AND body LIKE '%9434765919%'"_s) == 1);
    CHECK(in.count(u"SELECT count(*) FROM inbound_message WHERE status = 'received'"_s) == 0);
    // Nothing more to do the second time.
    CHECK(require(in.processor.processPending()).isEmpty());
}

TEST_CASE("In a bulk batch, a notification that fails unexpectedly is quarantined alone",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const int steps = in.count(u"SELECT count(*) FROM work_step"_s);
    // Well formed, but its comment is longer than a step can hold: the server refuses it
    // in the middle of the batch.
    hl7::AccessNotification tooLong = notificationFor(u"9990000026"_s, u"F-2"_s);
    tooLong.records.first().accesses.first().accessorName = QString(9000, u'x');
    const QList<qint64> ids = require(in.processor.storeAll({
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"F-1"_s)),
         u"import"_s,
         {},
         {},
         {}},
        {hl7::writeAccessNotification(tooLong), u"import"_s, {}, {}, {}},
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"F-3"_s)),
         u"import"_s,
         {},
         {},
         {}},
    }));
    const QList<InboundOutcome> outcomes = require(in.processor.processAll(ids));
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes[0].status == u"processed"_s);
    CHECK(outcomes[1].status == u"quarantined"_s);
    CHECK(outcomes[1].text.startsWith(u"Processing failed: "_s));
    CHECK(outcomes[2].status == u"processed"_s);
    CHECK(in.count(u"SELECT count(*) FROM work_step"_s) == steps + 2);
    // Nothing of the failed one was half written, and the administrators know (a failure no
    // check foresaw is an alert type of its own, issue 18).
    CHECK(in.count(u"SELECT count(*) FROM work_step WHERE inbound_message_id = $1"_s, {ids[1]}) ==
          0);
    CHECK(in.count(u"SELECT count(*) FROM alert WHERE alert_type = 'CP-IS unexpected failure' "
                   u"AND body LIKE $1"_s,
                   {u"%message %1 %"_s.arg(ids[1])}) == 1);
}

TEST_CASE("Only the exchange can process notifications or quarantine messages, even through SQL",
          "[inbound]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Inbound in{db};
    const qint64 id = require(in.processor.store(
        {hl7::writeAccessNotification(notificationFor(u"9990000026"_s, u"S-1"_s)),
         u"import"_s,
         {},
         {},
         {}}));
    const QString batch =
        uR"([{"ord":0,"message":%1,"notification":"S-1","nhs_number":"9990000026",)"
        uR"("comment":"x","source":"ae","accessed_at":null}])"_s.arg(id);
    for (const auto *user : {&world.keyWorker, &world.admin, &world.sysadmin}) {
        auto c = world.connectAs(*user);
        auto processed =
            execute(*c, u"SELECT * FROM process_access_notifications($1::jsonb, now())"_s, {batch});
        REQUIRE_FALSE(processed.ok());
        CHECK(processed.error().sqlState == u"42501"_s);
        // Nor by the ways that choose the alert's type, or leave a message waiting (issue 18).
        for (const QString &sql :
             {u"SELECT quarantine_inbound($1, 'no')"_s,
              u"SELECT quarantine_inbound_as($1, 'no', 'CP-IS unexpected failure')"_s,
              u"SELECT inbound_left_waiting($1, 'no')"_s}) {
            INFO(sql.toStdString());
            auto quarantined = execute(*c, sql, {id});
            REQUIRE_FALSE(quarantined.ok());
            CHECK(quarantined.error().sqlState == u"42501"_s);
        }
    }
    // The exchange may not raise any other type through it.
    const auto wrongType = execute(db.connection(),
                                   u"SELECT quarantine_inbound_as($1, 'no', 'CP-IS "
                                   u"exchange stalled')"_s,
                                   {id});
    REQUIRE_FALSE(wrongType.ok());
    CHECK(wrongType.error().message.contains(u"is not an alert type for a quarantined message"_s));
    // The role check's refusal in words (reached directly here; callers reach it through
    // the functions that use it).
    require(execute(db.connection(),
                    u"GRANT EXECUTE ON FUNCTION _require_role(name, text) TO \"%1\""_s.arg(
                        world.keyWorker.login)));
    auto refused =
        execute(*world.connectAs(world.keyWorker),
                u"SELECT _require_role('cpis_exchange', 'process CP-IS notifications')"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == u"Only the CP-IS exchange can process CP-IS notifications."_s);
    CHECK(in.count(u"SELECT count(*) FROM inbound_message WHERE status = 'received'"_s) == 1);
    CHECK(in.count(u"SELECT count(*) FROM work_step WHERE inbound_message_id = $1"_s, {id}) == 0);
}
