#include "application.h"

#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImageWriter>
#include <QTimer>

#include <cstdio>

namespace cpis::ui {

namespace {
bool wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

void printError(const Error &error)
{
    std::fprintf(stderr, "cpis-workview: %s\n", qUtf8Printable(error.message));
    if (!error.hint.isEmpty())
        std::fprintf(stderr, "What to try: %s\n", qUtf8Printable(error.hint));
}
} // namespace

int runWorkview(int argc, char **argv)
{
    // A screenshot needs no display: render offscreen unless the caller chose a platform.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cpis-workview"));
    QApplication::setApplicationDisplayName(QObject::tr("CP-IS Workview"));
    QApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("CP-IS Workview: Child Protection - Information Sharing "
                    "caseworker client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QObject::tr("Use this PostgreSQL connection string or URI instead of "
                    "CPIS_DATABASE, PGHOST/PGSERVICE or the embedded database."),
        QObject::tr("conninfo"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QObject::tr("Render the window to this PNG once loaded, then exit."), QObject::tr("file"));
    parser.addOption(database);
    parser.addOption(screenshot);
    parser.process(app);

    const auto choice = DatabaseChoice::choose(
        parser.isSet(database) ? std::optional(parser.value(database)) : std::nullopt);
    MainWindow window(choice);

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QObject::connect(&window, &MainWindow::ready, &window, [&window, file] {
            // Let the layout settle before rendering.
            QTimer::singleShot(0, &window, [&window, file] {
                QImageWriter writer(file, "png");
                if (!writer.write(window.grab().toImage())) {
                    std::fprintf(stderr, "cpis-workview: could not write %s: %s\n",
                                 qUtf8Printable(file), qUtf8Printable(writer.errorString()));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("Screenshot written to %s\n", qUtf8Printable(file));
                QCoreApplication::exit(0);
            });
        });
        QObject::connect(&window, &MainWindow::failed, &window, [](const Error &error) {
            printError(error);
            QCoreApplication::exit(3);
        });
    }

    window.show();
    window.connectToDatabase();
    return QApplication::exec();
}

} // namespace cpis::ui
