// The parts use only the parts below them (docs/architecture.md). The CMake targets prove it
// for symbols; this reads every #include "..." under core/, ui/ and app/ and catches what a
// header-only use would slip past the linker.
#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

// Each part and the parts whose headers it may include. "result.h" is the domain's.
const QHash<QString, QStringList> kMayUse{
    {u"domain"_s, {}},
    {u"db"_s, {u"domain"_s}},
    {u"config"_s, {u"db"_s, u"domain"_s}},
    {u"workflow"_s, {u"config"_s, u"db"_s, u"domain"_s}},
    {u"cpis"_s, {u"workflow"_s, u"config"_s, u"db"_s, u"domain"_s}},
    {u"ui"_s, {u"workflow"_s, u"cpis"_s, u"config"_s, u"domain"_s}},
};

// From db the UI may use only the database thread's interface: the thread, the choice of
// database, what it is connected to, its change notifications and the codes of its refusals.
const QSet<QString> kUiDatabaseInterface{
    u"db/database_worker.h"_s, u"db/database_choice.h"_s,  u"db/connection_details.h"_s,
    u"db/change_listener.h"_s, u"db/job_cancellation.h"_s, u"db/error_codes.h"_s,
};

const QStringList kCoreParts{u"domain"_s, u"db"_s, u"config"_s, u"workflow"_s, u"cpis"_s};

// The core part a quoted include names, or empty for one of the including part's own files.
QString partOf(const QString &include)
{
    if (include == u"result.h"_s)
        return u"domain"_s;
    const QString first = include.section(u'/', 0, 0);
    return include.contains(u'/') && kCoreParts.contains(first) ? first : QString();
}

QStringList includesOf(const QString &path)
{
    static const QRegularExpression include(uR"re(^\s*#\s*include\s*"([^"]+)")re"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"(unreadable)"_s};
    QStringList found;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (const auto match = include.match(QString::fromUtf8(line)); match.hasMatch())
            found.append(match.captured(1));
    return found;
}

// Why `include` is not allowed in a file of `part`, or empty when it is.
QString refusal(const QString &part, const QString &include)
{
    const QString used = partOf(include);
    if (part == u"app"_s || used == part)
        return {};
    if (used.isEmpty()) {
        // In the core every include names its part; anything else is not ours to use.
        return part == u"ui"_s ? QString() : u"not a core part"_s;
    }
    if (kMayUse.value(part).contains(used))
        return {};
    if (part == u"ui"_s && kUiDatabaseInterface.contains(include))
        return {};
    const QStringList allowed = kMayUse.value(part);
    QString why = u"%1 may use %2"_s.arg(part, allowed.isEmpty() ? u"nothing of ours"_s
                                                                 : allowed.join(u", "_s));
    if (part == u"ui"_s)
        why += u", and from db only the database thread's interface"_s;
    return why;
}

struct Scan
{
    int files = 0;
    QStringList violations; // "core/workflow/x.cpp includes "cpis/y.h": workflow may use ..."
};

void scanFolder(const QString &root, const QString &folder, const QString &part, Scan &scan)
{
    QDirIterator it(root + u'/' + folder, {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++scan.files;
        for (const QString &include : includesOf(path)) {
            if (const QString why = refusal(part, include); !why.isEmpty())
                scan.violations.append(
                    u"%1 includes \"%2\": %3"_s.arg(path.mid(root.size() + 1), include, why));
        }
    }
}

Scan scanTree(const QString &root)
{
    Scan scan;
    for (const QString &part : kCoreParts)
        scanFolder(root, u"core/"_s + part, part, scan);
    scanFolder(root, u"ui"_s, u"ui"_s, scan);
    scanFolder(root, u"app"_s, u"app"_s, scan);
    return scan;
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

TEST_CASE("Every part includes only the headers of the parts it may use", "[unit]")
{
    const Scan scan = scanTree(QStringLiteral(CPIS_SOURCE_DIR));
    INFO(scan.violations.join(u'\n').toStdString());
    CHECK(scan.files > 150); // the tree was found and read
    CHECK(scan.violations.isEmpty());
}

TEST_CASE("The layering check names the file and the include of each violation", "[unit]")
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + u"/core/domain/rule.h"_s, "#include \"result.h\"\n#include \"db/connection.h\"\n");
    write(root + u"/core/db/connection.h"_s, "#include \"domain/rule.h\"\n");
    write(root + u"/core/config/store.cpp"_s, "  #  include \"cpis/mesh_client.h\"\n");
    write(root + u"/core/workflow/step.cpp"_s,
          "#include \"config/store.h\"\n#include \"admin/window.h\"\n");
    write(root + u"/ui/admin/window.cpp"_s,
          "#include \"admin/window.h\"\n#include \"db/database_worker.h\"\n"
          "#include \"db/migrator.h\"\n#include \"cpis/exchange.h\"\n");
    write(root + u"/app/cpisctl/main.cpp"_s, "#include \"db/migrator.h\"\n");

    const Scan scan = scanTree(root);
    CHECK(scan.files == 6);
    QStringList found = scan.violations;
    found.sort();
    CHECK(found ==
          QStringList{
              u"core/config/store.cpp includes \"cpis/mesh_client.h\": config may use db, domain"_s,
              u"core/domain/rule.h includes \"db/connection.h\": domain may use nothing of ours"_s,
              u"core/workflow/step.cpp includes \"admin/window.h\": not a core part"_s,
              u"ui/admin/window.cpp includes \"db/migrator.h\": ui may use workflow, cpis, "
              u"config, domain, and from db only the database thread's interface"_s,
          });
}
