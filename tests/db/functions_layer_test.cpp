// The SQL functions layer: every function defined once in resources/sql/functions, installed
// after the migrations whenever it changes, and a database made by the old layout (every
// function in the numbered migrations) upgraded with nothing lost and nothing changed.
#include "db/migrator.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <thread>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
// The last migration that may create functions: the ones before the functions layer.
constexpr int kLastMigrationWithFunctions = 21;

// The functions item 4 of issue 16 changed on purpose (every other one is as main had it):
// _due_after now counts the configured office hours and bank holidays (the rule the C++
// OfficeHours::dueAfter applied, which it replaces); incoming_requests returns each request's
// due time from it; process_access_notifications works it out when given none.
// Issue 17 (migration 0024): the DfE legal-status codes and the sending authority's settings
// (set_config), plans recorded in error and the 18th birthday (the upload queue, data quality).
const QSet<QString> kChangedOnPurpose{
    u"_due_after(timestamp with time zone)"_s, u"incoming_requests(integer)"_s,
    u"process_access_notifications(jsonb,timestamp with time zone)"_s, u"set_config(text,text)"_s,
    u"_plan_queues_upload()"_s, u"_person_queues_upload()"_s, u"_data_quality_problems()"_s,
    u"data_quality_summary()"_s,
    // 0025: notifications naming several children, their earliest access given back.
    u"_create_follow_up_steps(new_follow_up_step[])"_s,
    u"access_notifications_before_birth(jsonb)"_s,
    // 0027: quarantining cannot fail; any message not processed can be marked resolved.
    u"quarantine_inbound(bigint,text)"_s, u"resolve_inbound(bigint,text)"_s,
    u"process_inbound_again(bigint)"_s,
    // 0029: only the installer makes the exchange's login; 0031: secrets arrive sealed
    // (set_config), new users' passwords as SCRAM verifiers.
    u"add_user(text,text,text,text,text)"_s,
    // 0030: CP-IS alerts go to the recipients configured for their type (raise_cpis_alert).
    u"_case_note_alert(bigint,text,text)"_s, u"check_mesh_inbox(jsonb)"_s,
    u"raise_alert(text,bigint,integer,integer,name,text)"_s,
    // Issue 19 (0032): the records role calls these too; add_user makes records officers; the
    // data quality lists are open to them.
    u"data_quality_rows()"_s, u"nhs_number_is_valid(text)"_s, u"current_worker_id()"_s,
    u"person_is_visible(bigint)"_s, u"current_key_worker(bigint)"_s,
    u"record_person_opened(bigint)"_s, u"config_value(text)"_s, u"alert_is_for_me(alert)"_s,
    u"current_work(integer)"_s, u"notification_statistics(integer,date)"_s,
    // 0033 (issue 22): Find worker lists caseworkers only, with their role.
    u"find_workers(text)"_s,
    // 0036 (issue 21): a group role is no power without a worker of this database.
    u"_require_role(name,text)"_s,
    // 0037: a system administrator's check is that same rule.
    u"_require_sysadmin(text)"_s,
    // 0039: the rule of a text raises its problem form (the records import uses it on sets).
    u"_check_text(text,text,text,integer,text)"_s,
    // 0044: starting a step one has already started opens it instead of refusing.
    u"start_work(bigint)"_s};
// Functions main did not have.
// Issue 18: the one rule for a stalled exchange, and the exchange's alert that uses it.
const QSet<QString> kAddedOnPurpose{
    u"_plan_kinds()"_s, u"_queue_upload(bigint)"_s, u"cpis_ended_at_18(date)"_s,
    u"exchange_health(timestamp with time zone)"_s, u"alert_if_exchange_stalled()"_s,
    // 0030: who receives each CP-IS alert.
    u"_insert_alert(text,bigint,integer,integer,name,text)"_s, u"_is_exchange_login()"_s,
    u"_worker_may_see(integer,bigint)"_s, u"raise_cpis_alert(text,bigint,text)"_s,
    u"alert_recipients_overview()"_s, u"set_alert_recipients(text,text,text,text,boolean)"_s,
    // Issue 19: children's records (functions/people.sql).
    u"_manages_team_of(bigint)"_s, u"_may_record(bigint)"_s, u"_may_restrict(bigint)"_s,
    u"person_may_record(bigint)"_s, u"person_may_restrict(bigint)"_s,
    u"_person_to_change(bigint,integer,text,boolean)"_s, u"_person_changed(bigint,text,jsonb)"_s,
    u"_check_name_part(text,text,text)"_s, u"_check_gender(text)"_s,
    u"_check_not_future(text,text,date)"_s, u"nhs_number_formatted(text)"_s,
    u"_checked_nhs_number(text,text,bigint)"_s, u"search_people(text)"_s,
    u"possible_duplicates(text,text,date,text)"_s,
    u"_new_person(text,text,text,date,date,bigint,text,boolean)"_s,
    u"new_child(text,text,text,date,text,boolean)"_s,
    u"new_unborn_child(text,text,date,bigint,boolean)"_s,
    u"edit_person_details(bigint,integer,text,text,text,date,date)"_s,
    u"add_other_name(bigint,integer,text,text,text,date)"_s,
    u"end_other_name(bigint,integer,date)"_s, u"_set_nhs_number(person,text,text,text)"_s,
    u"record_nhs_number(bigint,integer,text)"_s, u"correct_nhs_number(bigint,integer,text,text)"_s,
    u"record_replacement_nhs_number(bigint,integer,text)"_s,
    u"mark_nhs_number_verified(bigint,integer)"_s, u"start_plan(bigint,integer,text,date)"_s,
    u"_end_plan(plan,date)"_s, u"end_plan(bigint,integer,date)"_s,
    u"_require_may_record_plan_in_error(bigint)"_s,
    u"record_birth(bigint,integer,date,text,text,text,text,boolean)"_s, u"caseworkers()"_s,
    u"allocate_key_worker(bigint,integer,integer)"_s,
    u"set_person_restricted(bigint,integer,boolean)"_s,
    u"set_person_access(bigint,integer,integer,boolean)"_s, u"person_access_list(bigint)"_s,
    u"upload_again_now(bigint,integer)"_s, u"_require_data_quality_reader()"_s,
    // Issue 22: taking over a colleague's step, and giving
    // an untouched one back to Incoming work.
    u"take_over_step(bigint)"_s, u"release_step(bigint,integer)"_s,
    // Issue 20 "Out" and issue 21 "system alerts only by the system" (0034).
    u"records_export(date,date)"_s, u"_is_system_alert_type(text)"_s, u"_raised_by_system()"_s,
    // Issue 20 (0035): the records feed in, and the helpers it shares with the records screens.
    u"_create_person(text,text,text,date,date,bigint,text,text,jsonb)"_s,
    u"_check_plan_start(text,text,text,date,date)"_s, u"_check_plan_end(text,date,date)"_s,
    u"_allocate_key_worker(person,integer,text)"_s, u"_import_plan_kind(text)"_s,
    u"import_records(text,jsonb,boolean)"_s, u"_check_folder_setting(text,text,text,text)"_s,
    // Issue 20 (0039): the import set by set: each rule's problem form, the set helpers, progress.
    u"_raise_problem(text[])"_s, u"_text_problem(text,text,text,integer,text)"_s,
    u"_name_part_problem(text,text,text)"_s, u"_gender_problem(text)"_s,
    u"_not_future_problem(text,text,date)"_s, u"_nhs_digits(text)"_s,
    u"_nhs_number_problem(text,text,bigint,text,boolean)"_s,
    u"_plan_start_problem(text,text,text,date,date)"_s, u"_plan_end_problem(text,date,date)"_s,
    u"_audit_people(text,bigint[],jsonb[])"_s, u"_people_changed(bigint[],text,jsonb[])"_s,
    u"_create_people(person[],jsonb)"_s, u"_allocate_key_workers(bigint[],integer[],text)"_s,
    u"_import_date_value(text)"_s, u"_import_date_problem(text,text)"_s,
    u"_import_progress(text,integer,integer)"_s,
    // Issue 21 (0037): users for real (functions/users.sql).
    u"_user_group_role(text)"_s, u"_user_roles(name)"_s, u"_user_to_change(text,text)"_s,
    u"_check_verifier(text)"_s, u"_set_login_password(name,text)"_s, u"list_users()"_s,
    u"disable_user(text)"_s, u"enable_user(text)"_s, u"reset_user_password(text,text,boolean)"_s,
    u"set_user_roles(text,text[])"_s, u"change_my_password(text)"_s, u"signed_in()"_s,
    // Issue 21 (0038): only cpisctl setup makes the exchange's login.
    u"_make_user(text,text,text,text,text)"_s, u"_refuse_exchange_role()"_s,
    u"_add_exchange_login(text,text)"_s,
    // Issue 19 (0041): a plan recorded in error from the record's row version (the old
    // record_plan_in_error(bigint,text) dropped), and the name CP-IS last accepted.
    u"record_plan_in_error(bigint,integer,text)"_s, u"_check_person_version(person,integer)"_s,
    u"_names_held_by_cpis(bigint[])"_s, u"person_name_held_by_cpis(bigint)"_s,
    // Issue 18 (0042): quarantined messages raise the alert type of their case; a message that
    // cannot even be quarantined alerts once.
    u"_inbound_reason(text)"_s, u"_inbound_hidden_children(bigint)"_s,
    u"quarantine_inbound_as(bigint,text,text)"_s, u"inbound_left_waiting(bigint,text)"_s,
    // 0043: every worker who may be granted access to a restricted child, not only caseworkers.
    u"grantable_workers(bigint)"_s};
// 0029, who may be the exchange (issue 18): the installer, row-level security on the exchange's
// tables with the monitor masking, restricted children's notifications routed.
const QSet<QString> kAddedFor0029{u"_is_schema_owner()"_s,
                                  u"inbound_message_subjects(bytea)"_s,
                                  u"_subjects_of_numbers(text[])"_s,
                                  u"_masked_children(text,bigint[])"_s,
                                  u"exchange_monitor_messages(integer,boolean)"_s,
                                  u"exchange_monitor_uploads(integer)"_s,
                                  u"_restricted_route(bigint)"_s,
                                  u"_announce_restricted_route(bigint,bigint,integer,text)"_s};
// Tables whose rows a later migration changes on purpose: 0024 turns s31/s38/s20 into C2/C1/V2
// in plan and in cpis.shared_plans, and adds the sending authority's settings (checked by
// tests/db/legal_status_migration_test.cpp). Tables added since main start empty.
// 0032 adds columns to person (who changed a record last, when its NHS number was verified).
// 0034 marks each alert as raised by the system or not; 0037 adds columns to worker (must
// change password, last signed in). Columns added to the exchange's tables (the sample data
// has none of their rows; the previous release's fixture has): 0025 the record's location in
// an upload, 0028 when an upload was last tried, 0029 the children a message names.
const QSet<QString> kDataChangedOnPurpose{u"plan"_s,        u"config"_s,         u"person"_s,
                                          u"alert"_s,       u"worker"_s,         u"upload_record"_s,
                                          u"upload_file"_s, u"inbound_message"_s};

// Rows later migrations add on purpose, by table, left out of "nothing lost or changed" (which
// is about moving the functions): issue 17's settings (0023), the exchange lock's row (0028),
// who receives each CP-IS alert (0030), the exchange's public key (0031).
const QMap<QString, QString> kRowsAddedSince{{u"config"_s, u"t.key IN ('cpis.schema_dir', "
                                                           "'mesh.secrets_public_key', "
                                                           "'records.import_folder')"_s},
                                             {u"exchange_lock"_s, u"true"_s},
                                             {u"alert_recipients"_s, u"true"_s}};

QString withoutComments(const QString &sql)
{
    static const QRegularExpression comment(u"--[^\n]*"_s);
    return QString(sql).remove(comment);
}

// Function name -> how many times it is created, per file.
QMap<QString, QMap<QString, int>> definitionsByName(const FunctionSet &set)
{
    static const QRegularExpression create(
        u"CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(?:public\\.)?([a-z_0-9]+)\\s*\\("_s,
        QRegularExpression::CaseInsensitiveOption);
    QMap<QString, QMap<QString, int>> found;
    for (const auto &file : set.files) {
        auto it = create.globalMatch(withoutComments(file.sql));
        while (it.hasNext())
            ++found[it.next().captured(1).toLower()][file.name];
    }
    return found;
}

QStringList column(Connection &c, const QString &sql, const QVariantList &params = {})
{
    // Whatever the one column is called, it is read as "value".
    auto rows = execute(c, u"SELECT q.value FROM ("_s + sql + u") AS q(value)"_s, params);
    if (!rows)
        FAIL(rows.error().message.toStdString());
    QStringList values;
    for (const Row row : *rows)
        values.append(row.text("value"));
    return values;
}

// Every function of the schema (extensions' own left out), with all that makes its behaviour.
const QString kFunctionCatalogue = uR"(
    SELECT p.oid::regprocedure::text AS signature,
           p.oid::regprocedure::text || E'\n' || pg_get_functiondef(p.oid)
           || E'\nacl ' || coalesce(p.proacl::text, 'default') || E'\nsecurity definer '
           || p.prosecdef || E'\nconfig ' || coalesce(p.proconfig::text, 'none') AS behaviour
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    ORDER BY 1)"_s;

QMap<QString, QString> functionCatalogue(Connection &c)
{
    auto rows = execute(c, kFunctionCatalogue);
    if (!rows)
        FAIL(rows.error().message.toStdString());
    QMap<QString, QString> catalogue;
    for (const Row &row : *rows)
        catalogue.insert(row.text("signature"), row.text("behaviour"));
    return catalogue;
}

// Every table's row count and a checksum of its rows; the migrator's own history left out.
QMap<QString, QString> dataSnapshot(Connection &c)
{
    QMap<QString, QString> snapshot;
    const QStringList tables = column(c, uR"(
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('schema_migrations', 'schema_functions')
        ORDER BY 1)"_s);
    for (const QString &table : tables) {
        // Names come from the catalogue, quoted by the server.
        const QStringList sum = column(
            c,
            uR"(SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))
                   FROM %1 t WHERE NOT (%2))"_s.arg(
                column(c, u"SELECT quote_ident($1)"_s, {table}).value(0),
                kRowsAddedSince.value(table, u"false"_s)));
        snapshot.insert(table, sum.value(0));
    }
    return snapshot;
}

// What today's main (before the functions layer) did: the numbered migrations up to 0021.
QList<Migration> migrationsOfMain()
{
    QList<Migration> list = Migrator::bundled();
    list.removeIf([](const Migration &m) { return m.version > kLastMigrationWithFunctions; });
    return list;
}

// Every table of `before` has the same rows after (or, changed on purpose, as many or more);
// tables added since start empty.
void checkNothingLost(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(after.contains(it.key()));
        if (!kDataChangedOnPurpose.contains(it.key()))
            CHECK(after.value(it.key()).toStdString() == it.value().toStdString());
        else // the same number of rows
            CHECK(after.value(it.key()).section(u' ', 0, 0).toInt() >=
                  it.value().section(u' ', 0, 0).toInt());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        INFO(it.key().toStdString());
        if (!before.contains(it.key()))
            CHECK(it.value().section(u' ', 0, 0) == u"0"_s);
    }
}

void migrateOrFail(Migrator &&migrator)
{
    auto done = migrator.migrate();
    if (!done)
        FAIL(done.error().message.toStdString());
}

// The bundled set with one more file, whose function shows whether the set was installed.
FunctionSet bundledPlus(const QString &sql)
{
    auto files = Migrator::bundledFunctions().files;
    files.append({u"zz_probe.sql"_s, sql});
    return FunctionSet::from(files);
}

const QString kProbe =
    u"CREATE OR REPLACE FUNCTION zz_probe() RETURNS integer LANGUAGE sql AS 'SELECT 1';"_s;

bool probeExists(Connection &c)
{
    return column(c, u"SELECT to_regprocedure('zz_probe()') IS NOT NULL"_s).value(0) == u"t"_s;
}
} // namespace

TEST_CASE("Every SQL function is defined in exactly one file of resources/sql/functions",
          "[migrations][functions]")
{
    const FunctionSet set = Migrator::bundledFunctions();
    REQUIRE_FALSE(set.isEmpty());
    const auto byName = definitionsByName(set);
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        INFO(it.key().toStdString()
             << " is defined in " << it.value().keys().join(u", "_s).toStdString());
        CHECK(it.value().size() == 1);
    }

    test::TestDatabase db;
    // Overloads share a name: one definition per signature, all in that one file.
    QMap<QString, int> signatures;
    for (const QString &name : column(db.connection(), uR"(
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e'))"_s))
        ++signatures[name];
    REQUIRE(signatures.size() > 50);
    CHECK(QSet<QString>(signatures.keyBegin(), signatures.keyEnd()) ==
          QSet<QString>(byName.keyBegin(), byName.keyEnd()));
    for (auto it = signatures.cbegin(); it != signatures.cend(); ++it) {
        INFO(it.key().toStdString());
        const auto files = byName.value(it.key());
        CHECK((files.isEmpty() ? 0 : files.first()) == it.value());
    }
}

TEST_CASE("No numbered migration after 0021 creates a function", "[migrations][functions]")
{
    static const QRegularExpression create(
        u"CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    int later = 0;
    for (const Migration &m : Migrator::bundled()) {
        if (m.version <= kLastMigrationWithFunctions)
            continue;
        INFO(m.version << " " << m.name.toStdString());
        CHECK_FALSE(create.match(withoutComments(m.sql)).hasMatch());
        ++later;
    }
    CHECK(later >= 1); // the migration that starts the layer, so this looks at something
}

// An older program at the same schema version cannot tell its functions from newer ones, so
// a change to the function files must come with a new migration, which older programs see as
// a newer schema. The newest migration names the function set it goes with.
TEST_CASE("A change to the function files comes with a new numbered migration",
          "[migrations][functions]")
{
    const QString line =
        u"-- functions: "_s + QString::fromLatin1(Migrator::bundledFunctions().checksum);
    const Migration newest = Migrator::bundled().last();
    INFO("The files in resources/sql/functions changed since migration "
         << newest.version << " (" << newest.name.toStdString()
         << "). Add a numbered migration (a comment will do) holding this line, so that older "
            "programs leave the new functions alone:\n"
         << line.toStdString());
    CHECK(newest.sql.split(u'\n').contains(line));
}

TEST_CASE("A database made by main, with sample data, upgrades with nothing lost or changed",
          "[migrations][functions]")
{
    test::TestDatabase old(test::TestDatabase::Schema::Empty);
    auto &c = old.connection();
    migrateOrFail(Migrator(c, migrationsOfMain()));
    REQUIRE(loadSampleData(c).ok());
    const auto dataBefore = dataSnapshot(c);
    const auto functionsOfMain = functionCatalogue(c);
    const QStringList historyBefore =
        column(c, u"SELECT version || checksum || applied_at FROM schema_migrations ORDER BY 1"_s);
    REQUIRE(dataBefore.value(u"person"_s).section(u' ', 0, 0).toInt() > 0);

    Migrator upgrade(c);
    auto applied = upgrade.migrate();
    REQUIRE(applied.ok());
    CHECK(upgrade.appliedFunctions());
    CHECK(applied->first() == kLastMigrationWithFunctions + 1);

    // Nothing lost: every table has the same rows, and the history of the old migrations stands.
    checkNothingLost(dataBefore, dataSnapshot(c));
    CHECK(column(c,
                 u"SELECT version || checksum || applied_at FROM schema_migrations "
                 u"WHERE version <= $1 ORDER BY 1"_s,
                 {kLastMigrationWithFunctions}) == historyBefore);

    // Nothing changed: the upgraded functions are those of a database made fresh by the new
    // layout, and those main made, but for the ones changed on purpose.
    test::TestDatabase fresh(test::TestDatabase::Schema::Empty);
    migrateOrFail(Migrator(fresh.connection()));
    const auto upgraded = functionCatalogue(c);
    CHECK(upgraded.keys() == functionCatalogue(fresh.connection()).keys());
    const auto freshFunctions = functionCatalogue(fresh.connection());
    for (auto it = upgraded.cbegin(); it != upgraded.cend(); ++it) {
        INFO(it.value().toStdString());
        CHECK(freshFunctions.value(it.key()).toStdString() == it.value().toStdString());
    }
    QStringList expectedKeys =
        functionsOfMain.keys() + kAddedOnPurpose.values() + kAddedFor0029.values();
    expectedKeys.sort();
    CHECK(upgraded.keys() == expectedKeys);
    for (auto it = functionsOfMain.cbegin(); it != functionsOfMain.cend(); ++it) {
        if (kChangedOnPurpose.contains(it.key()))
            continue;
        INFO(it.value().toStdString());
        CHECK(upgraded.value(it.key()).toStdString() == it.value().toStdString());
    }
    for (const QString &changed : kChangedOnPurpose) {
        INFO(changed.toStdString());
        CHECK(functionsOfMain.contains(changed));
        CHECK(upgraded.value(changed) != functionsOfMain.value(changed));
    }
}

// Issue 21: the previous release's own database (migrations 0001-0021 and its sample data with
// its handled notifications, as they stood in git), kept as rows in tests/fixtures (made by
// make_release_0021.sh), upgraded by this program with nothing lost.
TEST_CASE("A database made by the previous release (0021) upgrades with nothing lost",
          "[migrations][functions][upgrade]")
{
    test::TestDatabase old(test::TestDatabase::Schema::Empty);
    auto &c = old.connection();
    migrateOrFail(Migrator(c, migrationsOfMain()));
    QFile fixture(QStringLiteral(CPIS_TEST_FIXTURES "/release_0021.sql"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    {
        // On a connection of its own: the dump empties the session's search_path.
        auto loader = Connection::open(old.connInfo());
        REQUIRE(loader.ok());
        const Status loaded = (*loader)->execScript(QString::fromUtf8(fixture.readAll()));
        INFO((loaded ? QString() : loaded.error().message).toStdString());
        REQUIRE(loaded.ok());
    }
    // What an authority would count: people, plans, steps, requests, acknowledgements, case
    // notes, alerts, the audit trail (each row's digest) and the upload sequence.
    const QString counts = uR"(
        SELECT concat_ws(' ', (SELECT count(*) FROM person), (SELECT count(*) FROM plan),
                         (SELECT count(*) FROM work_step),
                         (SELECT count(*) FROM work_step WHERE state = 'finished'),
                         (SELECT count(*) FROM request),
                         (SELECT count(*) FROM request WHERE acknowledged_at IS NOT NULL),
                         (SELECT count(*) FROM case_note WHERE state = 'final'),
                         (SELECT count(*) FROM alert), (SELECT count(*) FROM inbound_message),
                         (SELECT count(*) FROM audit),
                         (SELECT md5(string_agg(concat_ws('|', id, at, login, worker_id, action, person_id, details),
                                                E'\n' ORDER BY id)) FROM audit),
                         (SELECT max(sequence_number) FROM upload_file),
                         (SELECT count(*) FROM upload_record)))"_s;
    const QString before = column(c, counts).value(0);
    const QStringList figures = before.split(u' ');
    INFO("before: " << before.toStdString());
    REQUIRE(figures.size() == 13);
    CHECK(figures.at(0).toInt() > 0);
    CHECK(figures.at(5).toInt() > 0); // handled notifications: acknowledged requests
    CHECK(figures.at(6).toInt() > 0); // and their case notes
    CHECK(figures.at(11) == u"41"_s); // the upload sequence
    const auto dataBefore = dataSnapshot(c);

    Migrator upgrade(c);
    auto applied = upgrade.migrate();
    INFO((applied ? QString() : applied.error().message).toStdString());
    REQUIRE(applied.ok());
    CHECK(applied->first() == kLastMigrationWithFunctions + 1);
    CHECK(applied->last() == Migrator::bundled().last().version);
    CHECK(column(c, counts).value(0).toStdString() == before.toStdString());
    checkNothingLost(dataBefore, dataSnapshot(c));
}

TEST_CASE("The functions are installed again when their files change, and not otherwise",
          "[migrations][functions]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    const QString recorded =
        u"SELECT checksum || schema_version || applied_at FROM schema_functions"_s;
    const QStringList before = column(c, recorded);
    REQUIRE(before.size() == 1);

    Migrator same(c);
    REQUIRE(same.migrate().ok());
    CHECK_FALSE(same.appliedFunctions());
    CHECK(column(c, recorded) == before);

    Migrator changed(c, Migrator::bundled(), bundledPlus(kProbe));
    auto applied = changed.migrate();
    REQUIRE(applied.ok());
    CHECK(applied->isEmpty());
    CHECK(changed.appliedFunctions());
    CHECK(probeExists(c));
    CHECK(column(c, u"SELECT checksum FROM schema_functions"_s).value(0) ==
          QString::fromLatin1(bundledPlus(kProbe).checksum));

    Migrator again(c, Migrator::bundled(), bundledPlus(kProbe));
    REQUIRE(again.migrate().ok());
    CHECK_FALSE(again.appliedFunctions());
}

TEST_CASE("An older program leaves a newer program's functions alone", "[migrations][functions]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    const int latest = Migrator::bundled().last().version;
    // A newer program recorded its function set at a later schema version.
    REQUIRE(execute(c, u"UPDATE schema_functions SET schema_version = $1, checksum = 'newer'"_s,
                    {latest + 1})
                .ok());
    Migrator older(c, Migrator::bundled(), bundledPlus(kProbe));
    REQUIRE(older.migrate().ok());
    CHECK_FALSE(older.appliedFunctions());
    CHECK_FALSE(probeExists(c));
    CHECK(column(c, u"SELECT checksum FROM schema_functions"_s).value(0) == u"newer"_s);

    // And a schema newer than it knows is refused before anything, functions included.
    REQUIRE(execute(c,
                    u"INSERT INTO schema_migrations (version, name, checksum) "
                    u"VALUES ($1, 'future', 'x')"_s,
                    {latest + 1})
                .ok());
    REQUIRE(execute(c, u"UPDATE schema_functions SET schema_version = $1"_s, {latest}).ok());
    auto refused = Migrator(c, Migrator::bundled(), bundledPlus(kProbe)).migrate();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"db.schema_newer"_s);
    CHECK_FALSE(probeExists(c));
}

TEST_CASE("Two clients installing changed functions at once install them once, under the lock",
          "[migrations][functions]")
{
    test::TestDatabase db;
    // A slow file widens the window in which the two could collide.
    const FunctionSet slow = bundledPlus(kProbe + u" SELECT pg_sleep(0.5);"_s);
    bool installed[2] = {false, false};
    QString errors[2];
    auto migrateFrom = [&](int i) {
        auto connection = Connection::open(db.connInfo());
        if (!connection) {
            errors[i] = connection.error().message;
            return;
        }
        Migrator migrator(**connection, Migrator::bundled(), slow);
        auto result = migrator.migrate();
        errors[i] = result.ok() ? QString() : result.error().message;
        installed[i] = migrator.appliedFunctions();
    };
    std::thread first(migrateFrom, 0);
    std::thread second(migrateFrom, 1);
    first.join();
    second.join();
    for (const QString &e : errors) {
        INFO(e.toStdString());
        CHECK(e.isEmpty());
    }
    CHECK(int(installed[0]) + int(installed[1]) == 1);
    CHECK(probeExists(db.connection()));
}

TEST_CASE("A failing function file leaves the functions and the last migration as they were",
          "[migrations][functions]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    auto &c = db.connection();
    QList<Migration> migrations{{1, u"one"_s, u"CREATE TABLE a (n int);"_s, "x"},
                                {2, u"two"_s, u"CREATE TABLE b (n int);"_s, "y"}};
    const FunctionSet broken = FunctionSet::from(
        {{u"good.sql"_s, kProbe}, {u"bad.sql"_s, u"SELECT no_such_function();"_s}});
    auto result = Migrator(c, migrations, broken).migrate();
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message.toStdString());
    CHECK(result.error().message.contains(u"The SQL functions of bad.sql failed"_s));
    CHECK(column(c, u"SELECT max(version) FROM schema_migrations"_s).value(0) == u"1"_s);
    CHECK_FALSE(probeExists(c));
    CHECK(column(c, u"SELECT count(*) FROM schema_functions"_s).value(0) == u"0"_s);
}
