// Who may be the exchange (issue 18), against a real database and the loopback MESH server: the
// exchange's tables show a system administrator without access no restricted child, the
// monitor masks them, and a notification for a restricted child no Safeguarding Admin may see
// goes to someone who can, with an alert to the CP-IS administrators that does not name them.
#include "cpis/exchange_monitor.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/security_checks.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
const QString kNhsNumber = u"9990000042"_s;
const QString kRouted = u"CP-IS notification for a restricted child"_s;
// Everything that would name the restricted child made by restrictedChild().
const QStringList kIdentifying{u"Amelia"_s, u"Hart"_s, kNhsNumber, u"01/05/2019"_s,
                               u"2019-05-01"_s};

// As the owner: a restricted child with an NHS number and a shared plan (so they go out with
// the next upload), whose key worker is `keyWorker` (0: none); nobody is granted access.
qint64 restrictedChild(Connection &owner, int keyWorker)
{
    const qint64 id = valueOf(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, restricted,
                            nhs_number, nhs_number_status)
        VALUES ('Amelia', 'Hart', 'Female', '2019-05-01', true, $1, 'recorded') RETURNING id)"_s,
                              {kNhsNumber})
                          .integer();
    require(execute(
        owner, u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2024-01-01')"_s,
        {id}));
    if (keyWorker != 0)
        require(execute(owner,
                        u"INSERT INTO involvement (person_id, worker_id, role, started_on) "
                        u"VALUES ($1, $2, 'Key Worker', '2024-01-01')"_s,
                        {id, keyWorker}));
    return id;
}

void grantAccess(Connection &owner, qint64 child, int worker)
{
    require(execute(owner, u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s,
                    {child, worker}));
}

// The identifying texts found in `text`, for a CHECK that prints them.
QStringList namedIn(const QString &text)
{
    QStringList found;
    for (const QString &s : kIdentifying)
        if (text.contains(s))
            found << s;
    return found;
}

// Every row and every column the caller may read of the exchange's tables (bodies aside), as text.
QString exchangeTables(Connection &c)
{
    QString all;
    for (const QString &sql : {
             u"SELECT string_agg(concat_ws('|', id, origin, mesh_message_id, workflow_id, "
             u"file_name, "
             u"received_at, checksum, kind, status, reason, notification_id, outcome, "
             u"processed_at, "
             u"resolved_note), E'\\n') FROM inbound_message"_s,
             u"SELECT string_agg(concat_ws('|', id, sequence_number, message_id, record_count, "
             u"status, "
             u"mesh_message_id, file_code, detail), E'\\n') FROM upload_file"_s,
             u"SELECT string_agg(t::text, E'\\n') FROM upload_record t"_s,
             u"SELECT string_agg(t::text, E'\\n') FROM upload_pending t"_s,
             u"SELECT string_agg(t::text, E'\\n') FROM upload_plan t"_s,
         }) {
        all += require(queryValue(c, sql)).text() + u'\n';
    }
    return all;
}

qint64 stepOf(ExchangeWorld &x, qint64 child)
{
    return x.count(u"SELECT coalesce(max(id), 0) FROM work_step WHERE subject_id = $1"_s, {child});
}

int inCurrentWork(CaseWorld &world, const CaseWorld::User &user, qint64 child)
{
    return countOf(*world.connectAs(user),
                   u"SELECT count(*) FROM current_work($1) WHERE subject_id = $2"_s,
                   {user.workerId, child});
}

// The routed alert's text, as the owner reads it; it must go to the CP-IS administrators.
QString routedAlert(ExchangeWorld &x)
{
    REQUIRE(x.count(u"SELECT count(*) FROM alert WHERE alert_type = $1"_s, {kRouted}) == 1);
    CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type = $1 AND person_id IS NULL "
                  u"AND recipient_role = 'cpis_sysadmin'"_s,
                  {kRouted}) == 1);
    // A system administrator finds it among their own alerts.
    CHECK(countOf(*x.world.connectAs(x.world.sysadmin),
                  u"SELECT count(*) FROM alert a WHERE alert_type = $1 AND alert_is_for_me(a)"_s,
                  {kRouted}) == 1);
    return valueOf(x.db.connection(), u"SELECT body FROM alert WHERE alert_type = $1"_s, {kRouted})
        .text();
}
} // namespace

TEST_CASE("A system administrator without access reads no restricted child from the exchange's "
          "tables, and the monitor masks them",
          "[exchange][security]")
{
    ExchangeWorld x;
    Connection &owner = x.db.connection();
    const qint64 child = restrictedChild(owner, x.world.otherKeyWorker.workerId);
    grantAccess(owner, child, x.world.otherKeyWorker.workerId);
    auto sysadmin = x.world.connectAs(x.world.sysadmin);

    // Waiting to go out: the owner sees the child queued, the administrator does not.
    REQUIRE(countOf(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                    {child}) == 1);
    CHECK(countOf(*sysadmin, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                  {child}) == 0);

    x.deliver(accessNotification(u"ASN-RESTRICTED"_s, kNhsNumber));
    x.deliver(accessNotification(u"ASN-OPEN"_s)); // Thomas Turner, not restricted
    const ExchangeReport report = require(x.run());
    INFO(report.problems().join(u"; "_s).toStdString());

    // The exchange did its work: the child went out and the notification became a step.
    REQUIRE(countOf(owner, u"SELECT count(*) FROM upload_record WHERE person_id = $1"_s, {child}) ==
            1);
    REQUIRE(countOf(owner,
                    u"SELECT count(*) FROM upload_plan up JOIN plan p ON p.id = up.plan_id "
                    u"WHERE p.person_id = $1"_s,
                    {child}) == 1);
    REQUIRE(stepOf(x, child) != 0);
    // The owner reads the child in the tables (so the checks below can fail)...
    CHECK_FALSE(namedIn(exchangeTables(owner)).isEmpty());

    SECTION("plain SQL shows no row about them, and no body")
    {
        CHECK(namedIn(exchangeTables(*sysadmin)) == QStringList());
        CHECK(countOf(*sysadmin, u"SELECT count(*) FROM upload_record WHERE person_id = $1"_s,
                      {child}) == 0);
        // The open child's message and the file itself stay visible.
        CHECK(countOf(*sysadmin,
                      u"SELECT count(*) FROM inbound_message WHERE status = 'processed'"_s) == 1);
        CHECK(countOf(*sysadmin, u"SELECT count(*) FROM upload_file"_s) == 1);
        // Bodies name every child in them: refused.
        CHECK(sqlStateOf(*sysadmin, u"SELECT body FROM upload_file"_s) == "42501");
        CHECK(sqlStateOf(*sysadmin, u"SELECT body FROM inbound_message"_s) == "42501");
        CHECK(sqlStateOf(*sysadmin, u"SELECT inbound_message_subjects(body) FROM upload_file"_s) ==
              "42501");
    }

    SECTION("the monitor lists every message, the restricted child masked")
    {
        const ExchangeMonitorData data = require(ExchangeMonitor(*sysadmin).load());
        REQUIRE(data.messages.size() == 2);
        QString shown;
        for (const MonitorMessage &m : data.messages)
            shown += m.outcome + u'\n' + m.reason + u'\n';
        CHECK(namedIn(shown) == QStringList());
        CHECK(shown.contains(u"Restricted child"_s));
        CHECK(shown.contains(u"Thomas Turner"_s));
        REQUIRE(data.uploads.size() == 1);
        CHECK(data.uploads.first().children == 2);
    }

    SECTION("a system administrator granted access sees them, in SQL and in the monitor")
    {
        grantAccess(owner, child, x.world.sysadmin.workerId);
        CHECK(countOf(*sysadmin, u"SELECT count(*) FROM upload_record WHERE person_id = $1"_s,
                      {child}) == 1);
        CHECK(countOf(*sysadmin, u"SELECT count(*) FROM inbound_message"_s) == 2);
        const ExchangeMonitorData data = require(ExchangeMonitor(*sysadmin).load());
        QString shown;
        for (const MonitorMessage &m : data.messages)
            shown += m.outcome;
        CHECK(shown.contains(u"Amelia Hart"_s));
    }
}

TEST_CASE("A message the monitor masks, and its quarantine alert, name no restricted child, and "
          "it can still be processed again and marked resolved",
          "[exchange][security]")
{
    ExchangeWorld x;
    Connection &owner = x.db.connection();
    const qint64 child = restrictedChild(owner, x.world.otherKeyWorker.workerId);
    grantAccess(owner, child, x.world.otherKeyWorker.workerId);
    // Accessed before the child was born: quarantined, the reason giving the date of birth.
    x.deliver(accessNotification(u"ASN-EARLY"_s, kNhsNumber,
                                 QDateTime(QDate(2018, 1, 1), QTime(9, 0), QTimeZone::utc())));
    require(x.run());
    REQUIRE(x.count(u"SELECT count(*) FROM inbound_message WHERE status = 'quarantined'"_s) == 1);
    const qint64 id = x.count(u"SELECT id FROM inbound_message WHERE status = 'quarantined'"_s);

    auto sysadmin = x.world.connectAs(x.world.sysadmin);
    CHECK(countOf(*sysadmin, u"SELECT count(*) FROM inbound_message"_s) == 0);
    ExchangeMonitor monitor(*sysadmin);
    const ExchangeMonitorData data = require(monitor.load());
    REQUIRE(data.quarantined.size() == 1);
    CHECK(data.quarantined.first().id == id);
    CHECK(namedIn(data.quarantined.first().reason) == QStringList());
    CHECK(data.quarantined.first().reason.contains(u"(restricted)"_s));

    // The CP-IS administrators' alert names no child, so it masks the restricted one too.
    const QString alert = valueOf(owner, u"SELECT body FROM alert WHERE alert_type = "
                                         u"'CP-IS message quarantined'"_s)
                              .text();
    CHECK(namedIn(alert) == QStringList());
    CHECK(alert.contains(u"(restricted)"_s));

    require(monitor.processAgain(id));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'received'"_s,
                  {id}) == 1);
    require(monitor.resolve(id, u"Checked with the hospital: wrong date."_s));
    CHECK(x.count(u"SELECT count(*) FROM inbound_message WHERE id = $1 AND status = 'resolved'"_s,
                  {id}) == 1);
}

TEST_CASE("A notification for a restricted child no Safeguarding Admin may see goes to the "
          "worker granted access, and the CP-IS administrators are told without the name",
          "[exchange][security]")
{
    ExchangeWorld x;
    Connection &owner = x.db.connection();
    const qint64 child = restrictedChild(owner, x.world.keyWorker.workerId);
    grantAccess(owner, child, x.world.otherKeyWorker.workerId);
    x.deliver(accessNotification(u"ASN-GRANTED"_s, kNhsNumber));
    require(x.run());

    const qint64 step = stepOf(x, child);
    REQUIRE(step != 0);
    CHECK(x.count(u"SELECT assignee_id FROM work_step WHERE id = $1"_s, {step}) ==
          x.world.otherKeyWorker.workerId);
    CHECK(inCurrentWork(x.world, x.world.otherKeyWorker, child) == 1);
    CHECK(inCurrentWork(x.world, x.world.admin, child) == 0);
    const QString alert = routedAlert(x);
    CHECK(alert.contains(u"Tom Price"_s));
    CHECK(namedIn(alert) == QStringList());
}

TEST_CASE("A notification for a restricted child nobody is granted goes to their key worker's "
          "team manager, who is given access",
          "[exchange][security]")
{
    ExchangeWorld x;
    Connection &owner = x.db.connection();
    const qint64 child = restrictedChild(owner, x.world.keyWorker.workerId);
    x.deliver(accessNotification(u"ASN-MANAGER"_s, kNhsNumber));
    require(x.run());

    const qint64 step = stepOf(x, child);
    REQUIRE(step != 0);
    CHECK(x.count(u"SELECT assignee_id FROM work_step WHERE id = $1"_s, {step}) ==
          x.world.manager.workerId);
    CHECK(inCurrentWork(x.world, x.world.manager, child) == 1);
    CHECK(x.count(u"SELECT count(*) FROM audit WHERE action = 'person.access_granted' "
                  u"AND person_id = $1"_s,
                  {child}) == 1);
    const QString alert = routedAlert(x);
    CHECK(alert.contains(u"Maria Lopez"_s));
    CHECK(namedIn(alert) == QStringList());
}

TEST_CASE("A notification for a restricted child nobody can be given stays in the queue with an "
          "alert, and one a Safeguarding Admin may see is not rerouted",
          "[exchange][security]")
{
    ExchangeWorld x;
    Connection &owner = x.db.connection();

    SECTION("no access and no key worker")
    {
        const qint64 child = restrictedChild(owner, 0);
        x.deliver(accessNotification(u"ASN-NOBODY"_s, kNhsNumber));
        require(x.run());
        const qint64 step = stepOf(x, child);
        REQUIRE(step != 0);
        CHECK(x.count(u"SELECT assignee_id FROM work_step WHERE id = $1"_s, {step}) ==
              x.world.cpisWorkerId);
        const QString alert = routedAlert(x);
        CHECK(alert.contains(u"nobody may see the child"_s));
        CHECK(namedIn(alert) == QStringList());
    }
    SECTION("a Safeguarding Admin is granted access")
    {
        const qint64 child = restrictedChild(owner, x.world.keyWorker.workerId);
        grantAccess(owner, child, x.world.admin.workerId);
        x.deliver(accessNotification(u"ASN-ADMIN"_s, kNhsNumber));
        require(x.run());
        const qint64 step = stepOf(x, child);
        REQUIRE(step != 0);
        CHECK(x.count(u"SELECT assignee_id FROM work_step WHERE id = $1"_s, {step}) ==
              x.world.cpisWorkerId);
        CHECK(inCurrentWork(x.world, x.world.admin, child) == 1);
        CHECK(x.count(u"SELECT count(*) FROM alert WHERE alert_type = $1"_s, {kRouted}) == 0);
    }
}
