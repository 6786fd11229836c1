#include "help/help_menu.h"

#include "help/about_dialog.h"
#include "help/help_window.h"
#include "main_window.h"

#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
template<typename Window> Window *bringForward(Window *window)
{
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}
} // namespace

HelpMenu::HelpMenu(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(u"helpMenuController"_s);
    m_menu = window->menuBar()->addMenu(tr("&Help"));
    m_menu->setObjectName(u"helpMenu"_s);

    auto *forRole = m_menu->addAction(tr("&Help for your work"), this, &HelpMenu::openHelpForRole);
    forRole->setObjectName(u"helpAction"_s);
    forRole->setShortcut(QKeySequence::HelpContents);
    // F1 works from the step and request windows too, not only the workview.
    forRole->setShortcutContext(Qt::ApplicationShortcut);
    m_menu->addSeparator();
    m_menu
        ->addAction(tr("Help for &Safeguarding Admin"), this,
                    [this] { openHelp(HelpTopic::SafeguardingAdmin); })
        ->setObjectName(u"helpAdminAction"_s);
    m_menu->addAction(tr("Help for &key workers"), this, [this] { openHelp(HelpTopic::KeyWorker); })
        ->setObjectName(u"helpKeyWorkerAction"_s);
    // The window's own action, so its keys (Ctrl+/) show in the menu as well.
    if (QAction *shortcuts = window->keyboardShortcutsAction())
        m_menu->addAction(shortcuts);
    m_menu->addSeparator();
    auto *about = m_menu->addAction(tr("&About CP-IS Workview"), this, &HelpMenu::openAbout);
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
}

HelpWindow *HelpMenu::openHelp(HelpTopic topic)
{
    if (!m_help)
        m_help = new HelpWindow(m_window);
    m_help->showTopic(topic);
    return bringForward(m_help.data());
}

void HelpMenu::openHelpForRole()
{
    // Before signing in, the role is not known: the key worker's page, as for most users.
    openHelp(helpTopicFor(m_window->isSafeguardingAdmin()));
}

AboutDialog *HelpMenu::openAbout()
{
    if (!m_about)
        m_about = new AboutDialog(m_window->database(), m_window);
    return bringForward(m_about.data());
}

} // namespace cpis::ui
