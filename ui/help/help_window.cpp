#include "help/help_window.h"

#include "help/app_icon.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

HelpWindow::HelpWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(u"helpWindow"_s);
    // Ends with the program's name, so the desktop does not add it a second time.
    setWindowTitle(tr("Help — CP-IS Workview"));
    setWindowIcon(applicationIcon());
    resize(760, 720);

    // Escape and Ctrl+W close it, as they close the other windows.
    auto *close = new QAction(tr("Close help"), this);
    close->setObjectName(u"closeHelpAction"_s);
    close->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)});
    close->setShortcutContext(Qt::WindowShortcut);
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    m_admin = new QPushButton(tr("&Safeguarding Admin"), this);
    m_admin->setObjectName(u"helpAdminButton"_s);
    m_keyWorker = new QPushButton(tr("&Key worker"), this);
    m_keyWorker->setObjectName(u"helpKeyWorkerButton"_s);
    auto *group = new QButtonGroup(this);
    for (QPushButton *button : {m_admin, m_keyWorker}) {
        button->setCheckable(true);
        group->addButton(button);
    }
    connect(m_admin, &QPushButton::clicked, this,
            [this] { showTopic(HelpTopic::SafeguardingAdmin); });
    connect(m_keyWorker, &QPushButton::clicked, this, [this] { showTopic(HelpTopic::KeyWorker); });

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"helpBrowser"_s);
    m_browser->setOpenExternalLinks(true);
    m_browser->setAccessibleName(tr("Help page"));

    auto *topics = new QHBoxLayout;
    topics->addWidget(m_admin);
    topics->addWidget(m_keyWorker);
    topics->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topics);
    layout->addWidget(m_browser, 1);

    showTopic(m_topic);
}

void HelpWindow::showTopic(HelpTopic topic)
{
    m_topic = topic;
    m_page = helpPagePath(topic);
    m_browser->setSource(QUrl(u"qrc"_s + m_page));
    (topic == HelpTopic::SafeguardingAdmin ? m_admin : m_keyWorker)->setChecked(true);
}

} // namespace cpis::ui
