// Driving a step window as Safeguarding Admin does: Start work from the workview, add a
// next action and a request through their dialogs.
#pragma once

#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "gui/gui_support.h"
#include "step/step_window.h"
#include "workview/workview_page.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QPushButton>

namespace cpis::test {

// The dialog of that kind now open on `parent`: one closed before may linger until deleted.
template<typename Dialog> Dialog *openDialog(const QWidget *parent)
{
    Dialog *open = nullptr;
    REQUIRE(waitFor([&] {
        for (Dialog *dialog : parent->findChildren<Dialog *>()) {
            if (dialog->isVisible())
                open = dialog;
        }
        return open != nullptr;
    }));
    return open;
}

inline ui::StepWindow *startStep(ui::MainWindow &window, qint64 stepId)
{
    REQUIRE(window.workview()->selectStep(stepId));
    click(child<QPushButton>(&window, QStringLiteral("startWorkButton")));
    ui::StepWindow *step = nullptr;
    REQUIRE(waitFor([&] {
        step = window.stepWindow(stepId);
        return step && step->step().state == QStringLiteral("in_progress");
    }));
    step->resize(1280, 800);
    return step;
}

inline ui::NextActionDialog *openNextActionDialog(ui::StepWindow *step)
{
    step->showSection(1);
    click(child<QPushButton>(step, QStringLiteral("addNextActionButton")));
    return openDialog<ui::NextActionDialog>(step);
}

inline void addNextAction(ui::StepWindow *step)
{
    auto *dialog = openNextActionDialog(step);
    auto *reason = child<QComboBox>(dialog, QStringLiteral("reason"));
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    const auto before = step->changes().nextActions.size();
    click(child<QPushButton>(dialog, QStringLiteral("nextActionAddAndClose")));
    REQUIRE(waitFor([&] { return step->changes().nextActions.size() == before + 1; }));
}

inline void addRequest(ui::StepWindow *step)
{
    step->showSection(0);
    click(child<QPushButton>(step, QStringLiteral("notifyButton")));
    auto *dialog = openDialog<ui::NewRequestDialog>(step);
    click(child<QPushButton>(dialog, QStringLiteral("requestOk")));
    REQUIRE(waitFor([&] { return step->changes().requests.size() == 1; }));
}

} // namespace cpis::test
