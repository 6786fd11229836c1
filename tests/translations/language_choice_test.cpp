// Which language the client speaks: --language, then the setting ui/language, then the
// system locale; an unknown value says so on stderr and gives English. Checked on the rule
// itself and on the real program (its --help is translated like every window).
#include "language/interface_language.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using cpis::ui::InterfaceLanguage;

namespace {
const QLocale kWelshSystem(QLocale::Welsh, QLocale::UnitedKingdom);
const QLocale kEnglishSystem(QLocale::English, QLocale::UnitedKingdom);

using Run = cpis::test::ProcessResult;

// cpis-workview --help with this environment and arguments, settings in a folder of its own.
Run workviewHelp(const QStringList &arguments, const QString &lang, const QString &setting = {})
{
    QTemporaryDir home;
    REQUIRE(home.isValid());
    if (!setting.isEmpty()) {
        REQUIRE(QDir().mkpath(home.filePath(u"config/cpis-workview"_s)));
        QFile conf(home.filePath(u"config/cpis-workview/cpis-workview.conf"_s));
        REQUIRE(conf.open(QIODevice::WriteOnly));
        conf.write("[ui]\nlanguage=" + setting.toUtf8() + "\n");
    }
    QProcessEnvironment env = cpis::test::cleanEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"HOME"_s, home.path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"LANG"_s, lang);
    env.remove(u"LANGUAGE"_s);
    env.remove(u"LC_ALL"_s);
    env.remove(u"LC_MESSAGES"_s);
    return cpis::test::runProgram(QStringLiteral(CPIS_WORKVIEW),
                                  arguments + QStringList{u"--help"_s}, env);
}

const QString kWelshHelp = u"Defnyddio'r iaith hon"_s;
const QString kEnglishHelp = u"Use this language"_s;
} // namespace

TEST_CASE("The language comes from the command line, then the setting, then the system",
          "[translations]")
{
    CHECK(InterfaceLanguage::choose({}, {}, kWelshSystem).code == u"cy"_s);
    CHECK(InterfaceLanguage::choose({}, {}, kEnglishSystem).code == u"en_GB"_s);
    CHECK(InterfaceLanguage::choose({}, {}, QLocale(QLocale::French)).code == u"en_GB"_s);
    CHECK(InterfaceLanguage::choose({}, u"cy"_s, kEnglishSystem).code == u"cy"_s);
    CHECK(InterfaceLanguage::choose({}, u"en_GB"_s, kWelshSystem).code == u"en_GB"_s);
    CHECK(InterfaceLanguage::choose(u"en_GB"_s, u"cy"_s, kWelshSystem).code == u"en_GB"_s);
    CHECK(InterfaceLanguage::choose(u"cy"_s, u"en_GB"_s, kEnglishSystem).code == u"cy"_s);
    CHECK(InterfaceLanguage::choose(u"cy_GB"_s, {}, kEnglishSystem).code == u"cy"_s);
    CHECK(InterfaceLanguage::choose({}, u" "_s, kWelshSystem).code == u"cy"_s); // empty: system
    for (const auto &choice : {InterfaceLanguage::choose({}, {}, kWelshSystem),
                               InterfaceLanguage::choose(u"en"_s, {}, kWelshSystem)})
        CHECK(choice.problem.isEmpty());
}

TEST_CASE("An unknown language names the value and where it came from and gives English",
          "[translations]")
{
    const auto fromSetting = InterfaceLanguage::choose({}, u"klingon"_s, kWelshSystem);
    CHECK(fromSetting.code == u"en_GB"_s);
    CHECK(fromSetting.problem.contains(u"\"klingon\""_s));
    CHECK(fromSetting.problem.contains(u"ui/language"_s));
    CHECK(fromSetting.problem.contains(u"en_GB, cy"_s));
    const auto fromOption = InterfaceLanguage::choose(u"fr"_s, {}, kWelshSystem);
    CHECK(fromOption.code == u"en_GB"_s);
    CHECK(fromOption.problem.contains(u"--language"_s));
}

TEST_CASE("The language option is read before the application parses its options", "[translations]")
{
    std::string a0 = "cpis-workview", a1 = "--language", a2 = "cy", a3 = "--language=en_GB";
    char *separate[] = {a0.data(), a1.data(), a2.data()};
    CHECK(InterfaceLanguage::fromArguments(3, separate) == u"cy"_s);
    char *joined[] = {a0.data(), a3.data()};
    CHECK(InterfaceLanguage::fromArguments(2, joined) == u"en_GB"_s);
    char *none[] = {a0.data(), a1.data()}; // no value: nothing chosen, the parser complains
    CHECK(InterfaceLanguage::fromArguments(2, none).isEmpty());
}

TEST_CASE("The program speaks Welsh from LANG or the setting and English when told",
          "[translations]")
{
    SECTION("LANG=cy_GB.UTF-8")
    {
        const Run run = workviewHelp({}, u"cy_GB.UTF-8"_s);
        CHECK(run.exitCode == 0);
        CHECK(run.out.contains(kWelshHelp));
        CHECK_FALSE(run.err.contains(u"language"_s));
        CHECK_FALSE(run.err.contains(u"catalogue"_s));
    }
    SECTION("the setting ui/language=cy on an English system")
    {
        const Run run = workviewHelp({}, u"en_GB.UTF-8"_s, u"cy"_s);
        CHECK(run.out.contains(kWelshHelp));
    }
    SECTION("--language en_GB over a Welsh system and setting")
    {
        const Run run = workviewHelp({u"--language"_s, u"en_GB"_s}, u"cy_GB.UTF-8"_s, u"cy"_s);
        CHECK(run.out.contains(kEnglishHelp));
        CHECK_FALSE(run.out.contains(kWelshHelp));
    }
    SECTION("an unknown setting: a clear message, English, no crash")
    {
        const Run run = workviewHelp({}, u"cy_GB.UTF-8"_s, u"xx"_s);
        CHECK(run.exitCode == 0);
        CHECK(run.out.contains(kEnglishHelp));
        CHECK(run.err.contains(u"unknown language \"xx\" in the setting ui/language; using "
                               "English (en_GB)"_s));
    }
}
