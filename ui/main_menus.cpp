// The main window's menu bar: File (Sign out, Switch user, Change password, Quit), View
// (Refresh, the panels) and Go, before Administration and Help. A menu item runs the same action
// as its key, and shows the key after a tab, so the key is not registered twice.
#include "main_window.h"

#include "keyboard/window_keys.h"
#include "workview/workview_page.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// An item that triggers `action` and names its key.
QAction *addItem(QMenu *menu, const QString &name, const QString &text, QAction *action)
{
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    QAction *item = menu->addAction(key.isEmpty() ? text : text + u'\t' + key);
    item->setObjectName(name);
    QObject::connect(item, &QAction::triggered, action, &QAction::trigger);
    return item;
}
} // namespace

void MainWindow::addMenus()
{
    QAction *before = m_administration->menuAction();
    auto *file = new QMenu(tr("&File"), this);
    file->setObjectName(u"fileMenu"_s);
    file->addAction(tr("Sign &out"), this, [this] { signOut(false); })
        ->setObjectName(u"signOutAction"_s);
    file->addAction(tr("S&witch user…"), this, [this] { signOut(true); })
        ->setObjectName(u"switchUserAction"_s);
    file->addAction(tr("Change &password…"), this, [this] { changeOwnPassword(false, [] {}); })
        ->setObjectName(u"changePasswordAction"_s);
    file->addSeparator();
    addItem(file, u"quitMenuItem"_s, tr("&Quit"), m_quitAction);
    menuBar()->insertMenu(before, file);

    const WorkviewKeys &keys = m_workview->keys();
    auto *view = new QMenu(tr("Vi&ew"), this);
    view->setObjectName(u"viewMenu"_s);
    addItem(view, u"refreshMenuItem"_s, tr("&Refresh"), keys.refresh);
    view->addSeparator();
    view->addAction(tr("&Current work"), this,
                    [this] { m_workview->focusPanel(u"currentWorkTable"_s); })
        ->setObjectName(u"viewCurrentWork"_s);
    view->addAction(tr("&Incoming requests"), this,
                    [this] { m_workview->focusPanel(u"incomingRequestsTable"_s); })
        ->setObjectName(u"viewIncomingRequests"_s);
    view->addAction(tr("&Alerts"), this, [this] { m_workview->focusPanel(u"alertsTable"_s); })
        ->setObjectName(u"viewAlerts"_s);
    addItem(view, u"nextPanelMenuItem"_s, tr("&Next panel"), keys.nextPanel);
    addItem(view, u"previousPanelMenuItem"_s, tr("&Previous panel"), keys.previousPanel);
    menuBar()->insertMenu(before, view);

    m_go = new QMenu(tr("&Go"), this);
    m_go->setObjectName(u"goMenu"_s);
    addItem(m_go, u"goPersonRecord"_s, tr("&Person record of the selected child"),
            keys.personRecord);
    // Go → Find a child… is added by addFindChild().
    menuBar()->insertMenu(before, m_go);

    // Nothing to act on until someone has signed in.
    for (QMenu *menu : {view, m_go})
        menu->menuAction()->setEnabled(false);
    connect(this, &MainWindow::ready, this, [view, go = m_go] {
        view->menuAction()->setEnabled(true);
        go->menuAction()->setEnabled(true);
    });
}

} // namespace cpis::ui
