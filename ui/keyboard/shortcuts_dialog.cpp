#include "keyboard/shortcuts_dialog.h"

#include "keyboard/window_keys.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

ShortcutsDialog::ShortcutsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(640, 560);

    auto *intro = new QLabel(tr("In Current work, start typing to find a step: the text goes "
                                "into the Find box. Tab and Shift+Tab move between controls; "
                                "underlined letters with Alt press a button."),
                             this);
    intro->setObjectName(u"shortcutsIntro"_s);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcutsList"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    // F1 belongs to the Help menu, which makes it: listed from there, so it cannot go stale.
    QAction *help = parent ? parent->findChild<QAction *>(u"helpAction"_s) : nullptr;
    addGroup<MainWindowKeys>(tr("Everywhere in the main window"), help);
    addGroup<WorkviewKeys>(tr("Workview"));
    addGroup<StepKeys>(tr("CPIS Follow Up step"));
    addGroup<RequestKeys>(tr("Request"));
    m_list->expandAll();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"shortcutsButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    m_list->setFocus();
}

// The window's own key set, made on a holder that is never shown, so its keys never fire
// here: the dialog lists exactly what the window makes.
template<typename Keys> void ShortcutsDialog::addGroup(const QString &window, QAction *alsoListed)
{
    auto *holder = new QWidget(this);
    holder->hide();
    const Keys keys(holder);
    Group group{window, holder->actions()};
    if (alsoListed)
        group.actions.prepend(alsoListed);
    auto *heading = new QTreeWidgetItem(m_list, {window});
    heading->setFirstColumnSpanned(true);
    QFont bold = m_list->font();
    bold.setBold(true);
    heading->setFont(0, bold);
    heading->setFlags(Qt::ItemIsEnabled);
    for (const QAction *action : std::as_const(group.actions)) {
        QStringList spelled;
        for (const QKeySequence &sequence : action->shortcuts())
            spelled << sequence.toString(QKeySequence::NativeText);
        // iconText(): the text without its & mnemonic (the Help menu's action has one).
        auto *item = new QTreeWidgetItem(heading, {action->iconText(), spelled.join(tr(" or "))});
        item->setData(0, Qt::UserRole, action->objectName());
    }
    m_groups << group;
}

} // namespace cpis::ui
