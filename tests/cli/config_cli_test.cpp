// cpisctl's list, template and bank-holiday commands as a system administrator runs them, and
// the refusal anyone else gets.
#include "support/case_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::runCpisctl;
using test::withDatabase;

TEST_CASE("cpisctl config list-item and bank-holiday change the lists for system administrators "
          "only",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString admin = world.sysadmin.login;
    const auto add = runCpisctl(withDatabase(
        db, {u"config"_s, u"list-item"_s, u"add"_s, u"cancel_reason"_s, u"Opened by mistake"_s},
        admin));
    INFO(add.err.toStdString());
    CHECK(add.exitCode == 0);
    CHECK(add.out == u"Added \"Opened by mistake\" to cancel_reason.\n"_s);
    CHECK(runCpisctl(withDatabase(db,
                                  {u"config"_s, u"list-item"_s, u"rename"_s, u"cancel_reason"_s,
                                   u"Opened by mistake"_s, u"Opened in error"_s},
                                  admin))
              .exitCode == 0);
    CHECK(runCpisctl(withDatabase(db,
                                  {u"config"_s, u"list-item"_s, u"retire"_s, u"cancel_reason"_s,
                                   u"Created in error"_s},
                                  admin))
              .exitCode == 0);
    const auto lists =
        runCpisctl(withDatabase(db, {u"config"_s, u"lists"_s}, world.keyWorker.login));
    CHECK(lists.exitCode == 0);
    CHECK(lists.out.contains(u"Opened in error\n"_s));
    CHECK(lists.out.contains(u"Created in error  (retired)\n"_s));
    CHECK(lists.out.contains(u"template ae"_s));

    const auto twice = runCpisctl(withDatabase(
        db, {u"config"_s, u"list-item"_s, u"add"_s, u"cancel_reason"_s, u"Opened in error"_s},
        admin));
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(u"already in the list"_s));
    const auto denied = runCpisctl(
        withDatabase(db, {u"config"_s, u"list-item"_s, u"add"_s, u"cancel_reason"_s, u"Not ours"_s},
                     world.keyWorker.login));
    CHECK(denied.exitCode == 1);
    CHECK(denied.err.contains(u"Only system administrators"_s));

    CHECK(runCpisctl(withDatabase(db,
                                  {u"config"_s, u"bank-holiday"_s, u"add"_s, u"2029-01-01"_s,
                                   u"New Year's Day"_s},
                                  admin))
              .exitCode == 0);
    const auto removed = runCpisctl(
        withDatabase(db, {u"config"_s, u"bank-holiday"_s, u"remove"_s, u"2029-01-01"_s}, admin));
    CHECK(removed.exitCode == 0);
    CHECK(removed.out == u"Bank holiday 2029-01-01 removed.\n"_s);
    const auto notOne = runCpisctl(
        withDatabase(db, {u"config"_s, u"bank-holiday"_s, u"remove"_s, u"2029-01-01"_s}, admin));
    CHECK(notOne.exitCode == 1);
    CHECK(notOne.err.contains(u"01/01/2029 is not a bank holiday"_s));
    const auto badDay = runCpisctl(
        withDatabase(db, {u"config"_s, u"bank-holiday"_s, u"remove"_s, u"1 January"_s}, admin));
    CHECK(badDay.exitCode == 1);
    CHECK(badDay.err.contains(u"is not a date such as 2029-01-01"_s));
}

TEST_CASE("cpisctl config alerts and alert-recipients choose who receives a CP-IS alert, "
          "checking every value",
          "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString admin = world.sysadmin.login;
    const auto listed = runCpisctl(withDatabase(db, {u"config"_s, u"alerts"_s}, admin));
    INFO(listed.err.toStdString());
    CHECK(listed.exitCode == 0);
    const auto line = [](const QString &type, const QString &recipients) -> QString {
        return type.leftJustified(32) + recipients;
    };
    CHECK(listed.out.contains(
        line(u"CP-IS upload rejected"_s, u"role cpis_sysadmin, the child's key worker\n"_s)));
    CHECK(listed.out.contains(line(u"CP-IS exchange stalled"_s, u"role cpis_sysadmin\n"_s)));

    const auto set = runCpisctl(
        withDatabase(db,
                     {u"config"_s, u"alert-recipients"_s, u"CP-IS upload rejected"_s, u"--role"_s,
                      u"cpis_team_manager"_s, u"--worker"_s, world.admin.login, u"--key-worker"_s},
                     admin));
    INFO(set.err.toStdString());
    CHECK(set.exitCode == 0);
    CHECK(set.out == u"CP-IS upload rejected: role cpis_team_manager, worker %1, the child's key "
                     u"worker\n"_s.arg(world.admin.login));
    CHECK(
        runCpisctl(withDatabase(db, {u"config"_s, u"alerts"_s}, admin))
            .out.contains(line(u"CP-IS upload rejected"_s, u"role cpis_team_manager, worker "_s)));

    const auto refused = [&](const QStringList &args) {
        auto run = runCpisctl(
            withDatabase(db, QStringList{u"config"_s, u"alert-recipients"_s} + args, admin));
        return std::pair{run.exitCode, run.err};
    };
    auto [code, why] = refused({u"CP-IS upload rejected"_s, u"--role"_s, u"postgres"_s});
    CHECK(code == 2);
    CHECK(why.contains(u"--role postgres is not a role alerts go to"_s));
    std::tie(code, why) = refused({u"CP-IS upload rejected"_s});
    CHECK(code == 2);
    CHECK(why.contains(u"give at least one of --role, --team, --worker, --key-worker"_s));
    std::tie(code, why) = refused({u"CP-IS upload rejected"_s, u"--team"_s, u"Nowhere"_s});
    CHECK(code == 1);
    CHECK(why.contains(u"There is no team \"Nowhere\"."_s));
    std::tie(code, why) = refused({u"CP-IS upload rejected"_s, u"--worker"_s, u"no.one"_s});
    CHECK(code == 1);
    CHECK(why.contains(u"There is no active worker with the login \"no.one\"."_s));
    std::tie(code, why) = refused({u"CP-IS exchange stalled"_s, u"--key-worker"_s});
    CHECK(code == 1);
    CHECK(why.contains(u"is not about a child"_s));
    std::tie(code, why) = refused({u"CP-IS made up"_s, u"--role"_s, u"cpis_sysadmin"_s});
    CHECK(code == 1);
    CHECK(why.contains(u"There is no CP-IS alert type \"CP-IS made up\"."_s));

    const auto denied =
        runCpisctl(withDatabase(db,
                                {u"config"_s, u"alert-recipients"_s, u"CP-IS upload rejected"_s,
                                 u"--role"_s, u"cpis_key_worker"_s},
                                world.keyWorker.login));
    CHECK(denied.exitCode == 1);
    CHECK(denied.err.contains(u"Only system administrators can choose who receives alerts."_s));
    CHECK(
        runCpisctl(withDatabase(db, {u"config"_s, u"alerts"_s}, world.keyWorker.login)).exitCode ==
        1);
}
