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
