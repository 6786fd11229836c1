// The main screens at 150% of the default font with a high-contrast palette, as a user with
// large fonts sees them: no clipped or overlapping text; screenshots to look at. Colours that
// mean something stay readable on that palette.
#include "dialogs/case_note_dialog.h"
#include "display.h"
#include "gui/key_worker_support.h"
#include "gui/large_text_support.h"
#include "gui/step_window_support.h"
#include "request/request_window.h"
#include "sign_in/sign_in_dialog.h"
#include "support/case_world.h"

#include <catch2/catch.hpp>

#include <QStyle>
#include <QTabWidget>
#include <QTableView>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::waitFor;

namespace {
void checkFits(QWidget *window, const QString &shot)
{
    QTest::qWait(50); // layouts settle
    test::screenshot(window, shot);
    INFO("window " << window->objectName().toStdString());
    const QStringList clipped = test::clippedText(window) + test::crampedTabs(window);
    INFO(clipped.join(u'\n').toStdString());
    CHECK(clipped.isEmpty());
    const QStringList overlaps = test::overlappingText(window);
    INFO(overlaps.join(u'\n').toStdString());
    CHECK(overlaps.isEmpty());
}

// WCAG contrast ratio between two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}
} // namespace

TEST_CASE("Large text: the Safeguarding Admin's screens at 150% in high contrast fit their text",
          "[gui]")
{
    test::LargeText large(150);
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto window = test::signedInWindow(db, world.admin.login);
    checkFits(window.get(), u"large-01-workview-admin"_s);

    ui::StepWindow *step = test::startStep(*window, world.stepId);
    step->showSection(0);
    checkFits(step, u"large-02-step-section1"_s);
    step->showSection(1);
    checkFits(step, u"large-03-step-section2"_s);

    step->showSection(0);
    test::click(child<QPushButton>(step, u"notifyButton"_s));
    auto *request = test::openDialog<ui::NewRequestDialog>(step);
    checkFits(request, u"large-04-new-request"_s);
    request->reject();

    auto *nextAction = test::openNextActionDialog(step);
    checkFits(nextAction, u"large-05-next-action"_s);
    nextAction->reject();
}

TEST_CASE("Large text: the key worker's screens at 150% in high contrast fit their text", "[gui]")
{
    test::LargeText large(150);
    test::TestDatabase db;
    test::CaseWorld world(db);
    const qint64 requestId = test::sendRequestToKeyWorker(world, world.stepId);
    auto window = test::signedInWindow(db, world.keyWorker.login);
    auto *table = child<QTableView>(window.get(), u"incomingRequestsTable"_s);
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 1; }));
    checkFits(window.get(), u"large-11-workview-key-worker"_s);

    ui::RequestWindow *request = test::openFirstRequest(window.get(), requestId);
    request->resize(1280, 800);
    checkFits(request, u"large-12-request-summary"_s);
    child<QTabWidget>(request, u"requestTabs"_s)->setCurrentIndex(1);
    checkFits(request, u"large-13-request-document"_s);

    ui::CaseNoteDialog *note = request->addCaseNote();
    REQUIRE(waitFor([&] { return note->isVisible(); }));
    checkFits(note, u"large-14-case-note"_s);
    note->reject();
}

TEST_CASE("Large text: the sign-in dialog at 150% in high contrast fits its text", "[gui]")
{
    test::LargeText large(150);
    ui::SignInDialog dialog(ui::SignInDialog::Mode::Password, u"db.example.org:5432"_s);
    dialog.show();
    dialog.showError(u"The password is not right for this user."_s);
    checkFits(&dialog, u"large-00-sign-in"_s);
}

TEST_CASE("Large text: colours that mean something read on light and high-contrast palettes",
          "[gui]")
{
    const auto check = [](const QPalette &palette) {
        QApplication::setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        for (const ui::Tone tone :
             {ui::Tone::Problem, ui::Tone::Caution, ui::Tone::Success, ui::Tone::Secondary}) {
            INFO("tone " << int(tone) << " on base " << base.name().toStdString());
            CHECK(contrast(ui::Display::toneColour(tone), base) >= 4.5);
        }
        // The chart lines are graphics, told apart also by dash and legend: 3:1 (WCAG 1.4.11).
        const ui::ChartColours lines = ui::Display::chartColours();
        for (const QColor &line :
             {lines.ae, lines.dhu111, lines.inTime, lines.late, lines.stillOpen}) {
            INFO("chart line " << line.name().toStdString() << " on base "
                               << base.name().toStdString());
            CHECK(contrast(line, base) >= 3.0);
        }
    };
    const QPalette original = QApplication::palette();
    check(QApplication::style()->standardPalette());
    check(test::highContrastPalette());
    QApplication::setPalette(original);
}
