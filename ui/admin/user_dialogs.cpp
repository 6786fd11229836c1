#include "admin/user_dialogs.h"

#include "admin/users_model.h"
#include "display.h"
#include "kit/heading.h"
#include "kit/unsaved_changes_guard.h"
#include "workflow/user_admin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QLabel *dialogHeading(QWidget *dialog, const QString &text)
{
    auto *heading = new QLabel(text, dialog);
    setHeadingStyle(heading, HeadingLevel::Window);
    return heading;
}
} // namespace

AddUserDialog::AddUserDialog(QWidget *parent) : GuardedDialog(parent)
{
    setObjectName(u"addUserDialog"_s);
    setWindowTitle(tr("Add a user"));
    m_login = new QLineEdit(this);
    m_login->setObjectName(u"addUserLogin"_s);
    m_login->setPlaceholderText(tr("e.g. jane.okafor"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"addUserName"_s);
    m_team = new QLineEdit(this);
    m_team->setObjectName(u"addUserTeam"_s);
    m_team->setPlaceholderText(tr("optional; a new team is made"));
    m_role = new QComboBox(this);
    m_role->setObjectName(u"addUserRole"_s);
    for (const QString &role : userRoleNames())
        m_role->addItem(UsersModel::roleInWords(role), role);
    auto *form = new QFormLayout;
    form->addRow(tr("&Login"), m_login);
    form->addRow(tr("Full &name"), m_name);
    form->addRow(tr("&Team"), m_team);
    form->addRow(tr("&Role"), m_role);
    auto *note = new QLabel(tr("The new user gets a one-time password, shown once when they are "
                               "added; they choose their own when they first sign in."),
                            this);
    note->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(u"addUserError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *add = buttons->addButton(tr("&Add user"), QDialogButtonBox::AcceptRole);
    add->setObjectName(u"addUserSaveButton"_s);
    add->setDefault(true);
    connect(add, &QPushButton::clicked, this, &AddUserDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(dialogHeading(this, tr("Add a user")));
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_guard = guard(u"addUserUnsavedDialog"_s,
                    {[this] { return hasChanges(); }, [this] { submit(); },
                     [] {
                         return UnsavedChangesQuestion{
                             tr("Unsaved changes"), tr("Add this user before closing?"),
                             tr("The user is not added yet. Discard closes without adding them.")};
                     }});
}

WorkerDirectory::NewUser AddUserDialog::user() const
{
    return {m_login->text().trimmed(),
            m_role->currentData().toString(),
            m_name->text().trimmed(),
            m_team->text().trimmed(),
            {}};
}

bool AddUserDialog::hasChanges() const
{
    return !m_login->text().trimmed().isEmpty() || !m_name->text().trimmed().isEmpty() ||
           !m_team->text().trimmed().isEmpty();
}

void AddUserDialog::showError(const QString &message)
{
    m_guard->saveFailed();
    m_error->setText(message);
    m_error->show();
}

void AddUserDialog::finished()
{
    m_guard->closeWithoutAsking();
}

void AddUserDialog::submit()
{
    if (m_login->text().trimmed().isEmpty() || m_name->text().trimmed().isEmpty()) {
        showError(tr("Login and full name are required."));
        return;
    }
    m_error->hide();
    emit addRequested();
}

UserRolesDialog::UserRolesDialog(const QString &who, const QStringList &roles, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"userRolesDialog"_s);
    setWindowTitle(tr("Roles of %1").arg(who));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(dialogHeading(this, tr("Roles of %1").arg(who)));
    for (const QString &role : userRoleNames()) {
        auto *box = new QCheckBox(UsersModel::roleInWords(role), this);
        box->setObjectName(u"role_"_s + role);
        box->setChecked(roles.contains(role));
        m_boxes.insert(role, box);
        layout->addWidget(box);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save roles"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"saveRolesButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QStringList UserRolesDialog::roles() const
{
    QStringList checked;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        if (it.value()->isChecked())
            checked << it.key();
    }
    return checked;
}

} // namespace cpis::ui
