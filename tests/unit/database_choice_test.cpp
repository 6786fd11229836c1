// Which database: --database, then CPIS_DATABASE or PGSERVICE/PGHOST, then the user's settings
// file, then the site file, then embedded; a wrong settings file is an error naming its line.
#include "db/database_choice.h"
#include "db/settings_file.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using cpis::DatabaseChoice;
using Source = DatabaseChoice::Source;

namespace {
// No settings file is found unless a test writes one.
QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    e.insert(u"CPIS_SITE_CONFIG"_s, u"/nonexistent/site.conf"_s);
    e.insert(u"XDG_CONFIG_HOME"_s, u"/nonexistent/config"_s);
    for (const auto &[name, value] : vars)
        e.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return e;
}

// The settings files of one test: the site file and $XDG_CONFIG_HOME in a temporary folder.
struct Files
{
    QTemporaryDir dir;
    [[nodiscard]] QString site() const { return dir.filePath(u"site.conf"_s); }
    [[nodiscard]] QString user() const
    {
        return dir.filePath(u"config/cpis-workview/cpis-workview.conf"_s);
    }
    static void write(const QString &path, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment e = env({});
        e.insert(u"CPIS_SITE_CONFIG"_s, site());
        e.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        return e;
    }
};
} // namespace

TEST_CASE("The --database option wins over everything", "[choice]")
{
    const auto choice =
        DatabaseChoice::choose(u"host=a"_s, env({{"CPIS_DATABASE", "host=b"}, {"PGHOST", "c"}}));
    REQUIRE(choice);
    CHECK(choice->source == Source::CommandLine);
    CHECK(choice->conninfo == u"host=a"_s);
}

TEST_CASE("CPIS_DATABASE comes before libpq's own settings", "[choice]")
{
    const auto choice =
        DatabaseChoice::choose(std::nullopt, env({{"CPIS_DATABASE", "host=b"}, {"PGHOST", "c"}}));
    REQUIRE(choice);
    CHECK(choice->source == Source::Environment);
    CHECK(choice->conninfo == u"host=b"_s);
}

TEST_CASE("PGHOST or PGSERVICE means libpq's settings", "[choice]")
{
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGHOST", "c"}}))->source ==
          Source::LibpqSettings);
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGSERVICE", "cpis"}}))->source ==
          Source::LibpqSettings);
    CHECK(DatabaseChoice::choose(std::nullopt, env({{"PGHOST", ""}}))->source == Source::Embedded);
}

TEST_CASE("With nothing configured the embedded cluster is used, in CPIS_DATA_DIR when set",
          "[choice]")
{
    const auto choice = DatabaseChoice::choose(std::nullopt, env({{"CPIS_DATA_DIR", "/srv/cpis"}}));
    REQUIRE(choice);
    CHECK(choice->isEmbedded());
    CHECK(choice->embeddedDirectory == u"/srv/cpis/cluster"_s);
    CHECK(DatabaseChoice::choose(std::nullopt, env({}))->embeddedDirectory.endsWith(u"cluster"_s));
}

TEST_CASE("The user's settings file comes before the site file, and both after the environment",
          "[choice]")
{
    Files files;
    Files::write(files.site(), "; the authority's database\n[database]\nconninfo=host=site.example "
                               "dbname=cpis\n");
    auto site = DatabaseChoice::choose(std::nullopt, files.environment());
    REQUIRE(site);
    CHECK(site->source == Source::SiteFile);
    CHECK(site->conninfo == u"host=site.example dbname=cpis"_s);
    CHECK(site->file == files.site() + u", line 3"_s);
    CHECK(site->origin().contains(files.site()));

    // As the client's QSettings writes it: its own sections too, the value quoted.
    Files::write(files.user(), "[General]\nx=1\n\n[database]\nconninfo=\"host=a.example,b.example "
                               "dbname=cpis\"\n\n[signIn]\nlastLogin=jane\n");
    auto user = DatabaseChoice::choose(std::nullopt, files.environment());
    REQUIRE(user);
    CHECK(user->source == Source::UserFile);
    CHECK(user->conninfo == u"host=a.example,b.example dbname=cpis"_s);

    auto environment = files.environment();
    environment.insert(u"CPIS_DATABASE"_s, u"host=env.example"_s);
    CHECK(DatabaseChoice::choose(std::nullopt, environment)->source == Source::Environment);
    CHECK(DatabaseChoice::choose(u"host=x"_s, files.environment())->source == Source::CommandLine);

    // A user's file without a [database] section leaves the choice to the site file.
    Files::write(files.user(), "[signIn]\nlastLogin=jane\n");
    CHECK(DatabaseChoice::choose(std::nullopt, files.environment())->source == Source::SiteFile);
}

TEST_CASE("A wrong settings file is an error naming the file and line, never a fallback",
          "[choice]")
{
    const std::pair<const char *, const char *> cases[] = {
        {"[database]\nconnifo=host=a\n", "line 2: unknown key \"connifo\""},
        {"[databse]\nconninfo=host=a\n", "line 1: unknown section [databse]"},
        {"conninfo=host=a\n", "line 1: a setting before any section"},
        {"[database]\nconninfo=nonsense_keyword=1\n", "line 2: The connection string is not valid"},
        {"[database]\nconninfo=host=a,b dbname=c\n", "line 2: a value with a comma"},
        {"[database]\nconninfo=\"host=a\n", "line 2: a double quote is not closed"},
        {"[database]\nconninfo=\n", "line 2: conninfo is empty"},
        {"[database]\nconninfo=host=a\nconninfo=host=b\n", "line 3: conninfo is given twice"},
    };
    for (const auto &[text, expected] : cases) {
        Files files;
        Files::write(files.site(), text);
        auto choice = DatabaseChoice::choose(std::nullopt, files.environment());
        INFO(text);
        REQUIRE_FALSE(choice);
        CHECK(choice.error().code == u"db.settings_file"_s);
        CHECK(choice.error().message.contains(files.site()));
        INFO(choice.error().message.toStdString());
        CHECK(choice.error().message.contains(QString::fromUtf8(expected)));
    }
    // The user's file is checked the same way in its [database] section.
    Files files;
    Files::write(files.user(), "[database]\nhost=a\n");
    auto user = DatabaseChoice::choose(std::nullopt, files.environment());
    REQUIRE_FALSE(user);
    CHECK(user.error().message.contains(files.user() + u", line 2: unknown key"_s));
}

TEST_CASE("A settings file that cannot be read is an error", "[choice]")
{
    Files files;
    QDir().mkpath(files.site()); // a folder where the file should be
    auto choice = DatabaseChoice::choose(std::nullopt, files.environment());
    REQUIRE_FALSE(choice);
    CHECK(choice.error().message.contains(files.site() + u": it cannot be read"_s));
}
