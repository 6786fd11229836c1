// Alerts reach the right people (issue 18): who receives each CP-IS alert is configured per
// type (alert_recipients), the one rule raise_cpis_alert applies for every raiser; a changed
// recipient receives the alert and the old one does not, the child's key worker when chosen,
// and never someone who may not see a restricted child.
#include "config/alert_recipients.h"
#include "config/config_store.h"
#include "cpis/access_notification_message.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/sample_notification.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::CaseWorld;
using test::ExchangeWorld;
using test::require;

namespace {
const QString kRejected = u"CP-IS upload rejected"_s;

// The open alerts of `type` that `user` is shown as theirs.
qint64 alertsFor(const CaseWorld &world, const CaseWorld::User &user, const QString &type)
{
    auto c = world.connectAs(user);
    return require(queryValue(*c, uR"(
        SELECT count(*) FROM alert a WHERE a.alert_type = $1 AND alert_is_for_me(a))"_s,
                              {type}))
        .integer();
}

Status choose(const CaseWorld &world, const QString &type, const QString &role, const QString &team,
              const QString &login, bool keyWorker)
{
    AlertRecipients chosen;
    chosen.alertType = type;
    chosen.role = role;
    chosen.team = team;
    chosen.workerLogin = login;
    chosen.keyWorker = keyWorker;
    return AlertRecipientStore(*world.connectAs(world.sysadmin)).set(chosen);
}

void raise(const CaseWorld &world, const QString &type, qint64 person)
{
    require(queryValue(*world.connectAs(world.exchange),
                       u"SELECT raise_cpis_alert($1, $2, 'Something to do.')"_s,
                       {type, person == 0 ? QVariant() : QVariant(person)}));
}
} // namespace

TEST_CASE("A quarantined message alerts the recipient chosen for it, and no longer the old one",
          "[exchange][alerts]")
{
    ExchangeWorld x;
    const QString type = u"CP-IS message quarantined"_s;
    x.deliver(test::accessNotification(u"ASN-Q1"_s, u"9990000034"_s)); // no such child
    require(x.run());
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1); // today's recipient, by default
    CHECK(alertsFor(x.world, x.world.admin, type) == 0);

    require(choose(x.world, type, {}, {}, x.world.admin.login, false));
    x.deliver(test::accessNotification(u"ASN-Q2"_s, u"9990000034"_s));
    require(x.run());
    CHECK(alertsFor(x.world, x.world.admin, type) == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1); // only the first one
}

TEST_CASE("An alert about a child reaches its key worker when chosen, with a role and a team",
          "[exchange][alerts]")
{
    test::TestDatabase db;
    CaseWorld world(db);
    raise(world, kRejected, world.childId); // default: the administrators and the key worker
    CHECK(alertsFor(world, world.sysadmin, kRejected) == 1);
    CHECK(alertsFor(world, world.keyWorker, kRejected) == 1);

    // Only the key worker now: the administrators no longer hear of it.
    require(choose(world, kRejected, {}, {}, {}, true));
    raise(world, kRejected, world.childId);
    CHECK(alertsFor(world, world.keyWorker, kRejected) == 2);
    CHECK(alertsFor(world, world.sysadmin, kRejected) == 1);

    // The team managers' role and the key worker's own login: one alert each, not two.
    require(choose(world, kRejected, u"cpis_team_manager"_s, {}, world.keyWorker.login, true));
    raise(world, kRejected, world.childId);
    CHECK(alertsFor(world, world.keyWorker, kRejected) == 3);
    CHECK(alertsFor(world, world.manager, kRejected) == 1);
    const QString team = require(queryValue(db.connection(), uR"(
        SELECT t.name FROM team t JOIN worker w ON w.team_id = t.id WHERE w.id = $1)"_s,
                                            {world.otherAdmin.workerId}))
                             .text();
    require(choose(world, kRejected, {}, team, {}, false));
    raise(world, kRejected, world.childId);
    CHECK(alertsFor(world, world.otherAdmin, kRejected) == 1);
    CHECK(alertsFor(world, world.keyWorker, kRejected) == 3);
}

TEST_CASE("A restricted child's alert never reaches someone who may not see the child",
          "[exchange][alerts][security]")
{
    test::TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    require(
        execute(owner, u"UPDATE person SET restricted = true WHERE id = $1"_s, {world.childId}));
    require(execute(owner, u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s,
                    {world.childId, world.keyWorker.workerId}));
    // Chosen: a worker who may not see the child, the administrators' role, the key worker.
    require(choose(world, kRejected, u"cpis_sysadmin"_s, {}, world.otherKeyWorker.login, true));
    raise(world, kRejected, world.childId);
    CHECK(alertsFor(world, world.keyWorker, kRejected) == 1); // granted: they see it
    CHECK(alertsFor(world, world.otherKeyWorker, kRejected) == 0);
    CHECK(alertsFor(world, world.sysadmin, kRejected) == 0); // not granted
    CHECK(require(queryValue(owner, u"SELECT count(*) FROM alert WHERE recipient_worker = $1"_s,
                             {world.otherKeyWorker.workerId}))
              .integer() == 0);

    // Nobody chosen may see it: it still goes somewhere, to no one who may not see the child.
    require(execute(owner, u"DELETE FROM person_access WHERE person_id = $1"_s, {world.childId}));
    require(choose(world, kRejected, {}, {}, world.otherKeyWorker.login, true));
    raise(world, kRejected, world.childId);
    for (const CaseWorld::User &user :
         {world.keyWorker, world.otherKeyWorker, world.sysadmin, world.admin, world.manager}) {
        CHECK(alertsFor(world, user, kRejected) == 0);
    }
}

TEST_CASE("A new CP-IS alert type goes to the administrators until someone chooses, "
          "however the exchange raises it",
          "[exchange][alerts]")
{
    test::TestDatabase db;
    CaseWorld world(db);
    const QString type = u"CP-IS something new"_s;
    // As a raiser written before recipients could be chosen does: to the administrators' role.
    const auto raiseAsBefore = [&] {
        require(queryValue(*world.connectAs(world.exchange),
                           u"SELECT raise_alert($1, NULL, NULL, NULL, 'cpis_sysadmin', 'New.')"_s,
                           {type}));
    };
    raiseAsBefore();
    CHECK(alertsFor(world, world.sysadmin, type) == 1);
    const auto all = require(AlertRecipientStore(*world.connectAs(world.sysadmin)).list());
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&](const AlertRecipients &r) { return r.alertType == type; });
    REQUIRE(it != all.cend());
    CHECK(it->role == u"cpis_sysadmin"_s);
    CHECK_FALSE(it->aboutChild);

    require(choose(world, type, {}, {}, world.admin.login, false));
    raiseAsBefore();
    raise(world, type, 0);
    CHECK(alertsFor(world, world.admin, type) == 2);
    CHECK(alertsFor(world, world.sysadmin, type) == 1);
    // A person may not raise a CP-IS alert by hand: those are the system's (issue 21).
    const auto byHand = queryValue(
        *world.connectAs(world.sysadmin),
        u"SELECT raise_alert($1, NULL, NULL, NULL, 'cpis_sysadmin', 'By hand.')"_s, {type});
    REQUIRE_FALSE(byHand.ok());
    CHECK(byHand.error().sqlState == u"42501"_s);
    CHECK(alertsFor(world, world.sysadmin, type) == 1);
}

TEST_CASE("Alert recipients: every wrong value is refused by name, and only by administrators",
          "[exchange][alerts]")
{
    test::TestDatabase db;
    CaseWorld world(db);
    const auto refusal = [&](const QString &type, const QString &role, const QString &team,
                             const QString &login, bool keyWorker) {
        const Status set = choose(world, type, role, team, login, keyWorker);
        REQUIRE_FALSE(set.ok());
        return set.error().message;
    };
    CHECK(refusal(u"CP-IS no such thing"_s, u"cpis_sysadmin"_s, {}, {}, false) ==
          u"There is no CP-IS alert type \"CP-IS no such thing\"."_s);
    CHECK(refusal(kRejected, u"postgres"_s, {}, {}, false)
              .startsWith(u"There is no role \"postgres\" to send alerts to"_s));
    CHECK(refusal(kRejected, {}, u"Nowhere Team"_s, {}, false) ==
          u"There is no team \"Nowhere Team\"."_s);
    CHECK(refusal(kRejected, {}, {}, u"nobody.here"_s, false) ==
          u"There is no active worker with the login \"nobody.here\"."_s);
    CHECK(refusal(u"CP-IS upload failed"_s, {}, {}, {}, true) ==
          u"\"CP-IS upload failed\" is not about a child, so it has no key worker to go to."_s);
    CHECK(refusal(kRejected, {}, {}, {}, false)
              .startsWith(u"\"CP-IS upload rejected\" needs at least one recipient"_s));

    AlertRecipients chosen;
    chosen.alertType = kRejected;
    chosen.role = u"cpis_safeguarding_admin"_s;
    const Status byAdmin = AlertRecipientStore(*world.connectAs(world.admin)).set(chosen);
    REQUIRE_FALSE(byAdmin.ok());
    CHECK(byAdmin.error().message ==
          u"Only system administrators can choose who receives alerts."_s);
}

namespace {
// The types issue 18 lists apart, each with today's recipients (the CP-IS administrators) as
// its default, listed for Configuration tools and `cpisctl config` from the table.
void checkListedWithDefaults(const CaseWorld &world, const QString &type)
{
    INFO(type.toStdString());
    const auto all = require(AlertRecipientStore(*world.connectAs(world.sysadmin)).list());
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&](const AlertRecipients &r) { return r.alertType == type; });
    REQUIRE(it != all.cend());
    CHECK(it->role == u"cpis_sysadmin"_s);
    CHECK_FALSE(it->aboutChild);
}

// As the owner: the database refuses to mark the message with this MESH id as any of
// `statuses` (a row damaged in a way no check foresaw).
void refuseMarking(ExchangeWorld &x, const QString &meshId, const QString &statuses)
{
    auto &owner = x.db.connection();
    require(
        execute(owner, uR"(CREATE OR REPLACE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql
                           AS $$ BEGIN RAISE EXCEPTION 'row damaged'; END $$)"_s));
    require(execute(owner, u"CREATE TRIGGER refuse_row BEFORE UPDATE ON inbound_message FOR EACH "
                           u"ROW WHEN (OLD.mesh_message_id = '"_s +
                               meshId + u"' AND NEW.status IN ("_s + statuses +
                               u")) EXECUTE FUNCTION refuse_row()"_s));
}
} // namespace

TEST_CASE("An empty notification is an alert type of its own, with recipients of its own",
          "[exchange][alerts]")
{
    ExchangeWorld x;
    const QString type = u"CP-IS empty notification"_s;
    checkListedWithDefaults(x.world, type);
    hl7::AccessNotification empty = test::notificationAbout(u"ASN-EMPTY-1"_s, u"9990000026"_s, {});
    empty.records.clear();
    x.deliver(hl7::writeAccessNotification(empty));
    require(x.run());
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, u"CP-IS message quarantined"_s) == 0);

    require(choose(x.world, type, {}, {}, x.world.admin.login, false));
    empty.notificationId = test::notificationUuid(u"ASN-EMPTY-2"_s);
    x.deliver(hl7::writeAccessNotification(empty));
    require(x.run());
    CHECK(alertsFor(x.world, x.world.admin, type) == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1);
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined' AND reason "
                  u"LIKE 'Empty notification %'"_s) == 2);
}

TEST_CASE("A failure no check foresaw is an alert type of its own", "[exchange][alerts]")
{
    ExchangeWorld x;
    const QString type = u"CP-IS unexpected failure"_s;
    checkListedWithDefaults(x.world, type);
    const QString broken = x.deliver(test::accessNotification(u"ASN-UNEXPECTED"_s));
    refuseMarking(x, broken, u"'processed'"_s); // it can still be quarantined
    require(x.run());
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined' AND reason "
                  u"LIKE 'Processing failed: %row damaged%'"_s) == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, u"CP-IS message quarantined"_s) == 0);
}

TEST_CASE("A message that cannot even be quarantined alerts its recipients once, and the "
          "others go on",
          "[exchange][alerts]")
{
    ExchangeWorld x;
    const QString type = u"CP-IS unexpected failure"_s;
    const int before = x.count(u"SELECT count(*) FROM work_step"_s);
    const QString broken = x.deliver(test::accessNotification(u"ASN-STUCK"_s));
    x.deliver(test::accessNotification(u"ASN-STUCK-OK"_s, u"9990000026"_s));
    refuseMarking(x, broken, u"'processed', 'quarantined'"_s);
    const ExchangeReport first = require(x.run());
    REQUIRE(first.failures.size() == 1);
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == before + 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1);
    const QString body = require(queryValue(x.db.connection(),
                                            u"SELECT body FROM alert WHERE "
                                            u"alert_type = $1"_s,
                                            {type}))
                             .text();
    CHECK(body.contains(u"stays waiting"_s));
    CHECK(body.contains(u"row damaged"_s));
    // The next run fails on it again, and says so in its report, but does not alert again.
    CHECK(require(x.run()).failures.size() == 1);
    CHECK(alertsFor(x.world, x.world.sysadmin, type) == 1);
}
