// The Debian package, as a fresh machine gets it: CPack builds it from this build tree, it is
// unpacked into a throwaway folder (dpkg-deb -x: no root, no container), its files are where
// they belong, its .desktop file is valid, and the installed programs start against the test
// cluster.
#include "db/migrator.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
test::ProcessResult run(const QString &program, const QStringList &args,
                        const QProcessEnvironment &env = test::cleanEnvironment())
{
    const QString found = QStandardPaths::findExecutable(program);
    INFO(program.toStdString() << " is needed (scripts/lib/common.sh installs it)");
    REQUIRE((QFileInfo(program).isAbsolute() || !found.isEmpty()));
    auto r = test::runProgram(QFileInfo(program).isAbsolute() ? program : found, args, env, 240000);
    INFO(program.toStdString() << " " << args.join(u' ').toStdString() << "\n"
                               << r.out.toStdString() << r.err.toStdString());
    CHECK(r.exitCode == 0);
    return r;
}

// The exchange service's unit, as packaged: hardened, restarted always, and valid to
// systemd-analyze verify (pointed at the unpacked cpisctl; man pages are not looked up, as
// the unpacked ones are not where man finds them).
void checkExchangeUnit(const QString &usr, const QString &scratch)
{
    QFile unit(usr + u"/lib/systemd/system/cpis-exchange.service"_s);
    REQUIRE(unit.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(unit.readAll());
    for (const QString &line :
         {u"ExecStart=/usr/bin/cpisctl exchange"_s, u"Restart=always"_s, u"DynamicUser=yes"_s,
          u"User=cpis-exchange"_s, u"NoNewPrivileges=yes"_s, u"ProtectSystem=strict"_s,
          u"ProtectHome=yes"_s, u"PrivateTmp=yes"_s, u"PrivateDevices=yes"_s,
          u"RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX"_s,
          u"LoadCredential=pgpass:/etc/cpis-workview/exchange.pgpass"_s,
          u"LoadCredential=exchange-key:/etc/cpis-workview/exchange-key.pem"_s}) {
        INFO(line.toStdString());
        CHECK(text.split(u'\n').contains(line));
    }
    CHECK(QFileInfo::exists(usr + u"/share/doc/cpis-workview/examples/exchange.env.example"_s));
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty()) {
        WARN("systemd-analyze is not installed: the unit's syntax is not checked");
        return;
    }
    REQUIRE(QDir().mkpath(scratch));
    QFile copy(scratch + u"/cpis-exchange.service"_s);
    REQUIRE(copy.open(QIODevice::WriteOnly));
    copy.write(QString(text).replace(u"/usr/bin/cpisctl"_s, usr + u"/bin/cpisctl"_s).toUtf8());
    copy.close();
    run(analyze, {u"verify"_s, u"--man=no"_s, copy.fileName()});
}

QString field(const QString &deb, const QString &name)
{
    return run(u"dpkg-deb"_s, {u"--field"_s, deb, name}).out.trimmed();
}
} // namespace

TEST_CASE("The Debian package installs into a folder and its programs start", "[package]")
{
    QTemporaryDir work(QDir::tempPath() + u"/cpis-package-XXXXXX"_s);
    REQUIRE(work.isValid());

    // Build the package from this build tree, as scripts/package does from its own.
    run(QStringLiteral(CPIS_CPACK),
        {u"--config"_s, QStringLiteral(CPIS_BUILD_DIR) + u"/CPackConfig.cmake"_s, u"-B"_s,
         work.filePath(u"out"_s)});
    const QString arch = run(u"dpkg"_s, {u"--print-architecture"_s}).out.trimmed();
    const QString deb =
        work.filePath(u"out/cpis-workview_%1_%2.deb"_s.arg(QStringLiteral(CPIS_VERSION), arch));
    REQUIRE(QFileInfo::exists(deb));

    CHECK(field(deb, u"Package"_s) == u"cpis-workview"_s);
    CHECK(field(deb, u"Version"_s) == QStringLiteral(CPIS_VERSION));
    CHECK(field(deb, u"Section"_s) == u"misc"_s);
    CHECK(field(deb, u"Maintainer"_s).contains(u'@'));
    const QString description = field(deb, u"Description"_s);
    CHECK(description.startsWith(u"caseworker client for CP-IS"_s));
    CHECK(description.contains(u"Safeguarding Admin triage"_s));
    CHECK_FALSE(description.contains(u';')); // a CMake list would leave its separators
    // From dpkg-shlibdeps, plus the SQL driver plugin, which no program links.
    const QString depends = field(deb, u"Depends"_s);
    INFO(depends.toStdString());
    for (const QString &package :
         {u"libqt6widgets6"_s, u"libqt6sql6"_s, u"libpq5"_s, u"libqt6sql6-psql"_s, u"libc6"_s})
        CHECK(depends.contains(package));

    // Unpack it where a fresh machine would have /.
    const QString root = work.filePath(u"root"_s);
    run(u"dpkg-deb"_s, {u"-x"_s, deb, root});
    const QString usr = root + u"/usr"_s;
    for (const QString &program : {u"cpis-workview"_s, u"cpisctl"_s}) {
        const QFileInfo installed(usr + u"/bin/"_s + program);
        INFO(installed.filePath().toStdString());
        CHECK(installed.isExecutable());
    }
    const QString icons = usr + u"/share/icons/hicolor/"_s;
    CHECK(QFileInfo::exists(icons + u"scalable/apps/cpis-workview.svg"_s));
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QImage png(icons + u"%1x%1/apps/cpis-workview.png"_s.arg(size));
        INFO(size);
        CHECK(png.size() == QSize(size, size));
    }
    // man reads each page (plain text through a pipe, no pager): its NAME section comes out.
    auto plain = test::cleanEnvironment();
    plain.insert(u"MANPAGER"_s, u"cat"_s);
    for (const QString &page : {u"cpisctl"_s, u"cpis-workview"_s}) {
        const QString installed = usr + u"/share/man/man1/"_s + page + u".1.gz"_s;
        REQUIRE(QFileInfo::exists(installed));
        CHECK(run(u"man"_s, {u"-l"_s, installed}, plain).out.contains(u"NAME\n       "_s + page));
    }
    CHECK(QFileInfo(usr + u"/share/cpis-workview/translations"_s).isDir());
    checkExchangeUnit(usr, work.filePath(u"unit"_s));

    const QString desktop = usr + u"/share/applications/cpis-workview.desktop"_s;
    run(u"desktop-file-validate"_s, {desktop});
    QSettings entry(desktop, QSettings::IniFormat);
    entry.beginGroup(u"Desktop Entry"_s);
    CHECK(QFileInfo(usr + u"/bin/"_s + entry.value(u"Exec"_s).toString()).isExecutable());
    CHECK(entry.value(u"Icon"_s).toString() == u"cpis-workview"_s);

    // The installed programs start against the test cluster, with nothing of the user's.
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString conninfo = db.connInfo().toKeywordValueString();
    auto env = test::cleanEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, work.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, work.filePath(u"data"_s));

    const QString cpisctl = usr + u"/bin/cpisctl"_s;
    CHECK(run(cpisctl, {u"--help"_s}, env).out.contains(u"db status"_s));
    const auto status = run(cpisctl, {u"db"_s, u"status"_s, u"--database"_s, conninfo}, env);
    CHECK(status.out.contains(u"version %1, up to date"_s.arg(Migrator::bundled().last().version)));
    const auto workview =
        run(cpisctl, {u"workview"_s, u"CP-IS Worker"_s, u"--database"_s, conninfo}, env);
    CHECK(workview.out.contains(u"CPIS Follow Up"_s));

    const QString shot = work.filePath(u"workview.png"_s);
    run(usr + u"/bin/cpis-workview"_s,
        {u"--database"_s, conninfo, u"--user"_s, world.admin.login, u"--screenshot"_s, shot}, env);
    const QImage image(shot);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() >= 1000);
    if (const QString dir = qEnvironmentVariable("CPIS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        QFile::copy(shot, dir + u"/installed-workview.png"_s);
    }
}
