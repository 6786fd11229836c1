// Which language the client speaks (command line, setting, system locale) and loading its
// catalogue, so that every window is built in that language.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class QCoreApplication;
class QTranslator;

namespace cpis::ui {

struct InterfaceLanguage
{
    static constexpr auto kSettingKey = "ui/language";
    static constexpr auto kEnglish = "en_GB";
    static constexpr auto kWelsh = "cy";

    QString code;    // en_GB or cy
    QString problem; // why a value asked for was not used; empty when it was

    static QStringList known();
    // First given wins: --language, then the setting, then the system locale (LANG, LANGUAGE).
    // An unknown value falls back to English with `problem` saying so.
    static InterfaceLanguage choose(const QString &commandLine, const QString &setting,
                                    const QLocale &system);
    // Reads --language from argv before the application object parses it: the option
    // descriptions of --help must already be in the chosen language.
    static QString fromArguments(int argc, char **argv);

    // Folders searched for cpis-workview_CODE.qm, installed copy first.
    static QStringList catalogueFolders();
    // The catalogue for `code`, or null with the reason in `problem`.
    static std::unique_ptr<QTranslator> loadCatalogue(const QString &code, QString *problem);
    // Dates, day names and numbers in that language from now on.
    static void useLocale(const QString &code);
    // At start-up: chooses from argv, the setting and the system, installs the catalogue on
    // `app` and sets the locale. Problems go to stderr; English is used then.
    static void setUp(QCoreApplication &app, int argc, char **argv);
};

} // namespace cpis::ui
