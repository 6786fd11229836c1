#include "sign_in/change_password_dialog.h"

#include "db/database_worker.h"
#include "display.h"
#include "kit/heading.h"
#include "workflow/user_admin.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

ChangePasswordDialog::ChangePasswordDialog(bool required, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"changePasswordDialog"_s);
    setWindowTitle(tr("Choose a new password"));
    resize(520, 280);

    auto *heading = new QLabel(tr("Choose a new password"), this);
    setHeadingStyle(heading, HeadingLevel::Window);
    auto *intro = new QLabel(
        required ? tr("You signed in with a one-time password from a system administrator. "
                      "Choose your own password before you go on.")
                 : tr("Choose a new password for your login."),
        this);
    intro->setObjectName(u"changePasswordIntro"_s);
    intro->setWordWrap(true);

    m_password = new QLineEdit(this);
    m_password->setObjectName(u"newPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(u"repeatPassword"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    auto *passwordLabel = new QLabel(tr("&New password"), this);
    passwordLabel->setBuddy(m_password);
    auto *repeatLabel = new QLabel(tr("&Repeat it"), this);
    repeatLabel->setBuddy(m_repeat);
    form->addRow(passwordLabel, m_password);
    form->addRow(repeatLabel, m_repeat);

    m_error = new QLabel(this);
    m_error->setObjectName(u"changePasswordError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_change = buttons->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole);
    m_change->setObjectName(u"changePasswordButton"_s);
    m_change->setDefault(true);
    if (required)
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(m_change, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_password->setFocus();
}

QString ChangePasswordDialog::password() const
{
    return m_password->text();
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_change->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

void ChangePasswordDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
}

void ChangePasswordDialog::submit()
{
    if (m_password->text().size() < kMinimumLength) {
        showError(tr("The new password must be at least %1 characters.").arg(kMinimumLength));
        m_password->setFocus();
        return;
    }
    if (m_password->text() != m_repeat->text()) {
        showError(tr("The two passwords are not the same."));
        m_repeat->setFocus();
        return;
    }
    setBusy(true);
    emit changeRequested();
}

ChangePasswordDialog *askForNewPassword(DatabaseThread *database, bool required, QWidget *parent,
                                        std::function<void(const QString &)> saved,
                                        std::function<void()> quit)
{
    auto *dialog = new ChangePasswordDialog(required, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(
        dialog, &ChangePasswordDialog::changeRequested, dialog, [database, dialog, saved] {
            const QString password = dialog->password();
            database->submit<Done>(
                dialog,
                [password](Connection &c) { return UserAdmin(c).changeOwnPassword(password); },
                [database, dialog, saved, password](const Status &done) {
                    if (!done) {
                        QString text = done.error().message;
                        if (!done.error().hint.isEmpty())
                            text += u"\n"_s + done.error().hint;
                        dialog->showError(text);
                        return;
                    }
                    database->setPassword(password); // reconnecting uses the new one
                    dialog->accept();
                    saved(password);
                });
        });
    QObject::connect(dialog, &QDialog::rejected, dialog, std::move(quit));
    dialog->open();
    return dialog;
}

} // namespace cpis::ui
