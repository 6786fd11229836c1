#include "language/interface_language.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// Accepts the codes people type: "cy_GB" and "en" as well as the canonical ones.
QString canonical(const QString &value)
{
    const QString v = value.trimmed().replace(u'-', u'_');
    if (v.compare(u"cy"_s, Qt::CaseInsensitive) == 0 ||
        v.compare(u"cy_GB"_s, Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(InterfaceLanguage::kWelsh);
    if (v.compare(u"en"_s, Qt::CaseInsensitive) == 0 ||
        v.compare(u"en_GB"_s, Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(InterfaceLanguage::kEnglish);
    return {};
}
} // namespace

QStringList InterfaceLanguage::known()
{
    return {QString::fromLatin1(kEnglish), QString::fromLatin1(kWelsh)};
}

InterfaceLanguage InterfaceLanguage::choose(const QString &commandLine, const QString &setting,
                                            const QLocale &system)
{
    const auto chosen = [](const QString &value, const QString &where) -> InterfaceLanguage {
        const QString code = canonical(value);
        if (!code.isEmpty())
            return {code, {}};
        return {QString::fromLatin1(kEnglish),
                u"unknown language \"%1\" in %2; using English (en_GB). Known languages: %3."_s.arg(
                    value, where, known().join(u", "_s))};
    };
    if (!commandLine.trimmed().isEmpty())
        return chosen(commandLine, u"--language"_s);
    if (!setting.trimmed().isEmpty())
        return chosen(setting, u"the setting %1"_s.arg(QString::fromLatin1(kSettingKey)));
    // uiLanguages() follows LANGUAGE's list as well as LANG.
    for (const QString &language : system.uiLanguages()) {
        const QString code = canonical(language.section(u'-', 0, 0));
        if (!code.isEmpty())
            return {code, {}};
    }
    return {QString::fromLatin1(kEnglish), {}};
}

QString InterfaceLanguage::fromArguments(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if ((argument == "--language" || argument == "-language") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (argument.startsWith("--language="))
            return QString::fromLocal8Bit(argument.mid(11));
    }
    return {};
}

QStringList InterfaceLanguage::catalogueFolders()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {QDir::cleanPath(appDir + u"/../share/cpis-workview/translations"_s), u":/i18n"_s};
}

void InterfaceLanguage::useLocale(const QString &code)
{
    QLocale::setDefault(code == QLatin1String(kWelsh)
                            ? QLocale(QLocale::Welsh, QLocale::UnitedKingdom)
                            : QLocale(QLocale::English, QLocale::UnitedKingdom));
}

std::unique_ptr<QTranslator> InterfaceLanguage::loadCatalogue(const QString &code, QString *problem)
{
    auto translator = std::make_unique<QTranslator>();
    const QString file = u"cpis-workview_"_s + code;
    for (const QString &folder : catalogueFolders()) {
        if (translator->load(file, folder))
            return translator;
    }
    if (problem)
        *problem = u"no catalogue %1.qm in %2"_s.arg(file, catalogueFolders().join(u", "_s));
    return nullptr;
}

void InterfaceLanguage::setUp(QCoreApplication &app, int argc, char **argv)
{
    const InterfaceLanguage language =
        choose(fromArguments(argc, argv), QSettings().value(QLatin1String(kSettingKey)).toString(),
               QLocale::system());
    if (!language.problem.isEmpty())
        std::fprintf(stderr, "cpis-workview: %s\n", qUtf8Printable(language.problem));
    QString problem;
    if (auto catalogue = loadCatalogue(language.code, &problem)) {
        catalogue->setParent(&app); // lives as long as the application
        QCoreApplication::installTranslator(catalogue.release());
    } else {
        std::fprintf(stderr, "cpis-workview: %s; using English\n", qUtf8Printable(problem));
    }
    useLocale(language.code);
}

} // namespace cpis::ui
