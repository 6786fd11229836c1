// Catch2's main for every test executable: a Qt application object first, offscreen
// unless told otherwise, so that discovery and runs work without a display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef CPIS_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
