// Which database: --database, then CPIS_DATABASE, then PGSERVICE/PGHOST, then embedded.
#include "db/database_choice.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using cpis::DatabaseChoice;
using Source = DatabaseChoice::Source;

namespace {
QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    for (const auto &[name, value] : vars)
        e.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return e;
}
} // namespace

TEST_CASE("The --database option wins over everything", "[choice]")
{
    const auto choice =
        DatabaseChoice::choose(u"host=a"_s, env({{"CPIS_DATABASE", "host=b"}, {"PGHOST", "c"}}));
    CHECK(choice.source == Source::CommandLine);
    CHECK(choice.conninfo == u"host=a"_s);
}

TEST_CASE("CPIS_DATABASE comes before libpq's own settings", "[choice]")
{
    const auto choice =
        DatabaseChoice::choose(std::nullopt, env({{"CPIS_DATABASE", "host=b"}, {"PGHOST", "c"}}));
    CHECK(choice.source == Source::Environment);
    CHECK(choice.conninfo == u"host=b"_s);
}

TEST_CASE("PGHOST or PGSERVICE means libpq's settings", "[choice]")
{
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGHOST", "c"}})).source ==
          Source::LibpqSettings);
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGSERVICE", "cpis"}})).source ==
          Source::LibpqSettings);
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGHOST", ""}})).source == Source::Embedded);
}

TEST_CASE("With nothing configured the embedded cluster is used, in CPIS_DATA_DIR when set",
          "[choice]")
{
    const auto choice = DatabaseChoice::choose(std::nullopt, env({{"CPIS_DATA_DIR", "/srv/cpis"}}));
    CHECK(choice.isEmbedded());
    CHECK(choice.embeddedDirectory == u"/srv/cpis/cluster"_s);
    CHECK(DatabaseChoice::choose(std::nullopt, env({})).embeddedDirectory.endsWith(u"cluster"_s));
}
