#include "main_window.h"

#include "admin/configuration_window.h"
#include "admin/data_quality_window.h"
#include "admin/exchange_monitor_window.h"
#include "admin/records_import_window.h"
#include "admin/users_window.h"
#include "elided_label.h"
#include "help/app_icon.h"
#include "help/help_menu.h"
#include "keyboard/shortcuts_dialog.h"
#include "keyboard/window_keys.h"
#include "kit/message_banner.h"
#include "kit/unsaved_changes_guard.h"
#include "panel_parts.h"
#include "person/find_child_dialog.h"
#include "person/person_record_window.h"
#include "request/request_window.h"
#include "sign_in/change_password_dialog.h"
#include "sign_in/password_store.h"
#include "sign_in/sign_in_dialog.h"
#include "step/step_window.h"
#include "window_memory.h"
#include "workflow/person_records.h"
#include "workflow/sign_in_users.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"
#include "workview/exchange_health_watch.h"
#include "workview/workview_page.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
struct SignedIn
{
    Worker me;
    bool administrator = false;
    bool safeguardingAdmin = false; // for the help page F1 opens
    StepChoices choices;
    bool mustChangePassword = false; // signed in with a one-time password
};

// Qt defers deleting a window closed for good, so for a moment a closed one is still here:
// it counts as gone, or asking for it again would show a window about to vanish.
template<typename Window> Window *stillOpen(const QPointer<Window> &window)
{
    return window && !window->isHidden() ? window.data() : nullptr;
}

enum class OnClose { Deleted, Hidden }; // Hidden: kept for reuse (find a child, shortcuts)

// The administration windows: one of each, made when first asked for, raised after that.
template<typename Window, typename Make>
Window *showOnce(QPointer<Window> &open, Make make, OnClose onClose = OnClose::Deleted)
{
    if (onClose == OnClose::Deleted ? !stillOpen(open) : !open)
        open = make();
    open->show();
    open->raise();
    open->activateWindow();
    return open;
}
} // namespace

MainWindow::MainWindow(DatabaseChoice choice, QString login, QWidget *parent)
    : QMainWindow(parent), m_choice(std::move(choice)), m_login(std::move(login))
{
    setWindowTitle(tr("CP-IS Workview"));
    setObjectName(u"mainWindow"_s);
    fitToScreen(this, {1280, 800});

    m_database = new DatabaseThread(this);
    m_passwords = new PasswordStore(this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_readOnlyBanner = new MessageBanner(u"readOnlyBanner"_s, central);
    m_readOnlyBanner->setKind(BannerKind::Warning);
    m_connectionBanner = new MessageBanner(u"connectionBanner"_s, central);
    m_connectionBanner->setKind(BannerKind::Error);

    m_body = new QLabel(tr("Connecting to the case database…"), central);
    m_body->setObjectName(u"workviewBody"_s);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignCenter);
    m_workview = new WorkviewPage(m_database, central);
    m_pages = new QStackedWidget(central);
    m_pages->addWidget(m_body);
    m_pages->addWidget(m_workview);

    auto *banners = new QVBoxLayout;
    banners->setContentsMargins(20, 8, 20, 0);
    banners->addWidget(m_readOnlyBanner);
    banners->addWidget(m_connectionBanner);
    m_exchangeHealth = new ExchangeHealthWatch(m_database, central);
    banners->addWidget(m_exchangeHealth->banner());
    banners->addWidget(m_exchangeHealth->uploadsBanner());
    layout->addLayout(banners);
    // Large text on a small screen: the page scrolls rather than the window outgrowing the
    // screen, so the banners, the menu bar and the status line stay in view.
    auto *scroll = new QScrollArea(central);
    scroll->setObjectName(u"pageScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Page"));
    scroll->setWidget(m_pages);
    layout->addWidget(scroll, 1);
    setCentralWidget(central);

    m_administration = menuBar()->addMenu(tr("&Administration"));
    m_administration->setObjectName(u"administrationMenu"_s);
    m_administration->menuAction()->setVisible(false);
    m_administration
        ->addAction(tr("&Configuration tools…"), this, &MainWindow::openConfigurationTools)
        ->setObjectName(u"openConfigurationTools"_s);
    m_administration->addAction(tr("&Exchange monitor…"), this, &MainWindow::openExchangeMonitor)
        ->setObjectName(u"exchangeMonitorAction"_s);
    auto *dataQuality = m_administration->addAction(tr("&Data quality…"));
    dataQuality->setObjectName(u"dataQualityAction"_s);
    connect(dataQuality, &QAction::triggered, this, &MainWindow::openDataQuality);
    auto *recordsImport = m_administration->addAction(tr("&Import records…"));
    recordsImport->setObjectName(u"recordsImportAction"_s);
    connect(recordsImport, &QAction::triggered, this, &MainWindow::openRecordsImport);
    m_administration
        ->addAction(tr("&Users…"), this, [this] { UsersWindow::open(m_database, this); })
        ->setObjectName(u"usersAction"_s);

    m_connectionStatus = new ElidedLabel(tr("Connecting…"), this); // long paths are cut
    m_connectionStatus->setObjectName(u"connectionStatus"_s);
    statusBar()->addWidget(m_connectionStatus, 1);
    statusBar()->addPermanentWidget(m_exchangeHealth->statusLine());

    connect(m_database, &DatabaseThread::opened, this, &MainWindow::opened);
    connect(m_database, &DatabaseThread::failed, this, &MainWindow::showFailure);
    connect(m_database, &DatabaseThread::connectionLost, this, [this] {
        m_connectionBanner->setText(
            tr("\u26a0 The connection to the case database is lost. Reconnecting… Nothing you "
               "have typed is lost; it is saved once the connection is back."));
        m_connectionBanner->show();
        m_connectionStatus->setFullText(tr("Connection lost · reconnecting…"));
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, [this] {
        m_connectionBanner->hide();
        showStatus();
    });
    // Lists and templates edited in Configuration tools reach the dialogs without a restart.
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (kind == u"config"_s && m_phase == Phase::Ready)
            reloadChoices();
    });
    connect(m_workview, &WorkviewPage::openStep, this, &MainWindow::openStep);
    connect(m_workview, &WorkviewPage::openRequest, this, &MainWindow::openRequest);
    connect(m_workview, &WorkviewPage::openPerson, this, &MainWindow::openPerson);
    connect(m_passwords, &PasswordStore::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    setUpKeyboard();
    addMenus();
    addFindChild();
    addHelpMenu();
}

void MainWindow::addFindChild()
{
    auto *find = m_go->addAction(tr("&Find a child…"));
    find->setObjectName(u"findChildAction"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    find->setShortcutContext(Qt::ApplicationShortcut); // from the person record, steps, ...
    connect(find, &QAction::triggered, this, [this] { openFindChild(); });

    // The workview's box: Enter searches in the Find a child dialog.
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("Find a chi&ld:"), m_workview);
    auto *box = new QLineEdit(m_workview);
    box->setObjectName(u"workviewFindChild"_s);
    box->setAccessibleName(tr("Find a child by name, person ID, NHS number or date of birth"));
    box->setPlaceholderText(tr("Name, person ID, NHS number or date of birth, then Enter"));
    label->setBuddy(box);
    row->setContentsMargins(20, 8, 20, 0);
    row->addWidget(label);
    row->addWidget(box, 1);
    if (auto *page = qobject_cast<QVBoxLayout *>(m_workview->layout()))
        page->insertLayout(0, row);
    connect(box, &QLineEdit::returnPressed, this, [this, box] {
        openFindChild(box->text());
        box->clear();
    });

    // Records officers work the data quality lists: the Administration menu shows them only
    // that (the database decides either way).
    connect(this, &MainWindow::ready, this, [this] {
        m_database->submit<bool>(
            this, [](Connection &c) { return currentIsRecordsOfficer(c); },
            [this](Result<bool> officer) {
                m_recordsOfficer = officer && *officer;
                if (!m_recordsOfficer || m_administrator)
                    return;
                m_administration->menuAction()->setVisible(true);
                for (QAction *action : m_administration->actions())
                    action->setVisible(action->objectName() == u"dataQualityAction"_s ||
                                       action->objectName() == u"recordsImportAction"_s);
            });
    });
}

PersonRecordWindow *MainWindow::openPersonToFix(qint64 personId, const QString &list)
{
    PersonRecordWindow *window = openPerson(personId);
    using Action = PersonRecordWindow::Action;
    static const QHash<QString, Action> fixes{{u"no_nhs_number"_s, Action::NhsNumber},
                                              {u"fails_check"_s, Action::NhsNumber},
                                              {u"inactive"_s, Action::NhsNumber},
                                              {u"unborn_past_due"_s, Action::Birth},
                                              {u"name_changed"_s, Action::Details}};
    if (window && fixes.contains(list))
        window->openAction(fixes.value(list));
    return window;
}

FindChildDialog *MainWindow::findChildDialog() const
{
    return m_findChild;
}

FindChildDialog *MainWindow::openFindChild(const QString &text)
{
    auto *dialog = showOnce(
        m_findChild,
        [this] {
            auto *made = new FindChildDialog(m_database, this);
            connect(made, &FindChildDialog::openPerson, this, &MainWindow::openPerson);
            return made;
        },
        OnClose::Hidden);
    if (!text.trimmed().isEmpty())
        dialog->search(text);
    dialog->searchBox()->setFocus();
    return dialog;
}

void MainWindow::addHelpMenu()
{
    setWindowIcon(applicationIcon());
    new HelpMenu(this); // owned by the window; adds the Help menu, last in the menu bar
}

void MainWindow::setUpKeyboard()
{
    const MainWindowKeys keys(this);
    m_shortcutsAction = keys.shortcuts;
    m_quitAction = keys.quit;
    connect(keys.shortcuts, &QAction::triggered, this, &MainWindow::openKeyboardShortcuts);
    connect(keys.quit, &QAction::triggered, this, &QWidget::close);
}

ShortcutsDialog *MainWindow::openKeyboardShortcuts()
{
    return showOnce(
        m_shortcuts, [this] { return new ShortcutsDialog(this); }, OnClose::Hidden);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectToDatabase()
{
    m_body->setText(tr("Connecting to the case database…"));
    m_connectionStatus->setFullText(tr("Connecting…"));
    m_pages->setCurrentWidget(m_body);
    if (!m_login.isEmpty()) {
        m_phase = Phase::SigningIn;
        m_database->open(m_choice, SignIn{m_login, {}});
    } else if (m_choice.isEmbedded() || !m_interactive) {
        m_phase = m_choice.isEmbedded() ? Phase::OwnerForPicking : Phase::SigningIn;
        m_database->open(m_choice);
    } else {
        askForPassword();
    }
}

QString MainWindow::passwordAccount(const QString &login) const
{
    return m_choice.conninfo + u'/' + login;
}

void MainWindow::askForPassword()
{
    const auto info = ConnInfo::parse(m_choice.conninfo);
    const QString where = m_choice.conninfo.isEmpty() ? tr("Database from PGHOST / PGSERVICE")
                          : info                      ? tr("Database: %1").arg(info->describe())
                                                      : m_choice.conninfo;
    auto *dialog = new SignInDialog(SignInDialog::Mode::Password, where, this);
    m_signIn = dialog;
    QSettings settings;
    const QString last =
        m_forgetLogin ? QString() : settings.value(u"signIn/lastLogin"_s).toString();
    dialog->setLogin(last);
    if (!last.isEmpty() && settings.value(u"signIn/remembered/"_s + last).toBool()) {
        m_passwords->read(passwordAccount(last), [dialog = QPointer(dialog)](const QString &pw) {
            if (dialog && !pw.isEmpty())
                dialog->setPassword(pw, true);
        });
    }
    connect(dialog, &SignInDialog::signInRequested, this, &MainWindow::signInFromDialog);
    connect(dialog, &QDialog::rejected, this, &QWidget::close);
    dialog->open();
}

void MainWindow::askWhoToSignInAs(const QList<SignInUser> &users)
{
    if (!m_interactive) {
        for (const SignInUser &u : users) {
            if (u.role == u"Safeguarding Admin"_s) {
                m_phase = Phase::SigningIn;
                m_database->switchUser(u.login);
                return;
            }
        }
        showFailure(
            Error{u"signin"_s, tr("There is no Safeguarding Admin to sign in as."), {}, {}});
        return;
    }
    auto *dialog = new SignInDialog(SignInDialog::Mode::PickUser, m_summary.where, this);
    m_signIn = dialog;
    dialog->setUsers(users);
    if (!m_forgetLogin)
        dialog->setLogin(QSettings().value(u"signIn/lastLogin"_s).toString());
    connect(dialog, &SignInDialog::signInRequested, this, &MainWindow::signInFromDialog);
    connect(dialog, &QDialog::rejected, this, &QWidget::close);
    dialog->open();
}

void MainWindow::signInFromDialog()
{
    if (!m_signIn)
        return;
    m_phase = Phase::SigningIn;
    const QString login = m_signIn->login();
    if (m_choice.isEmbedded())
        m_database->switchUser(login);
    else
        m_database->open(m_choice, SignIn{login, m_signIn->password()});
}

void MainWindow::opened(const ConnectionSummary &summary)
{
    m_summary = summary;
    showStatus();
    if (summary.readOnly) {
        m_readOnlyBanner->setText(
            tr("Read only: the database's schema (version %1) is newer than this program knows "
               "(version %2), so nothing can be saved. Install the newer version of CP-IS "
               "Workview.")
                .arg(summary.schemaVersion)
                .arg(summary.latestKnownSchema));
        m_readOnlyBanner->show();
    } else {
        m_readOnlyBanner->hide();
    }
    if (m_phase == Phase::OwnerForPicking) {
        m_database->submit<QList<SignInUser>>(
            this, [](Connection &c) { return listSignInUsers(c); },
            [this](Result<QList<SignInUser>> users) {
                if (users)
                    askWhoToSignInAs(*users);
                else
                    showFailure(users.error());
            });
        return;
    }
    if (m_signIn && !m_choice.isEmbedded()) {
        const QString login = m_signIn->login();
        QSettings settings;
        settings.setValue(u"signIn/lastLogin"_s, login);
        settings.setValue(u"signIn/remembered/"_s + login, m_signIn->rememberPassword());
        if (m_signIn->rememberPassword())
            m_passwords->write(passwordAccount(login), m_signIn->password());
        else
            m_passwords->remove(passwordAccount(login));
    } else if (m_signIn) {
        QSettings().setValue(u"signIn/lastLogin"_s, m_signIn->login());
    }
    loadWorker();
}

void MainWindow::loadWorker()
{
    m_phase = Phase::LoadingWorker;
    m_database->submit<SignedIn>(
        this,
        [readOnly = m_summary.readOnly](Connection &c) -> Result<SignedIn> {
            auto me = WorkerDirectory(c).current();
            if (!me)
                return me.error();
            // Stamps the sign-in; a read-only session (newer schema) can change nothing.
            auto mustChange = readOnly ? Result<bool>(false) : UserAdmin(c).signedIn();
            if (!mustChange)
                return mustChange.error();
            auto administrator = WorkerDirectory(c).currentIsSystemAdministrator();
            if (!administrator)
                return administrator.error();
            auto safeguardingAdmin = WorkerDirectory(c).currentIsSafeguardingAdmin();
            if (!safeguardingAdmin)
                return safeguardingAdmin.error();
            auto choices = loadStepChoices(c);
            if (!choices)
                return choices.error();
            return SignedIn{*me, *administrator, *safeguardingAdmin, *choices, *mustChange};
        },
        [this](Result<SignedIn> signedIn) {
            if (!signedIn) {
                showFailure(signedIn.error());
                return;
            }
            auto proceed = [this, signedIn = *signedIn] {
                if (m_signIn) {
                    m_signIn->accept();
                    m_signIn->deleteLater();
                }
                m_me = signedIn.me;
                m_administrator = signedIn.administrator;
                m_safeguardingAdmin = signedIn.safeguardingAdmin;
                m_administration->menuAction()->setVisible(m_administrator);
                // Those who act on CP-IS notifications see whether they are still coming in.
                if (m_administrator || m_safeguardingAdmin)
                    m_exchangeHealth->start();
                else
                    m_exchangeHealth->stop();
                m_choices = signedIn.choices;
                showStatus();
                m_workview->setChoices(m_choices);
                m_pages->setCurrentWidget(m_workview);
                auto firstLoad = std::make_shared<QMetaObject::Connection>();
                m_workview->setMainPanel(m_safeguardingAdmin);
                *firstLoad = connect(m_workview, &WorkviewPage::loaded, this, [this, firstLoad] {
                    disconnect(*firstLoad);
                    // Once the panels have their rows (an empty one folds to its heading), so
                    // that the size and splitters this user left are the ones that stay.
                    if (m_interactive && !m_keepSize)
                        restoreLayout(this, m_me.login);
                    // Typing and Enter work at once after signing in.
                    activateWindow();
                    m_workview->focusMainPanel();
                    m_phase = Phase::Ready;
                    emit ready();
                });
                m_workview->setWorker(m_me);
            };
            if (signedIn->mustChangePassword && !m_choice.isEmbedded())
                changeOwnPassword(true, proceed);
            else
                proceed();
        });
}

// The worker chooses their own password: `required` after a one-time password from a system
// administrator, before anything else (or they quit); otherwise from File → Change password.
void MainWindow::changeOwnPassword(bool required, const std::function<void()> &then)
{
    if (required && !m_interactive) {
        showFailure(Error{u"signin"_s,
                          tr("%1 must choose a new password before signing in: sign in with "
                             "CP-IS Workview to choose it.")
                              .arg(m_summary.user),
                          {},
                          {}});
        return;
    }
    const QString login = m_summary.user;
    askForNewPassword(
        m_database, required, this,
        [this, login, then](const QString &password) {
            if (QSettings().value(u"signIn/remembered/"_s + login).toBool())
                m_passwords->write(passwordAccount(login), password);
            then();
        },
        [this, required] {
            if (required)
                close();
        });
}

void MainWindow::reloadChoices()
{
    m_database->submit<StepChoices>(
        this, [](Connection &c) { return loadStepChoices(c); },
        [this](Result<StepChoices> choices) {
            if (!choices)
                return; // the ones loaded before stay in use; the next change tries again
            m_choices = *choices;
            m_workview->setChoices(m_choices);
        });
}

void MainWindow::showStatus()
{
    QString text = tr("Connected to %1 · signed in as %2").arg(m_summary.where, m_summary.user);
    if (!m_me.name.isEmpty())
        text = tr("Connected to %1 · signed in as %2 (%3)")
                   .arg(m_summary.where, m_me.name, m_summary.user);
    text += tr(" · PostgreSQL %1 · schema version %2")
                .arg(m_summary.serverVersion)
                .arg(m_summary.schemaVersion);
    m_connectionStatus->setFullText(text);
    if (!m_me.name.isEmpty())
        // The desktop adds the program's name after a title that does not end with it.
        setWindowTitle(tr("%1 — CP-IS Workview").arg(m_me.name));
}

void MainWindow::showFailure(const Error &error)
{
    if (m_signIn && m_signIn->isVisible()) {
        QString text = error.message;
        if (!error.hint.isEmpty())
            text += u"\n"_s + error.hint;
        m_signIn->showError(text);
        emit failed(error);
        return;
    }
    m_connectionStatus->setFullText(tr("Not connected"));
    m_body->setText(tr("The case database could not be reached."));
    m_pages->setCurrentWidget(m_body);
    if (!m_interactive) {
        emit failed(error);
        return;
    }
    if (!m_errorDialog) {
        m_errorDialog = new QMessageBox(QMessageBox::Critical, tr("Cannot reach the case database"),
                                        tr("The case database could not be reached."),
                                        QMessageBox::Retry | QMessageBox::Close, this);
        m_errorDialog->setObjectName(u"connectionErrorDialog"_s);
        connect(m_errorDialog, &QMessageBox::finished, this, [this](int button) {
            if (button == QMessageBox::Retry)
                connectToDatabase();
            else
                close();
        });
    }
    QString details = error.message;
    if (!error.hint.isEmpty())
        details += u"\n\n"_s + tr("What to try: %1").arg(error.hint);
    m_errorDialog->setInformativeText(details);
    m_errorDialog->open();
    emit failed(error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!closeWorkWindows()) {
        event->ignore();
        return;
    }
    event->accept();
}

bool MainWindow::closeWorkWindows()
{
    if (m_phase == Phase::Ready)
        rememberLayout(this, m_me.login); // the size and splitters this user left
    // Every window with unsaved work asks first, wherever it was opened from (a step and its
    // dialogs, a case note, a person record's dialog, Users' Add a user, Find a child's New
    // child, configuration), and nothing closes while one is asking.
    if (!askAboutUnsavedWork(this))
        return false;
    bool anyKeptOpen = false;
    const auto closeAll = [&anyKeptOpen](const auto &windows) {
        for (const auto &window : windows) {
            if (window && window->isVisible() && !window->close())
                anyKeptOpen = true;
        }
    };
    closeAll(m_steps);
    closeAll(m_requests);
    if (m_configuration && m_configuration->isVisible() && !m_configuration->close())
        anyKeptOpen = true;
    if (anyKeptOpen)
        return false;
    closeAll(m_people);
    for (QWidget *window : std::initializer_list<QWidget *>{
             m_dataQuality.data(), m_exchangeMonitor.data(), m_shortcuts.data(),
             m_recordsImport.data(), findChild<UsersWindow *>({}, Qt::FindDirectChildrenOnly)}) {
        if (window)
            window->close();
    }
    // Find a child is kept hidden for reuse: its search and results go with the user (later:
    // this may run inside one of its events).
    if (m_findChild) {
        m_findChild->hide();
        m_findChild->deleteLater();
        m_findChild = nullptr;
    }
    return true;
}

bool MainWindow::signOut(bool switchUser)
{
    if (m_phase != Phase::Ready || !closeWorkWindows())
        return false;
    m_phase = Phase::Idle;
    m_me = {};
    m_administrator = false;
    m_safeguardingAdmin = false;
    m_administration->menuAction()->setVisible(false);
    m_exchangeHealth->stop();
    m_login.clear();
    m_forgetLogin = switchUser;
    m_workview->clearForSignOut();
    // View and Go act on a workview: nothing until the next user has signed in.
    if (auto *view = findChild<QMenu *>(u"viewMenu"_s))
        view->menuAction()->setEnabled(false);
    m_go->menuAction()->setEnabled(false);
    setWindowTitle(tr("CP-IS Workview"));
    connectToDatabase();
    return true;
}

StepWindow *MainWindow::stepWindow(qint64 stepId) const
{
    return stillOpen(m_steps.value(stepId));
}

StepWindow *MainWindow::openStep(qint64 stepId)
{
    if (StepWindow *open = stepWindow(stepId)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    m_steps.removeIf([](const auto &entry) { return entry.value().isNull(); });
    auto *window = new StepWindow(m_database, stepId, m_me, m_choices, this);
    m_steps.insert(stepId, window);
    connect(window, &StepWindow::finished, m_workview, &WorkviewPage::reload);
    connect(window, &StepWindow::finishedWith, m_workview, &WorkviewPage::stepFinished);
    connect(window, &StepWindow::released, m_workview, &WorkviewPage::showConfirmation);
    window->show();
    return window;
}

RequestWindow *MainWindow::requestWindow(qint64 requestId) const
{
    return stillOpen(m_requests.value(requestId));
}

RequestWindow *MainWindow::openRequest(const IncomingRequest &request)
{
    if (RequestWindow *open = requestWindow(request.requestId)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    m_requests.removeIf([](const auto &entry) { return entry.value().isNull(); });
    auto *window = new RequestWindow(m_database, request, this);
    m_requests.insert(request.requestId, window);
    connect(window, &RequestWindow::acknowledged, m_workview, &WorkviewPage::reload);
    connect(window, &RequestWindow::openPerson, this, &MainWindow::openPerson);
    window->show();
    return window;
}

ExchangeMonitorWindow *MainWindow::exchangeMonitorWindow() const
{
    return stillOpen(m_exchangeMonitor);
}

ExchangeMonitorWindow *MainWindow::openExchangeMonitor()
{
    return showOnce(m_exchangeMonitor,
                    [this] { return new ExchangeMonitorWindow(m_database, this); });
}

PersonRecordWindow *MainWindow::personWindow(qint64 personId) const
{
    return stillOpen(m_people.value(personId));
}

PersonRecordWindow *MainWindow::openPerson(qint64 personId)
{
    if (PersonRecordWindow *open = personWindow(personId)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    m_people.removeIf([](const auto &entry) { return entry.value().isNull(); });
    auto *window = new PersonRecordWindow(m_database, personId, this);
    m_people.insert(personId, window);
    window->show();
    return window;
}

DataQualityWindow *MainWindow::dataQualityWindow() const
{
    return stillOpen(m_dataQuality);
}

DataQualityWindow *MainWindow::openDataQuality()
{
    return showOnce(m_dataQuality, [this] {
        auto *window = new DataQualityWindow(m_database, this);
        connect(window, &DataQualityWindow::fixPerson, this, &MainWindow::openPersonToFix);
        return window;
    });
}

RecordsImportWindow *MainWindow::recordsImportWindow() const
{
    return stillOpen(m_recordsImport);
}

RecordsImportWindow *MainWindow::openRecordsImport()
{
    return showOnce(m_recordsImport, [this] { return new RecordsImportWindow(m_database, this); });
}

ConfigurationWindow *MainWindow::configurationWindow() const
{
    return stillOpen(m_configuration);
}

ConfigurationWindow *MainWindow::openConfigurationTools()
{
    return showOnce(m_configuration, [this] { return new ConfigurationWindow(m_database, this); });
}

} // namespace cpis::ui
