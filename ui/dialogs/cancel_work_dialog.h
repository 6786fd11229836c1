// Cancel work: why the step is being cancelled (e.g. a duplicate notification). Closing it with
// a reason given asks first whether to cancel the work with it.
#pragma once

#include "kit/unsaved_changes_guard.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace cpis::ui {

class CancelWorkDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancelWorkDialog)

public:
    CancelWorkDialog(const QStringList &reasons, const QString &subject, QWidget *parent = nullptr);
    [[nodiscard]] QString reason() const;

    void accept() override;

private:
    QComboBox *m_reason = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cpis::ui
