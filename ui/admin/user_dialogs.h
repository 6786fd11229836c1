// The dialogs of Administration → Users: adding a user (login, name, team, first role) and
// choosing a user's roles. They only collect; the window saves and shows the database's answer.
#pragma once

#include "kit/unsaved_changes_guard.h"
#include "workflow/worker_directory.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace cpis::ui {

// Esc, Cancel, closing the Users window and quitting ask before typed details are lost.
class AddUserDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddUserDialog)

public:
    explicit AddUserDialog(QWidget *parent = nullptr);

    [[nodiscard]] WorkerDirectory::NewUser user() const;
    void showError(const QString &message);
    // The user was added: closes without asking about the typed details.
    void finished();

signals:
    void addRequested();

private:
    [[nodiscard]] bool hasChanges() const;
    void submit();

    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_team = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_error = nullptr;
    UnsavedChangesGuard *m_guard = nullptr;
};

class UserRolesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserRolesDialog)

public:
    UserRolesDialog(const QString &who, const QStringList &roles, QWidget *parent = nullptr);

    [[nodiscard]] QStringList roles() const;
    // The check box of a role name ("sysadmin"), for tests.
    [[nodiscard]] QCheckBox *box(const QString &role) const { return m_boxes.value(role); }

private:
    QMap<QString, QCheckBox *> m_boxes;
};

} // namespace cpis::ui
