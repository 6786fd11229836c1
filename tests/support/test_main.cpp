// Catch2's main for every test executable: a Qt application object first, offscreen
// unless told otherwise, so that discovery and runs work without a display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QTemporaryDir>

#ifdef CPIS_TEST_WIDGETS
#include "language/interface_language.h"

#include <QApplication>
#include <QTranslator>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings (remembered window sizes, the last login, ...) of this run alone: tests run in
    // parallel processes would otherwise overwrite each other's, and the user's own.
    QTemporaryDir settings;
    if (settings.isValid())
        qputenv("XDG_CONFIG_HOME", settings.path().toLocal8Bit());
    TestApplication app(argc, argv);
#ifdef CPIS_TEST_WIDGETS
    // English as the client speaks it: its catalogue makes the plurals ("1 day", "2 days").
    const auto english = cpis::ui::InterfaceLanguage::loadCatalogue(u"en_GB"_qs, nullptr);
    if (english)
        QCoreApplication::installTranslator(english.get());
    cpis::ui::InterfaceLanguage::useLocale(u"en_GB"_qs);
#endif
    return Catch::Session().run(argc, argv);
}
