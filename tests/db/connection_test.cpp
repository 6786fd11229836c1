// The database gateway against a real server: parameters, errors, transactions.
#include "db/rows.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;

TEST_CASE("Values are bound as parameters, never spliced into SQL", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(c.exec(u"CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)"_s).ok());
    const QString hostile = u"x'); DROP TABLE notes; --"_s;
    REQUIRE(c.exec(u"INSERT INTO notes (body) VALUES (?)"_s, {hostile}).ok());
    auto body = c.scalar(u"SELECT body FROM notes WHERE body = ?"_s, {hostile});
    REQUIRE(body.ok());
    CHECK(body->toString() == hostile);
    CHECK(c.scalar(u"SELECT count(*) FROM notes"_s)->toInt() == 1);
}

TEST_CASE("A database error carries the SQLSTATE and the server's message", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(c.exec(u"CREATE TABLE t (n integer CHECK (n > 0))"_s).ok());
    auto refused = c.exec(u"INSERT INTO t VALUES (?)"_s, {-1});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().sqlState == u"23514"_s); // check_violation
    CHECK(refused.error().message.contains(u"t_n_check"_s));
    CHECK(refused.error().code == u"db.error"_s);
}

TEST_CASE("A transaction rolls back unless committed", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(c.exec(u"CREATE TABLE t (n integer)"_s).ok());
    {
        Transaction tx(c);
        REQUIRE(tx.started());
        REQUIRE(c.exec(u"INSERT INTO t VALUES (1)"_s).ok());
    }
    CHECK(c.scalar(u"SELECT count(*) FROM t"_s)->toInt() == 0);
    {
        Transaction tx(c);
        REQUIRE(c.exec(u"INSERT INTO t VALUES (2)"_s).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(c.scalar(u"SELECT count(*) FROM t"_s)->toInt() == 1);
}

TEST_CASE("A failed statement inside a transaction makes commit fail and keeps nothing", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(c.exec(u"CREATE TABLE t (n integer PRIMARY KEY)"_s).ok());
    Transaction tx(c);
    REQUIRE(c.exec(u"INSERT INTO t VALUES (1)"_s).ok());
    CHECK_FALSE(c.exec(u"INSERT INTO t VALUES (1)"_s).ok());
    CHECK_FALSE(tx.commit().ok());
    CHECK(c.scalar(u"SELECT count(*) FROM t"_s)->toInt() == 0);
}

TEST_CASE("An unreachable server is reported as such, naming where", "[db]")
{
    auto info = ConnInfo::parse(u"host=/nonexistent/socket/dir dbname=cpis connect_timeout=2"_s);
    REQUIRE(info.ok());
    auto connection = Connection::open(*info);
    REQUIRE_FALSE(connection.ok());
    CHECK(connection.error().code == u"db.unreachable"_s);
    CHECK(connection.error().message.contains(u"/nonexistent/socket/dir"_s));
}

TEST_CASE("libpq's handle is reachable for what Qt Sql cannot do", "[db]")
{
    test::TestDatabase db;
    CHECK(db.connection().nativeHandle() != nullptr);
    CHECK(db.connection().serverVersion().startsWith(u"1"_s));
    CHECK(db.connection().currentUser() == u"cpis_owner"_s);
}

TEST_CASE("A statement the role may not run is refused, with or without parameters", "[db]")
{
    test::TestDatabase db;
    auto &owner = db.connection();
    const QString role = u"r_"_s + db.name();
    REQUIRE(owner.exec(u"CREATE TABLE t (n integer)"_s).ok());
    REQUIRE(owner.exec(u"INSERT INTO t VALUES (1)"_s).ok());
    REQUIRE(owner.exec(u"CREATE ROLE %1 LOGIN"_s.arg(role)).ok());
    REQUIRE(owner.exec(u"GRANT SELECT ON t TO %1"_s.arg(role)).ok());
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, role);
    {
        auto reader = Connection::open(info);
        REQUIRE(reader.ok());
        auto withParams = (*reader)->exec(u"UPDATE t SET n = ?"_s, {2});
        REQUIRE_FALSE(withParams.ok());
        CHECK(withParams.error().sqlState == u"42501"_s);
        auto without = (*reader)->exec(u"UPDATE t SET n = 2"_s);
        REQUIRE_FALSE(without.ok());
        CHECK(without.error().sqlState == u"42501"_s);
    }
    CHECK(owner.scalar(u"SELECT n FROM t"_s)->toInt() == 1);
    REQUIRE(owner.exec(u"DROP OWNED BY %1"_s.arg(role)).ok());
    REQUIRE(owner.exec(u"DROP ROLE %1"_s.arg(role)).ok());
}

TEST_CASE("A connection killed on the server is reported as unreachable, not as a query error",
          "[db]")
{
    test::TestDatabase db;
    auto victim = db.openAnother();
    const auto pid = victim->scalar(u"SELECT pg_backend_pid()"_s);
    REQUIRE(pid.ok());
    REQUIRE(db.connection().exec(u"SELECT pg_terminate_backend(?)"_s, {*pid}).ok());
    auto after = victim->exec(u"SELECT 1"_s);
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().code == u"db.unreachable"_s);
}

TEST_CASE("Rows read in one go keep texts, numbers, booleans, NULLs and times exactly", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    const QString welsh = u"Siân Ó Briain \u2014 ñ"_s;
    const QDateTime at =
        QDateTime::fromString(u"2026-06-01T12:30:00.250+01:00"_s, Qt::ISODateWithMs);
    auto rows = readRows(c,
                         u"SELECT $1::text, $2::bigint, $3::boolean, NULL::text, "
                         u"(extract(epoch FROM $4::timestamptz) * 1000)::bigint "
                         u"FROM generate_series(1, 3)"_s,
                         {welsh, qint64(9007199254740993), true, at});
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    CHECK(rows->text(2, 0) == welsh);
    CHECK(rows->integer(2, 1) == 9007199254740993);
    CHECK(rows->boolean(2, 2));
    CHECK(rows->isNull(2, 3));
    CHECK(rows->text(2, 3).isEmpty());
    CHECK_FALSE(rows->isNull(2, 0));
    CHECK(rows->integer(0, 4) == at.toMSecsSinceEpoch());

    auto none = readRows(c, u"SELECT 1 WHERE false"_s);
    REQUIRE(none.ok());
    CHECK(none->size() == 0);
}

TEST_CASE("Rows read in one go report the server's error, and refuse a NUL", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    auto bad = readRows(c, u"SELECT 1 / $1::integer"_s, {0});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().sqlState == u"22012"_s); // division_by_zero
    CHECK(bad.error().message.contains(u"division by zero"_s));
    CHECK(bad.error().code == u"db.error"_s);

    auto nul = readRows(c, u"SELECT $1::text"_s, {QString(u"before"_s + QChar(0) + u"after"_s)});
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().code == u"invalid"_s);
    // The connection is still good for the next statement.
    CHECK(c.scalar(u"SELECT 2"_s)->toInt() == 2);
}
