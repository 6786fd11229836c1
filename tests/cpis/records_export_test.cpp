// Issue 20 "Out": the records export carries what happened to each notification (request,
// acknowledgement, case note), hides restricted children from those not granted them, and is
// refused to roles that may not export; the CSV is guarded against formulas.
#include "cpis/records_export.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/sample_notification.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
const QString kNote = u"Spoke to mother; attendance was for a sprained wrist. No concerns."_s;

QString addRecordsOfficer(test::TestDatabase &db)
{
    static int n = 0;
    const QString login = u"records%1x%2"_s.arg(QCoreApplication::applicationPid()).arg(++n);
    require(queryValue(db.connection(),
                       u"SELECT add_user($1, 'records-officer', $2, 'Records', NULL)"_s,
                       {login, u"Rita Records"_s}));
    return login;
}

// The world's step, made from a stored notification, handled end to end as the A&E procedure
// says: a request to the key worker, acknowledged, and a finished case note.
void handleEndToEnd(test::TestDatabase &db, test::CaseWorld &world)
{
    const QByteArray message = test::accessNotification(u"export end to end"_s);
    require(execute(db.connection(), uR"(
        WITH m AS (INSERT INTO inbound_message (origin, checksum, body, kind, status, notification_id)
                   VALUES ('import', md5($1), decode($1, 'base64'), 'access_notification', 'processed', 'N1')
                   RETURNING id)
        UPDATE work_step SET inbound_message_id = (SELECT id FROM m) WHERE id = $2)"_s,
                    {QString::fromLatin1(message.toBase64()), world.stepId}));
    require(execute(db.connection(),
                    u"UPDATE person SET authority_person_id = 'MAIN-0042' WHERE id = $1"_s,
                    {world.childId}));

    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    int version = require(steps.start(world.stepId));
    const RequestProposal proposal = require(steps.proposeRequest(world.stepId));
    version = require(steps.addRequest(world.stepId, version, proposal.recipientId, proposal.note,
                                       proposal.source))
                  .rowVersion;
    NextActionInput none;
    none.reason = u"Notification passed to allocated worker"_s;
    version = require(steps.addNextAction(world.stepId, version, none)).rowVersion;
    version = require(steps.save(world.stepId, version));
    REQUIRE(steps.finish(world.stepId, version).ok());

    auto keyWorker = world.connectAs(world.keyWorker);
    const Workview mine =
        require(loadWorkview(*keyWorker, require(WorkerDirectory(*keyWorker).current())));
    REQUIRE(mine.incomingRequests.size() == 1);
    const qint64 requestId = mine.incomingRequests.first().requestId;
    REQUIRE(RequestService(*keyWorker).acknowledge(requestId).ok());
    CaseNoteService notes(*keyWorker);
    CaseNoteService::Input note;
    note.personId = world.childId;
    note.contactDate = QDate::currentDate();
    note.body = kNote;
    note.requestId = requestId;
    const qint64 draft = require(notes.add(note));
    REQUIRE(notes.update(draft, note.contactDate, note.body, true).ok());
}

QDate today()
{
    return QDate::currentDate();
}
} // namespace

TEST_CASE("The records export of a period carries the request, acknowledgement and case note of "
          "a notification handled end to end",
          "[records][export]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    handleEndToEnd(db, world);
    const QString officer = addRecordsOfficer(db);

    for (const QString &login : {officer, world.sysadmin.login}) {
        INFO(login.toStdString());
        auto c = world.connectAs(login);
        const RecordsExport exported =
            require(loadRecordsExport(*c, today().addDays(-1), today().addDays(1)));
        REQUIRE(exported.rows.size() == 1);
        const RecordsExportRow &row = exported.rows.first();
        CHECK(row.authorityPersonId == u"MAIN-0042"_s);
        CHECK(row.personId == world.childId);
        CHECK(row.nhsNumber == u"9990000026"_s);
        CHECK(row.source == u"ae"_s);
        CHECK(row.setting == u"Emergency department"_s);
        CHECK(row.organisation == u"Royal Derby Hospital Emergency Department (ODS RTG)"_s);
        CHECK(row.accessedBy == u"Dr Priya Raman (Emergency Department Doctor)"_s);
        CHECK(row.stepState == u"finished"_s);
        CHECK(row.finishedAt.isValid());
        CHECK(row.requestSentTo == u"Jane Okafor"_s);
        CHECK(row.acknowledgedBy == u"Jane Okafor"_s);
        CHECK(row.acknowledgedAt.isValid());
        CHECK_FALSE(row.caseNoteType.isEmpty());
        CHECK(row.caseNoteDate == today());
        CHECK(row.caseNoteText == kNote);

        const QByteArrayList lines = exported.csvLines();
        REQUIRE(lines.size() == 2);
        CHECK(lines.first() == (RecordsExport::columns().join(u',') + u'\n').toUtf8());
        CHECK(lines.at(1).startsWith("MAIN-0042,3549728,9990000026,"));
        CHECK(lines.at(1).contains(",Jane Okafor,Jane Okafor,"));
        CHECK(lines.at(1).endsWith((u',' + kNote + u'\n').toUtf8()));
    }

    // A period before it: nothing; the export is audited.
    auto c = world.connectAs(officer);
    CHECK(require(loadRecordsExport(*c, today().addDays(-30), today().addDays(-2))).rows.isEmpty());
    CHECK(require(queryValue(db.connection(),
                             u"SELECT count(*) FROM audit WHERE action = 'records.exported'"_s))
              .integer() == 3);
    // A period that ends before it starts is refused, naming the column.
    const auto backwards = loadRecordsExport(*c, today(), today().addDays(-1));
    REQUIRE_FALSE(backwards.ok());
    CHECK(backwards.error().message.contains(u"ends"_s));
}

TEST_CASE("The records export hides restricted children from those not granted them, and is "
          "refused to the roles that may not export",
          "[records][export][security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString officer = addRecordsOfficer(db);
    require(execute(db.connection(), u"UPDATE person SET restricted = true WHERE id = $1"_s,
                    {world.childId}));
    auto c = world.connectAs(officer);
    CHECK(require(loadRecordsExport(*c, today(), today())).rows.isEmpty());
    CHECK(require(loadRecordsExport(*world.connectAs(world.sysadmin), today(), today()))
              .rows.isEmpty());

    require(execute(db.connection(), uR"(
        INSERT INTO person_access (person_id, worker_id)
        SELECT $1, id FROM worker WHERE login = $2)"_s,
                    {world.childId, officer}));
    CHECK(require(loadRecordsExport(*c, today(), today())).rows.size() == 1);

    for (const auto *user : {&world.admin, &world.keyWorker, &world.manager, &world.exchange}) {
        INFO(user->login.toStdString());
        const auto refused = loadRecordsExport(*world.connectAs(*user), today(), today());
        REQUIRE_FALSE(refused.ok());
        CHECK((refused.error().sqlState == u"42501"_s));
    }
}

TEST_CASE("The records export's CSV keeps formulas from running in a spreadsheet",
          "[records][export]")
{
    RecordsExport exported;
    RecordsExportRow row;
    row.authorityPersonId = u"=HYPERLINK(\"http://x\")"_s;
    row.caseNoteText = u"@SUM(1)"_s;
    exported.rows.append(row);
    const QByteArray line = exported.csvLines().at(1);
    CHECK(line.startsWith("\"'=HYPERLINK(\"\"http://x\"\")\","));
    CHECK(line.endsWith(",'@SUM(1)\n"));
}

TEST_CASE("cpisctl records export writes the CSV to a file or to standard output, and says "
          "what is wrong with its dates",
          "[records][export][cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString officer = addRecordsOfficer(db);
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, officer);
    const QString database = info.toKeywordValueString();
    const QString day = today().toString(Qt::ISODate);

    const auto printed = test::runCpisctl(
        {u"records"_s, u"export"_s, u"--database"_s, database, u"--from"_s, day, u"--to"_s, day});
    INFO(printed.err.toStdString());
    CHECK(printed.exitCode == 0);
    CHECK(printed.out.startsWith(u"authority_person_id,person_id,nhs_number,"_s));
    CHECK(printed.out.count(u'\n') == 2);

    QTemporaryDir dir;
    const QString file = dir.filePath(u"out.csv"_s);
    const auto written = test::runCpisctl({u"records"_s, u"export"_s, u"--database"_s, database,
                                           u"--from"_s, day, u"--to"_s, day, u"--csv"_s, file});
    CHECK(written.exitCode == 0);
    QFile csv(file);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(csv.readAll()) == printed.out);

    const auto bad = test::runCpisctl({u"records"_s, u"export"_s, u"--database"_s, database,
                                       u"--from"_s, u"07/12/2026"_s, u"--to"_s, day});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(u"--from must be a date written YYYY-MM-DD"_s));
}
