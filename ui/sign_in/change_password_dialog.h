// Choosing a new password: after a one-time password from a system administrator, before
// anything else (the database keeps the must-change flag), or whenever the worker likes.
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cpis {
class DatabaseThread;
}

namespace cpis::ui {

class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    // `required`: the worker signed in with a one-time password and must choose their own.
    explicit ChangePasswordDialog(bool required, QWidget *parent = nullptr);

    [[nodiscard]] QString password() const;
    void setBusy(bool busy);
    void showError(const QString &message);

    // At least this many characters.
    static constexpr int kMinimumLength = 10;

signals:
    // The two entries agree and are long enough.
    void changeRequested();

private:
    void submit();

    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_change = nullptr;
};

// Opens the dialog over `parent` and saves the new password as the signed-in worker
// (UserAdmin::changeOwnPassword); `saved` runs with it once the database has it, `quit` when
// the worker gives up.
ChangePasswordDialog *askForNewPassword(DatabaseThread *database, bool required, QWidget *parent,
                                        std::function<void(const QString &)> saved,
                                        std::function<void()> quit);

} // namespace cpis::ui
