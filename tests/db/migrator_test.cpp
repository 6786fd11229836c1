// Schema migrations: in order, once, serialised, and refusing a newer schema.
#include "db/database_choice.h"
#include "db/migrator.h"
#include "db/rows.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
Migration migration(int version, const QString &name, const QString &sql)
{
    return {version, name, sql, QByteArray("test")};
}
} // namespace

TEST_CASE("The bundled migrations are numbered from 1 without gaps", "[migrations]")
{
    const auto list = Migrator::bundled();
    REQUIRE_FALSE(list.isEmpty());
    for (int i = 0; i < list.size(); ++i)
        CHECK(list[i].version == i + 1);
}

TEST_CASE("A fresh database is brought to the latest schema, and a second run does nothing",
          "[migrations]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    Migrator migrator(db.connection());
    REQUIRE(migrator.state()->current == 0);

    auto first = migrator.migrate();
    REQUIRE(first.ok());
    CHECK(first->size() == Migrator::bundled().size());
    const auto state = migrator.state();
    CHECK(state->current == state->latestKnown);
    CHECK_FALSE(state->isBehind());
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM installation"_s)->integer() == 1);

    auto second = migrator.migrate();
    REQUIRE(second.ok());
    CHECK(second->isEmpty());
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM schema_migrations"_s)->integer() ==
          first->size());
}

TEST_CASE("Two clients migrating at once apply each migration exactly once", "[migrations]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    // A slow migration widens the window in which the two could collide.
    const QList<Migration> slow{
        migration(1, u"one"_s, u"CREATE TABLE a (n int); SELECT pg_sleep(0.5);"_s),
        migration(2, u"two"_s, u"CREATE TABLE b (n int);"_s)};
    struct Outcome
    {
        bool ok = false;
        QString error;
        qsizetype applied = 0;
    };
    Outcome outcomes[2];
    auto migrateFrom = [&](int i) {
        auto connection = Connection::open(db.connInfo());
        if (!connection) {
            outcomes[i].error = connection.error().message;
            return;
        }
        auto result = Migrator(**connection, slow).migrate();
        outcomes[i].ok = result.ok();
        outcomes[i].error = result.ok() ? QString() : result.error().message;
        outcomes[i].applied = result.ok() ? result->size() : 0;
    };
    std::thread first(migrateFrom, 0);
    std::thread second(migrateFrom, 1);
    first.join();
    second.join();

    for (const auto &o : outcomes) {
        INFO(o.error.toStdString());
        CHECK(o.ok);
    }
    CHECK(outcomes[0].applied + outcomes[1].applied == 2);
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM schema_migrations"_s)->integer() == 2);
}

TEST_CASE("A failing migration leaves the schema as it was", "[migrations]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    const QList<Migration> broken{
        migration(1, u"good"_s, u"CREATE TABLE a (n int);"_s),
        migration(2, u"bad"_s, u"CREATE TABLE b (n int); SELECT no_such_function();"_s)};
    Migrator migrator(db.connection(), broken);
    auto result = migrator.migrate();
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message.toStdString());
    CHECK(result.error().message.contains(u"Migration 2 (bad) failed"_s));
    CHECK(migrator.state()->current == 1);
    CHECK(queryValue(db.connection(), u"SELECT to_regclass('b') IS NULL"_s)->boolean());
}

TEST_CASE("A schema newer than the program is refused, and the client then cannot write",
          "[migrations]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(
        execute(
            c,
            u"INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')"_s)
            .ok());

    auto result = Migrator(c).migrate();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == u"db.schema_newer"_s);
    CHECK(result.error().message.contains(u"9999"_s));

    auto ready = openAndMigrate(
        {DatabaseChoice::Source::CommandLine, db.connInfo().toKeywordValueString(), {}});
    REQUIRE(ready.ok());
    CHECK(ready->readOnly());
    auto write = execute(*ready->db.connection, u"UPDATE installation SET authority = 'Changed'"_s);
    REQUIRE_FALSE(write.ok());
    CHECK(write.error().sqlState == u"25006"_s); // read_only_sql_transaction
}

TEST_CASE("A person whose login may not change the schema is told to ask its owner", "[migrations]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    const QString role = u"r_"_s + db.name();
    REQUIRE(execute(db.connection(), u"CREATE ROLE %1 LOGIN"_s.arg(role)).ok());
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, role);
    auto ready =
        openAndMigrate({DatabaseChoice::Source::CommandLine, info.toKeywordValueString(), {}});
    REQUIRE_FALSE(ready.ok());
    CHECK(ready.error().message.contains(u"only its owner can do that"_s));
    CHECK(ready.error().hint == u"Ask the database's owner to run: cpisctl db migrate"_s);
    CHECK(Migrator(db.connection()).state()->current == 0);
    REQUIRE(execute(db.connection(), u"DROP ROLE %1"_s.arg(role)).ok());
}
