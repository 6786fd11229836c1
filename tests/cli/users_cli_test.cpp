// cpisctl user list | disable | enable | password | roles against a real database: what each
// prints and its exit status, refusals in words with exit status 1 and nothing changed.
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::runCpisctl;
using test::withDatabase;

namespace {
bool canLogIn(Connection &owner, const QString &login)
{
    return queryValue(owner, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s, {login})
        ->boolean();
}
} // namespace

TEST_CASE("cpisctl user list, disable and enable, for system administrators only", "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString as = world.sysadmin.login;
    const QString jane = world.keyWorker.login;

    const auto list = runCpisctl(withDatabase(db, {u"user"_s, u"list"_s}, as));
    INFO(list.err.toStdString());
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.startsWith(u"login\tname\tteam\troles\tenabled\tlast sign-in\n"_s));
    CHECK(
        list.out.contains(jane + u"\tJane Okafor\tChild Protection North\tkey-worker\tyes\t-\n"_s));

    const auto disabled = runCpisctl(withDatabase(db, {u"user"_s, u"disable"_s, jane}, as));
    CHECK(disabled.exitCode == 0);
    CHECK(disabled.out == u"Disabled %1.\n"_s.arg(jane));
    CHECK_FALSE(canLogIn(db.connection(), jane));
    CHECK(runCpisctl(withDatabase(db, {u"user"_s, u"list"_s}, as))
              .out.contains(jane + u"\tJane Okafor\tChild Protection North\tkey-worker\tno\t"_s));
    // A disabled user's own cpisctl cannot connect.
    CHECK(runCpisctl(withDatabase(db, {u"db"_s, u"status"_s}, jane)).exitCode != 0);

    const auto enabled = runCpisctl(withDatabase(db, {u"user"_s, u"enable"_s, jane}, as));
    CHECK(enabled.exitCode == 0);
    CHECK(canLogIn(db.connection(), jane));

    const auto self = runCpisctl(withDatabase(db, {u"user"_s, u"disable"_s, as}, as));
    CHECK(self.exitCode == 1);
    CHECK(self.err.contains(u"You cannot disable your own login"_s));
    CHECK(canLogIn(db.connection(), as));

    const auto refused =
        runCpisctl(withDatabase(db, {u"user"_s, u"disable"_s, jane}, world.manager.login));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(u"Only system administrators can disable users."_s));
    CHECK(canLogIn(db.connection(), jane));

    const auto unknown =
        runCpisctl(withDatabase(db, {u"user"_s, u"enable"_s, u"no.such.user"_s}, as));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(u"There is no user \"no.such.user\" in this database."_s));

    CHECK(runCpisctl(withDatabase(db, {u"user"_s, u"disable"_s}, as)).exitCode == 2);
}

TEST_CASE("cpisctl user password prints a one-time password once, or sets the one given", "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString as = world.sysadmin.login;
    const QString jane = world.keyWorker.login;
    const auto mustChange = [&] {
        return queryValue(db.connection(),
                          u"SELECT must_change_password FROM worker WHERE login = $1"_s, {jane})
            ->boolean();
    };

    const auto oneTime = runCpisctl(withDatabase(db, {u"user"_s, u"password"_s, jane}, as));
    INFO(oneTime.err.toStdString());
    REQUIRE(oneTime.exitCode == 0);
    const QString prefix = u"One-time password for %1: "_s.arg(jane);
    REQUIRE(oneTime.out.startsWith(prefix));
    CHECK(oneTime.out.section(u'\n', 0, 0).mid(prefix.size()).size() == 16);
    CHECK(oneTime.out.contains(u"must choose a new password at next sign-in"_s));
    CHECK(mustChange());

    const auto given =
        runCpisctl(withDatabase(db, {u"user"_s, u"password"_s, jane, u"--password-stdin"_s}, as),
                   QByteArray("Chosen-Pw-2026\n"), test::cleanEnvironment());
    CHECK(given.exitCode == 0);
    CHECK(given.out == u"Password set for %1.\n"_s.arg(jane));
    CHECK_FALSE(given.out.contains(u"Chosen-Pw-2026"_s));
    CHECK_FALSE(mustChange());

    const auto exchange =
        runCpisctl(withDatabase(db, {u"user"_s, u"password"_s, world.exchange.login}, as));
    CHECK(exchange.exitCode == 1);
    CHECK(exchange.err.contains(u"The exchange's login"_s));
    CHECK_FALSE(exchange.out.contains(u"One-time password"_s));

    const auto empty =
        runCpisctl(withDatabase(db, {u"user"_s, u"password"_s, jane, u"--password-stdin"_s}, as),
                   QByteArray("\n"), test::cleanEnvironment());
    CHECK(empty.exitCode == 2);
}

TEST_CASE("cpisctl user roles shows, adds, removes and sets roles", "[cli]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString as = world.sysadmin.login;
    const QString jane = world.keyWorker.login;
    const auto roles = [&](const QStringList &extra) {
        return runCpisctl(withDatabase(db, QStringList{u"user"_s, u"roles"_s, jane} + extra, as));
    };

    CHECK(roles({}).out == u"%1: key-worker\n"_s.arg(jane));
    CHECK(roles({u"--add"_s, u"team-manager"_s}).out ==
          u"%1: key-worker, team-manager\n"_s.arg(jane));
    CHECK(roles({u"--remove"_s, u"key-worker"_s}).out == u"%1: team-manager\n"_s.arg(jane));
    CHECK(roles({u"--set"_s, u"key-worker,records-officer"_s}).out ==
          u"%1: key-worker, records-officer\n"_s.arg(jane));
    CHECK(queryValue(db.connection(), u"SELECT pg_has_role($1, 'cpis_records_officer', 'MEMBER')"_s,
                     {jane})
              ->boolean());

    const auto bad = roles({u"--add"_s, u"boss"_s});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.contains(u"Role \"boss\" must be one of"_s));
    CHECK(roles({u"--set"_s, u"key-worker"_s, u"--add"_s, u"sysadmin"_s}).exitCode == 2);

    const auto own =
        runCpisctl(withDatabase(db, {u"user"_s, u"roles"_s, as, u"--remove"_s, u"sysadmin"_s}, as));
    CHECK(own.exitCode == 1);
    CHECK(own.err.contains(u"You cannot remove your own system administrator role"_s));
}
