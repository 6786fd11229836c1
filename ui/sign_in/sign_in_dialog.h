// Sign in, before the workview. The embedded database offers its users to pick from; a
// server asks for the login and password (remembered in the system keychain on request).
#pragma once

#include "workflow/sign_in_users.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace cpis::ui {

class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    enum class Mode { PickUser, Password };
    SignInDialog(Mode mode, const QString &where, QWidget *parent = nullptr);

    void setUsers(const QList<SignInUser> &users);
    void setLogin(const QString &login);
    void setPassword(const QString &password, bool remembered);
    void setBusy(bool busy);
    void showError(const QString &message);

    [[nodiscard]] QString login() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] bool rememberPassword() const;

signals:
    void signInRequested();

private:
    void submit();

    Mode m_mode;
    QListWidget *m_users = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signIn = nullptr;
};

} // namespace cpis::ui
