// The "done when" of the translations: a Welsh-speaking key worker does the whole procedure
// in Welsh: the request appears, they open it, read the document, acknowledge it and add
// the CP-IS Follow Up case note. Screenshots of each step with CPIS_SCREENSHOT_DIR set.
#include "dialogs/case_note_dialog.h"
#include "gui/gui_support.h"
#include "gui/key_worker_support.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "translations/welsh_translator.h"
#include "translations/welsh_windows.h"
#include "workview/incoming_requests_model.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::waitFor;

TEST_CASE("A Welsh-speaking key worker acknowledges a CP-IS request and adds its case note",
          "[translations][e2e]")
{
    test::WelshTranslator welsh;
    test::TestDatabase db;
    test::CaseWorld world(db, u"ae"_s);
    test::WelshWindows windows;
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *heading = child<QLabel>(window.get(), u"incomingRequestsHeading"_s);
    CHECK(heading->text() == u"Ceisiadau sy'n dod i mewn (0)"_s);

    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    REQUIRE(waitFor([&] { return heading->text() == u"Ceisiadau sy'n dod i mewn (1)"_s; }));
    auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    using Model = ui::IncomingRequestsModel;
    CHECK(table->model()->index(0, Model::Status).data().toString().contains(u"Heb ei gydnabod"_s));
    windows.look(window.get(), u"cy-e2e-01-workview"_s);

    ui::RequestWindow *request = test::openRequestByLink(*window, requestId);
    auto *status = child<QLabel>(request, u"requestStatus"_s);
    CHECK(status->text().contains(u"Heb ei gydnabod"_s));
    CHECK(status->text().contains(u"Yn aros am nodyn achos"_s));
    windows.look(request, u"cy-e2e-02-request-summary"_s);

    child<QTabWidget>(request, u"requestTabs"_s)->setCurrentIndex(1);
    const QString document = child<QTextBrowser>(request, u"requestDocument"_s)->toPlainText();
    CHECK(document.contains(u"Manylion y Plentyn"_s));
    CHECK(document.contains(u"Royal Derby Hospital"_s)); // data stays as recorded
    windows.look(request, u"cy-e2e-03-request-document"_s);

    click(child<QPushButton>(request, u"acknowledgeButton"_s));
    REQUIRE(waitFor([&] { return status->text().contains(u"Cydnabuwyd gan Jane Okafor"_s); }));

    click(child<QPushButton>(request, u"addCaseNoteButton"_s));
    ui::CaseNoteDialog *note = nullptr;
    REQUIRE(waitFor([&] { return (note = request->findChild<ui::CaseNoteDialog *>()); }));
    QTest::keyClicks(child<QPlainTextEdit>(note, u"caseNoteBody"_s),
                     u"Siaradais gyda'r gofalwr maeth; roedd yr ymweliad am arddwrn wedi'i "
                     "ysigo."_s); // QTest types ASCII only
    windows.look(note, u"cy-e2e-04-case-note"_s);
    click(child<QPushButton>(note, u"caseNoteFinish"_s));
    REQUIRE(waitFor([&] { return !status->text().contains(u"Yn aros am nodyn achos"_s); }));
    CHECK(status->text().contains(u"Ychwanegwyd nodyn achos"_s));
    child<QTabWidget>(request, u"requestTabs"_s)->setCurrentIndex(0);
    windows.look(request, u"cy-e2e-05-request-done"_s);

    REQUIRE(waitFor([&] { return heading->text() == u"Ceisiadau sy'n dod i mewn (0)"_s; }));
    windows.look(window.get(), u"cy-e2e-06-workview-after"_s);
    INFO("Visible English, or a mnemonic used twice:" << windows.report().toStdString());
    CHECK(windows.english().isEmpty());
    CHECK(windows.clashes().isEmpty());
}
