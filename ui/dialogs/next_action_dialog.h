// Next actions → Add: Select action, Reason* (required), Note, Priority. Add keeps the
// dialog open for another; Add and close; Close. Closing it with a reason chosen or a note
// typed and not added asks first (Esc, Close, closing the step window, quitting).
#pragma once

#include "kit/unsaved_changes_guard.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cpis::ui {

class NextActionDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NextActionDialog)

public:
    explicit NextActionDialog(const StepChoices &choices, QWidget *parent = nullptr);

signals:
    void added(const cpis::NextActionInput &input);

private:
    bool add();
    void reset();
    [[nodiscard]] bool hasChanges() const;

    QComboBox *m_action = nullptr;
    QComboBox *m_reason = nullptr;
    QLabel *m_reasonProblem = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QButtonGroup *m_priority = nullptr;
    QLabel *m_addedLine = nullptr;
};

} // namespace cpis::ui
