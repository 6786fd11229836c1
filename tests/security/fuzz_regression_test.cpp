// Item 6 of issue 9: every input kept from fuzzing (tests/data/fuzz/<target>/), and every
// sample message, goes through the fuzz targets' own checks in the normal test run, so a
// crash once found and fixed stays fixed.
#include "fuzz/fuzz_checks.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
QStringList filesIn(const QString &dir)
{
    QStringList paths;
    const QDir folder(dir);
    for (const QString &name : folder.entryList(QDir::Files, QDir::Name))
        paths << folder.filePath(name);
    return paths;
}

void requireKept(const fuzz::Check &check, const QStringList &paths)
{
    for (const QString &path : paths) {
        INFO(path.toStdString());
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(check(file.readAll()).join(u"; "_s).toStdString() == "");
    }
}
} // namespace

TEST_CASE("Every input kept from fuzzing passes its target's checks", "[security][fuzz]")
{
    for (const fuzz::Target &target : fuzz::targets()) {
        INFO("fuzz target " << target.name.toStdString());
        const QStringList kept = filesIn(QStringLiteral(CPIS_TEST_DATA "/fuzz/") + target.name);
        CHECK_FALSE(kept.isEmpty());
        requireKept(target.check, kept);
    }
}

TEST_CASE("Every sample message passes the message readers' fuzz checks", "[security][fuzz]")
{
    const QStringList samples = filesIn(QStringLiteral(CPIS_TEST_DATA "/messages"));
    REQUIRE(samples.size() > 10);
    requireKept(fuzz::checkMessageReaders, samples);
}
