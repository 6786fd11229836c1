// Administration → Users offscreen, as a system administrator: the list, disabling and enabling,
// a reset showing the one-time password once, changing roles, adding a user, and a refusal
// from the database shown in words. And signing in: a disabled user cannot, and one with a
// one-time password must choose their own before anything else.
#include "admin/users_model.h"
#include "admin/users_window.h"
#include "db/rows.h"
#include "gui/gui_support.h"
#include "main_window.h"
#include "support/case_world.h"
#include "workflow/user_admin.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::child;
using test::click;
using test::require;
using test::waitFor;

namespace {
bool ownerSays(test::TestDatabase &db, const QString &sql, const QString &login)
{
    return require(queryValue(db.connection(), sql, {login})).boolean();
}

// The visible dialog (a QMessageBox or QDialog) with that object name.
template<typename T> T *shownDialog(QWidget *window, const QString &name)
{
    T *dialog = nullptr;
    REQUIRE(waitFor([&] {
        dialog = window->findChild<T *>(name);
        return dialog && dialog->isVisible();
    }));
    return dialog;
}

// Clicks the button and waits for the window to say the change was saved (true) or refused.
bool clickAndWaitForSaved(ui::UsersWindow *window, QWidget *button)
{
    QSignalSpy saved(window, &ui::UsersWindow::saved);
    QSignalSpy loaded(window, &ui::UsersWindow::loaded);
    click(button);
    REQUIRE(waitFor([&] { return saved.count() > 0 && loaded.count() > 0; }, 30000));
    return saved.first().first().toBool();
}
} // namespace

TEST_CASE("Administration → Users: list, disable and enable, reset a password, change roles, add "
          "a user, and a refusal in words",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto main = test::signedInWindow(db, world.sysadmin.login);
    auto *action = child<QAction>(main->administrationMenu(), u"usersAction"_s);
    action->trigger();
    auto *window = child<ui::UsersWindow>(main.get(), u"usersWindow"_s);
    REQUIRE(waitFor([&] { return window->model()->rowCount() > 0; }, 30000));
    const QString jane = world.keyWorker.login;
    auto *model = window->model();
    const int row = model->rowOf(jane);
    REQUIRE(row >= 0);
    CHECK(model->index(row, ui::UsersModel::Name).data().toString() == u"Jane Okafor"_s);
    CHECK(model->index(row, ui::UsersModel::Team).data().toString() == u"Child Protection North"_s);
    CHECK(model->index(row, ui::UsersModel::Roles).data().toString() == u"Key worker"_s);
    CHECK(model->index(row, ui::UsersModel::Enabled).data().toString() == u"Yes"_s);
    test::screenshot(window, u"users"_s);

    // Disable, after a question; the button then enables.
    REQUIRE(window->select(jane));
    auto *enableButton = child<QPushButton>(window, u"enableUserButton"_s);
    CHECK(enableButton->text() == u"&Disable"_s);
    click(enableButton);
    auto *confirm = shownDialog<QMessageBox>(window, u"confirmDisableDialog"_s);
    CHECK(confirm->informativeText().contains(u"to take over"_s));
    CHECK(clickAndWaitForSaved(window, child<QPushButton>(confirm, u"confirmDisableButton"_s)));
    CHECK_FALSE(ownerSays(db, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s, jane));
    REQUIRE(window->select(jane));
    CHECK(model->index(model->rowOf(jane), ui::UsersModel::Enabled).data().toString() ==
          u"No: disabled"_s);
    CHECK(enableButton->text() == u"&Enable"_s);
    CHECK(clickAndWaitForSaved(window, enableButton));
    CHECK(ownerSays(db, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s, jane));

    // A reset shows the one-time password once.
    REQUIRE(window->select(jane));
    click(child<QPushButton>(window, u"resetPasswordButton"_s));
    auto *reset = shownDialog<QMessageBox>(window, u"confirmResetDialog"_s);
    CHECK(clickAndWaitForSaved(window, child<QPushButton>(reset, u"confirmResetButton"_s)));
    auto *shown = shownDialog<QMessageBox>(window, u"oneTimePasswordDialog"_s);
    CHECK(window->lastOneTimePassword().size() == 16);
    CHECK(shown->text().contains(window->lastOneTimePassword()));
    CHECK(ownerSays(db, u"SELECT must_change_password FROM worker WHERE login = $1"_s, jane));
    shown->accept();

    // Roles: Team manager added.
    REQUIRE(window->select(jane));
    click(child<QPushButton>(window, u"changeRolesButton"_s));
    auto *roles = shownDialog<QDialog>(window, u"userRolesDialog"_s);
    CHECK(child<QCheckBox>(roles, u"role_key-worker"_s)->isChecked());
    child<QCheckBox>(roles, u"role_team-manager"_s)->setChecked(true);
    CHECK(clickAndWaitForSaved(window, child<QPushButton>(roles, u"saveRolesButton"_s)));
    CHECK(ownerSays(db, u"SELECT pg_has_role($1, 'cpis_team_manager', 'MEMBER')"_s, jane));
    CHECK(model->index(model->rowOf(jane), ui::UsersModel::Roles).data().toString() ==
          u"Key worker, Team manager"_s);

    // A refusal from the database, in words: nobody disables themselves.
    REQUIRE(window->select(world.sysadmin.login));
    click(enableButton);
    confirm = shownDialog<QMessageBox>(window, u"confirmDisableDialog"_s);
    CHECK_FALSE(
        clickAndWaitForSaved(window, child<QPushButton>(confirm, u"confirmDisableButton"_s)));
    auto *banner = child<QLabel>(window, u"usersMessage"_s);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"You cannot disable your own login"_s));
    CHECK(ownerSays(db, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s,
                    world.sysadmin.login));

    // Adding a user: they get a one-time password, shown once.
    const QString login = world.sysadmin.login + u"-gui"_s;
    click(child<QPushButton>(window, u"addUserButton"_s));
    auto *add = shownDialog<QDialog>(window, u"addUserDialog"_s);
    child<QLineEdit>(add, u"addUserLogin"_s)->setText(login);
    child<QLineEdit>(add, u"addUserName"_s)->setText(u"Priya Shah"_s);
    child<QLineEdit>(add, u"addUserTeam"_s)->setText(u"Children in Care"_s);
    auto *role = child<QComboBox>(add, u"addUserRole"_s);
    role->setCurrentIndex(role->findData(u"records-officer"_s));
    CHECK(clickAndWaitForSaved(window, child<QPushButton>(add, u"addUserSaveButton"_s)));
    CHECK(ownerSays(db, u"SELECT pg_has_role($1, 'cpis_records_officer', 'MEMBER')"_s, login));
    CHECK(ownerSays(db, u"SELECT must_change_password FROM worker WHERE login = $1"_s, login));
    shown = shownDialog<QMessageBox>(window, u"oneTimePasswordDialog"_s);
    CHECK(shown->text().contains(window->lastOneTimePassword()));
    REQUIRE(waitFor([&] { return model->rowOf(login) >= 0; }));
    shown->accept();
    window->close();
}

TEST_CASE("Administration → Users is offered to system administrators only", "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    auto main = test::signedInWindow(db, world.manager.login);
    CHECK_FALSE(main->administrationMenu()->menuAction()->isVisible());
}

TEST_CASE("Signing in with a one-time password asks for a new one before anything else, and a "
          "disabled user cannot sign in",
          "[gui]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    const QString jane = world.keyWorker.login;
    {
        auto sysadmin = world.connectAs(world.sysadmin);
        require(UserAdmin(*sysadmin).resetPassword(jane, oneTimePassword(), true));
    }

    ui::MainWindow window(test::serverChoice(db), jane);
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::ready);
    window.connectToDatabase();
    auto *dialog = shownDialog<QDialog>(&window, u"changePasswordDialog"_s);
    test::screenshot(dialog, u"change-password"_s);
    CHECK(ready.count() == 0); // nothing else before the new password
    auto *password = child<QLineEdit>(dialog, u"newPassword"_s);
    auto *repeat = child<QLineEdit>(dialog, u"repeatPassword"_s);
    auto *change = child<QPushButton>(dialog, u"changePasswordButton"_s);
    password->setText(u"short"_s);
    repeat->setText(u"short"_s);
    click(change);
    auto *error = child<QLabel>(dialog, u"changePasswordError"_s);
    CHECK(error->text().contains(u"at least 10 characters"_s));
    password->setText(u"My-Own-Pw-2026"_s);
    repeat->setText(u"My-Own-Pw-2027"_s);
    click(change);
    CHECK(error->text().contains(u"not the same"_s));
    CHECK(ready.count() == 0);
    repeat->setText(u"My-Own-Pw-2026"_s);
    click(change);
    REQUIRE(ready.wait(30000));
    CHECK(window.worker().login == jane);
    CHECK_FALSE(ownerSays(db, u"SELECT must_change_password FROM worker WHERE login = $1"_s, jane));

    // Later, whenever they like: File → Change password.
    window.findChild<QAction *>(u"changePasswordAction"_s)->trigger();
    dialog = shownDialog<QDialog>(&window, u"changePasswordDialog"_s);
    child<QLineEdit>(dialog, u"newPassword"_s)->setText(u"Another-Pw-2026"_s);
    child<QLineEdit>(dialog, u"repeatPassword"_s)->setText(u"Another-Pw-2026"_s);
    click(child<QPushButton>(dialog, u"changePasswordButton"_s));
    REQUIRE(waitFor([&] {
        return require(queryValue(db.connection(),
                                  u"SELECT count(*) FROM audit WHERE action = "
                                  u"'user.password_changed' AND details->>'login' = $1"_s,
                                  {jane}))
                   .integer() == 2;
    }));

    // Disabled, the same user cannot sign in at all.
    {
        auto sysadmin = world.connectAs(world.sysadmin);
        require(UserAdmin(*sysadmin).disable(jane));
    }
    ui::MainWindow again(test::serverChoice(db), jane);
    again.setInteractive(false);
    QSignalSpy failed(&again, &ui::MainWindow::failed);
    again.connectToDatabase();
    REQUIRE(failed.wait(30000));
    CHECK(failed.first().first().value<Error>().message.contains(u"not permitted to log in"_s));
}
