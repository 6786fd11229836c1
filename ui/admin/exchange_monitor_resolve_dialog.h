// Mark resolved: the note saying how a quarantined message was dealt with is required.
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace cpis::ui {

class ResolveMessageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveMessageDialog)

public:
    ResolveMessageDialog(const QString &message, const QString &reason, QWidget *parent = nullptr);
    [[nodiscard]] QString note() const;

    void accept() override;

private:
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cpis::ui
