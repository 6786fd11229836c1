// The Help menu against a real database: F1 opens the page for the signed-in user's role,
// the pages name only labels the windows really show, the Welsh pages mirror the English
// ones, and About shows what the client is connected to.
#include "db/migrator.h"
#include "dialogs/case_note_dialog.h"
#include "dialogs/new_request_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "gui/step_window_support.h"
#include "gui/visible_texts.h"
#include "help/about_dialog.h"
#include "help/help_topic.h"
#include "help/help_window.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "translations/welsh_translator.h"

#include <catch2/catch.hpp>

#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTableView>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
QString pageText(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

QStringList matches(const QString &text, const QString &pattern)
{
    QStringList found;
    auto it = QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption)
                  .globalMatch(text);
    while (it.hasNext())
        found << it.next().captured(1);
    return found;
}

// The labels a page names: its bold text, with the HTML entities read.
QStringList namedLabels(const QString &path)
{
    QStringList labels;
    for (const QString &bold : matches(pageText(path), u"<b>(.*?)</b>"_s))
        labels << test::plainText(bold).simplified();
    return labels;
}

const QList<cpis::ui::HelpTopic> kTopics{cpis::ui::HelpTopic::SafeguardingAdmin,
                                         cpis::ui::HelpTopic::KeyWorker};

ui::HelpWindow *pressF1(ui::MainWindow *window)
{
    window->activateWindow();
    QTest::keyClick(window, Qt::Key_F1);
    ui::HelpWindow *help = nullptr;
    REQUIRE(waitFor(
        [&] { return (help = window->findChild<ui::HelpWindow *>()) && help->isVisible(); }));
    return help;
}
} // namespace

TEST_CASE("F1 opens the help page for the signed-in user's role", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    struct Case
    {
        QString login;
        ui::HelpTopic topic;
        QString page;
    };
    for (const Case &c :
         {Case{world.admin.login, ui::HelpTopic::SafeguardingAdmin, u":/help/en_GB/admin.html"_s},
          Case{world.keyWorker.login, ui::HelpTopic::KeyWorker, u":/help/en_GB/key_worker.html"_s},
          Case{world.manager.login, ui::HelpTopic::KeyWorker, u":/help/en_GB/key_worker.html"_s}}) {
        INFO(c.login.toStdString());
        auto window = test::signedInWindow(db, c.login);
        // The Help menu is there for everyone, so the menu bar shows for every role.
        CHECK(window->menuBar()->isVisible());
        CHECK(child<QMenu>(window.get(), u"helpMenu"_s)->menuAction()->isVisible());
        CHECK_FALSE(window->windowIcon().isNull());
        ui::HelpWindow *help = pressF1(window.get());
        CHECK(help->topic() == c.topic);
        CHECK(help->page() == c.page);
        auto *browser = child<QTextBrowser>(help, u"helpBrowser"_s);
        const QString title = c.topic == ui::HelpTopic::SafeguardingAdmin
                                  ? u"Safeguarding Admin: working CP-IS notifications"_s
                                  : u"Key workers: a CP-IS notification for your child"_s;
        CHECK(browser->toPlainText().startsWith(title));
        test::screenshot(help, c.topic == ui::HelpTopic::SafeguardingAdmin ? u"help-admin"_s
                                                                           : u"help-key-worker"_s);
        // The other procedure's page is one click away.
        test::click(child<QPushButton>(help, c.topic == ui::HelpTopic::SafeguardingAdmin
                                                 ? u"helpKeyWorkerButton"_s
                                                 : u"helpAdminButton"_s));
        CHECK(help->topic() != c.topic);
    }
}

TEST_CASE("A Welsh UI shows the Welsh help pages, with the English page's sections", "[gui]")
{
    const auto restore = qScopeGuard([before = QLocale()] { QLocale::setDefault(before); });
    for (const ui::HelpTopic topic : kTopics) {
        const QString english = ui::helpPagePath(topic, QLocale(u"en_GB"_s));
        const QString welsh = ui::helpPagePath(topic, QLocale(u"cy_GB"_s));
        INFO(english.toStdString());
        CHECK(english.startsWith(u":/help/en_GB/"_s));
        REQUIRE(welsh.startsWith(u":/help/cy/"_s));
        // Another language falls back to English.
        CHECK(ui::helpPagePath(topic, QLocale(u"fr_FR"_s)) == english);
        const QString englishText = pageText(english);
        const QString welshText = pageText(welsh);
        CHECK(matches(welshText, u"<h2 id=\"([^\"]+)\""_s) ==
              matches(englishText, u"<h2 id=\"([^\"]+)\""_s));
        CHECK(matches(englishText, u"<h2 id=\"([^\"]+)\""_s).size() >= 4);
        // Each section has as many steps in both languages.
        CHECK(matches(welshText, u"(<li>)"_s).size() == matches(englishText, u"(<li>)"_s).size());
        CHECK(welshText.contains(u"lang=\"cy\""_s));
        CHECK(welshText.contains(u"gweithiwr allweddol"_s));
    }
    QLocale::setDefault(QLocale(u"cy_GB"_s));
    ui::HelpWindow help;
    help.showTopic(ui::HelpTopic::KeyWorker);
    CHECK(help.page() == u":/help/cy/key_worker.html"_s);
    CHECK(child<QTextBrowser>(&help, u"helpBrowser"_s)
              ->toPlainText()
              .startsWith(u"Gweithwyr allweddol"_s));
    help.resize(760, 720);
    help.show();
    test::screenshot(&help, u"help-key-worker-cy"_s);
}

namespace {
// Every text the windows of both procedures show, in the language installed now.
QStringList textsOfTheProcedureWindows()
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    QStringList shown;

    // The key worker's screens: the workview with a request, the request, a case note.
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.addStep());
    {
        auto window = test::signedInWindow(db, world.keyWorker.login);
        shown << test::visibleTexts(window.get());
        auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
        REQUIRE(waitFor([&] { return table->model()->rowCount() == 1; }));
        table->setCurrentIndex(table->model()->index(0, 0));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        ui::RequestWindow *request = nullptr;
        REQUIRE(waitFor([&] {
            request = window->requestWindow(requestId);
            return request && request->isLoaded();
        }));
        shown << test::visibleTexts(request);
        test::click(child<QPushButton>(request, u"addCaseNoteButton"_s));
        auto *note = test::openDialog<ui::CaseNoteDialog>(request);
        shown << test::visibleTexts(note);
        note->reject();
    }
    // The Safeguarding Admin's: the workview, the step, New request, Next actions.
    {
        auto window = test::signedInWindow(db, world.admin.login);
        shown << test::visibleTexts(window.get());
        ui::StepWindow *step = test::startStep(*window, world.stepId);
        shown << test::visibleTexts(step);
        step->showSection(0);
        test::click(child<QPushButton>(step, u"notifyButton"_s));
        auto *request = test::openDialog<ui::NewRequestDialog>(step);
        shown << test::visibleTexts(request);
        request->reject();
        auto *action = test::openNextActionDialog(step);
        shown << test::visibleTexts(action);
        action->reject();
    }
    return shown;
}
} // namespace

TEST_CASE("Every label the help pages name is a text the real windows show, in the page's language",
          "[gui]")
{
    // The Welsh pages name the labels as the Welsh windows show them.
    const QStringList english = textsOfTheProcedureWindows();
    QStringList welsh;
    {
        test::WelshTranslator inWelsh;
        welsh = textsOfTheProcedureWindows();
    }
    const auto isShown = [](const QStringList &shown, const QString &label) {
        return std::any_of(shown.cbegin(), shown.cend(),
                           [&label](const QString &text) { return text.contains(label); });
    };
    for (const ui::HelpTopic topic : kTopics) {
        for (const QLocale &locale : {QLocale(u"en_GB"_s), QLocale(u"cy_GB"_s)}) {
            const QString page = ui::helpPagePath(topic, locale);
            const QStringList &shown = locale.language() == QLocale::Welsh ? welsh : english;
            const QStringList labels = namedLabels(page);
            CHECK(labels.size() >= 8);
            for (const QString &label : labels) {
                INFO(page.toStdString() << " names \"" << label.toStdString() << "\"");
                CHECK(isShown(shown, label));
            }
        }
    }
    // And the check can fail: a label no window shows is not found, nor one in the other
    // language.
    CHECK_FALSE(isShown(english, u"Send to the Spine Portal"_s));
    CHECK_FALSE(isShown(welsh, u"Start work"_s));
    CHECK(isShown(english, u"Start work"_s));
}

TEST_CASE("About shows the versions, the database, the schema and the login, no password", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    // A password in the connection string (the test cluster trusts its socket, so it is
    // never asked for) must not show.
    test::isolateSettings();
    const QString conninfo = db.connInfo().toKeywordValueString() + u" password=Sekret-4711"_s;
    ui::MainWindow window({DatabaseChoice::Source::CommandLine, conninfo, {}},
                          world.keyWorker.login);
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    REQUIRE(ready.wait(30000));

    auto *action = child<QAction>(window.menuBar(), u"aboutAction"_s);
    CHECK(action->text() == u"&About CP-IS Workview"_s);
    action->trigger();
    ui::AboutDialog *about = nullptr;
    REQUIRE(waitFor(
        [&] { return (about = window.findChild<ui::AboutDialog *>()) && about->isLoaded(); }));
    const auto text = [about](const char *name) {
        return child<QLabel>(about, QString::fromLatin1(name))->text();
    };
    CHECK(text("aboutVersion") == QStringLiteral(CPIS_VERSION));
    CHECK(text("aboutQtVersion") == QString::fromLatin1(qVersion()));
    // The test cluster's conninfo names no port: libpq then uses the default.
    const QString port = db.connInfo().value(u"port"_s);
    CHECK(text("aboutServer") == u"socket in %1, port %2"_s.arg(db.connInfo().value(u"host"_s),
                                                                port.isEmpty() ? u"5432"_s : port));
    CHECK(text("aboutDatabase") == db.name());
    CHECK(text("aboutServerVersion") == db.connection().serverVersion());
    CHECK(text("aboutSchemaVersion") == QString::number(Migrator::bundled().last().version));
    CHECK(text("aboutLogin") == world.keyWorker.login);
    const QStringList everything = test::visibleTexts(about);
    CHECK_FALSE(everything.join(u'\n').contains(u"Sekret-4711"_s));
    CHECK_FALSE(everything.join(u'\n').contains(u"password"_s, Qt::CaseInsensitive));
    test::screenshot(about, u"about"_s);
}
