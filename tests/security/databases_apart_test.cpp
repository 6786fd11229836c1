// Issue 21, "Roles are server-wide": two CP-IS databases (training, production) set up by
// `cpisctl setup`'s code on one server, by an administrator with CREATEDB and CREATEROLE only,
// and every cross-database attempt the outsider made, each refused (docs/security.md,
// "Databases apart on one server").
#include "db/connection.h"
#include "db/migrator.h"
#include "db/password_verifier.h"
#include "db/rows.h"
#include "db/server_setup.h"
#include "support/security_checks.h"
#include "support/test_cluster_state.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QUuid>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::require;
using test::valueOf;

namespace {
QString tag()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

ConnInfo onCluster(const QString &dbname, const QString &login)
{
    ConnInfo info = test::TestClusterState::load()->connInfo(dbname);
    info.set(u"user"_s, login);
    return info;
}

// The refusal's message, or empty when the connection opened.
QString refusalOf(const ConnInfo &info)
{
    auto c = Connection::open(info);
    return c ? QString() : c.error().message;
}

std::unique_ptr<Connection> openOrFail(const ConnInfo &info)
{
    auto c = Connection::open(info);
    if (!c)
        FAIL(c.error().message.toStdString());
    return std::move(*c);
}

// One CP-IS database on the shared test cluster, as an authority's administrator makes it.
struct Authority
{
    QString dbname;
    QString admin;    // its first system administrator
    QString exchange; // its exchange login
    QStringList said; // what setup said

    Authority(const QString &setupLogin, const QString &name) : dbname(name)
    {
        admin = u"adm."_s + name;
        exchange = u"exchange."_s + name;
        said = setUp(setupLogin);
    }
    QStringList setUp(const QString &setupLogin) const
    {
        QStringList lines;
        ServerSetup setup(
            {onCluster(dbname, setupLogin), admin, u"Ada Admin"_s, u"correct horse"_s, {}, {}});
        setup.setProgress([&](const QString &line) { lines << line; });
        if (auto done = setup.run(); !done)
            FAIL(done.error().message.toStdString());
        return lines;
    }
    [[nodiscard]] ConnInfo as(const QString &login) const { return onCluster(dbname, login); }
};

struct TwoAuthorities
{
    std::unique_ptr<Connection> superuser = test::openMaintenance();
    QString setupLogin = u"setup_"_s + tag();
    std::unique_ptr<Authority> training, production;
    QString productionKeyWorker;

    TwoAuthorities()
    {
        // Not a superuser: the rights the README asks of the server's administrator.
        require(execute(*superuser, u"CREATE ROLE %1 LOGIN CREATEDB CREATEROLE"_s.arg(setupLogin)));
        const QString t = tag();
        training = std::make_unique<Authority>(setupLogin, u"tr_"_s + t);
        production = std::make_unique<Authority>(setupLogin, u"pr_"_s + t);
        productionKeyWorker = u"kw."_s + production->dbname;
        auto admin = openOrFail(production->as(production->admin));
        valueOf(*admin, u"SELECT add_user($1, 'key-worker', 'Kim Worker', 'North', NULL)"_s,
                {productionKeyWorker});
    }
    ~TwoAuthorities()
    {
        for (const auto *a : {training.get(), production.get()})
            if (a)
                (void)execute(*superuser,
                              u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(a->dbname));
    }
};

bool isMember(Connection &c, const QString &login, const QString &group)
{
    return valueOf(c, u"SELECT pg_has_role($1, $2, 'MEMBER')"_s, {login, group}).boolean();
}
} // namespace

TEST_CASE("Two CP-IS databases on one server are apart: each cross-database attempt is refused",
          "[security]")
{
    TwoAuthorities server;
    const Authority &training = *server.training;
    const Authority &production = *server.production;
    Connection &superuser = *server.superuser;

    SECTION("Setup made the schema owner, which cannot log in and owns every object")
    {
        const QString owner = schemaOwnerRole(production.dbname);
        CHECK_FALSE(
            valueOf(superuser, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s, {owner})
                .boolean());
        auto admin = openOrFail(production.as(production.admin));
        CHECK(valueOf(*admin, uR"(SELECT count(*) FROM pg_class c
                                 JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relowner <> $1::regrole)"_s,
                      {owner})
                  .integer() == 0);
        CHECK(valueOf(*admin, uR"(SELECT count(*) FROM pg_proc p
                                 JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = 'public' AND p.proowner <> $1::regrole
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid
                                                   AND d.deptype = 'e'))"_s,
                      {owner})
                  .integer() == 0);
        // Day-to-day logins have neither CREATEROLE nor ownership.
        CHECK(valueOf(*admin, uR"(SELECT bool_or(rolcreaterole OR rolsuper OR rolcreatedb)
                                 FROM pg_roles WHERE rolname IN ($1, $2))"_s,
                      {production.admin, production.exchange})
                  .text() == u"f"_s);
        CHECK(training.said.contains(
            u"Made the first system administrator %1 (Ada Admin), a worker of this database."_s.arg(
                training.admin)));
    }

    SECTION("Setup run again finds everything and changes nothing")
    {
        const QStringList again = production.setUp(server.setupLogin);
        const QString all = again.join(u'\n');
        INFO(all.toStdString());
        CHECK_FALSE(all.contains(u"Made "_s));
        CHECK(all.contains(u"Found the database %1"_s.arg(production.dbname)));
        CHECK(all.contains(u"Found the schema up to date"_s));
        CHECK(all.contains(u"Found the exchange login %1."_s.arg(production.exchange)));
        CHECK(all.contains(u"Found the system administrator %1."_s.arg(production.admin)));
    }

    SECTION("A system administrator of training cannot add a user or change settings in "
            "production")
    {
        // Cannot even connect: CONNECT is production's own logins' alone.
        CHECK(
            refusalOf(production.as(training.admin)).contains(u"permission denied for database"_s));
        // Nor give production's login a role from training: a login belongs to one database.
        auto trainingAdmin = openOrFail(training.as(training.admin));
        auto added =
            execute(*trainingAdmin, u"SELECT add_user($1, 'sysadmin', 'Kim Worker', NULL, NULL)"_s,
                    {server.productionKeyWorker});
        REQUIRE_FALSE(added);
        CHECK(added.error().message.contains(u"already exists on this database server"_s));
        CHECK_FALSE(isMember(superuser, server.productionKeyWorker, u"cpis_sysadmin"_s));

        // Were CONNECT given by mistake, the group role alone is still no power in production.
        require(execute(superuser, u"GRANT CONNECT ON DATABASE %1 TO \"%2\""_s.arg(
                                       production.dbname, training.admin)));
        auto intruder = openOrFail(production.as(training.admin));
        const QString hours = u"SELECT value FROM config WHERE key = 'office.hours'"_s;
        auto owner = openOrFail(production.as(server.setupLogin));
        const QString before = valueOf(*owner, hours).text();
        CHECK(test::sqlStateOf(*intruder, u"SELECT set_config('office.hours', '08:00-18:00')"_s) ==
              "42501");
        CHECK(test::sqlStateOf(
                  *intruder,
                  u"SELECT add_user('mallory.x', 'sysadmin', 'Mallory', NULL, NULL)"_s) == "42501");
        CHECK(valueOf(*owner, hours).text() == before);
        CHECK(test::countOf(*owner,
                            u"SELECT count(*) FROM pg_roles WHERE rolname = 'mallory.x'"_s) == 0);
    }

    SECTION("The exchange login of training cannot reach production's MESH secrets or children")
    {
        const QString refused = refusalOf(production.as(training.exchange));
        CHECK(refused.contains(u"permission denied for database"_s));
        // Training's exchange is a member of the shared exchange role, and that gives it nothing
        // in production, where it cannot connect.
        CHECK(isMember(superuser, training.exchange, u"cpis_exchange"_s));
        // Production's own exchange can.
        CHECK(refusalOf(production.as(production.exchange)).isEmpty());
    }

    SECTION("A login in no group role cannot connect, and no login can hold every slot")
    {
        test::LoneLogin lone(superuser);
        CHECK(refusalOf(production.as(lone.name())).contains(u"permission denied for database"_s));

        const int limit =
            int(valueOf(superuser, u"SELECT rolconnlimit FROM pg_roles WHERE rolname = $1"_s,
                        {server.productionKeyWorker})
                    .integer());
        REQUIRE(limit == 10);
        std::vector<std::unique_ptr<Connection>> held;
        for (int i = 0; i < limit; ++i)
            held.push_back(openOrFail(production.as(server.productionKeyWorker)));
        CHECK(refusalOf(production.as(server.productionKeyWorker))
                  .contains(u"too many connections for role"_s));
        // Everyone else still gets in.
        CHECK(refusalOf(production.as(production.admin)).isEmpty());
    }

    SECTION("A login without the schema owner's rights is told what migrating needs")
    {
        auto keyWorker = openOrFail(production.as(server.productionKeyWorker));
        auto migrations = Migrator::bundled();
        migrations.append({9999, u"later"_s, u"SELECT 1;"_s, "0"});
        auto refused = Migrator(*keyWorker, migrations).migrate();
        REQUIRE_FALSE(refused);
        INFO(refused.error().message.toStdString());
        CHECK(refused.error().code == u"db.not_schema_owner"_s);
        CHECK(refused.error().message.contains(schemaOwnerRole(production.dbname)));
        CHECK(refused.error().hint.contains(u"cpisctl setup"_s));
    }
}

TEST_CASE("Setup refuses an administrator without CREATEDB and CREATEROLE, saying which is missing",
          "[security]")
{
    auto superuser = test::openMaintenance();
    const QString login = u"weak_"_s + tag();
    require(execute(*superuser, u"CREATE ROLE %1 LOGIN CREATEDB"_s.arg(login)));
    ServerSetup setup({onCluster(u"wk_"_s + tag(), login), {}, {}, {}, {}, {}});
    auto done = setup.run();
    REQUIRE_FALSE(done);
    INFO(done.error().message.toStdString());
    CHECK(done.error().message.contains(u"lacks CREATEROLE"_s));
    CHECK(done.error().hint.contains(u"CREATEDB CREATEROLE"_s));
}
