#include "admin/users_window.h"

#include "admin/user_dialogs.h"
#include "admin/users_model.h"
#include "kit/message_banner.h"
#include "kit/unsaved_changes_guard.h"
#include "panel_parts.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"

#include "window_memory.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

UsersWindow::UsersWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_model(new UsersModel(this))
{
    setObjectName(u"usersWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Users — CP-IS Workview"));
    fitToScreen(this, {1100, 700}); // below the title bar, on a 1280x720 screen too

    auto *page = new QWidget(this);
    auto *title = panelHeading(page, u"usersTitle"_s);
    title->setText(tr("Users"));
    m_message = new MessageBanner(u"usersMessage"_s, page);
    m_table = new QTableView(page);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setAccessibleName(tr("Users"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_add = new QPushButton(tr("&Add user…"), page);
    m_add->setObjectName(u"addUserButton"_s);
    m_enable = new QPushButton(tr("&Disable"), page);
    m_enable->setObjectName(u"enableUserButton"_s);
    m_reset = new QPushButton(tr("&Reset password…"), page);
    m_reset->setObjectName(u"resetPasswordButton"_s);
    m_roles = new QPushButton(tr("Change r&oles…"), page);
    m_roles->setObjectName(u"changeRolesButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_roles);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_enable);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setCentralWidget(page);

    connect(m_add, &QPushButton::clicked, this, &UsersWindow::addUser);
    connect(m_enable, &QPushButton::clicked, this, &UsersWindow::toggleEnabled);
    connect(m_reset, &QPushButton::clicked, this, &UsersWindow::resetPassword);
    connect(m_roles, &QPushButton::clicked, this, &UsersWindow::changeRoles);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersWindow::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersWindow::updateButtons);
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    updateButtons();
    reload();
}

UsersWindow *UsersWindow::open(DatabaseThread *database, QWidget *parent)
{
    auto *window = parent->findChild<UsersWindow *>(QString(), Qt::FindDirectChildrenOnly);
    if (!window)
        window = new UsersWindow(database, parent);
    window->setWindowFlag(Qt::Window);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void UsersWindow::reload()
{
    m_database->submit<QList<UserAccount>>(
        this, [](Connection &c) { return UserAdmin(c).list(); },
        [this](Result<QList<UserAccount>> users) {
            if (!users) {
                refused(users.error());
                return;
            }
            const QString current = currentLogin();
            m_model->setRows(*users);
            m_table->resizeColumnsToContents(); // names and teams whole, not cut
            if (!select(current) && m_model->rowCount() > 0)
                m_table->selectRow(0);
            emit loaded();
        });
}

bool UsersWindow::select(const QString &login)
{
    const int row = m_model->rowOf(login);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    return true;
}

QString UsersWindow::currentLogin() const
{
    const UserAccount *user = m_model->rowAt(m_table->currentIndex());
    return user ? user->login : QString();
}

QString UsersWindow::currentName() const
{
    const UserAccount *user = m_model->rowAt(m_table->currentIndex());
    return user ? user->name : QString();
}

void UsersWindow::updateButtons()
{
    const UserAccount *user = m_model->rowAt(m_table->currentIndex());
    for (QPushButton *button : {m_enable, m_reset, m_roles})
        button->setEnabled(user != nullptr);
    m_enable->setText(user && !user->enabled ? tr("&Enable") : tr("&Disable"));
}

void UsersWindow::refused(const Error &error)
{
    QString text = error.message;
    if (!error.hint.isEmpty())
        text += u" "_s + error.hint;
    m_message->showMessage(text, BannerKind::Error);
    emit saved(false);
}

void UsersWindow::run(std::function<Status(Connection &)> job, const QString &success)
{
    m_database->submit<Done>(this, std::move(job), [this, success](const Status &done) {
        if (!done)
            refused(done.error());
        else {
            m_message->showMessage(success, BannerKind::Success);
            emit saved(true);
        }
        reload();
    });
}

void UsersWindow::addUser()
{
    auto *dialog = new AddUserDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddUserDialog::addRequested, this, [this, dialog] {
        const WorkerDirectory::NewUser user = dialog->user();
        const QString password = oneTimePassword();
        // Made without a password, then given a one-time one: the new user chooses their own.
        m_database->submit<Done>(
            dialog,
            [user, password](Connection &c) -> Status {
                if (auto added = WorkerDirectory(c).addUser(user); !added)
                    return added.error();
                return UserAdmin(c).resetPassword(user.login, password, true);
            },
            [this, dialog, user, password](const Status &done) {
                if (!done) {
                    QString text = done.error().message;
                    if (!done.error().hint.isEmpty())
                        text += u" "_s + done.error().hint;
                    dialog->showError(text);
                    emit saved(false);
                    reload(); // a user added without their password shows up
                    return;
                }
                dialog->finished();
                m_message->showMessage(tr("%1 added.").arg(user.name), BannerKind::Success);
                emit saved(true);
                reload();
                select(user.login);
                showOneTimePassword(user.login, password);
            });
    });
    dialog->open();
}

void UsersWindow::toggleEnabled()
{
    const UserAccount *user = m_model->rowAt(m_table->currentIndex());
    if (!user)
        return;
    const QString login = user->login;
    const QString name = user->name;
    if (!user->enabled) {
        run([login](Connection &c) { return UserAdmin(c).enable(login); },
            tr("%1 can sign in again.").arg(name));
        return;
    }
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Disable %1?").arg(name),
                                tr("Disable %1 (%2)?").arg(name, login), QMessageBox::Cancel, this);
    ask->setObjectName(u"confirmDisableDialog"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setInformativeText(tr("They will not be able to sign in. The steps they hold stay in "
                               "their colleagues' Current work, to take over."));
    auto *disable = ask->addButton(tr("&Disable"), QMessageBox::AcceptRole);
    disable->setObjectName(u"confirmDisableButton"_s);
    connect(disable, &QPushButton::clicked, this, [this, login, name] {
        run([login](Connection &c) { return UserAdmin(c).disable(login); },
            tr("%1 is disabled: they cannot sign in.").arg(name));
    });
    ask->open();
}

void UsersWindow::resetPassword()
{
    const QString login = currentLogin();
    const QString name = currentName();
    if (login.isEmpty())
        return;
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Reset the password of %1?").arg(name),
                                tr("Give %1 (%2) a one-time password?").arg(name, login),
                                QMessageBox::Cancel, this);
    ask->setObjectName(u"confirmResetDialog"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setInformativeText(tr("Their present password stops working. They must choose their "
                               "own when they next sign in."));
    auto *reset = ask->addButton(tr("&Reset password"), QMessageBox::AcceptRole);
    reset->setObjectName(u"confirmResetButton"_s);
    connect(reset, &QPushButton::clicked, this, [this, login, name] {
        const QString password = oneTimePassword();
        m_database->submit<Done>(
            this,
            [login, password](Connection &c) {
                return UserAdmin(c).resetPassword(login, password, true);
            },
            [this, login, name, password](const Status &done) {
                if (!done) {
                    refused(done.error());
                    return;
                }
                m_message->showMessage(tr("%1 has a one-time password.").arg(name),
                                       BannerKind::Success);
                emit saved(true);
                reload();
                showOneTimePassword(login, password);
            });
    });
    ask->open();
}

void UsersWindow::showOneTimePassword(const QString &login, const QString &password)
{
    m_oneTimePassword = password;
    auto *shown = new QMessageBox(QMessageBox::Information, tr("One-time password"),
                                  tr("One-time password for %1: %2").arg(login, password),
                                  QMessageBox::Ok, this);
    shown->setObjectName(u"oneTimePasswordDialog"_s);
    shown->setAttribute(Qt::WA_DeleteOnClose);
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    shown->setInformativeText(tr("It is shown only now: give it to them in person or by phone. "
                                 "They must choose their own password when they sign in."));
    shown->open();
}

void UsersWindow::changeRoles()
{
    const UserAccount *user = m_model->rowAt(m_table->currentIndex());
    if (!user)
        return;
    const QString login = user->login;
    const QString name = user->name;
    auto *dialog = new UserRolesDialog(name, user->roles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, login, name] {
        const QStringList roles = dialog->roles();
        run(
            [login, roles](Connection &c) -> Status {
                auto set = UserAdmin(c).setRoles(login, roles);
                if (!set)
                    return set.error();
                return success();
            },
            tr("The roles of %1 are saved.").arg(name));
    });
    dialog->open();
}

void UsersWindow::closeEvent(QCloseEvent *event)
{
    if (!askAboutUnsavedWork(this)) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace cpis::ui
