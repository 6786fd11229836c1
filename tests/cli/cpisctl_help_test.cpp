// cpisctl's help and the man pages cannot drift apart: every command `cpisctl --help` lists
// has full help of its own and a section in cpisctl(1), and the man page documents no
// command cpisctl does not know; cpis-workview(1) lists every option the client takes.
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace cpis::test;

namespace {
QString manPage(const char *name)
{
    QFile file(QStringLiteral(CPIS_MAN_DIR) + u'/' + QString::fromLatin1(name));
    INFO(file.fileName().toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

// The commands `cpisctl --help` lists, one a line under "Commands:".
QStringList listedCommands()
{
    const auto r = runCpisctl({u"--help"_s});
    REQUIRE(r.exitCode == 0);
    QStringList commands;
    const QRegularExpression line(u"^  (\\S+(?: \\S+)*?)  +\\S"_s);
    const QString list = r.out.section(u"Commands:\n"_s, 1).section(u"\n\n"_s, 0, 0);
    for (const QString &entry : list.split(u'\n')) {
        const auto match = line.match(entry);
        INFO(entry.toStdString());
        REQUIRE(match.hasMatch()); // one line each, with its summary
        commands << match.captured(1);
    }
    return commands;
}

// The command of each ".SS" heading: its words up to the first argument or option.
QStringList manPageCommands(const QString &page)
{
    QStringList commands;
    for (const QString &line : page.split(u'\n')) {
        if (!line.startsWith(u".SS "_s))
            continue;
        QStringList words;
        for (const QString &word : line.mid(4).split(u' ', Qt::SkipEmptyParts)) {
            if (!word.front().isLetter())
                break;
            words << word;
        }
        commands << words.join(u' ');
    }
    return commands;
}
} // namespace

TEST_CASE("Every command cpisctl lists has full help of its own", "[cli]")
{
    const QStringList commands = listedCommands();
    CHECK(commands.size() >= 20);
    for (const QString &command : commands) {
        INFO(command.toStdString());
        const auto r = runCpisctl(command.split(u' ') + QStringList{u"--help"_s});
        CHECK(r.exitCode == 0);
        // Says the command as it is typed, what it does, its options and its exit status.
        CHECK(r.out.startsWith(u"Usage: cpisctl "_s + command + u" [options]"_s));
        CHECK(r.out.contains(u"Exit status:"_s));
        CHECK(r.out.contains(u"--help"_s));
    }
}

TEST_CASE("cpisctl(1) documents exactly the commands cpisctl knows", "[cli]")
{
    const QStringList listed = listedCommands();
    const QStringList documented = manPageCommands(manPage("cpisctl.1"));
    for (const QString &command : listed) {
        INFO("cpisctl --help lists \"" << command.toStdString() << "\"");
        CHECK(documented.contains(command));
    }
    for (const QString &command : documented) {
        INFO("cpisctl.1 documents \"" << command.toStdString() << "\"");
        CHECK(listed.contains(command));
    }
    CHECK(manPage("cpisctl.1")
              .contains(u".TH CPISCTL 1 \"December 2026\" \"cpis-workview %1\""_s.arg(
                  QStringLiteral(CPIS_VERSION))));
}

TEST_CASE("cpis-workview(1) lists every option the client takes", "[cli]")
{
    const auto r = runProgram(QStringLiteral(CPIS_WORKVIEW), {u"--help"_s});
    REQUIRE(r.exitCode == 0);
    const QString page = manPage("cpis-workview.1");
    auto options = QRegularExpression(u"--([a-z][a-z-]+)"_s).globalMatch(r.out);
    int count = 0;
    while (options.hasNext()) {
        const QString option = options.next().captured(1);
        if (option == u"help-all"_s)
            continue; // Qt's own
        INFO("--" << option.toStdString());
        CHECK(page.contains(u"\\-\\-"_s + option));
        ++count;
    }
    CHECK(count >= 5);
}
