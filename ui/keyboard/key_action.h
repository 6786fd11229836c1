// One keyboard shortcut as a QAction on the widget it works in: the Keyboard shortcuts dialog
// lists these same actions, and buttons show the keys in their tooltips.
#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>

class QAbstractButton;
class QWidget;

namespace cpis::ui {

// An action on `owner` that fires for `keys` while focus is anywhere inside `owner`.
QAction *addKeyAction(QWidget *owner, const QString &objectName, const QString &text,
                      const QList<QKeySequence> &keys);

// The first key sequence as the user's platform spells it: "Ctrl+S".
QString keyText(const QAction *action);

// "Save the step (Ctrl+S)": a tooltip that names the action's keys.
QString withKeys(const QString &tip, const QAction *action);

// The action presses the button, so it does exactly what a click does, and nothing when the
// button is disabled; the button's tooltip names the keys.
void pressOnTrigger(QAction *action, QAbstractButton *button, const QString &tip);

} // namespace cpis::ui
