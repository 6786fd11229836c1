// Files the client writes (CSV, PDF) are whole or not there: a stopped or failed write
// leaves the file that was there before untouched.
#include "domain/whole_file.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

TEST_CASE("A file is written whole, with progress between pieces", "[unit]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.csv"_s);
    QByteArrayList pieces;
    for (int i = 0; i < 2500; ++i)
        pieces.append(QByteArray::number(i) + '\n');
    QList<qint64> reported;
    const Status written = writeWholeFile(path, pieces, [&](qint64 done, qint64 total) {
        CHECK(total == 2500);
        reported.append(done);
        return true;
    });
    REQUIRE(written.ok());
    CHECK(contents(path) == pieces.join());
    CHECK(reported == QList<qint64>{0, 1000, 2000, 2500});
}

TEST_CASE("A stopped or failed write leaves the old file as it was", "[unit]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.csv"_s);
    REQUIRE(writeWholeFile(path, {"yesterday\n"}).ok());
    const QByteArrayList pieces(5000, "today\n");

    const Status stopped =
        writeWholeFile(path, pieces, [](qint64 done, qint64) { return done < 2000; });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == u"cancelled"_s);
    CHECK(contents(path) == "yesterday\n");
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"out.csv"_s});

    const QString nowhere = dir.filePath(u"no-such-folder/out.csv"_s);
    const Status failed = writeWholeFile(nowhere, pieces);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.contains(u"no-such-folder"_s));
    CHECK(failed.error().message.contains(u"Nothing was saved"_s));
    CHECK_FALSE(QFile::exists(nowhere));
}
