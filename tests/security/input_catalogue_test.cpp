// The bad-input catalogue for configuration values and user-entered fields (docs/security.md
// section 5): each field gets over-long text, control characters, text that looks like SQL,
// nothing where something is required and values of the wrong form. Each is either refused with
// an error that names the field, the database left exactly as it was, or, where it is legitimate
// text, stored exactly as typed.
#include "config/config_store.h"
#include "cpis/exchange_monitor.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "workflow/case_note_service.h"
#include "workflow/list_admin.h"
#include "workflow/step_service.h"
#include "workflow/team_requests.h"
#include "workflow/worker_directory.h"

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;
using Catch::Matchers::Contains;

namespace {
struct Attempt
{
    QString what;
    QString value;
    bool stored = false;   // legitimate: stored exactly as typed; otherwise refused
    QString mentions = {}; // what the refusal says, when not the field's name
};

struct Field
{
    QString name;
    QString mentions; // the refusal names the field with this word
    std::function<Status(const QString &)> enter;
    std::function<QString()> stored; // what the database holds for the field now
    QList<Attempt> attempts;
    std::function<void()> prepare = [] {
    }; // before each attempt, e.g. a fresh step to cancel
};

const QString kSqlLooking = uR"(Robert'); DROP TABLE person; -- "quoted" \ 50% _x_ $$;)"_s;
const QString kNonEnglish = u"Zoë Wiśniewski – Ærø 😀"_s;

// Free text: which of the usual bad inputs each field must refuse and which it keeps.
enum class Lines { One, Many };
enum class Needed { Required, Optional };
QList<Attempt> textAttempts(int maxLength, Lines lines, Needed needed, bool anyText = true)
{
    QList<Attempt> attempts{
        {u"over-long text"_s, QString(maxLength + 1, u'x'), false},
        {u"a bell character"_s, u"Rang\atwice"_s, false},
        {u"a terminal escape sequence"_s, u"\x1b[2Jcleared"_s, false},
        // PostgreSQL cannot store it at all: the client refuses it before anything is sent.
        {u"a NUL character"_s, u"before"_s + QChar(0) + u"after"_s, false, u"NUL character"_s},
        {u"a DEL character"_s, u"rub\x7fout"_s, false},
        {u"several lines"_s, u"line one\nline two\twith a tab"_s, lines == Lines::Many},
    };
    if (anyText) {
        attempts << Attempt{u"text at the limit"_s, QString(maxLength, u'y'), true}
                 << Attempt{u"text that looks like SQL"_s, kSqlLooking, true}
                 << Attempt{u"accents, symbols and emoji"_s, kNonEnglish, true};
    }
    if (needed == Needed::Required)
        attempts << Attempt{u"nothing"_s, {}, false} << Attempt{u"only spaces"_s, u"   "_s, false};
    return attempts;
}

// Every table of the case database, row by row: equal before and after means nothing changed.
QString everything(Connection &owner)
{
    return require(queryValue(owner, uR"(
        SELECT md5(string_agg(query_to_xml(format('SELECT * FROM %I t ORDER BY t::text', tablename),
                                           true, false, '')::text, '' ORDER BY tablename))
        FROM pg_tables WHERE schemaname = 'public')"_s))
        .text();
}

void checkField(Connection &owner, const Field &field)
{
    for (const Attempt &attempt : field.attempts) {
        INFO(field.name.toStdString() << ": " << attempt.what.toStdString());
        field.prepare();
        const QString before = everything(owner);
        const Status result = field.enter(attempt.value);
        if (attempt.stored) {
            INFO((result ? std::string() : result.error().message.toStdString()));
            CHECK(result.ok());
            CHECK(field.stored().toStdString() == attempt.value.toStdString());
            continue;
        }
        CHECK_FALSE(result.ok());
        if (!result.ok()) {
            const QString &message = result.error().message;
            CHECK_THAT(
                message.toStdString(),
                Contains(
                    (attempt.mentions.isEmpty() ? field.mentions : attempt.mentions).toStdString(),
                    Catch::CaseSensitive::No));
            // A refusal may quote the value, but never a control character in it.
            CHECK(std::none_of(message.cbegin(), message.cend(),
                               [](QChar c) { return c.category() == QChar::Other_Control; }));
        }
        CHECK(everything(owner) == before);
    }
}

template<typename T> Status status(Result<T> result)
{
    if (!result)
        return result.error();
    return success();
}

QString text(Connection &owner, const QString &sql, const QVariantList &params = {})
{
    return require(queryValue(owner, sql, params)).text();
}
} // namespace

TEST_CASE("Every configuration value refuses bad input by name and stores nothing of it",
          "[security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    ConfigStore config(*sysadmin);

    struct Setting
    {
        QString key;
        QString good;
        QStringList wrong; // values of the wrong form
    };
    const QList<Setting> settings{
        {u"cpis.handling_mode"_s, u"case_note_and_alert"_s, {u"sometimes"_s, kSqlLooking}},
        {u"cpis.handling_target"_s,
         u"Child Protection North"_s,
         {u"Nobody of that name"_s, kSqlLooking}},
        {u"cpis.shared_plans"_s,
         u"CPP,C2"_s,
         {u"CPP,XYZ"_s, u"CPP;C2"_s, u"CPP,s31"_s, u"CPP,V3"_s, kSqlLooking}},
        {u"cpis.authority_ods"_s, u"LA001"_s, {u"la 001"_s, u"TOOLONGCODE"_s, kSqlLooking}},
        {u"cpis.authority_name"_s, u"Northshire County Council"_s, {QString(101, u'N')}},
        {u"cpis.phone_office_hours"_s,
         u"01632 960000"_s,
         {u"01632-960000"_s, u"123"_s, u"+44 1632 960000 1234"_s, kSqlLooking}},
        {u"cpis.phone_out_of_hours"_s, u"+44 1632 960999"_s, {u"ring Sam"_s, kSqlLooking}},
        {u"cpis.access_sources"_s,
         u"NQT=out_of_hours_111,RTG=minor_injury_unit"_s,
         {u"RTG"_s, u"RTG=hospital"_s, u"R=other"_s, kSqlLooking}},
        {u"cpis.schema_dir"_s,
         u"/etc/cpis/dms-schemas"_s,
         {u"dms-schemas"_s, u"./schemas"_s, kSqlLooking}},
        {u"mesh.url"_s,
         u"https://mesh.example.nhs.uk/"_s,
         {u"ftp://mesh.example.nhs.uk"_s, u"http://mesh.example.nhs.uk"_s,
          u"https://mesh example"_s, kSqlLooking}},
        {u"mesh.mailbox"_s, u"LA001OT"_s, {}},
        {u"mesh.password"_s, u"pa55-word!"_s, {}},
        {u"mesh.shared_secret"_s, u"s3cret"_s, {}},
        {u"mesh.cpis_mailbox"_s, u"CPIS01HC"_s, {}},
        {u"mesh.workflow_upload"_s, u"CPIS_UPLOAD"_s, {}},
        {u"mesh.client_cert"_s, u"/etc/cpis/mesh/client.pem"_s, {}},
        {u"mesh.client_key"_s, u"/etc/cpis/mesh/client.key"_s, {}},
        {u"mesh.ca_cert"_s, u"/etc/cpis/mesh/ca.pem"_s, {}},
        {u"exchange.times"_s, u"07:00,13:00"_s, {u"8am"_s, u"25:00"_s, u""_s, kSqlLooking}},
        {u"office.hours"_s, u"08:00-17:00"_s, {u"16:30-09:30"_s, u"9 to 5"_s, kSqlLooking}},
        {u"office.days"_s, u"Mon-Sat"_s, {u"Someday"_s, u"42"_s, kSqlLooking}},
        {u"office.handling_time"_s,
         u"4 working hours"_s,
         {u"soon"_s, u"0 working days"_s, u"-1 working day"_s, kSqlLooking}},
    };
    for (const Setting &setting : settings) {
        Field field{
            setting.key,
            setting.key,
            [&](const QString &v) { return config.set(setting.key, v); },
            [&] {
                // A secret is stored sealed: compared as the exchange opens it.
                if (setting.key == u"mesh.password"_s || setting.key == u"mesh.shared_secret"_s)
                    return test::openedSecret(owner, setting.key);
                return text(owner, u"SELECT value FROM config WHERE key = $1"_s, {setting.key});
            },
            {}};
        field.attempts = textAttempts(2000, Lines::One, Needed::Optional, false);
        field.attempts.removeIf([&](const Attempt &a) {
            // Settings with a form of their own are refused long before their length counts.
            return a.what == u"over-long text"_s && !setting.wrong.isEmpty();
        });
        field.attempts << Attempt{u"a good value"_s, setting.good, true};
        for (const QString &wrong : setting.wrong)
            field.attempts << Attempt{u"the wrong form: "_s + wrong, wrong, false};
        if (setting.wrong.isEmpty())
            field.attempts << Attempt{u"text that looks like SQL"_s, kSqlLooking, true};
        checkField(owner, field);
    }

    {
        INFO("An unknown setting is named and nothing is stored");
        const QString before = everything(owner);
        const Status unknown = config.set(u"cpis.no_such_setting"_s, u"1"_s);
        REQUIRE_FALSE(unknown.ok());
        CHECK_THAT(unknown.error().message.toStdString(), Contains("cpis.no_such_setting"));
        CHECK(everything(owner) == before);
    }
    {
        INFO("A Save with several bad values names each and stores none of the good ones");
        const QString before = everything(owner);
        ConfigurationEdit edit;
        edit.settings = {{u"office.hours"_s, u"08:00-17:00"_s},
                         {u"exchange.times"_s, u"25:00"_s},
                         {u"mesh.mailbox"_s, u"LA\a001"_s}};
        edit.templates = {{u"ae"_s, u"A&E\x1b[0m"_s, u"Please follow up."_s}};
        const auto refused = require(config.save(edit));
        QStringList fields;
        for (const FieldRefusal &r : refused)
            fields << r.field;
        CHECK(fields.join(u' ').toStdString() == "exchange.times mesh.mailbox template.ae.label");
        CHECK(everything(owner) == before);
    }
    {
        INFO("save_configuration takes only a JSON array of changes");
        const QString before = everything(owner);
        for (const QString &changes : {u"{\"key\": \"office.hours\"}"_s, u"42"_s, u"null"_s}) {
            INFO(changes.toStdString());
            auto called =
                execute(*sysadmin, u"SELECT * FROM save_configuration($1::jsonb)"_s, {changes});
            REQUIRE_FALSE(called.ok());
            CHECK_THAT(called.error().message.toStdString(), Contains("JSON array"));
        }
        CHECK(everything(owner) == before);
    }
    {
        INFO("cpisctl config set names the setting and stores nothing");
        const QString before = everything(owner);
        const auto set = runCpisctl(
            withDatabase(db, {u"config"_s, u"set"_s, u"office.days"_s, u"Mon\x1b[31m-Fri"_s},
                         world.sysadmin.login));
        CHECK(set.exitCode != 0);
        CHECK_THAT(set.err.toStdString(), Contains("office.days"));
        CHECK(everything(owner) == before);
    }
}

TEST_CASE("Every field of a CPIS Follow Up step refuses bad input by name and keeps good text "
          "as typed",
          "[security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    require(steps.start(world.stepId));
    auto version = [&] {
        return require(queryValue(owner, u"SELECT row_version FROM work_step WHERE id = $1"_s,
                                  {world.stepId}))
            .integer();
    };

    Field note{u"request note"_s, u"note"_s,
               [&](const QString &v) {
                   return status(steps.addRequest(world.stepId, version(), world.keyWorker.workerId,
                                                  v, u"ae"_s));
               },
               [&] { return text(owner, u"SELECT note FROM request ORDER BY id DESC LIMIT 1"_s); },
               textAttempts(4000, Lines::Many, Needed::Required)};
    checkField(owner, note);

    NextActionInput action;
    action.reason = u"Notification passed to allocated worker"_s;
    auto lastAction = [&](const QString &column) {
        // Only names from this test reach the statement.
        return text(owner, u"SELECT %1 FROM next_action ORDER BY id DESC LIMIT 1"_s.arg(column));
    };
    Field actionNote{u"next action note"_s, u"note"_s,
                     [&](const QString &v) {
                         NextActionInput input = action;
                         input.note = v;
                         return status(steps.addNextAction(world.stepId, version(), input));
                     },
                     [&] { return lastAction(u"note"_s); },
                     textAttempts(4000, Lines::Many, Needed::Optional)};
    checkField(owner, actionNote);

    auto actionWith = [&](QString NextActionInput::*member) {
        return [&, member](const QString &v) {
            NextActionInput input = action;
            input.*member = v;
            return status(steps.addNextAction(world.stepId, version(), input));
        };
    };
    Field reason{u"next action reason"_s,
                 u"reason"_s,
                 actionWith(&NextActionInput::reason),
                 [&] { return lastAction(u"reason"_s); },
                 {{u"nothing"_s, {}, false},
                  {u"a reason not in the list"_s, u"Because I said so"_s, false},
                  {u"text that looks like SQL"_s, kSqlLooking, false},
                  {u"a reason from the list"_s, action.reason, true}}};
    checkField(owner, reason);
    Field priority{u"next action priority"_s,
                   u"priority"_s,
                   actionWith(&NextActionInput::priority),
                   [&] { return lastAction(u"priority"_s); },
                   {{u"nothing"_s, {}, false},
                    {u"not a priority"_s, u"Critical"_s, false},
                    {u"the wrong case"_s, u"urgent"_s, false},
                    {u"text that looks like SQL"_s, kSqlLooking, false},
                    {u"a priority"_s, u"Urgent"_s, true}}};
    checkField(owner, priority);
    Field kind{u"next action"_s,
               u"action"_s,
               actionWith(&NextActionInput::action),
               [&] { return lastAction(u"action"_s); },
               {{u"nothing"_s, {}, false},
                {u"not a next action"_s, u"Close the case"_s, false},
                {u"text that looks like SQL"_s, kSqlLooking, false}}};
    checkField(owner, kind);

    qint64 toCancel = 0;
    Field cancel{u"cancel reason"_s,
                 u"reason"_s,
                 [&](const QString &v) { return steps.cancel(toCancel, v); },
                 [&] {
                     return text(owner, u"SELECT cancel_reason FROM work_step WHERE id = $1"_s,
                                 {toCancel});
                 },
                 textAttempts(1000, Lines::One, Needed::Required),
                 [&] {
                     toCancel = world.addStep();
                 }};
    checkField(owner, cancel);
}

TEST_CASE("Case notes, passing a request on and resolving a message refuse bad input by name",
          "[security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto keyWorker = world.connectAs(world.keyWorker);
    CaseNoteService notes(*keyWorker);
    auto lastNote = [&](const QString &column) {
        return text(owner, u"SELECT %1 FROM case_note ORDER BY id DESC LIMIT 1"_s.arg(column));
    };
    auto noteWith = [&](const std::function<void(CaseNoteService::Input &, const QString &)> &set) {
        return [&, set](const QString &v) {
            CaseNoteService::Input input;
            input.personId = world.childId;
            input.contactDate = QDate::currentDate();
            input.body = u"Visited the family."_s;
            set(input, v);
            return status(notes.add(input));
        };
    };
    Field body{u"case note"_s, u"case note"_s,
               noteWith([](auto &input, const QString &v) { input.body = v; }),
               [&] { return lastNote(u"body"_s); },
               textAttempts(20000, Lines::Many, Needed::Required)};
    checkField(owner, body);
    Field type{u"case note type"_s,
               u"type"_s,
               noteWith([](auto &input, const QString &v) { input.type = v; }),
               [&] { return lastNote(u"note_type"_s); },
               {{u"nothing"_s, {}, false},
                {u"a type not in the list"_s, u"Gossip"_s, false},
                {u"text that looks like SQL"_s, kSqlLooking, false},
                {u"a type from the list"_s, u"CP-IS Follow Up"_s, true}}};
    checkField(owner, type);
    Field date{u"case note contact date"_s,
               u"contact date"_s,
               noteWith([](auto &input, const QString &v) {
                   input.contactDate = QDate::fromString(v, Qt::ISODate);
               }),
               [&] { return lastNote(u"contact_date::text"_s); },
               {{u"no date"_s, {}, false},
                {u"not a date"_s, u"31/02/2026"_s, false},
                {u"tomorrow"_s, QDate::currentDate().addDays(1).toString(Qt::ISODate), false},
                {u"today"_s, QDate::currentDate().toString(Qt::ISODate), true}}};
    checkField(owner, date);

    // A request sent to the key worker, for the manager to pass on within the team.
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    int version = require(steps.start(world.stepId));
    version = require(steps.addRequest(world.stepId, version, world.keyWorker.workerId,
                                       u"Please follow up."_s, u"ae"_s))
                  .rowVersion;
    require(steps.save(world.stepId, version));
    const qint64 requestId =
        require(queryValue(owner, u"SELECT id FROM request WHERE step_id = $1"_s, {world.stepId}))
            .integer();
    auto manager = world.connectAs(world.manager);
    TeamRequests team(*manager);
    Field pass{u"reason for passing a request on"_s, u"why"_s,
               [&](const QString &v) {
                   const int now =
                       require(queryValue(owner,
                                          u"SELECT recipient_id FROM request WHERE id = $1"_s,
                                          {requestId}))
                           .integer();
                   const int to = now == world.keyWorker.workerId ? world.otherKeyWorker.workerId
                                                                  : world.keyWorker.workerId;
                   return team.passOn(requestId, to, v);
               },
               [&] {
                   return text(owner, u"SELECT details->>'reason' FROM audit WHERE action = "
                                      u"'request.passed' ORDER BY id DESC LIMIT 1"_s);
               },
               textAttempts(1000, Lines::One, Needed::Required)};
    checkField(owner, pass);

    // A quarantined message, for the administrator to mark resolved.
    auto exchangeLogin = world.connectAs(world.exchange);
    InboundProcessor inbound(*exchangeLogin);
    auto sysadmin = world.connectAs(world.sysadmin);
    ExchangeMonitor monitor(*sysadmin);
    qint64 quarantined = 0;
    Field resolve{
        u"how a quarantined message was resolved"_s,
        u"resolved"_s,
        [&](const QString &v) { return monitor.resolve(quarantined, v); },
        [&] {
            return text(owner, u"SELECT resolved_note FROM inbound_message WHERE id = $1"_s,
                        {quarantined});
        },
        textAttempts(1000, Lines::Many, Needed::Required),
        [&] {
            quarantined = require(inbound.store(
                {u"not a CP-IS message %1"_s.arg(QDateTime::currentMSecsSinceEpoch()).toUtf8(),
                 u"import"_s,
                 {},
                 {},
                 u"junk.xml"_s}));
            require(inbound.process(quarantined));
        }};
    checkField(owner, resolve);
}

TEST_CASE("Lists, note templates, bank holidays, new users and worker search refuse bad input "
          "by name",
          "[security]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    ListAdmin lists(*sysadmin);

    {
        // Before any name with these characters is added below.
        INFO("Worker search treats what is typed as text, never as a pattern or SQL");
        auto admin = world.connectAs(world.admin);
        WorkerDirectory search(*admin);
        const QString before = everything(owner);
        for (const QString &typed :
             {kSqlLooking, u"%"_s, u"_"_s, u"\\"_s, QString(5000, u'x'), u"Ja\ane"_s, QString()}) {
            INFO(typed.left(40).toStdString());
            const auto found = search.find(typed);
            REQUIRE(found.ok());
            // Nobody's name contains these; a pattern would have matched everyone.
            if (!typed.isEmpty())
                CHECK(found->isEmpty());
        }
        CHECK(require(search.find(u"okaf"_s)).size() == 1);
        CHECK(everything(owner) == before);
    }

    auto lastItem = [&] {
        return text(owner, u"SELECT label FROM list_item WHERE list = 'cancel_reason' ORDER BY "
                           u"position DESC LIMIT 1"_s);
    };
    Field item{u"list item"_s, u"name"_s,
               [&](const QString &v) { return lists.addItem(u"cancel_reason"_s, v); }, lastItem,
               textAttempts(200, Lines::One, Needed::Required)};
    checkField(owner, item);
    Field renamed{
        u"list item renamed"_s, u"name"_s,
        [&](const QString &v) { return lists.renameItem(u"cancel_reason"_s, lastItem(), v); },
        lastItem, textAttempts(200, Lines::One, Needed::Required)};
    for (Attempt &a : renamed.attempts) {
        if (a.stored) // a name the list does not hold yet
            a.value.replace(0, 1, u"z"_s);
    }
    checkField(owner, renamed);
    Field list{u"list"_s,
               u"list"_s,
               [&](const QString &v) { return lists.addItem(v, u"Duplicate"_s); },
               [] { return QString(); },
               {{u"nothing"_s, {}, false},
                {u"a list that is not there"_s, u"favourite_colours"_s, false},
                {u"the procedure's own list"_s, u"step_type"_s, false},
                {u"text that looks like SQL"_s, kSqlLooking, false}}};
    checkField(owner, list);

    auto templateWith = [&](QString NoteTemplate::*member) {
        return [&, member](const QString &v) {
            NoteTemplate t{u"ae"_s, u"A&E Notifications"_s, u"Please follow up."_s};
            t.*member = v;
            return lists.setTemplate(t);
        };
    };
    auto templateColumn = [&](const QString &column) {
        return [&, column] {
            return text(owner, u"SELECT %1 FROM note_template WHERE source = 'ae'"_s.arg(column));
        };
    };
    Field label{u"note template name"_s, u"name"_s, templateWith(&NoteTemplate::label),
                templateColumn(u"label"_s), textAttempts(200, Lines::One, Needed::Required)};
    checkField(owner, label);
    Field templateBody{u"note template text"_s, u"note"_s, templateWith(&NoteTemplate::body),
                       templateColumn(u"body"_s),
                       textAttempts(4000, Lines::Many, Needed::Required)};
    checkField(owner, templateBody);
    Field source{u"note template source"_s,
                 u"template"_s,
                 templateWith(&NoteTemplate::source),
                 [] { return QString(); },
                 {{u"nothing"_s, {}, false},
                  {u"not a source"_s, u"gp"_s, false},
                  {u"text that looks like SQL"_s, kSqlLooking, false}}};
    checkField(owner, source);

    const QDate day(2029, 12, 25);
    Field holiday{
        u"bank holiday name"_s, u"name"_s,
        [&](const QString &v) { return lists.setBankHoliday(day, v); },
        [&] { return text(owner, u"SELECT name FROM bank_holiday WHERE day = $1"_s, {day}); },
        textAttempts(200, Lines::One, Needed::Required)};
    checkField(owner, holiday);
    Field holidayDay{u"bank holiday date"_s,
                     u"date"_s,
                     [&](const QString &v) {
                         return lists.setBankHoliday(QDate::fromString(v, Qt::ISODate),
                                                     u"Extra day"_s);
                     },
                     [] { return QString(); },
                     {{u"no date"_s, {}, false}, {u"not a date"_s, u"2029-02-30"_s, false}}};
    checkField(owner, holidayDay);

    WorkerDirectory directory(*sysadmin);
    int users = 0;
    auto userWith = [&](QString WorkerDirectory::NewUser::*member) {
        return [&, member](const QString &v) {
            WorkerDirectory::NewUser user{u"catalogue.user%1"_s.arg(++users),
                                          u"key-worker"_s,
                                          u"Casey Jones"_s,
                                          u"Child Protection North"_s,
                                          {}};
            user.*member = v;
            return status(directory.addUser(user));
        };
    };
    auto lastWorker = [&](const QString &column) {
        return [&, column] {
            return text(owner, uR"(SELECT %1 FROM worker w LEFT JOIN team t ON t.id = w.team_id
                                   ORDER BY w.id DESC LIMIT 1)"_s.arg(column));
        };
    };
    Field login{u"new user's login"_s,
                u"login"_s,
                userWith(&WorkerDirectory::NewUser::login),
                lastWorker(u"w.login"_s),
                {{u"nothing"_s, {}, false},
                 {u"capitals and spaces"_s, u"Jane Okafor"_s, false},
                 {u"text that looks like SQL"_s, u"x\"; DROP ROLE postgres; --"_s, false},
                 {u"a reserved name"_s, u"pg_admin"_s, false},
                 {u"over-long"_s, u"j"_s + QString(63, u'x'), false},
                 {u"a control character"_s, u"jane\a"_s, false}}};
    checkField(owner, login);
    Field userName{u"new user's full name"_s, u"name"_s, userWith(&WorkerDirectory::NewUser::name),
                   lastWorker(u"w.name"_s), textAttempts(200, Lines::One, Needed::Required)};
    checkField(owner, userName);
    Field userTeam{u"new user's team"_s, u"team"_s, userWith(&WorkerDirectory::NewUser::team),
                   lastWorker(u"t.name"_s), textAttempts(200, Lines::One, Needed::Optional)};
    checkField(owner, userTeam);
    Field role{u"new user's role"_s,
               u"role"_s,
               userWith(&WorkerDirectory::NewUser::role),
               [] { return QString(); },
               {{u"nothing"_s, {}, false},
                {u"not a role"_s, u"superuser"_s, false},
                {u"a PostgreSQL role"_s, u"cpis_sysadmin"_s, false}}};
    checkField(owner, role);
}
