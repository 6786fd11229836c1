// Mark resolved: the note saying how a message not processed (quarantined, or left waiting by
// an exchange that could not process it) was dealt with is required. Closing it with a note
// typed asks first whether to mark the message resolved with it.
#pragma once

#include "kit/unsaved_changes_guard.h"

class QLabel;
class QPlainTextEdit;

namespace cpis::ui {

class ResolveMessageDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveMessageDialog)

public:
    // status: the message's own (quarantined, received, ...), so the words match its state.
    ResolveMessageDialog(const QString &message, const QString &status, const QString &reason,
                         QWidget *parent = nullptr);
    [[nodiscard]] QString note() const;

    void accept() override;

private:
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cpis::ui
