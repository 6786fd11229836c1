// Connection strings pass through to libpq untouched, in either of its two forms.
#include "db/conn_info.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using cpis::ConnInfo;

TEST_CASE("Keyword/value strings keep multi-host lists, sslmode and target_session_attrs",
          "[conninfo]")
{
    auto info = ConnInfo::parse(
        u"host=db1.example,db2.example port=5432,5433 dbname=cpis sslmode=verify-full target_session_attrs=read-write"_s);
    REQUIRE(info.ok());
    CHECK(info->value(u"host"_s) == u"db1.example,db2.example"_s);
    CHECK(info->value(u"port"_s) == u"5432,5433"_s);
    CHECK(info->value(u"sslmode"_s) == u"verify-full"_s);
    CHECK(info->value(u"target_session_attrs"_s) == u"read-write"_s);
}

TEST_CASE("URIs are accepted and turned into keyword/value pairs", "[conninfo]")
{
    auto info =
        ConnInfo::parse(u"postgresql://alice@db1.example:5433,db2.example/cpis?sslmode=require"_s);
    REQUIRE(info.ok());
    CHECK(info->value(u"user"_s) == u"alice"_s);
    CHECK(info->value(u"dbname"_s) == u"cpis"_s);
    CHECK(info->value(u"sslmode"_s) == u"require"_s);
    CHECK(info->value(u"host"_s) == u"db1.example,db2.example"_s);
}

TEST_CASE("Values with spaces and quotes survive the round trip", "[conninfo]")
{
    auto info =
        ConnInfo::fromPairs({{u"host"_s, u"/tmp/a folder"_s}, {u"application_name"_s, u"it's"_s}});
    auto again = ConnInfo::parse(info.toKeywordValueString());
    REQUIRE(again.ok());
    CHECK(again->value(u"host"_s) == u"/tmp/a folder"_s);
    CHECK(again->value(u"application_name"_s) == u"it's"_s);
}

TEST_CASE("A malformed connection string is refused with libpq's reason", "[conninfo]")
{
    auto info = ConnInfo::parse(u"host=db1 nonsense_keyword=1"_s);
    REQUIRE_FALSE(info.ok());
    CHECK(info.error().code == u"db.conninfo"_s);
    CHECK(info.error().message.contains(u"nonsense_keyword"_s));
}

TEST_CASE("The description for people never shows the password", "[conninfo]")
{
    auto info = ConnInfo::parse(u"host=db1 dbname=cpis user=alice password=hunter2"_s);
    REQUIRE(info.ok());
    CHECK(info->describe() == u"host db1, database cpis"_s);
    CHECK_FALSE(info->describe().contains(u"hunter2"_s));
}

TEST_CASE("Another machine without an sslmode is connected with sslmode=verify-full", "[conninfo]")
{
    const auto tls = [&](const QString &text, const QProcessEnvironment &env = {}) {
        auto info = ConnInfo::parse(text);
        REQUIRE(info.ok());
        info->requireVerifiedTls(env);
        return info->value(u"sslmode"_s);
    };
    CHECK(tls(u"host=db1.example dbname=cpis"_s) == u"verify-full"_s);
    CHECK(tls(u"postgresql://db1.example/cpis"_s) == u"verify-full"_s);
    CHECK(tls(u"host=localhost,db2.example dbname=cpis"_s) == u"verify-full"_s);
    CHECK(tls(u"hostaddr=192.0.2.7 dbname=cpis"_s) == u"verify-full"_s);
    // This machine, or a socket folder: libpq's own default stays.
    for (const auto &local : {u"host=localhost"_s, u"host=127.0.0.1"_s, u"host=::1"_s,
                              u"host=/run/postgresql"_s, u"dbname=cpis"_s})
        CHECK(tls(local).isEmpty());
    // An sslmode someone chose is kept, also from $PGSSLMODE or a service file.
    CHECK(tls(u"host=db1.example sslmode=require"_s) == u"require"_s);
    QProcessEnvironment pgsslmode;
    pgsslmode.insert(u"PGSSLMODE"_s, u"require"_s);
    CHECK(tls(u"host=db1.example"_s, pgsslmode).isEmpty());
    CHECK(tls(u"service=cpis"_s).isEmpty());
    // $PGHOST counts when the string names no host.
    QProcessEnvironment pghost;
    pghost.insert(u"PGHOST"_s, u"db1.example"_s);
    CHECK(tls(u"dbname=cpis"_s, pghost) == u"verify-full"_s);
}
