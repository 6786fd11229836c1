// The hot paths have an index for every large table they read: each path runs for real, as
// its user would run it, on the scale data, with scans turned off wherever an index could
// serve instead; the server's own counters (pg_stat_user_tables.seq_scan) then say whether
// any large table was still read whole.
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "support/case_world.h"
#include "support/sample_notification.h"
#include "workflow/person_record.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <QTimeZone>

#include <functional>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
// Large at any scale: ten rows or more per child.
const QStringList kLargeTables{u"person"_s,  u"involvement"_s, u"plan"_s,  u"work_step"_s,
                               u"request"_s, u"case_note"_s,   u"audit"_s, u"inbound_message"_s};

QHash<QString, qint64> seqScans(Connection &owner)
{
    (void)execute(owner, u"SELECT pg_stat_clear_snapshot()"_s);
    auto rows = require(execute(
        owner,
        u"SELECT relname::text, seq_scan FROM pg_stat_user_tables WHERE schemaname = 'public'"_s));
    QHash<QString, qint64> counts;
    for (const Row &row : rows)
        counts.insert(row.text("relname"), row.integer("seq_scan"));
    return counts;
}

// Runs `work` on a fresh connection as `login`, then closes it and waits until the server has
// counted what that session did: a scan of the tiny config table marks the end.
QStringList largeTablesScanned(test::TestDatabase &db, const QString &login,
                               const std::function<void(Connection &)> &work)
{
    Connection &owner = db.connection();
    const QHash<QString, qint64> before = seqScans(owner);
    {
        ConnInfo info = db.connInfo();
        info.set(u"user"_s, login);
        auto c = require(Connection::open(info));
        // At this small scale a scan can be the planner's fair choice; forbidding scans
        // wherever an index could serve leaves only the scans no index can avoid.
        require(execute(*c, u"SET enable_seqscan = off"_s));
        work(*c);
        require(execute(*c, u"SELECT count(*) FROM config"_s));
    }
    QHash<QString, qint64> after;
    QElapsedTimer waited;
    waited.start();
    do {
        QThread::msleep(50);
        after = seqScans(owner);
    } while (after.value(u"config"_s) <= before.value(u"config"_s) && waited.elapsed() < 10000);
    REQUIRE(after.value(u"config"_s) > before.value(u"config"_s));
    QStringList scanned;
    for (const QString &table : kLargeTables) {
        if (after.value(table) > before.value(table))
            scanned << table;
    }
    return scanned;
}

qint64 scalar(Connection &c, const QString &sql)
{
    return require(queryValue(c, sql)).integer();
}
} // namespace

TEST_CASE("On a large caseload the hot paths read large tables by index only", "[workflow]")
{
    test::TestDatabase db;
    Connection &owner = db.connection();
    require(loadScaleData(owner, 2000));
    const qint64 child =
        scalar(owner, u"SELECT min(id) FROM person WHERE legal_surname LIKE 'Scale-%'"_s);
    const QString childNhs =
        require(queryValue(owner, u"SELECT nhs_number FROM person WHERE id = $1"_s, {child}))
            .text();
    const qint64 step = scalar(owner, u"SELECT min(id) FROM work_step WHERE state = 'incoming'"_s);

    {
        INFO("Safeguarding Admin: the workview, then one step worked through to the end");
        const QStringList scanned = largeTablesScanned(db, u"sam.admin"_s, [&](Connection &c) {
            const Worker me = require(WorkerDirectory(c).current());
            CHECK(require(loadWorkview(c, me)).currentWork.size() >= 200);
            StepService steps(c);
            int version = require(steps.start(step));
            require(steps.load(step));
            const RequestProposal proposal = require(steps.proposeRequest(step));
            version = require(steps.addRequest(step, version, proposal.recipientId, proposal.note,
                                               proposal.source))
                          .rowVersion;
            NextActionInput action;
            action.reason = u"Notification passed to allocated worker"_s;
            version = require(steps.addNextAction(step, version, action)).rowVersion;
            version = require(steps.save(step, version));
            REQUIRE(steps.finish(step, version).ok());
        });
        CHECK(scanned.join(u", "_s).toStdString() == "");
    }
    qint64 requestId = 0;
    {
        INFO("A key worker's workview: Incoming requests");
        const QStringList scanned = largeTablesScanned(db, u"jane.okafor"_s, [&](Connection &c) {
            const Workview view = require(loadWorkview(c, require(WorkerDirectory(c).current())));
            REQUIRE_FALSE(view.incomingRequests.isEmpty());
            requestId = view.incomingRequests.first().requestId;
        });
        CHECK(scanned.join(u", "_s).toStdString() == "");
    }
    {
        INFO("A key worker acknowledges a request");
        const QStringList scanned = largeTablesScanned(db, u"jane.okafor"_s, [&](Connection &c) {
            require(RequestService(c).acknowledge(requestId));
        });
        CHECK(scanned.join(u", "_s).toStdString() == "");
    }
    {
        INFO("A key worker opens a person record");
        const QStringList scanned = largeTablesScanned(
            db, u"jane.okafor"_s, [&](Connection &c) { require(loadPersonRecord(c, child)); });
        CHECK(scanned.join(u", "_s).toStdString() == "");
    }
    {
        INFO("The exchange: a batch of notifications stored and processed");
        // The exchange account of the sample data.
        const QString exchange =
            require(queryValue(owner, u"SELECT login FROM worker WHERE pg_has_role(login, "
                                      u"'cpis_exchange', 'MEMBER') LIMIT 1"_s))
                .text();
        REQUIRE_FALSE(exchange.isEmpty());
        const QStringList scanned = largeTablesScanned(db, exchange, [&](Connection &c) {
            InboundProcessor processor(c);
            QList<InboundProcessor::Received> batch;
            for (int i = 0; i < 50; ++i) {
                batch.append({test::accessNotification(u"PLAN-%1"_s.arg(i), childNhs,
                                                       QDateTime::currentDateTimeUtc()),
                              u"mesh"_s,
                              u"PLAN-MESH-%1"_s.arg(i),
                              {},
                              {}});
            }
            require(processor.storeAll(batch));
            const QList<InboundOutcome> outcomes = require(processor.processPending());
            CHECK(outcomes.size() == 50);
        });
        CHECK(scanned.join(u", "_s).toStdString() == "");
    }
}
