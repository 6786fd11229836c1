#include "application.h"

#include "help/app_icon.h"
#include "language/interface_language.h"
#include "main_window.h"
#include "workview/workview_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImageWriter>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// Whether the command line asks for something that needs no display.
bool wantsNoDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0 ||
            qstrcmp(argv[i], "--which-database") == 0)
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
    if (wantsNoDisplay(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cpis-workview"));
    QApplication::setOrganizationName(QStringLiteral("cpis-workview"));
    // Before any text is made: --help and every window are then in the chosen language.
    InterfaceLanguage::setUp(app, argc, argv);
    QApplication::setApplicationDisplayName(QObject::tr("CP-IS Workview"));
    QApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
    // Every window shows the icon; the desktop file names it for the task bar (Wayland).
    QApplication::setWindowIcon(applicationIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("cpis-workview"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("CP-IS Workview: Child Protection - Information Sharing "
                    "caseworker client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QObject::tr(
            "Use this PostgreSQL connection string or URI instead of "
            "CPIS_DATABASE, PGHOST/PGSERVICE, the settings files or the embedded database."),
        QObject::tr("conninfo"));
    const QCommandLineOption whichDatabase(
        QStringLiteral("which-database"),
        QObject::tr("Say which database would be used, and what chose it, then exit."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QObject::tr("Render the window to this PNG once loaded, then exit."), QObject::tr("file"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QObject::tr("Sign in as this login without asking (the embedded database trusts it; "
                    "a server uses your .pgpass or certificate)."),
        QObject::tr("login"));
    const QCommandLineOption windowSize(QStringLiteral("window-size"),
                                        QObject::tr("Window size, e.g. 1920x1080."),
                                        QObject::tr("WxH"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QObject::tr("Use this language: en_GB (English) or cy (Welsh). The default is the "
                    "setting ui/language, else the system language."),
        QObject::tr("code"));
    parser.addOption(database);
    parser.addOption(whichDatabase);
    parser.addOption(languageOption);
    parser.addOption(screenshot);
    parser.addOption(user);
    parser.addOption(windowSize);
    parser.process(app);

    // The same choice as cpisctl's (DatabaseChoice::choose states the order).
    const auto choice = DatabaseChoice::choose(
        parser.isSet(database) ? std::optional(parser.value(database)) : std::nullopt);
    if (!choice) {
        printError(choice.error());
        if (!parser.isSet(screenshot) && !parser.isSet(whichDatabase))
            QMessageBox::critical(nullptr, QObject::tr("Which database?"),
                                  choice.error().message + u"\n\n"_s + choice.error().hint);
        return 2;
    }
    if (parser.isSet(whichDatabase)) {
        // The lines cpisctl db status prints about the same choice.
        std::printf("Database:     %s\nChosen by:    %s\n", qUtf8Printable(choice->describe()),
                    qUtf8Printable(choice->origin()));
        return 0;
    }
    MainWindow window(*choice, parser.value(user));
    window.setInteractive(!parser.isSet(screenshot));
    if (parser.isSet(screenshot))
        window.resize(1280, 800); // a picture, not a window on this screen: the usual size
    if (parser.isSet(windowSize)) {
        const QStringList parts = parser.value(windowSize).split(QLatin1Char('x'));
        if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0) {
            window.resize(parts[0].toInt(), parts[1].toInt());
            window.keepSize();
        }
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto capture = [&window, file] {
            QImageWriter writer(file, "png");
            if (!writer.write(window.grab().toImage())) {
                std::fprintf(stderr, "cpis-workview: could not write %s: %s\n",
                             qUtf8Printable(file), qUtf8Printable(writer.errorString()));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("Screenshot written to %s\n", qUtf8Printable(file));
            QCoreApplication::exit(0);
        };
        QObject::connect(&window, &MainWindow::ready, &window, [&window, capture] {
            // The selected child's summary arrives just after the list: wait for it (briefly),
            // then let the layout settle before rendering.
            auto done = std::make_shared<bool>(false);
            auto once = [done, capture] {
                if (!std::exchange(*done, true))
                    capture();
            };
            QObject::connect(window.workview(), &WorkviewPage::summaryShown, &window,
                             [&window, once] { QTimer::singleShot(50, &window, once); });
            QTimer::singleShot(2000, &window, once);
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
