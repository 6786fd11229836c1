// The client's main window: sign-in, then the workview (Current work with the subject's
// summary beside it), with where it is connected in the status bar and a banner while the
// connection is lost. Step windows open from it.
#pragma once

#include "db/database_worker.h"
#include "workflow/sign_in_users.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

#include <functional>

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QMessageBox;
class QStackedWidget;

namespace cpis::ui {

class MessageBanner;
class DataQualityWindow;
class RecordsImportWindow;
class ElidedLabel;
class ConfigurationWindow;
class ExchangeHealthWatch;
class ExchangeMonitorWindow;
class FindChildDialog;
class ShortcutsDialog;
class PasswordStore;
class PersonRecordWindow;
class RequestWindow;
class SignInDialog;
class StepWindow;
class WorkviewPage;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `login`: sign in as this user without asking (tests, --user, --screenshot).
    explicit MainWindow(DatabaseChoice choice, QString login = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // No dialogs: for --screenshot. The embedded database then signs in as its first
    // Safeguarding Admin; a server as the connection's own user.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // A size given on the command line (--window-size) wins over the one remembered.
    void keepSize() { m_keepSize = true; }
    // Connects (and migrates) on the database thread; ends with ready() or failed().
    void connectToDatabase();

    [[nodiscard]] DatabaseThread *database() const { return m_database; }
    [[nodiscard]] WorkviewPage *workview() const { return m_workview; }
    [[nodiscard]] const Worker &worker() const { return m_me; }
    // The lists and templates the step dialogs offer; reloaded when the configuration changes.
    [[nodiscard]] const StepChoices &choices() const { return m_choices; }
    [[nodiscard]] StepWindow *stepWindow(qint64 stepId) const;
    StepWindow *openStep(qint64 stepId);
    [[nodiscard]] RequestWindow *requestWindow(qint64 requestId) const;
    RequestWindow *openRequest(const cpis::IncomingRequest &request);
    // Opens (and audits) the person's record; one window per person.
    PersonRecordWindow *openPerson(qint64 personId);
    // From the data quality work list: the record opens at the action that fixes the problem
    // on `list` (no_nhs_number, inactive, unborn_past_due, ...).
    PersonRecordWindow *openPersonToFix(qint64 personId, const QString &list);
    [[nodiscard]] PersonRecordWindow *personWindow(qint64 personId) const;
    // Administration screens (configuration tools, exchange monitor, data quality): shown only
    // to system administrators once signed in.
    [[nodiscard]] QMenu *administrationMenu() const { return m_administration; }
    [[nodiscard]] bool isSystemAdministrator() const { return m_administrator; }
    [[nodiscard]] bool isSafeguardingAdmin() const { return m_safeguardingAdmin; }
    // Administration → Data quality…; one window.
    DataQualityWindow *openDataQuality();
    [[nodiscard]] DataQualityWindow *dataQualityWindow() const;
    RecordsImportWindow *openRecordsImport();
    [[nodiscard]] RecordsImportWindow *recordsImportWindow() const;
    // Administration → Configuration tools…: one window, raised when already open.
    ConfigurationWindow *openConfigurationTools();
    [[nodiscard]] ConfigurationWindow *configurationWindow() const;
    // Administration → Exchange monitor…: one window.
    ExchangeMonitorWindow *openExchangeMonitor();
    [[nodiscard]] ExchangeMonitorWindow *exchangeMonitorWindow() const;
    // The exchange's health in the status bar and, when it has stalled, a banner.
    [[nodiscard]] ExchangeHealthWatch *exchangeHealth() const { return m_exchangeHealth; }
    // Keyboard shortcuts (Ctrl+/): every window's keys; one dialog, raised when open. For the
    // Help menu too.
    ShortcutsDialog *openKeyboardShortcuts();
    [[nodiscard]] QAction *keyboardShortcutsAction() const { return m_shortcutsAction; }
    // Go → Find a child… (Ctrl+Shift+F in every window, and the workview's box): one dialog,
    // raised when open, searching for `text` when given.
    FindChildDialog *openFindChild(const QString &text = {});
    [[nodiscard]] FindChildDialog *findChildDialog() const;
    [[nodiscard]] bool isRecordsOfficer() const { return m_recordsOfficer; }
    // Go (the menu bar): where moving to another record or list goes.
    [[nodiscard]] QMenu *goMenu() const { return m_go; }
    // File → Sign out / Switch user: every window of this user closes (an unsaved one asks
    // first and can stop it) and the sign-in comes again; false when something stayed open.
    bool signOut(bool switchUser);

signals:
    void ready(); // signed in and Current work loaded
    void failed(const cpis::Error &error);

protected:
    // Open steps with unsaved changes ask first; the window stays while any is still open.
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Phase { Idle, OwnerForPicking, SigningIn, LoadingWorker, Ready };

    void opened(const cpis::ConnectionSummary &summary);
    void showFailure(const cpis::Error &error);
    void askWhoToSignInAs(const QList<SignInUser> &users);
    void askForPassword();
    void signInFromDialog();
    void loadWorker();
    void changeOwnPassword(bool required, const std::function<void()> &then);
    void reloadChoices();
    void showStatus();
    QString passwordAccount(const QString &login) const;
    // Help menu (everyone), F1 and About; the window icon.
    void addHelpMenu();
    // File, View and Go (main_menus.cpp).
    void addMenus();
    // Closes every window opened from this one; false when one with unsaved work stayed.
    bool closeWorkWindows();
    void setUpKeyboard();
    // Go → Find a child…, the workview's Find a child box, and the records officers' data
    // quality work list (issue 19): kept in one function so that it merges apart.
    void addFindChild();

    DatabaseChoice m_choice;
    QString m_login;
    bool m_interactive = true;
    Phase m_phase = Phase::Idle;
    ConnectionSummary m_summary;
    Worker m_me;
    bool m_administrator = false;
    bool m_safeguardingAdmin = false;
    StepChoices m_choices;
    DatabaseThread *m_database = nullptr;
    PasswordStore *m_passwords = nullptr;
    QPointer<SignInDialog> m_signIn;
    QHash<qint64, QPointer<StepWindow>> m_steps;
    QHash<qint64, QPointer<RequestWindow>> m_requests;
    QHash<qint64, QPointer<PersonRecordWindow>> m_people;
    QPointer<DataQualityWindow> m_dataQuality;
    QPointer<RecordsImportWindow> m_recordsImport;
    QPointer<ConfigurationWindow> m_configuration;
    QPointer<ExchangeMonitorWindow> m_exchangeMonitor;
    QPointer<ShortcutsDialog> m_shortcuts;
    QAction *m_shortcutsAction = nullptr;
    QPointer<FindChildDialog> m_findChild;
    bool m_recordsOfficer = false;
    QAction *m_quitAction = nullptr;
    QMenu *m_go = nullptr;
    bool m_keepSize = false;
    bool m_forgetLogin = false; // Switch user: the sign-in does not offer the last login

    QStackedWidget *m_pages = nullptr;
    QLabel *m_body = nullptr;
    QMenu *m_administration = nullptr;
    WorkviewPage *m_workview = nullptr;
    MessageBanner *m_readOnlyBanner = nullptr;
    MessageBanner *m_connectionBanner = nullptr;
    ExchangeHealthWatch *m_exchangeHealth = nullptr;
    ElidedLabel *m_connectionStatus = nullptr;
    QMessageBox *m_errorDialog = nullptr;
};

} // namespace cpis::ui
