#include "sign_in/sign_in_dialog.h"

#include "display.h"
#include "kit/heading.h"
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

SignInDialog::SignInDialog(Mode mode, const QString &where, QWidget *parent)
    : QDialog(parent), m_mode(mode)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to CP-IS Workview"));
    resize(560, mode == Mode::PickUser ? 520 : 300);

    auto *heading = new QLabel(tr("Sign in"), this);
    setHeadingStyle(heading, HeadingLevel::Window);
    auto *whereLabel = new QLabel(where, this);
    whereLabel->setObjectName(u"signInWhere"_s);
    whereLabel->setWordWrap(true);
    whereLabel->setStyleSheet(Display::toneStyle(Tone::Secondary));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(whereLabel);

    if (mode == Mode::PickUser) {
        auto *intro = new QLabel(
            tr("This is the embedded database with sample data. Choose who to sign in as:"), this);
        intro->setWordWrap(true);
        m_users = new QListWidget(this);
        m_users->setObjectName(u"signInUsers"_s);
        m_users->setAccessibleName(tr("Who is signing in"));
        m_users->setAlternatingRowColors(true);
        m_users->setSpacing(2);
        layout->addWidget(intro);
        layout->addWidget(m_users, 1);
        connect(m_users, &QListWidget::itemActivated, this, &SignInDialog::submit);
    } else {
        m_login = new QLineEdit(this);
        m_login->setObjectName(u"signInLogin"_s);
        m_password = new QLineEdit(this);
        m_password->setObjectName(u"signInPassword"_s);
        m_password->setEchoMode(QLineEdit::Password);
        m_remember = new QCheckBox(tr("&Remember my password (in the system keychain)"), this);
        m_remember->setObjectName(u"rememberPassword"_s);
        auto *form = new QFormLayout;
        auto *loginLabel = new QLabel(tr("&Login"), this);
        loginLabel->setBuddy(m_login);
        auto *passwordLabel = new QLabel(tr("&Password"), this);
        passwordLabel->setBuddy(m_password);
        form->addRow(loginLabel, m_login);
        form->addRow(passwordLabel, m_password);
        form->addRow(QString(), m_remember);
        layout->addLayout(form);
        layout->addStretch(1);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(u"signInError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SignInDialog::setUsers(const QList<SignInUser> &users)
{
    if (!m_users)
        return;
    m_users->clear();
    for (const SignInUser &u : users) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2%3  (%4)")
                .arg(u.name, u.role, u.team.isEmpty() ? QString() : u" · "_s + u.team, u.login),
            m_users);
        item->setData(Qt::UserRole, u.login);
    }
    if (m_users->count() > 0)
        m_users->setCurrentRow(0);
    m_users->setFocus();
}

void SignInDialog::setLogin(const QString &login)
{
    if (m_login) {
        m_login->setText(login);
        (login.isEmpty() ? m_login : m_password)->setFocus();
    }
    if (m_users) {
        for (int i = 0; i < m_users->count(); ++i) {
            if (m_users->item(i)->data(Qt::UserRole).toString() == login)
                m_users->setCurrentRow(i);
        }
    }
}

void SignInDialog::setPassword(const QString &password, bool remembered)
{
    if (!m_password)
        return;
    m_password->setText(password);
    m_remember->setChecked(remembered);
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    if (busy)
        m_error->hide();
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
}

QString SignInDialog::login() const
{
    if (m_users) {
        const QListWidgetItem *item = m_users->currentItem();
        return item ? item->data(Qt::UserRole).toString() : QString();
    }
    return m_login->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password ? m_password->text() : QString();
}

bool SignInDialog::rememberPassword() const
{
    return m_remember && m_remember->isChecked();
}

void SignInDialog::submit()
{
    if (login().isEmpty()) {
        showError(m_mode == Mode::PickUser ? tr("Choose who to sign in as.")
                                           : tr("Login is required."));
        return;
    }
    setBusy(true);
    emit signInRequested();
}

} // namespace cpis::ui
