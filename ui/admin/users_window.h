// Administration → Users, for system administrators: every user with team, roles and whether
// they can sign in; add, disable or enable, reset a password (a one-time one, shown once) and
// change roles. The database decides (functions/users.sql); its refusals are shown in words.
#pragma once

#include "db/database_worker.h"

#include <QMainWindow>

class QPushButton;
class QTableView;

namespace cpis::ui {

class MessageBanner;
class UsersModel;

class UsersWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersWindow)

public:
    explicit UsersWindow(DatabaseThread *database, QWidget *parent = nullptr);
    // Administration → Users…: the parent's one Users window, made when first asked for, raised
    // after that.
    static UsersWindow *open(DatabaseThread *database, QWidget *parent);

    void reload();
    [[nodiscard]] UsersModel *model() const { return m_model; }
    // Makes that user the current row; false when they are not listed.
    bool select(const QString &login);
    // The one-time password last given (it is shown once, in a dialog, and kept nowhere else).
    [[nodiscard]] QString lastOneTimePassword() const { return m_oneTimePassword; }

signals:
    void loaded();
    // A change was saved (true) or refused (false); the banner says which.
    void saved(bool done);

protected:
    // An open Add a user dialog with details typed asks first; the window stays while it does.
    void closeEvent(QCloseEvent *event) override;

private:
    [[nodiscard]] QString currentLogin() const;
    [[nodiscard]] QString currentName() const;
    void updateButtons();
    void addUser();
    void toggleEnabled();
    void resetPassword();
    void changeRoles();
    // Runs `job` for the user, then shows `success` (or the refusal) and reloads.
    void run(std::function<Status(Connection &)> job, const QString &success);
    void showOneTimePassword(const QString &login, const QString &password);
    void refused(const Error &error);

    DatabaseThread *m_database;
    UsersModel *m_model = nullptr;
    MessageBanner *m_message = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_roles = nullptr;
    QString m_oneTimePassword;
};

} // namespace cpis::ui
