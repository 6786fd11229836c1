// The catalogue against the code: lupdate run over the sources into a copy of each .ts (the
// real ones are never rewritten here) finds no string the Welsh lacks, and every message is
// finished, with the source's placeholders and mnemonics.
#include "language/qt_own_strings.h"
#include "translations/english_sources.h"
#include "translations/ts_catalogue.h"
#include "translations/welsh_translator.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
QByteArray digest(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// lupdate over the code into a copy of `ts`, as `cmake --build … --target update_translations`
// would do to the real one; returns the copy, read.
test::TsCatalogue updatedCopy(const QString &ts, const QStringList &extraOptions)
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(ts).fileName());
    REQUIRE(QFile::copy(ts, copy));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(CPIS_LUPDATE),
                  QStringList{u"@"_s + QStringLiteral(CPIS_LUPDATE_SOURCES), u"-locations"_s,
                              u"none"_s, u"-ts"_s, copy} +
                      extraOptions);
    REQUIRE(lupdate.waitForFinished(120000));
    const QString output = QString::fromUtf8(lupdate.readAll());
    INFO(output.toStdString());
    REQUIRE(lupdate.exitCode() == 0);
    QString problem;
    auto catalogue = test::TsCatalogue::read(copy, &problem);
    INFO(problem.toStdString());
    REQUIRE(catalogue);
    return *catalogue;
}

QString listOf(const QStringList &lines)
{
    return u"\n  "_s + lines.join(u"\n  "_s);
}
} // namespace

TEST_CASE("The Welsh catalogue has every translatable string in the code and each is finished",
          "[translations]")
{
    const QString welsh = QStringLiteral(CPIS_WELSH_TS);
    const QByteArray before = digest(welsh);
    QString problem;
    const auto original = test::TsCatalogue::read(welsh, &problem);
    REQUIRE(original);
    QSet<QString> known;
    for (const test::TsMessage &m : original->messages)
        known.insert(m.describe());
    const test::TsCatalogue catalogue = updatedCopy(welsh, {});
    CHECK(digest(welsh) == before); // the source catalogue itself is untouched
    CHECK(catalogue.language == u"cy"_s);
    REQUIRE(catalogue.messages.size() > 700);

    QStringList problems;
    for (const test::TsMessage &m : catalogue.messages) {
        if (!known.contains(m.describe())) {
            problems << m.describe() + u": missing from cpis-workview_cy.ts"_s;
            continue;
        }
        for (const QString &problem : test::messageProblems(m))
            problems << m.describe() + u": "_s + problem;
        // Qt 6.4 has five Welsh plural forms; lupdate made room for them all.
        if (m.numerus && m.translations.size() != 5)
            problems << m.describe() +
                            u": %1 plural forms, Welsh needs 5"_s.arg(m.translations.size());
    }
    INFO("Run: cmake --build build --target update_translations, then translate these in "
         "translations/cpis-workview_cy.ts:"
         << listOf(problems).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("The English catalogue has the plural forms of every plural string", "[translations]")
{
    const test::TsCatalogue catalogue =
        updatedCopy(QStringLiteral(CPIS_ENGLISH_TS), {u"-pluralonly"_s});
    CHECK(catalogue.language == u"en_GB"_s);
    QStringList problems;
    qsizetype plurals = 0;
    for (const test::TsMessage &m : catalogue.messages) {
        if (!m.numerus)
            continue;
        ++plurals;
        for (const QString &problem : test::messageProblems(m))
            problems << m.describe() + u": "_s + problem;
        if (m.translations.size() != 2)
            problems << m.describe() + u": English needs 2 plural forms"_s;
    }
    CHECK(plurals >= 5);
    INFO(listOf(problems).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("The catalogue checks catch a broken translation", "[translations]")
{
    test::TsMessage m{u"Ctx"_s, u"&Save %1 of %2"_s, false, {}, {u"&Cadw %1 o %3"_s}};
    CHECK(test::messageProblems(m).join(u'\n').contains(u"placeholders %1 %3, the source %1 %2"_s));
    m.translations = {u"Cadw %1 o %2"_s};
    CHECK(test::messageProblems(m).join(u'\n').contains(u"0 mnemonic(s)"_s));
    m.translations = {u" "_s};
    CHECK(test::messageProblems(m).join(u'\n').contains(u"empty"_s));
    m.translations = {u"&Cadw %1 o %2"_s};
    m.type = u"unfinished"_s;
    CHECK(test::messageProblems(m).join(u'\n').contains(u"unfinished"_s));
    m.type.clear();
    CHECK(test::messageProblems(m).isEmpty());
    // A&E is an abbreviation, && a literal ampersand: neither is a mnemonic.
    CHECK(test::mnemonics(u"A&E and &&more &Next"_s) == QStringList{u"n"_s});
}

TEST_CASE("Qt's own buttons and menus read in Welsh through the client's catalogue",
          "[translations]")
{
    test::WelshTranslator welsh;
    QStringList english;
    for (const ui::QtOwnString &s : ui::qtOwnStrings()) {
        if (QCoreApplication::translate(s.context, s.source) == QLatin1String(s.source))
            english << QString::fromLatin1(s.context) + u" "_s + QString::fromLatin1(s.source);
    }
    INFO(listOf(english).toStdString());
    CHECK(english.isEmpty());
    CHECK(QCoreApplication::translate("QPlatformTheme", "OK") == u"Iawn"_s);
    CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == u"Canslo"_s);
}

TEST_CASE("Welsh and English plural forms follow the number", "[translations]")
{
    const auto days = [](int n) {
        return QCoreApplication::translate("cpis::ui::TeamRequestsPanel", "%n day(s)", nullptr, n);
    };
    // The test programs load the English catalogue as the client does (test_main.cpp).
    CHECK(days(1) == u"1 day"_s);
    CHECK(days(2) == u"2 days"_s);
    CHECK(QCoreApplication::translate("Display", "%n month(s)", nullptr, 1) == u"1 month"_s);
    test::WelshTranslator welsh;
    for (const int n : {0, 1, 2, 3, 6, 8, 11, 20})
        CHECK(days(n) == u"%1 diwrnod"_s.arg(n));
}

TEST_CASE("A visible text is English when it is a source text whose Welsh differs",
          "[translations]")
{
    QString problem;
    const auto welsh = test::TsCatalogue::read(QStringLiteral(CPIS_WELSH_TS), &problem);
    REQUIRE(welsh);
    const test::EnglishSources english(*welsh);
    CHECK(english.match(u"Current work"_s) == u"Current work"_s);
    CHECK(english.match(u"&Save"_s) == u"&Save"_s);
    CHECK(english.match(u"Incoming work (3)"_s) == u"Incoming work (%1)"_s);
    CHECK(english.match(u"<b>Legal name:</b> Thomas Turner"_s) == u"<b>Legal name:</b> %1"_s);
    CHECK(english.match(u"Thomas Turner\nNot acknowledged"_s) == u"Not acknowledged"_s);
    CHECK(english.match(u"Gwaith cyfredol"_s).isEmpty());
    CHECK(english.match(u"Thomas Turner (3549728)"_s).isEmpty()); // data
    CHECK(english.match(u"943 476 5919"_s).isEmpty());
    CHECK(english.match(u"CP-IS"_s).isEmpty()); // the same in Welsh
}
