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
    REQUIRE(execute(c, u"CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)"_s).ok());
    const QString hostile = u"x'); DROP TABLE notes; --"_s;
    REQUIRE(execute(c, u"INSERT INTO notes (body) VALUES ($1)"_s, {hostile}).ok());
    auto body = queryValue(c, u"SELECT body FROM notes WHERE body = $1"_s, {hostile});
    REQUIRE(body.ok());
    CHECK(body->text() == hostile);
    CHECK(queryValue(c, u"SELECT count(*) FROM notes"_s)->integer() == 1);
}

TEST_CASE("A database error carries the SQLSTATE and the server's message", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(execute(c, u"CREATE TABLE t (n integer CHECK (n > 0))"_s).ok());
    auto refused = execute(c, u"INSERT INTO t VALUES ($1)"_s, {-1});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().sqlState == u"23514"_s); // check_violation
    CHECK(refused.error().message.contains(u"t_n_check"_s));
    // Every statement maps SQLSTATEs as the service calls did: a constraint is bad input.
    CHECK(refused.error().code == u"invalid"_s);
}

TEST_CASE("A transaction rolls back unless committed", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(execute(c, u"CREATE TABLE t (n integer)"_s).ok());
    {
        Transaction tx(c);
        REQUIRE(tx.started());
        REQUIRE(execute(c, u"INSERT INTO t VALUES (1)"_s).ok());
    }
    CHECK(queryValue(c, u"SELECT count(*) FROM t"_s)->integer() == 0);
    {
        Transaction tx(c);
        REQUIRE(execute(c, u"INSERT INTO t VALUES (2)"_s).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(queryValue(c, u"SELECT count(*) FROM t"_s)->integer() == 1);
}

TEST_CASE("A failed statement inside a transaction makes commit fail and keeps nothing", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(execute(c, u"CREATE TABLE t (n integer PRIMARY KEY)"_s).ok());
    Transaction tx(c);
    REQUIRE(execute(c, u"INSERT INTO t VALUES (1)"_s).ok());
    CHECK_FALSE(execute(c, u"INSERT INTO t VALUES (1)"_s).ok());
    CHECK_FALSE(tx.commit().ok());
    CHECK(queryValue(c, u"SELECT count(*) FROM t"_s)->integer() == 0);
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
    REQUIRE(execute(owner, u"CREATE TABLE t (n integer)"_s).ok());
    REQUIRE(execute(owner, u"INSERT INTO t VALUES (1)"_s).ok());
    REQUIRE(execute(owner, u"CREATE ROLE %1 LOGIN"_s.arg(role)).ok());
    REQUIRE(execute(owner, u"GRANT SELECT ON t TO %1"_s.arg(role)).ok());
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, role);
    {
        auto reader = Connection::open(info);
        REQUIRE(reader.ok());
        auto withParams = execute(*(*reader), u"UPDATE t SET n = $1"_s, {2});
        REQUIRE_FALSE(withParams.ok());
        CHECK(withParams.error().sqlState == u"42501"_s);
        auto without = execute(*(*reader), u"UPDATE t SET n = 2"_s);
        REQUIRE_FALSE(without.ok());
        CHECK(without.error().sqlState == u"42501"_s);
    }
    CHECK(queryValue(owner, u"SELECT n FROM t"_s)->integer() == 1);
    REQUIRE(execute(owner, u"DROP OWNED BY %1"_s.arg(role)).ok());
    REQUIRE(execute(owner, u"DROP ROLE %1"_s.arg(role)).ok());
}

TEST_CASE("A connection killed on the server is reported as unreachable, not as a query error",
          "[db]")
{
    test::TestDatabase db;
    auto victim = db.openAnother();
    const auto pid = queryValue(*victim, u"SELECT pg_backend_pid()"_s);
    REQUIRE(pid.ok());
    REQUIRE(execute(db.connection(), u"SELECT pg_terminate_backend($1)"_s, {pid->integer()}).ok());
    auto after = execute(*victim, u"SELECT 1"_s);
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
    const QByteArray bytes = QByteArray::fromHex("0001ff") + "bytes";
    auto rows = execute(c,
                        u"SELECT $1::text AS name, $2::bigint AS big, $3::boolean AS yes, "
                        u"NULL::text AS nothing, "
                        u"(extract(epoch FROM $4::timestamptz) * 1000)::bigint AS at_ms, "
                        u"$4::timestamptz AS at, $5::date AS day, $6::bytea AS bytes, "
                        u"$7::numeric AS amount, $8::boolean AS no, "
                        u"$9::timestamptz + interval '5 hours 30 minutes' AS later "
                        u"FROM generate_series(1, 3)"_s,
                        {welsh, qint64(9007199254740993), true, at, QDate(2026, 2, 28), bytes, 2.5,
                         false, QDateTime()});
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    const Row row = (*rows)[2];
    CHECK(row.text("name") == welsh);
    CHECK(row.integer("big") == 9007199254740993);
    CHECK(row.boolean("yes"));
    CHECK_FALSE(row.boolean("no"));
    CHECK(row.isNull("nothing"));
    CHECK(row.text("nothing").isEmpty());
    CHECK_FALSE(row.isNull("name"));
    CHECK(row.integer("at_ms") == at.toMSecsSinceEpoch());
    CHECK(row.dateTime("at") == at);
    CHECK(row.dateTime("at").timeSpec() == Qt::UTC);
    CHECK(row.date("day") == QDate(2026, 2, 28));
    CHECK(row.bytes("bytes") == bytes);
    CHECK(row.number("amount") == 2.5);
    // An invalid QDateTime goes as NULL, as Qt Sql sent it.
    CHECK(row.isNull("later"));
    CHECK_FALSE(row.dateTime("later").isValid());
    int seen = 0;
    for (const Row &r : *rows)
        seen += r.text("name") == welsh;
    CHECK(seen == 3);

    auto none = execute(c, u"SELECT 1 WHERE false"_s);
    REQUIRE(none.ok());
    CHECK(none->size() == 0);
}

TEST_CASE("Rows read in one go report the server's error, and refuse a NUL", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    auto bad = execute(c, u"SELECT 1 / $1::integer"_s, {0});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().sqlState == u"22012"_s); // division_by_zero
    CHECK(bad.error().message.contains(u"division by zero"_s));
    CHECK(bad.error().code == u"db.error"_s);

    auto nul = execute(c, u"SELECT $1::text"_s, {QString(u"before"_s + QChar(0) + u"after"_s)});
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().code == u"invalid"_s);
    // The connection is still good for the next statement.
    CHECK(queryValue(c, u"SELECT 2"_s)->integer() == 2);
}

TEST_CASE("Times come in UTC whatever the session's time zone, with the offset applied", "[db]")
{
    test::TestDatabase db;
    auto &c = db.connection();
    REQUIRE(execute(c, u"SET TIME ZONE 'Asia/Kolkata'"_s).ok()); // +05:30
    auto at = queryValue(c, u"SELECT '2026-06-01 12:30:00.5+00'::timestamptz"_s);
    REQUIRE(at.ok());
    CHECK(at->dateTime() == QDateTime(QDate(2026, 6, 1), QTime(12, 30, 0, 500), Qt::UTC));
    auto nothing = queryValue(c, u"SELECT 1 WHERE false"_s);
    REQUIRE(nothing.ok());
    CHECK(nothing->isNull());
}

TEST_CASE("A column the result does not have is a programming error, not an empty value", "[db]")
{
    test::TestDatabase db;
    auto rows = execute(db.connection(), u"SELECT 1 AS one"_s);
    REQUIRE(rows.ok());
    CHECK((*rows)[0].integer("one") == 1);
    CHECK_THROWS_AS((*rows)[0].integer("two"), std::logic_error);
}

TEST_CASE("A workflow refusal keeps its code on the one path", "[db]")
{
    test::TestDatabase db;
    auto refused =
        execute(db.connection(),
                u"DO $$ BEGIN RAISE EXCEPTION 'changed' USING ERRCODE = 'CPST1'; END $$"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == u"stale"_s);
}
