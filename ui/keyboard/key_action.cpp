#include "keyboard/key_action.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QWidget>

namespace cpis::ui {

namespace {
struct KeyText
{
    Q_DECLARE_TR_FUNCTIONS(KeyText)
};
} // namespace

QAction *addKeyAction(QWidget *owner, const QString &objectName, const QString &text,
                      const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    // Windows own their keys; a page inside the main window only while focus is in it.
    action->setShortcutContext(owner->isWindow() ? Qt::WindowShortcut
                                                 : Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

QString keyText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

QString withKeys(const QString &tip, const QAction *action)
{
    return KeyText::tr("%1 (%2)").arg(tip, keyText(action));
}

void pressOnTrigger(QAction *action, QAbstractButton *button, const QString &tip)
{
    button->setToolTip(withKeys(tip, action));
    QObject::connect(action, &QAction::triggered, button, &QAbstractButton::click);
}

} // namespace cpis::ui
