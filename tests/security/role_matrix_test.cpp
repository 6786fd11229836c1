// The role matrix (role_matrix.h) proven cell by cell: each role connects as a real login and
// tries each operation twice, through the C++ services and through plain SQL. An allowed cell
// must really happen; a denied one must be refused and leave every table (and the MESH inbox)
// as it was. Direct writes to the tables behind each operation are refused to every role.
#include "security/role_matrix.h"

#include "config/alert_recipients.h"
#include "config/config_store.h"
#include "cpis/data_quality.h"
#include "cpis/exchange.h"
#include "cpis/records_export.h"
#include "db/password_verifier.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/security_checks.h"
#include "workflow/alert_service.h"
#include "workflow/list_admin.h"
#include "workflow/person_record.h"
#include "workflow/person_records.h"
#include "workflow/person_search.h"
#include "workflow/records_import.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QFile>
#include <QUuid>

#include <functional>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;
using namespace cpis::test::matrix;

namespace {

// A case world with the exchange set up, a restricted child and a login that is nobody.
struct RoleWorld
{
    ExchangeWorld exchange;
    CaseWorld &world = exchange.world;
    Connection &owner = exchange.db.connection();
    LoneLogin nobody{owner};
    qint64 restrictedChild = addRestrictedChild(owner, world.otherKeyWorker.workerId);
    CaseWorld::User recordsOfficer = addRecordsOfficer(owner);

    RoleWorld()
    {
        // The restricted child's key worker is the one worker granted them.
        require(execute(owner,
                        u"INSERT INTO involvement (person_id, worker_id, role, started_on) "
                        u"VALUES ($1, $2, 'Key Worker', '2024-01-01')"_s,
                        {restrictedChild, world.otherKeyWorker.workerId}));
    }

    // The role's user in the world; none for the login with no role or worker.
    [[nodiscard]] const CaseWorld::User *userOf(Role role) const
    {
        const std::array<const CaseWorld::User *, kRoles> users{
            &world.admin,    &world.keyWorker, &world.manager, &world.sysadmin,
            &world.exchange, nullptr,          &recordsOfficer};
        return users.at(std::size_t(role));
    }
    [[nodiscard]] QString loginOf(Role role) const
    {
        return userOf(role) ? userOf(role)->login : nobody.name();
    }
    // The worker the role's login is (0: none), for checking who did something.
    [[nodiscard]] int workerOf(Role role) const
    {
        return userOf(role) ? userOf(role)->workerId : 0;
    }
};

// What an operation works on, made before the caller tries it.
struct Target
{
    qint64 person = 0;
    qint64 step = 0;
    int version = 0;
    int recipient = 0;
    qint64 request = 0;
    qint64 note = 0;
    qint64 audit = 0;
    QString login; // the user a system administrator acts on (issue 21)
};

// Whether the caller got what they asked for; why not, for the failure message.
struct Attempt
{
    bool done = false;
    std::string why;
};

template<typename T> Attempt attemptOf(const Result<T> &result)
{
    if (result)
        return {true, {}};
    return {false, QString(result.error().code + u": "_s + result.error().message).toStdString()};
}

using Statements = std::vector<std::pair<QString, QVariantList>>;

// Runs each statement in turn as the caller, stopping at the first refusal.
Attempt runSql(Connection &c, const Statements &statements)
{
    for (const auto &[sql, params] : statements) {
        if (auto result = execute(c, sql, params); !result)
            return {
                false,
                QString(result.error().sqlState + u": "_s + result.error().message).toStdString()};
    }
    return {true, {}};
}

// A read is done when any of the queries brought a row back; why says which did, or why not.
Attempt anyCameBack(Connection &c, const QStringList &queries, const QVariantList &params)
{
    Attempt attempt;
    for (const QString &sql : queries) {
        auto count = queryValue(c, sql, params);
        if (!count)
            attempt.why += attemptOf(count).why + "; ";
        else if (count->integer() > 0) {
            attempt.done = true;
            attempt.why += "came back: " + sql.toStdString() + "; ";
        }
    }
    return attempt;
}

struct Probe
{
    // Sets up what the operation works on, beyond the child and their incoming step.
    std::function<void(RoleWorld &, Target &)> prepare;
    std::function<Attempt(Connection &, const Target &)> service;
    std::function<Attempt(Connection &, const Target &)> sql;
    // Whether the operation took effect, as the owner sees it; reads have none (the attempt
    // itself says whether the data came back).
    std::function<bool(Connection &owner, const Target &, int me)> happened;
    // Writes around the functions, to the tables behind the operation: refused to everyone.
    std::function<Statements(const Target &, int me)> tableWrites;
};

bool ownerCounts(Connection &owner, const QString &sql, const QVariantList &params)
{
    return countOf(owner, sql, params) > 0;
}

Probe readPerson(bool restricted)
{
    Probe p;
    p.prepare = [restricted](RoleWorld &w, Target &t) {
        t.person = restricted ? w.restrictedChild : w.world.childId;
    };
    p.service = [](Connection &c, const Target &t) {
        auto summary = loadPersonSummary(c, t.person);
        if (summary && summary->id != t.person)
            return Attempt{false, "another person came back"};
        return attemptOf(summary);
    };
    // The table, and the functions that answer about a person by id.
    p.sql = [](Connection &c, const Target &t) {
        return anyCameBack(c,
                           {u"SELECT count(*) FROM person WHERE id = $1"_s,
                            u"SELECT count(*) FROM involvement WHERE person_id = $1"_s,
                            u"SELECT count(*) WHERE current_key_worker($1) IS NOT NULL"_s,
                            u"SELECT count(*) WHERE person_is_visible($1)"_s},
                           {t.person});
    };
    return p;
}

Probe startStep()
{
    Probe p;
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(StepService(c).start(t.step));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT start_work($1)"_s, {t.step}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM work_step WHERE id = $1 AND state = 'in_progress' AND started_by = $2"_s,
            {t.step, me});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {{u"UPDATE work_step SET state = 'in_progress', started_by = $1, started_at = now() "
                 u"WHERE id = $2"_s,
                 {nullIfZero(me), t.step}}};
    };
    return p;
}

Probe finishStep()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.version = triage(*w.world.connectAs(w.world.admin), t.step, w.world.keyWorker.workerId);
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(StepService(c).finish(t.step, t.version));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT finish_step($1, $2)"_s, {t.step, t.version}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM work_step WHERE id = $1 AND state = 'finished' AND finished_by = $2"_s,
            {t.step, me});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {{u"UPDATE work_step SET state = 'finished', finished_by = $1, finished_at = now() "
                 u"WHERE id = $2"_s,
                 {nullIfZero(me), t.step}}};
    };
    return p;
}

// A colleague (the other Safeguarding Admin) has started the step; the caller takes it over.
// Taken over means the step is theirs, the audit says from whom, and the colleague is alerted.
Probe takeOverStep()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.version = require(StepService(*w.world.connectAs(w.world.otherAdmin)).start(t.step));
        t.recipient = w.world.otherAdmin.workerId; // the colleague it is taken from
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(StepService(c).takeOver(t.step));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT take_over_step($1)"_s, {t.step}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM work_step s WHERE s.id = $1 AND s.started_by = $2 "
            u"AND EXISTS (SELECT 1 FROM audit a WHERE a.action = 'step.taken_over' "
            u"AND a.worker_id = $2 AND (a.details->>'from')::int = $3) "
            u"AND EXISTS (SELECT 1 FROM alert l WHERE l.alert_type = 'Step taken over' "
            u"AND l.person_id = s.subject_id AND l.recipient_worker = $3)"_s,
            {t.step, me, t.recipient});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {{u"UPDATE work_step SET started_by = $1, started_at = now() WHERE id = $2"_s,
                 {nullIfZero(me), t.step}}};
    };
    return p;
}

const QString kRequestNote = u"Please follow up the attendance."_s;

Probe sendRequest()
{
    Probe p;
    // The admin has started the step; the caller drafts a request to the key worker and saves.
    p.prepare = [](RoleWorld &w, Target &t) {
        t.version = require(StepService(*w.world.connectAs(w.world.admin)).start(t.step));
        t.recipient = w.world.keyWorker.workerId;
    };
    p.service = [](Connection &c, const Target &t) {
        StepService steps(c);
        auto drafted = steps.addRequest(t.step, t.version, t.recipient, kRequestNote, u"ae"_s);
        if (!drafted)
            return attemptOf(drafted);
        return attemptOf(steps.save(t.step, drafted->rowVersion));
    };
    p.sql = [](Connection &c, const Target &t) {
        auto drafted = queryValue(c, u"SELECT row_version FROM add_request($1, $2, $3, $4, 'ae')"_s,
                                  {t.step, t.version, t.recipient, kRequestNote});
        if (!drafted)
            return attemptOf(drafted);
        return runSql(c, {{u"SELECT save_step($1, $2)"_s, {t.step, drafted->integer()}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM request WHERE step_id = $1 AND state = 'sent' AND created_by = $2"_s,
            {t.step, me});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {
            {uR"(INSERT INTO request (step_id, request_type, recipient_id, note, state, created_by, sent_at)
                     VALUES ($1, 'CS Notification to Allocated Worker - CPIS Follow Up', $2, $3, 'sent', $4, now()))"_s,
             {t.step, t.recipient, kRequestNote, nullIfZero(me)}}};
    };
    return p;
}

Probe acknowledgeOthersRequest()
{
    Probe p;
    // Sent to the other key worker: nobody in the matrix is its recipient.
    p.prepare = [](RoleWorld &w, Target &t) {
        triage(*w.world.connectAs(w.world.admin), t.step, w.world.otherKeyWorker.workerId);
        t.request =
            valueOf(w.owner, u"SELECT id FROM request WHERE step_id = $1"_s, {t.step}).integer();
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(RequestService(c).acknowledge(t.request));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT acknowledge_request($1)"_s, {t.request}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return ownerCounts(
            owner, u"SELECT count(*) FROM request WHERE id = $1 AND state = 'acknowledged'"_s,
            {t.request});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {{u"UPDATE request SET state = 'acknowledged', acknowledged_by = $1, "
                 u"acknowledged_at = now() WHERE id = $2"_s,
                 {nullIfZero(me), t.request}}};
    };
    return p;
}

Probe addFinalNote()
{
    Probe p;
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(CaseNoteService(c).add(noteAbout(t.person, true)));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT add_case_note($1, 'CP-IS Follow Up', current_date, $2, true)"_s,
                           {t.person, noteAbout(t.person, true).body}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM case_note WHERE person_id = $1 AND author_id = $2 AND state = 'final'"_s,
            {t.person, me});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        return {
            {uR"(INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, finalised_at)
                     VALUES ($1, 'CP-IS Follow Up', $2, current_date, 'Written around the workflow', 'final', now()))"_s,
             {t.person, nullIfZero(me)}}};
    };
    return p;
}

const QString kRewritten = u"Rewritten after the event."_s;

Probe editFinalNote()
{
    Probe p;
    // The key worker's own finished note: not even its author may change it.
    p.prepare = [](RoleWorld &w, Target &t) {
        t.note = require(
            CaseNoteService(*w.world.connectAs(w.world.keyWorker)).add(noteAbout(t.person, true)));
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(CaseNoteService(c).update(t.note, QDate::currentDate(), kRewritten, true));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(
            c, {{u"SELECT update_case_note($1, current_date, $2, true)"_s, {t.note, kRewritten}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return !ownerCounts(owner, u"SELECT count(*) FROM case_note WHERE id = $1 AND body <> $2"_s,
                            {t.note, kRewritten});
    };
    p.tableWrites = [](const Target &t, int) -> Statements {
        return {{u"UPDATE case_note SET body = $1 WHERE id = $2"_s, {kRewritten, t.note}},
                {u"DELETE FROM case_note WHERE id = $1"_s, {t.note}}};
    };
    return p;
}

const QString kOfficeHours = u"08:00-18:00"_s;

Probe changeConfiguration()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        return attemptOf(ConfigStore(c).set(u"office.hours"_s, kOfficeHours));
    };
    p.sql = [](Connection &c, const Target &) {
        return runSql(c, {{u"SELECT set_config('office.hours', $1)"_s, {kOfficeHours}}});
    };
    p.happened = [](Connection &owner, const Target &, int) {
        return ownerCounts(
            owner, u"SELECT count(*) FROM config WHERE key = 'office.hours' AND value = $1"_s,
            {kOfficeHours});
    };
    p.tableWrites = [](const Target &, int) -> Statements {
        return {{u"UPDATE config SET value = $1 WHERE key = 'office.hours'"_s, {kOfficeHours}},
                {u"UPDATE config SET value = 'http://127.0.0.1:1' WHERE key = 'mesh.url'"_s, {}},
                {u"INSERT INTO config (key, value) VALUES ('office.extra', 'x')"_s, {}},
                {u"DELETE FROM config WHERE key = 'mesh.password'"_s, {}}};
    };
    return p;
}

const QString kNewReason = u"Known to early help"_s;

Probe changeLists()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        return attemptOf(ListAdmin(c).addItem(u"next_action_reason"_s, kNewReason));
    };
    p.sql = [](Connection &c, const Target &) {
        return runSql(c, {{u"SELECT add_list_item('next_action_reason', $1)"_s, {kNewReason}}});
    };
    p.happened = [](Connection &owner, const Target &, int) {
        return ownerCounts(owner,
                           u"SELECT count(*) FROM list_item WHERE list = 'next_action_reason' "
                           u"AND label = $1 AND active"_s,
                           {kNewReason});
    };
    p.tableWrites = [](const Target &, int) -> Statements {
        return {{u"INSERT INTO list_item (list, label) VALUES ('next_action_reason', $1)"_s,
                 {kNewReason}},
                {u"UPDATE list_item SET active = false WHERE list = 'request_type'"_s, {}},
                {u"UPDATE note_template SET body = 'No need to reply.'"_s, {}}};
    };
    return p;
}

Probe chooseAlertRecipients()
{
    const QString type = u"CP-IS upload failed"_s;
    const QString role = u"cpis_safeguarding_admin"_s;
    Probe p;
    p.service = [=](Connection &c, const Target &) {
        AlertRecipients chosen;
        chosen.alertType = type;
        chosen.role = role;
        return attemptOf(AlertRecipientStore(c).set(chosen));
    };
    p.sql = [=](Connection &c, const Target &) {
        return runSql(
            c, {{u"SELECT set_alert_recipients($1, $2, NULL, NULL, false)"_s, {type, role}}});
    };
    p.happened = [=](Connection &owner, const Target &, int) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM alert_recipients WHERE alert_type = $1 AND recipient_role = $2"_s,
            {type, role});
    };
    p.tableWrites = [=](const Target &, int) -> Statements {
        return {{u"UPDATE alert_recipients SET recipient_role = $1"_s, {role}},
                {u"INSERT INTO alert_recipients (alert_type) VALUES ('CP-IS made up')"_s, {}},
                {u"DELETE FROM alert_recipients"_s, {}}};
    };
    return p;
}

Probe readAudit()
{
    Probe p;
    // The key worker has opened the child's record: the audit says so to those who may read it.
    p.prepare = [](RoleWorld &w, Target &t) {
        require(execute(*w.world.connectAs(w.world.keyWorker), u"SELECT record_person_opened($1)"_s,
                        {t.person}));
    };
    p.service = [](Connection &c, const Target &t) {
        auto record = loadPersonRecord(c, t.person);
        if (record && record->openedBy.isEmpty())
            return Attempt{false, "the record shows nobody who opened it"};
        return attemptOf(record);
    };
    p.sql = [](Connection &c, const Target &t) {
        return anyCameBack(
            c, {u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = 'person.opened'"_s},
            {t.person});
    };
    return p;
}

Probe tamperWithAudit()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.audit =
            valueOf(w.owner,
                    u"SELECT min(id) FROM audit WHERE action = 'step.created' AND person_id = $1"_s,
                    {t.person})
                .integer();
    };
    // No service changes the audit: the nearest is the services' own gateway to the database.
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(execute(c, u"DELETE FROM audit WHERE id = $1"_s, {t.audit}));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"UPDATE audit SET action = 'person.opened', worker_id = NULL "
                           u"WHERE id = $2"_s,
                           {t.audit}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return !ownerCounts(
            owner, u"SELECT count(*) FROM audit WHERE id = $1 AND action = 'step.created'"_s,
            {t.audit});
    };
    p.tableWrites = [](const Target &t, int) -> Statements {
        return {
            {u"DELETE FROM audit WHERE id = $1"_s, {t.audit}},
            {u"TRUNCATE audit"_s, {}},
            {u"INSERT INTO audit (action, person_id) VALUES ('step.finished', $1)"_s, {t.person}},
            {u"SELECT _audit('step.finished', $1::bigint, '{}'::jsonb)"_s, {t.person}}};
    };
    return p;
}

const QString kNotificationId = u"7A1C2F40-0000-4000-8000-00000000A0E1"_s;
// Unique on the cluster, whose roles every test database shares.
const QString kNewExchangeLogin =
    u"x"_s + QUuid::createUuid().toString(QUuid::Id128).left(12) + u".exchange"_s;

Probe runExchange()
{
    Probe p;
    // A notification about the child waits in the MESH inbox.
    p.prepare = [](RoleWorld &w, Target &) {
        w.exchange.deliver(accessNotification(kNotificationId));
    };
    p.service = [](Connection &c, const Target &) {
        return attemptOf(Exchange(c).runOnce());
    };
    // What the exchange does in SQL: store the raw message, then make its step.
    p.sql = [](Connection &c, const Target &t) {
        const QByteArray body = accessNotification(kNotificationId);
        return runSql(c, {{u"INSERT INTO inbound_message (origin, file_name, checksum, body) "
                           u"VALUES ('import', 'asn.xml', md5($1), $2)"_s,
                           {body, body}},
                          {u"SELECT create_follow_up_step($1, 'CP-IS notification', 'ae', now())"_s,
                           {t.person}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return countOf(owner, u"SELECT count(*) FROM work_step WHERE subject_id = $1"_s,
                       {t.person}) > 1;
    };
    return p;
}

// Only the installer (the schema owner, not in the matrix) makes the exchange's login: through
// it one would read the MESH secrets and every restricted child.
Probe createExchangeLogin()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        return attemptOf(WorkerDirectory(c).addUser(
            {kNewExchangeLogin, u"exchange"_s, u"Second Exchange"_s, {}, {}}));
    };
    p.sql = [](Connection &c, const Target &) {
        return runSql(c, {{u"SELECT add_user($1, 'exchange', 'Second Exchange', NULL, NULL)"_s,
                           {kNewExchangeLogin}}});
    };
    p.happened = [](Connection &owner, const Target &, int) {
        return ownerCounts(owner, u"SELECT count(*) FROM pg_roles WHERE rolname = $1"_s,
                           {kNewExchangeLogin}) ||
               ownerCounts(owner, u"SELECT count(*) FROM worker WHERE login = $1"_s,
                           {kNewExchangeLogin});
    };
    // Around the function: the login made, or the exchange's group granted, by hand.
    p.tableWrites = [](const Target &, int) -> Statements {
        return {{u"CREATE ROLE \""_s + kNewExchangeLogin + u"\" LOGIN IN ROLE cpis_exchange"_s, {}},
                {u"GRANT cpis_exchange TO CURRENT_USER"_s, {}},
                {u"INSERT INTO worker (name, login) VALUES ('Second Exchange', $1)"_s,
                 {kNewExchangeLogin}}};
    };
    return p;
}

// ---------------------------------------------------------------- children's records (issue 19)

int personVersion(Connection &owner, qint64 person)
{
    return int(
        valueOf(owner, u"SELECT row_version FROM person WHERE id = $1"_s, {person}).integer());
}

// The writes around people.sql's functions: refused to everyone.
Statements recordTableWrites(const Target &t, int me)
{
    return {
        {u"UPDATE person SET legal_forenames = 'Tom', updated_by = $1 WHERE id = $2"_s,
         {nullIfZero(me), t.person}},
        {u"INSERT INTO person (legal_forenames, legal_surname, date_of_birth) "
         u"VALUES ('Lily', 'Marsh', '2020-03-14')"_s,
         {}},
        {u"INSERT INTO person_other_name (person_id, kind, surname) VALUES ($1, 'Alias', 'X')"_s,
         {t.person}},
        {u"INSERT INTO involvement (person_id, worker_id, role) VALUES ($1, $2, 'Key Worker')"_s,
         {t.person, t.recipient}},
        {u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s,
         {t.person, t.recipient}},
        {u"UPDATE plan SET end_date = current_date WHERE person_id = $1"_s, {t.person}}};
}

Probe findChild()
{
    Probe p;
    p.service = [](Connection &c, const Target &t) {
        auto found = PersonSearch(c).find(u"turner"_s);
        if (found && (found->size() != 1 || found->first().id != t.person))
            return Attempt{false, "the child did not come back"};
        return attemptOf(found);
    };
    p.sql = [](Connection &c, const Target &t) {
        return anyCameBack(
            c, {u"SELECT count(*) FROM search_people('999 000 0026') WHERE person_id = $1"_s},
            {t.person});
    };
    return p;
}

const QString kNewSurname = u"Marsh"_s;

Probe recordNewChild()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        PersonRecords::NewChild child;
        child.forenames = u"Lily"_s;
        child.surname = kNewSurname;
        child.gender = u"Female"_s;
        child.dateOfBirth = QDate(2020, 3, 14);
        child.nhsNumber = u"999 100 0003"_s;
        return attemptOf(PersonRecords(c).addChild(child));
    };
    p.sql = [](Connection &c, const Target &) {
        return runSql(
            c, {{u"SELECT new_child('Lily', $1, 'Female', '2020-03-14', '9991000003', false)"_s,
                 {kNewSurname}}});
    };
    p.happened = [](Connection &owner, const Target &, int me) {
        return ownerCounts(
            owner, u"SELECT count(*) FROM person WHERE legal_surname = $1 AND updated_by = $2"_s,
            {kNewSurname, me});
    };
    p.tableWrites = recordTableWrites;
    return p;
}

Probe changeDetails(bool otherTeam)
{
    Probe p;
    p.prepare = [otherTeam](RoleWorld &w, Target &t) {
        if (otherTeam) {
            // A child of the South team: none of the matrix's caseworkers works with them.
            const int south = int(valueOf(w.owner,
                                          u"SELECT add_user($1, 'key-worker', 'Sunil Shah', "
                                          u"'Child Protection South', NULL)"_s,
                                          {QString(w.recordsOfficer.login + u"s"_s)})
                                      .integer());
            t.person = valueOf(w.owner, uR"(
                INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth)
                VALUES ('Oscar', 'Reid', 'Male', '2018-02-03') RETURNING id)"_s)
                           .integer();
            require(execute(w.owner,
                            u"INSERT INTO involvement (person_id, worker_id, role) "
                            u"VALUES ($1, $2, 'Key Worker')"_s,
                            {t.person, south}));
        }
        t.version = personVersion(w.owner, t.person);
        t.recipient = w.world.otherKeyWorker.workerId;
    };
    p.service = [](Connection &c, const Target &t) {
        PersonRecords records(c);
        auto person = records.load(t.person);
        if (!person)
            return attemptOf(person);
        person->forenames = u"Tom"_s;
        person->rowVersion = t.version;
        return attemptOf(records.editDetails(*person));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT edit_person_details($1, $2, 'Tom', legal_surname, gender, "
                           u"date_of_birth, expected_delivery) FROM person WHERE id = $1"_s,
                           {t.person, t.version}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM person WHERE id = $1 AND legal_forenames = 'Tom' AND updated_by = $2"_s,
            {t.person, me});
    };
    p.tableWrites = recordTableWrites;
    return p;
}

Probe allocateKeyWorker()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.version = personVersion(w.owner, t.person);
        t.recipient = w.world.otherKeyWorker.workerId;
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(PersonRecords(c).allocateKeyWorker(t.person, t.version, t.recipient));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(
            c, {{u"SELECT allocate_key_worker($1, $2, $3)"_s, {t.person, t.version, t.recipient}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM involvement WHERE person_id = $1 AND worker_id = $2 "
            u"AND role = 'Key Worker' AND ended_on IS NULL"_s,
            {t.person, t.recipient});
    };
    p.tableWrites = recordTableWrites;
    return p;
}

Probe restrictChild()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.version = personVersion(w.owner, t.person);
        t.recipient = w.world.otherKeyWorker.workerId;
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(PersonRecords(c).setRestricted(t.person, t.version, true));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c,
                      {{u"SELECT set_person_restricted($1, $2, true)"_s, {t.person, t.version}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return ownerCounts(owner, u"SELECT count(*) FROM person WHERE id = $1 AND restricted"_s,
                           {t.person});
    };
    p.tableWrites = [](const Target &t, int me) -> Statements {
        Statements writes = recordTableWrites(t, me);
        writes.push_back({u"UPDATE person SET restricted = true WHERE id = $1"_s, {t.person}});
        return writes;
    };
    return p;
}

const QString kInErrorReason = u"Entered against the wrong child"_s;

Probe recordPlanInError()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.request =
            valueOf(w.owner, u"SELECT id FROM plan WHERE person_id = $1"_s, {t.person}).integer();
        t.version = personVersion(w.owner, t.person);
    };
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(PersonRecords(c).recordPlanInError(t.request, t.version, kInErrorReason));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT record_plan_in_error($1, $2, $3)"_s,
                           {t.request, t.version, kInErrorReason}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM plan WHERE id = $1 AND recorded_in_error_at IS NOT NULL"_s,
            {t.request});
    };
    p.tableWrites = [](const Target &t, int) -> Statements {
        return {{u"UPDATE plan SET recorded_in_error_at = now(), recorded_in_error_by = 'x', "
                 u"recorded_in_error_reason = 'x' WHERE id = $1"_s,
                 {t.request}}};
    };
    return p;
}

// Each further records action (issue 19, 0041): one function of people.sql from the record's
// version, on a child set up first (t.person, and t.request for a name or plan of theirs),
// refused around the functions as the rows above are.
Probe recordAction(std::function<void(RoleWorld &, Target &)> setUp,
                   std::function<Result<int>(PersonRecords &, const Target &)> call,
                   std::function<Statements(const Target &)> sql,
                   std::function<bool(Connection &owner, const Target &, int me)> happened)
{
    Probe p;
    p.prepare = [setUp](RoleWorld &w, Target &t) {
        t.recipient = w.world.otherKeyWorker.workerId;
        if (setUp)
            setUp(w, t);
        t.version = personVersion(w.owner, t.person);
    };
    p.service = [call](Connection &c, const Target &t) {
        PersonRecords records(c);
        return attemptOf(call(records, t));
    };
    p.sql = [sql](Connection &c, const Target &t) {
        return runSql(c, sql(t));
    };
    p.happened = std::move(happened);
    p.tableWrites = recordTableWrites;
    return p;
}

// The action's audit line, written by the caller: the proof it happened as them.
std::function<bool(Connection &, const Target &, int)> audited(const QString &action)
{
    return [action](Connection &owner, const Target &t, int me) {
        return ownerCounts(owner,
                           u"SELECT count(*) FROM audit WHERE person_id = $1 AND action = $2 "
                           u"AND worker_id = $3"_s,
                           {t.person, action, me});
    };
}

// A mother, born, with her NHS number.
qint64 addMother(RoleWorld &w)
{
    return valueOf(w.owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES ('Grace', 'Hollis', 'Female', '1998-06-02', '9991000011', 'recorded') RETURNING id)"_s)
        .integer();
}

// An unborn child of the world's key worker (so the team manager manages them), on no plan.
void unbornOfTheKeyWorker(RoleWorld &w, Target &t)
{
    t.person = valueOf(w.owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, expected_delivery, mother_id)
        VALUES ('Unborn', 'Hollis', 'Not known', current_date + 20, $1) RETURNING id)"_s,
                       {addMother(w)})
                   .integer();
    require(execute(w.owner,
                    u"INSERT INTO involvement (person_id, worker_id, role) "
                    u"VALUES ($1, $2, 'Key Worker')"_s,
                    {t.person, w.world.keyWorker.workerId}));
}

void numberUnknown(RoleWorld &w, Target &t, const QString &status)
{
    require(execute(w.owner,
                    u"UPDATE person SET nhs_number = CASE WHEN $1 = 'unknown' THEN NULL "
                    u"ELSE nhs_number END, nhs_number_status = $1 WHERE id = $2"_s,
                    {status, t.person}));
}

const QString kOtherNumber = u"9991000046"_s;

bool numberIs(Connection &owner, const Target &t, const QString &number)
{
    return ownerCounts(owner,
                       u"SELECT count(*) FROM person WHERE id = $1 AND nhs_number = $2 "
                       u"AND nhs_number_status = 'recorded'"_s,
                       {t.person, number});
}

Probe newUnbornChild()
{
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.request = addMother(w);
        t.recipient = w.world.otherKeyWorker.workerId;
    };
    p.service = [](Connection &c, const Target &t) {
        PersonRecords::NewChild child;
        child.forenames = u"Baby"_s;
        child.surname = kNewSurname;
        child.expectedDelivery = QDate::currentDate().addDays(30);
        child.motherId = t.request;
        return attemptOf(PersonRecords(c).addChild(child));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT new_unborn_child('Baby', $1, current_date + 30, $2, false)"_s,
                           {kNewSurname, t.request}}});
    };
    p.happened = [](Connection &owner, const Target &t, int me) {
        return ownerCounts(
            owner,
            u"SELECT count(*) FROM person WHERE legal_surname = $1 AND mother_id = $2 "
            u"AND updated_by = $3"_s,
            {kNewSurname, t.request, me});
    };
    p.tableWrites = recordTableWrites;
    return p;
}

Probe addOtherName()
{
    return recordAction(
        {},
        [](PersonRecords &r, const Target &t) {
            return r.addOtherName(t.person, t.version, u"Known as"_s, u"Tommy"_s, u"Blake"_s, {});
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT add_other_name($1, $2, 'Known as', 'Tommy', 'Blake', NULL)"_s,
                     {t.person, t.version}}};
        },
        audited(u"person.other_name_added"_s));
}

Probe endOtherName()
{
    return recordAction(
        [](RoleWorld &w, Target &t) {
            t.request = valueOf(w.owner, uR"(
                INSERT INTO person_other_name (person_id, kind, forenames, surname)
                VALUES ($1, 'Known as', 'Tommy', 'Blake') RETURNING id)"_s,
                                {t.person})
                            .integer();
        },
        [](PersonRecords &r, const Target &t) {
            return r.endOtherName(t.request, t.version, QDate::currentDate());
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT end_other_name($1, $2, current_date)"_s, {t.request, t.version}}};
        },
        audited(u"person.other_name_ended"_s));
}

Probe recordNhsNumber()
{
    return recordAction([](RoleWorld &w, Target &t) { numberUnknown(w, t, u"unknown"_s); },
                        [](PersonRecords &r, const Target &t) {
                            return r.recordNhsNumber(t.person, t.version, kOtherNumber);
                        },
                        [](const Target &t) -> Statements {
                            return {{u"SELECT record_nhs_number($1, $2, $3)"_s,
                                     {t.person, t.version, kOtherNumber}}};
                        },
                        [](Connection &owner, const Target &t, int me) {
                            return numberIs(owner, t, kOtherNumber) &&
                                   audited(u"person.nhs_number_recorded"_s)(owner, t, me);
                        });
}

Probe correctNhsNumber()
{
    return recordAction(
        {},
        [](PersonRecords &r, const Target &t) {
            return r.correctNhsNumber(t.person, t.version, kOtherNumber, u"Typed wrongly"_s);
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT correct_nhs_number($1, $2, $3, 'Typed wrongly')"_s,
                     {t.person, t.version, kOtherNumber}}};
        },
        [](Connection &owner, const Target &t, int me) {
            return numberIs(owner, t, kOtherNumber) &&
                   audited(u"person.nhs_number_corrected"_s)(owner, t, me);
        });
}

Probe verifyNhsNumber()
{
    return recordAction(
        {},
        [](PersonRecords &r, const Target &t) {
            return r.markNhsNumberVerified(t.person, t.version);
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT mark_nhs_number_verified($1, $2)"_s, {t.person, t.version}}};
        },
        [](Connection &owner, const Target &t, int me) {
            return ownerCounts(owner,
                               u"SELECT count(*) FROM person WHERE id = $1 "
                               u"AND nhs_number_verified_by = $2"_s,
                               {t.person, me});
        });
}

Probe replaceNhsNumber()
{
    return recordAction([](RoleWorld &w, Target &t) { numberUnknown(w, t, u"inactive"_s); },
                        [](PersonRecords &r, const Target &t) {
                            return r.recordReplacementNhsNumber(t.person, t.version, kOtherNumber);
                        },
                        [](const Target &t) -> Statements {
                            return {{u"SELECT record_replacement_nhs_number($1, $2, $3)"_s,
                                     {t.person, t.version, kOtherNumber}}};
                        },
                        [](Connection &owner, const Target &t, int me) {
                            return numberIs(owner, t, kOtherNumber) &&
                                   audited(u"person.nhs_number_replaced"_s)(owner, t, me);
                        });
}

Probe recordBirth()
{
    return recordAction(
        unbornOfTheKeyWorker,
        [](PersonRecords &r, const Target &t) {
            return r.recordBirth(
                t.person, t.version,
                {QDate::currentDate(), u"Ava"_s, u"Hollis"_s, u"Female"_s, kOtherNumber, false});
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT record_birth($1, $2, current_date, 'Ava', 'Hollis', 'Female', $3, "
                     u"false)"_s,
                     {t.person, t.version, kOtherNumber}}};
        },
        audited(u"person.born"_s));
}

Probe startPlan()
{
    return recordAction(
        {},
        [](PersonRecords &r, const Target &t) {
            return r.startPlan(t.person, t.version, u"C2"_s, QDate::currentDate());
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT start_plan($1, $2, 'C2', current_date)"_s, {t.person, t.version}}};
        },
        audited(u"plan.started"_s));
}

Probe endPlan()
{
    return recordAction(
        [](RoleWorld &w, Target &t) {
            t.request = valueOf(w.owner, u"SELECT id FROM plan WHERE person_id = $1"_s, {t.person})
                            .integer();
        },
        [](PersonRecords &r, const Target &t) {
            return r.endPlan(t.request, t.version, QDate::currentDate());
        },
        [](const Target &t) -> Statements {
            return {{u"SELECT end_plan($1, $2, current_date)"_s, {t.request, t.version}}};
        },
        audited(u"plan.ended"_s));
}

Probe setAccess(bool granted)
{
    return recordAction(
        [granted](RoleWorld &w, Target &t) {
            if (!granted)
                require(execute(
                    w.owner, u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2)"_s,
                    {t.person, t.recipient}));
        },
        [granted](PersonRecords &r, const Target &t) {
            return r.setAccess(t.person, t.version, t.recipient, granted);
        },
        [granted](const Target &t) -> Statements {
            return {{u"SELECT set_person_access($1, $2, $3, $4)"_s,
                     {t.person, t.version, t.recipient, granted}}};
        },
        audited(granted ? u"person.access_granted"_s : u"person.access_removed"_s));
}

Probe uploadAgainNow()
{
    return recordAction(
        [](RoleWorld &w, Target &t) {
            require(
                execute(w.owner, u"DELETE FROM upload_pending WHERE person_id = $1"_s, {t.person}));
        },
        [](PersonRecords &r, const Target &t) { return r.uploadAgainNow(t.person, t.version); },
        [](const Target &t) -> Statements {
            return {{u"SELECT upload_again_now($1, $2)"_s, {t.person, t.version}}};
        },
        [](Connection &owner, const Target &t, int me) {
            return ownerCounts(owner, u"SELECT count(*) FROM upload_pending WHERE person_id = $1"_s,
                               {t.person}) &&
                   audited(u"person.upload_queued"_s)(owner, t, me);
        });
}

Probe seeDataQuality()
{
    Probe p;
    // A child on a plan with no NHS number: one row in the lists.
    p.prepare = [](RoleWorld &w, Target &) {
        const qint64 child = valueOf(w.owner, uR"(
            INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth)
            VALUES ('Noor', 'Khan', 'Female', '2019-07-07') RETURNING id)"_s)
                                 .integer();
        require(execute(
            w.owner,
            u"INSERT INTO plan (person_id, kind, start_date) VALUES ($1, 'CPP', '2024-01-01')"_s,
            {child}));
    };
    p.service = [](Connection &c, const Target &) {
        auto report = loadDataQuality(c);
        if (report && report->rows.isEmpty())
            return Attempt{false, "no rows came back"};
        return attemptOf(report);
    };
    p.sql = [](Connection &c, const Target &) {
        return anyCameBack(c, {u"SELECT count(*) FROM data_quality_rows()"_s}, {});
    };
    return p;
}

Probe importRecordsFile()
{
    Probe p;
    static const QByteArray file = "authority_person_id,legal_forenames,legal_surname,"
                                   "date_of_birth,plan_kind,plan_start\n"
                                   "RM1,Lena,Matrix,2016-02-02,CPP,2025-01-06\n";
    p.service = [](Connection &c, const Target &) -> Attempt {
        auto report = importRecords(c, require(readRecordsImport(u"matrix.csv"_s, file)), {});
        if (report && report->count(u"new") != 1)
            return {false, report->problems().join(u"; "_s).toStdString()};
        return attemptOf(report);
    };
    p.sql = [](Connection &c, const Target &) {
        return anyCameBack(
            c,
            {u"SELECT count(*) FROM import_records('matrix.csv', $1::jsonb, false) "
             u"WHERE outcome = 'new'"_s},
            {QString::fromUtf8(require(readRecordsImport(u"matrix.csv"_s, file)).rowsJson)});
    };
    p.happened = [](Connection &owner, const Target &, int) {
        return countOf(owner, u"SELECT count(*) FROM person WHERE authority_person_id = 'RM1'"_s) ==
               1;
    };
    return p;
}

// ---------------------------------------------------------------- users (issue 21)

// The user acted on: a colleague key worker, never the caller.
void targetUser(RoleWorld &w, Target &t)
{
    t.login = w.world.otherKeyWorker.login;
}

bool userFlag(Connection &owner, const Target &t, const QString &condition)
{
    return ownerCounts(owner,
                       u"SELECT count(*) FROM worker w JOIN pg_roles r ON r.rolname = w.login "
                       u"WHERE w.login = $1 AND "_s +
                           condition,
                       {t.login});
}

QString quoted(const QString &login)
{
    return u"\""_s + login + u"\""_s;
}

Probe listUsers()
{
    Probe p;
    p.prepare = targetUser;
    p.service = [](Connection &c, const Target &) {
        auto users = UserAdmin(c).list();
        if (users && users->isEmpty())
            return Attempt{false, "no users came back"};
        return attemptOf(users);
    };
    p.sql = [](Connection &c, const Target &) {
        return anyCameBack(c, {u"SELECT count(*) FROM list_users()"_s}, {});
    };
    return p;
}

Probe setUserEnabled(bool enable)
{
    Probe p;
    p.prepare = [enable](RoleWorld &w, Target &t) {
        targetUser(w, t);
        if (enable) { // disabled first, as disable_user leaves them
            require(execute(w.owner, u"ALTER ROLE "_s + quoted(t.login) + u" NOLOGIN"_s));
            require(execute(w.owner, u"UPDATE worker SET active = false WHERE login = $1"_s,
                            {t.login}));
        }
    };
    p.service = [enable](Connection &c, const Target &t) {
        return attemptOf(enable ? UserAdmin(c).enable(t.login) : UserAdmin(c).disable(t.login));
    };
    p.sql = [enable](Connection &c, const Target &t) {
        return runSql(
            c, {{enable ? u"SELECT enable_user($1)"_s : u"SELECT disable_user($1)"_s, {t.login}}});
    };
    p.happened = [enable](Connection &owner, const Target &t, int) {
        return userFlag(owner, t,
                        enable ? u"r.rolcanlogin AND w.active"_s
                               : u"NOT r.rolcanlogin AND NOT w.active"_s);
    };
    p.tableWrites = [enable](const Target &t, int) -> Statements {
        const QString flag = enable ? u"true"_s : u"false"_s;
        return {{u"ALTER ROLE "_s + quoted(t.login) + (enable ? u" LOGIN"_s : u" NOLOGIN"_s), {}},
                {u"UPDATE worker SET active = "_s + flag + u" WHERE login = $1"_s, {t.login}}};
    };
    return p;
}

const QString kResetPassword = u"Reset-Pw-4711"_s;

Probe resetPassword()
{
    Probe p;
    p.prepare = targetUser;
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(UserAdmin(c).resetPassword(t.login, kResetPassword, true));
    };
    p.sql = [](Connection &c, const Target &t) {
        const QString verifier = require(scramVerifier(c, t.login, kResetPassword));
        return runSql(c, {{u"SELECT reset_user_password($1, $2, true)"_s, {t.login, verifier}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return userFlag(owner, t, u"w.must_change_password"_s);
    };
    p.tableWrites = [](const Target &t, int) -> Statements {
        return {{u"ALTER ROLE "_s + quoted(t.login) + u" PASSWORD 'Reset-Pw-4711'"_s, {}},
                {u"UPDATE worker SET must_change_password = true WHERE login = $1"_s, {t.login}}};
    };
    return p;
}

Probe changeRoles()
{
    Probe p;
    p.prepare = targetUser;
    p.service = [](Connection &c, const Target &t) {
        return attemptOf(UserAdmin(c).setRoles(t.login, {u"key-worker"_s, u"team-manager"_s}));
    };
    p.sql = [](Connection &c, const Target &t) {
        return runSql(
            c, {{u"SELECT set_user_roles($1, ARRAY['key-worker', 'team-manager'])"_s, {t.login}}});
    };
    p.happened = [](Connection &owner, const Target &t, int) {
        return userFlag(owner, t, u"pg_has_role(r.oid, 'cpis_team_manager', 'MEMBER')"_s);
    };
    p.tableWrites = [](const Target &t, int) -> Statements {
        return {{u"GRANT cpis_team_manager TO "_s + quoted(t.login), {}},
                {u"GRANT cpis_sysadmin TO CURRENT_USER"_s, {}},
                {u"INSERT INTO team_manager (team_id, worker_id) SELECT team_id, id FROM worker "
                 u"WHERE login = $1"_s,
                 {t.login}}};
    };
    return p;
}

const QString kOwnPassword = u"Own-Pw-0815x"_s;

// Any worker, for themselves only (the function takes no login). ALTER ROLE CURRENT_USER
// PASSWORD is PostgreSQL's own right of every login, so it is not a write around the function.
Probe changeOwnPassword()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        return attemptOf(UserAdmin(c).changeOwnPassword(kOwnPassword));
    };
    p.sql = [](Connection &c, const Target &) {
        const QString verifier = require(scramVerifier(c, c.currentUser(), kOwnPassword));
        return runSql(c, {{u"SELECT change_my_password($1)"_s, {verifier}}});
    };
    p.happened = [](Connection &owner, const Target &, int me) {
        return ownerCounts(owner,
                           u"SELECT count(*) FROM audit WHERE action = 'user.password_changed' "
                           u"AND worker_id = $1"_s,
                           {nullIfZero(me)});
    };
    p.tableWrites = [](const Target &, int) -> Statements {
        return {
            {u"UPDATE worker SET must_change_password = false WHERE login = CURRENT_USER"_s, {}},
            {u"INSERT INTO audit (action, details) VALUES ('user.password_changed', '{}')"_s, {}}};
    };
    return p;
}

// Issue 20 "Out": the world's notification, received today, comes back.
Probe exportRecords()
{
    Probe p;
    p.service = [](Connection &c, const Target &) {
        auto exported = loadRecordsExport(c, QDate::currentDate(), QDate::currentDate());
        if (exported && exported->rows.isEmpty())
            return Attempt{false, "no rows came back"};
        return attemptOf(exported);
    };
    p.sql = [](Connection &c, const Target &) {
        return anyCameBack(c, {u"SELECT count(*) FROM records_export($1::date, $2::date)"_s},
                           {QDate::currentDate().toString(Qt::ISODate),
                            QDate::currentDate().toString(Qt::ISODate)});
    };
    return p;
}

// Issue 21: the attack was a Safeguarding Admin's fake "CP-IS exchange stalled" alert to the
// exchange's own worker, which silenced the real one.
Probe raiseSystemAlert()
{
    const QString type = u"CP-IS exchange stalled"_s;
    const QString body = u"Nothing to see here"_s;
    Probe p;
    p.prepare = [](RoleWorld &w, Target &t) {
        t.recipient = w.world.exchange.workerId;
    };
    p.service = [=](Connection &c, const Target &t) {
        AlertService::Recipient to;
        to.workerId = t.recipient;
        return attemptOf(AlertService(c).raise(type, 0, to, body));
    };
    p.sql = [=](Connection &c, const Target &t) {
        return runSql(c, {{u"SELECT raise_alert($1, NULL, $2, NULL, NULL, $3)"_s,
                           {type, t.recipient, body}}});
    };
    p.happened = [=](Connection &owner, const Target &, int) {
        return ownerCounts(owner,
                           u"SELECT count(*) FROM alert WHERE alert_type = $1 AND body = $2"_s,
                           {type, body});
    };
    p.tableWrites = [=](const Target &t, int) -> Statements {
        return {{u"INSERT INTO alert (alert_type, recipient_worker, body, raised_by_system) "
                 u"VALUES ($1, $2, $3, true)"_s,
                 {type, t.recipient, body}},
                {u"UPDATE alert SET raised_by_system = true"_s, {}}};
    };
    return p;
}

// How each row of the matrix is tried, by its operation.
const std::map<std::string_view, std::function<Probe()>> &probes()
{
    static const std::map<std::string_view, std::function<Probe()>> all{
        {"read a person",
         [] {
             return readPerson(false);
         }},
        {"read a restricted person (not granted)",
         [] {
             return readPerson(true);
         }},
        {"start a CP-IS step", startStep},
        {"take over a colleague's step", takeOverStep},
        {"finish a CP-IS step", finishStep},
        {"send a request", sendRequest},
        {"acknowledge someone else's request", acknowledgeOthersRequest},
        {"add a final case note", addFinalNote},
        {"edit a final case note", editFinalNote},
        {"change configuration", changeConfiguration},
        {"change lists", changeLists},
        {"choose who receives alerts", chooseAlertRecipients},
        {"read audit", readAudit},
        {"delete or change audit", tamperWithAudit},
        {"run the exchange", runExchange},
        {"create an exchange login", createExchangeLogin},
        {"find a child", findChild},
        {"record a new child", recordNewChild},
        {"change the record of a child one works with",
         [] {
             return changeDetails(false);
         }},
        {"change the record of another team's child",
         [] {
             return changeDetails(true);
         }},
        {"allocate a key worker", allocateKeyWorker},
        {"restrict a child or grant access", restrictChild},
        {"record a plan in error", recordPlanInError},
        {"record a new unborn child", newUnbornChild},
        {"add another name", addOtherName},
        {"end another name", endOtherName},
        {"record an NHS number", recordNhsNumber},
        {"correct an NHS number", correctNhsNumber},
        {"mark an NHS number verified", verifyNhsNumber},
        {"record a replacement NHS number", replaceNhsNumber},
        {"record a birth", recordBirth},
        {"start a plan or legal status", startPlan},
        {"end a plan or legal status", endPlan},
        {"grant a worker access to a child",
         [] {
             return setAccess(true);
         }},
        {"remove a worker's access to a child",
         [] {
             return setAccess(false);
         }},
        {"upload a child again now", uploadAgainNow},
        {"see the data quality lists", seeDataQuality},
        {"export what happened to notifications", exportRecords},
        {"raise a system alert (CP-IS ...)", raiseSystemAlert},
        {"import children's records", importRecordsFile},
        {"list users", listUsers},
        {"disable a user",
         [] {
             return setUserEnabled(false);
         }},
        {"enable a user",
         [] {
             return setUserEnabled(true);
         }},
        {"reset a user's password", resetPassword},
        {"change a user's roles", changeRoles},
        {"change one's own password", changeOwnPassword},
    };
    return all;
}

enum class Way { Service, Sql };

Target prepared(RoleWorld &w, const Probe &probe)
{
    Target target;
    target.person = w.world.childId;
    target.step = w.world.stepId;
    if (probe.prepare)
        probe.prepare(w, target);
    return target;
}

const char *nameOf(Way way)
{
    return way == Way::Service ? "through the services" : "through SQL";
}

// One cell, one way: the role tries the operation on the target the world was prepared with.
void proveCell(RoleWorld &w, const Probe &probe, const Target &target, Role role, Way way,
               bool allowed)
{
    const int me = w.workerOf(role);
    auto c = w.world.connectAs(w.loginOf(role));
    const QStringList inbox = w.exchange.mesh.inboxIds(kMeshMailbox);
    const std::string before = fingerprint(w.owner);

    if (way == Way::Sql && probe.tableWrites) {
        for (const auto &[sql, params] : probe.tableWrites(target, me)) {
            INFO("writing around the functions: " << sql.toStdString());
            CHECK(sqlStateOf(*c, sql, params) == "42501");
        }
        CHECK(fingerprint(w.owner) == before);
    }
    const Attempt attempt = way == Way::Service ? probe.service(*c, target) : probe.sql(*c, target);
    INFO("outcome: " << attempt.why);
    if (allowed) {
        CHECK(attempt.done);
        if (probe.happened)
            CHECK(probe.happened(w.owner, target, me));
    } else {
        CHECK_FALSE(attempt.done);
        if (probe.happened)
            CHECK_FALSE(probe.happened(w.owner, target, me));
        CHECK(fingerprint(w.owner) == before);
        CHECK(w.exchange.mesh.inboxIds(kMeshMailbox) == inbox);
    }
}

// Proves one row of the matrix, every role both ways. A denied attempt changes nothing (which
// each checks), so the denied cells share one world; each allowed cell gets a fresh one.
void proveRow(std::string_view operation)
{
    REQUIRE(probes().count(operation) == 1);
    const Probe probe = probes().at(operation)();
    const auto row = std::find_if(kMatrix.cbegin(), kMatrix.cend(),
                                  [&](const matrix::Row &r) { return r.operation == operation; });
    REQUIRE(row != kMatrix.cend());
    const auto allowed = [&](int r) {
        return row->access[r] == Access::Allow;
    };

    if (std::any_of(row->access.cbegin(), row->access.cend(),
                    [](Access a) { return a == Access::Deny; })) {
        SECTION("denied cells")
        {
            RoleWorld w;
            const Target target = prepared(w, probe);
            for (int r = 0; r < kRoles; ++r) {
                for (const Way way : {Way::Service, Way::Sql}) {
                    if (allowed(r))
                        continue;
                    INFO(kRoleNames[r] << " " << nameOf(way) << ": denied");
                    proveCell(w, probe, target, Role(r), way, false);
                }
            }
        }
    }
    for (int r = 0; r < kRoles; ++r) {
        for (const Way way : {Way::Service, Way::Sql}) {
            if (!allowed(r))
                continue;
            DYNAMIC_SECTION(kRoleNames[r] << " " << nameOf(way) << ": allowed")
            {
                RoleWorld w;
                const Target target = prepared(w, probe);
                proveCell(w, probe, target, Role(r), way, true);
            }
        }
    }
}

} // namespace

TEST_CASE("Role matrix: read a person", "[security]")
{
    proveRow("read a person");
}

TEST_CASE("Role matrix: read a restricted person (not granted)", "[security]")
{
    proveRow("read a restricted person (not granted)");
}

TEST_CASE("Role matrix: start a CP-IS step", "[security]")
{
    proveRow("start a CP-IS step");
}

TEST_CASE("Role matrix: take over a colleague's step", "[security]")
{
    proveRow("take over a colleague's step");
}

TEST_CASE("Role matrix: finish a CP-IS step", "[security]")
{
    proveRow("finish a CP-IS step");
}

TEST_CASE("Role matrix: send a request", "[security]")
{
    proveRow("send a request");
}

TEST_CASE("Role matrix: acknowledge someone else's request", "[security]")
{
    proveRow("acknowledge someone else's request");
}

TEST_CASE("Role matrix: add a final case note", "[security]")
{
    proveRow("add a final case note");
}

TEST_CASE("Role matrix: edit a final case note", "[security]")
{
    proveRow("edit a final case note");
}

TEST_CASE("Role matrix: change configuration", "[security]")
{
    proveRow("change configuration");
}

TEST_CASE("Role matrix: change lists", "[security]")
{
    proveRow("change lists");
}

TEST_CASE("Role matrix: choose who receives alerts", "[security]")
{
    proveRow("choose who receives alerts");
}

TEST_CASE("Role matrix: read audit", "[security]")
{
    proveRow("read audit");
}

TEST_CASE("Role matrix: delete or change audit", "[security]")
{
    proveRow("delete or change audit");
}

TEST_CASE("Role matrix: run the exchange", "[security]")
{
    proveRow("run the exchange");
}

TEST_CASE("Role matrix: create an exchange login", "[security]")
{
    proveRow("create an exchange login");
}

TEST_CASE("Only cpisctl setup makes the exchange's login: adding it or giving its role is "
          "refused to the owner and a system administrator alike, saying to run setup",
          "[security]")
{
    RoleWorld w;
    auto sysadmin = w.world.connectAs(w.world.sysadmin);
    const QString setupSays = u"The exchange's login is made only by cpisctl setup"_s;
    // cpisctl user add and Administration -> Users add through WorkerDirectory::addUser; the
    // owner is how cpisctl user add signs in on the embedded database.
    for (Connection *as : {sysadmin.get(), &w.owner}) {
        const auto refused = WorkerDirectory(*as).addUser(
            {kNewExchangeLogin, u"exchange"_s, u"Second Exchange"_s, {}, {}});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == u"denied"_s);
        CHECK(refused.error().message.startsWith(setupSays));
        CHECK(refused.error().hint.contains(u"cpisctl setup"_s));
    }
    // Giving a user the exchange's role (cpisctl user roles, the Users window's roles).
    const auto given = UserAdmin(*sysadmin).setRoles(w.world.keyWorker.login, {u"exchange"_s});
    REQUIRE_FALSE(given);
    CHECK(given.error().message.startsWith(setupSays));
    // setup's own way is executable by no role.
    const auto direct =
        queryValue(*sysadmin, u"SELECT _add_exchange_login($1, NULL)"_s, {kNewExchangeLogin});
    REQUIRE_FALSE(direct);
    CHECK(direct.error().code == u"denied"_s);
    CHECK(
        valueOf(w.owner, u"SELECT count(*) FROM pg_roles WHERE rolname = $1"_s, {kNewExchangeLogin})
            .integer() == 0);
    CHECK_FALSE(valueOf(w.owner, u"SELECT pg_has_role($1, 'cpis_exchange', 'MEMBER')"_s,
                        {w.world.keyWorker.login})
                    .boolean());

    // The schema owner, as cpisctl setup acts, makes it (tests/deploy runs setup itself).
    require(queryValue(w.owner, u"SELECT _add_exchange_login($1, NULL)"_s, {kNewExchangeLogin}));
    CHECK(valueOf(w.owner, u"SELECT pg_has_role($1, 'cpis_exchange', 'MEMBER')"_s,
                  {kNewExchangeLogin})
              .boolean());
    // Its CONNECT on the database (granted with it) goes with it.
    require(execute(w.owner, u"DROP OWNED BY \""_s + kNewExchangeLogin + u"\""_s));
    require(execute(w.owner, u"DROP ROLE \""_s + kNewExchangeLogin + u"\""_s));
}

TEST_CASE("Role matrix: find a child", "[security]")
{
    proveRow("find a child");
}

TEST_CASE("Role matrix: record a new child", "[security]")
{
    proveRow("record a new child");
}

TEST_CASE("Role matrix: change the record of a child one works with", "[security]")
{
    proveRow("change the record of a child one works with");
}

TEST_CASE("Role matrix: change the record of another team's child", "[security]")
{
    proveRow("change the record of another team's child");
}

TEST_CASE("Role matrix: allocate a key worker", "[security]")
{
    proveRow("allocate a key worker");
}

TEST_CASE("Role matrix: restrict a child or grant access", "[security]")
{
    proveRow("restrict a child or grant access");
}

TEST_CASE("Role matrix: record a plan in error", "[security]")
{
    proveRow("record a plan in error");
}

TEST_CASE("Role matrix: export what happened to notifications", "[security]")
{
    proveRow("export what happened to notifications");
}

TEST_CASE("Role matrix: raise a system alert (CP-IS ...)", "[security]")
{
    proveRow("raise a system alert (CP-IS ...)");
}

TEST_CASE("Role matrix: record a new unborn child", "[security]")
{
    proveRow("record a new unborn child");
}

TEST_CASE("Role matrix: add another name", "[security]")
{
    proveRow("add another name");
}

TEST_CASE("Role matrix: end another name", "[security]")
{
    proveRow("end another name");
}

TEST_CASE("Role matrix: record an NHS number", "[security]")
{
    proveRow("record an NHS number");
}

TEST_CASE("Role matrix: correct an NHS number", "[security]")
{
    proveRow("correct an NHS number");
}

TEST_CASE("Role matrix: mark an NHS number verified", "[security]")
{
    proveRow("mark an NHS number verified");
}

TEST_CASE("Role matrix: record a replacement NHS number", "[security]")
{
    proveRow("record a replacement NHS number");
}

TEST_CASE("Role matrix: record a birth", "[security]")
{
    proveRow("record a birth");
}

TEST_CASE("Role matrix: start a plan or legal status", "[security]")
{
    proveRow("start a plan or legal status");
}

TEST_CASE("Role matrix: end a plan or legal status", "[security]")
{
    proveRow("end a plan or legal status");
}

TEST_CASE("Role matrix: grant a worker access to a child", "[security]")
{
    proveRow("grant a worker access to a child");
}

TEST_CASE("Role matrix: remove a worker's access to a child", "[security]")
{
    proveRow("remove a worker's access to a child");
}

TEST_CASE("Role matrix: upload a child again now", "[security]")
{
    proveRow("upload a child again now");
}

TEST_CASE("Role matrix: see the data quality lists", "[security]")
{
    proveRow("see the data quality lists");
}

TEST_CASE("Role matrix: import children's records", "[security]")
{
    proveRow("import children's records");
}

TEST_CASE("Role matrix: list users", "[security]")
{
    proveRow("list users");
}

TEST_CASE("Role matrix: disable a user", "[security]")
{
    proveRow("disable a user");
}

TEST_CASE("Role matrix: enable a user", "[security]")
{
    proveRow("enable a user");
}

TEST_CASE("Role matrix: reset a user's password", "[security]")
{
    proveRow("reset a user's password");
}

TEST_CASE("Role matrix: change a user's roles", "[security]")
{
    proveRow("change a user's roles");
}

TEST_CASE("Role matrix: change one's own password", "[security]")
{
    proveRow("change one's own password");
}

namespace {
// The first table under "## 1." in docs/security.md, as rows of trimmed cells (header first,
// the |---| line left out).
std::vector<QStringList> documentedMatrix()
{
    QFile file(QStringLiteral(CPIS_SECURITY_DOC));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    std::vector<QStringList> rows;
    bool inSection = false;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.startsWith(u"## "_s)) {
            if (inSection)
                break;
            inSection = line.startsWith(u"## 1."_s);
            continue;
        }
        if (!inSection)
            continue;
        if (!line.startsWith(u'|')) {
            if (!rows.empty())
                break; // the table has ended
            continue;
        }
        QStringList cells = line.trimmed().split(u'|');
        cells = cells.mid(1, cells.size() - 2);
        for (QString &cell : cells)
            cell = cell.trimmed();
        if (!cells.isEmpty() && cells.first().startsWith(u"---"_s))
            continue;
        rows.push_back(cells);
    }
    return rows;
}

QString word(Access access)
{
    return access == Access::Allow ? u"allow"_s : u"deny"_s;
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

TEST_CASE("docs/security.md shows the role matrix the tests prove", "[security]")
{
    const std::vector<QStringList> documented = documentedMatrix();
    REQUIRE(documented.size() == kMatrix.size() + 1);

    QStringList header{u"operation"_s};
    for (const std::string_view role : kRoleNames)
        header << text(role);
    CHECK(documented.front().join(u" | "_s).toStdString() == header.join(u" | "_s).toStdString());

    for (std::size_t i = 0; i < kMatrix.size(); ++i) {
        QStringList expected{text(kMatrix[i].operation)};
        for (const Access access : kMatrix[i].access)
            expected << word(access);
        INFO("row " << i + 1);
        CHECK(documented[i + 1].join(u" | "_s).toStdString() ==
              expected.join(u" | "_s).toStdString());
    }
}

TEST_CASE("Every row of the role matrix has a way to try it", "[security]")
{
    QStringList rows;
    for (const matrix::Row &row : kMatrix)
        rows << text(row.operation);
    QStringList tried;
    for (const auto &[operation, probe] : probes())
        tried << text(operation);
    rows.sort();
    CHECK(tried.join(u", "_s).toStdString() == rows.join(u", "_s).toStdString());
}
