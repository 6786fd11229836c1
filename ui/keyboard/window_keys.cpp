#include "keyboard/window_keys.h"

#include "keyboard/key_action.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QList<QKeySequence> standard(QKeySequence::StandardKey key)
{
    return QKeySequence::keyBindings(key);
}

QList<QKeySequence> keys(QKeyCombination combination)
{
    return {QKeySequence(combination)};
}

// Return and the keypad's Enter are the same key to the user.
QList<QKeySequence> withEnter(Qt::KeyboardModifiers modifiers)
{
    return {QKeySequence(modifiers | Qt::Key_Return), QKeySequence(modifiers | Qt::Key_Enter)};
}
} // namespace

MainWindowKeys::MainWindowKeys(QWidget *owner)
    : shortcuts(addKeyAction(owner, u"keyboardShortcutsAction"_s, tr("Keyboard shortcuts…"),
                             keys(Qt::CTRL | Qt::Key_Slash))),
      // Not QKeySequence::Quit: some desktops give it no keys.
      quit(addKeyAction(owner, u"quitAction"_s, tr("Quit CP-IS Workview"),
                        keys(Qt::CTRL | Qt::Key_Q)))
{}

WorkviewKeys::WorkviewKeys(QWidget *owner)
    : openSelected(addKeyAction(owner, u"openSelectedAction"_s,
                                tr("Open the selected step or request"),
                                standard(QKeySequence::Open))),
      startWork(addKeyAction(owner, u"startWorkAction"_s,
                             tr("Start work on the selected step (or open it)"),
                             withEnter(Qt::ControlModifier))),
      cancelWork(addKeyAction(owner, u"cancelWorkAction"_s, tr("Cancel work on the selected step"),
                              keys(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete))),
      acknowledgeAlert(addKeyAction(owner, u"acknowledgeAlertAction"_s,
                                    tr("Acknowledge the selected alert"),
                                    keys(Qt::CTRL | Qt::Key_K))),
      personRecord(addKeyAction(owner, u"workviewPersonRecordAction"_s,
                                tr("Open the selected subject's person record"),
                                keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O))),
      find(addKeyAction(owner, u"findAction"_s, tr("Find in Current work"),
                        standard(QKeySequence::Find))),
      refresh(addKeyAction(owner, u"refreshAction"_s, tr("Refresh the workview"),
                           standard(QKeySequence::Refresh))),
      nextPanel(addKeyAction(owner, u"nextPanelAction"_s, tr("Move to the next panel"),
                             keys(QKeyCombination(Qt::Key_F6)))),
      previousPanel(addKeyAction(owner, u"previousPanelAction"_s, tr("Move to the previous panel"),
                                 keys(Qt::SHIFT | Qt::Key_F6)))
{}

StepKeys::StepKeys(QWidget *owner)
    : save(addKeyAction(owner, u"saveAction"_s, tr("Save the step and send its request"),
                        standard(QKeySequence::Save))),
      finish(addKeyAction(owner, u"finishAction"_s, tr("Finish the step"),
                          withEnter(Qt::ControlModifier | Qt::ShiftModifier))),
      passToWorker(addKeyAction(owner, u"passToWorkerAction"_s,
                                tr("CS Notification to Allocated Worker (new request)"),
                                keys(Qt::CTRL | Qt::SHIFT | Qt::Key_R))),
      addNextAction(addKeyAction(owner, u"addNextActionAction"_s, tr("Add a next action"),
                                 standard(QKeySequence::New))),
      followUpSection(addKeyAction(owner, u"followUpSectionAction"_s,
                                   tr("Go to section 1. CPIS Follow Up"),
                                   keys(Qt::CTRL | Qt::Key_1))),
      nextActionsSection(addKeyAction(owner, u"nextActionsSectionAction"_s,
                                      tr("Go to section 2. Next actions"),
                                      keys(Qt::CTRL | Qt::Key_2))),
      close(addKeyAction(owner, u"closeStepAction"_s, tr("Close the step"),
                         standard(QKeySequence::Close)))
{}

RequestKeys::RequestKeys(QWidget *owner)
    : acknowledge(addKeyAction(owner, u"acknowledgeAction"_s, tr("Acknowledge the request"),
                               keys(Qt::CTRL | Qt::Key_K))),
      addCaseNote(addKeyAction(owner, u"addCaseNoteAction"_s, tr("Add a CP-IS Follow Up case note"),
                               standard(QKeySequence::New))),
      personRecord(addKeyAction(owner, u"requestPersonRecordAction"_s,
                                tr("Open the subject's person record"),
                                keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O))),
      print(addKeyAction(owner, u"printAction"_s, tr("Print the document"),
                         standard(QKeySequence::Print))),
      close(addKeyAction(owner, u"closeRequestAction"_s, tr("Close the request"),
                         standard(QKeySequence::Close)))
{}

} // namespace cpis::ui
