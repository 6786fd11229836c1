// The Configuration tools' database side: only system administrators change settings,
// templates, lists and bank holidays (even from plain SQL), a Save is all or nothing with
// one refusal per field, and list items are retired and renamed, never deleted.
#include "config/config_store.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "workflow/list_admin.h"
#include "workflow/step_choices.h"

#include <catch2/catch.hpp>

#include <QDate>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;

namespace {
std::string sqlStateOf(Connection &c, const QString &sql, const QVariantList &params = {})
{
    auto result = execute(c, sql, params);
    return result ? "succeeded" : result.error().sqlState.toStdString();
}

std::string textOf(Connection &c, const QString &sql, const QVariantList &params = {})
{
    return require(queryValue(c, sql, params)).text().toStdString();
}

// Every row the Configuration tools can change, read as the owner.
std::string configurationDigest(Connection &owner)
{
    return textOf(owner, uR"(
        SELECT md5(concat_ws('|',
            (SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM config),
            (SELECT string_agg(source || '=' || label || '=' || body, ',' ORDER BY source) FROM note_template),
            (SELECT string_agg(list || '=' || label || '=' || position || '=' || active, ',' ORDER BY list, label)
             FROM list_item),
            (SELECT string_agg(day || '=' || name, ',' ORDER BY day) FROM bank_holiday)))
    )"_s);
}

// A fresh world and a system administrator's own connection to it.
struct AdminWorld
{
    test::TestDatabase db;
    test::CaseWorld world{db};
    Connection &owner = db.connection();
    std::unique_ptr<Connection> sysadmin = world.connectAs(world.sysadmin);
};

QStringList labelsOf(Connection &c, const QString &list, bool activeOnly)
{
    QStringList labels;
    for (const ListItem &item : require(ListAdmin(c).items())) {
        if (item.list == list && (item.active || !activeOnly))
            labels << item.label;
    }
    return labels;
}
} // namespace

TEST_CASE("Configuration: a key worker or a Safeguarding Admin cannot change configuration, "
          "templates, lists "
          "or bank holidays even through SQL",
          "[workflow][config]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const std::string before = configurationDigest(owner);
    const QStringList calls{
        u"SELECT set_config('office.hours', '08:00-18:00')"_s,
        u"SELECT set_config('cpis.handling_mode', 'case_note_and_alert')"_s,
        u"SELECT * FROM save_configuration('[{\"key\": \"office.days\", \"value\": \"Mon-Sun\"}]')"_s,
        u"SELECT set_note_template('ae', 'A&E', 'No need to reply.')"_s,
        u"SELECT add_list_item('next_action_reason', 'Not our problem')"_s,
        u"SELECT rename_list_item('next_action', 'CS No Further Action', 'Ignore')"_s,
        u"SELECT retire_list_item('cancel_reason', 'Created in error')"_s,
        u"SELECT reorder_list_items('cancel_reason', ARRAY['Created in error', "
        u"'Duplicate notification', 'Child not known to this authority'])"_s,
        u"SELECT set_bank_holiday('2026-12-29', 'Extra day off')"_s,
        u"SELECT remove_bank_holiday('2026-12-25')"_s,
        u"UPDATE config SET value = 'case_note_and_alert' WHERE key = 'cpis.handling_mode'"_s,
        u"DELETE FROM bank_holiday"_s,
        u"INSERT INTO bank_holiday (day, name) VALUES ('2026-12-29', 'Extra day off')"_s,
    };
    for (const auto *user : {&world.keyWorker, &world.admin, &world.manager}) {
        auto c = world.connectAs(*user);
        for (const QString &sql : calls) {
            INFO("as " << user->login.toStdString() << ": " << sql.toStdString());
            CHECK(sqlStateOf(*c, sql) == "42501");
        }
        // Through the client's own services the refusal reads as a sentence.
        const Status refused = ListAdmin(*c).addItem(u"next_action"_s, u"Ignore it"_s);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == u"denied"_s);
        CHECK(refused.error().message ==
              u"Only system administrators can change the configuration."_s);
    }
    CHECK(configurationDigest(owner) == before);
}

TEST_CASE("Configuration: a Save of several settings is refused field by field and stores nothing",
          "[workflow][config]")
{
    AdminWorld w;
    auto &[db, world, owner, sysadmin] = w;
    const std::string before = configurationDigest(owner);
    const int auditBefore = require(queryValue(owner, u"SELECT count(*) FROM audit"_s)).integer();

    ConfigurationEdit edit;
    edit.settings = {{u"office.days"_s, u"Mon-Thu"_s},       // fine on its own
                     {u"office.hours"_s, u"16:30-09:30"_s},  // ends before it starts
                     {u"cpis.shared_plans"_s, u"CPP,s47"_s}, // no such plan
                     {u"exchange.times"_s, u"noon"_s},
                     {u"cpis.handling_mode"_s, u"email"_s}};
    edit.templates = {{u"ae"_s, u"A&E Notifications"_s, u"   "_s}};
    const QList<FieldRefusal> refused = require(ConfigStore(*sysadmin).save(edit));
    QHash<QString, QString> byField;
    for (const FieldRefusal &r : refused)
        byField.insert(r.field, r.message);
    CHECK(byField.size() == 5);
    CHECK_FALSE(byField.contains(u"office.days"_s));
    CHECK(byField.value(u"office.hours"_s).contains(u"16:30-09:30"_s));
    CHECK(byField.value(u"cpis.shared_plans"_s).contains(u"s47"_s));
    CHECK(byField.value(u"exchange.times"_s).contains(u"noon"_s));
    CHECK(byField.value(u"cpis.handling_mode"_s).contains(u"work_step or case_note_and_alert"_s));
    CHECK(byField.value(u"template.ae.body"_s).contains(u"empty"_s));
    // Nothing half-saved, not even the valid office.days, and no audit row for it.
    CHECK(configurationDigest(owner) == before);
    CHECK(require(queryValue(owner, u"SELECT count(*) FROM audit"_s)).integer() == auditBefore);

    // The same Save once corrected stores everything, audited.
    edit.settings = {{u"office.days"_s, u"Mon-Thu"_s}, {u"office.hours"_s, u"09:00-17:00"_s}};
    edit.templates = {{u"ae"_s, u"A&E Notifications"_s, u"Please acknowledge and add a note."_s}};
    CHECK(require(ConfigStore(*sysadmin).save(edit)).isEmpty());
    CHECK(textOf(owner, u"SELECT value FROM config WHERE key = 'office.days'"_s) == "Mon-Thu");
    CHECK(textOf(owner, u"SELECT value FROM config WHERE key = 'office.hours'"_s) == "09:00-17:00");
    CHECK(textOf(owner, u"SELECT body FROM note_template WHERE source = 'ae'"_s) ==
          "Please acknowledge and add a note.");
    CHECK(textOf(owner, uR"(
        SELECT count(*) FROM audit WHERE worker_id = $1 AND action IN ('config.changed', 'config.note_template'))"_s,
                 {world.sysadmin.workerId}) == "3");
}

TEST_CASE("Configuration: list items are added, renamed, reordered and retired, never deleted",
          "[workflow][config]")
{
    AdminWorld w;
    auto &[db, world, owner, sysadmin] = w;
    ListAdmin admin(*sysadmin);
    const QString reasons = u"next_action_reason"_s;

    REQUIRE(admin.addItem(reasons, u"  Known to early help  "_s).ok());
    CHECK(labelsOf(owner, reasons, true).last() == u"Known to early help"_s);
    const Status twice = admin.addItem(reasons, u"Known to early help"_s);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == u"invalid"_s);
    CHECK(twice.error().message.contains(u"already in the list"_s));
    CHECK_FALSE(admin.addItem(u"step_type"_s, u"Another step"_s).ok());
    CHECK_FALSE(admin.addItem(reasons, u" "_s).ok());

    REQUIRE(
        admin.renameItem(reasons, u"Duplicate notification"_s, u"Duplicate CP-IS notification"_s)
            .ok());
    CHECK(labelsOf(owner, reasons, true).contains(u"Duplicate CP-IS notification"_s));
    CHECK_FALSE(labelsOf(owner, reasons, false).contains(u"Duplicate notification"_s));

    QStringList order = labelsOf(owner, reasons, false);
    std::reverse(order.begin(), order.end());
    REQUIRE(admin.reorder(reasons, order).ok());
    CHECK(labelsOf(owner, reasons, false) == order);
    CHECK_FALSE(admin.reorder(reasons, order.mid(1)).ok()); // must name every item

    REQUIRE(admin.retireItem(reasons, u"Known to early help"_s).ok());
    CHECK_FALSE(labelsOf(owner, reasons, true).contains(u"Known to early help"_s));
    CHECK(labelsOf(owner, reasons, false).contains(u"Known to early help"_s)); // kept
    CHECK_FALSE(
        require(loadStepChoices(*sysadmin)).nextActionReasons.contains(u"Known to early help"_s));
    // Adding it again brings it back.
    REQUIRE(admin.addItem(reasons, u"Known to early help"_s).ok());
    CHECK(labelsOf(owner, reasons, true).contains(u"Known to early help"_s));

    // The last item in use stays, and so does the case-note type the procedure writes.
    const Status last = admin.retireItem(u"next_action"_s, u"CS No Further Action"_s);
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().message.contains(u"last item in use"_s));
    const Status procedure =
        admin.renameItem(u"case_note_type"_s, u"CP-IS Follow Up"_s, u"Follow up"_s);
    REQUIRE_FALSE(procedure.ok());
    CHECK(procedure.error().message.contains(u"CP-IS procedure"_s));
    CHECK(admin.retireItem(u"case_note_type"_s, u"Nothing like it"_s).error().code ==
          u"not_found"_s);
}

TEST_CASE("Configuration: bank holidays are added and removed by system administrators, audited",
          "[workflow][config]")
{
    AdminWorld w;
    auto &[db, world, owner, sysadmin] = w;
    ListAdmin admin(*sysadmin);
    REQUIRE(admin.setBankHoliday(QDate(2029, 1, 1), u"New Year's Day"_s).ok());
    REQUIRE(admin.removeBankHoliday(QDate(2026, 12, 28)).ok());
    const auto days = require(admin.bankHolidays());
    CHECK(std::any_of(days.begin(), days.end(),
                      [](const BankHoliday &d) { return d.day == QDate(2029, 1, 1); }));
    CHECK(std::none_of(days.begin(), days.end(),
                       [](const BankHoliday &d) { return d.day == QDate(2026, 12, 28); }));
    CHECK(admin.removeBankHoliday(QDate(2026, 12, 28)).error().code == u"not_found"_s);
    CHECK_FALSE(admin.setBankHoliday(QDate(2029, 5, 7), u"  "_s).ok());
    CHECK(textOf(owner, uR"(
        SELECT details->>'name' FROM audit WHERE action = 'config.bank_holiday_removed' AND worker_id = $1)"_s,
                 {world.sysadmin.workerId}) == "Boxing Day (substitute day)");
    // Due times (the database's _due_after, the one copy of the rule) follow them: received at
    // noon on Friday 29 December 2028, one working day later skips New Year's Day; received at
    // noon on Christmas Eve 2026, Christmas Day is still skipped but Monday 28 is worked.
    const auto dueAfter = [&owner](const QString &received) {
        return textOf(owner, uR"(
            SELECT to_char(_due_after($1::timestamp AT TIME ZONE 'Europe/London')
                           AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI'))"_s,
                      {received});
    };
    CHECK(dueAfter(u"2028-12-29 12:00"_s) == "2029-01-02 12:00");
    CHECK(dueAfter(u"2026-12-24 12:00"_s) == "2026-12-28 12:00");
}
