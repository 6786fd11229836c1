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
