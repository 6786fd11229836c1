// Checks a real window the way a keyboard or screen-reader user meets it: every control that
// takes focus has a name a screen reader can say, and Tab reaches it without getting stuck.
#pragma once

#include "gui/gui_support.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QSet>
#include <QStringList>
#include <QTableView>
#include <QWidget>

namespace cpis::test {

inline QString describe(const QWidget *window, const QWidget *widget)
{
    const QString name =
        widget->objectName().isEmpty() ? QStringLiteral("(no objectName)") : widget->objectName();
    return window->objectName() + QStringLiteral(": ") + name + QStringLiteral(" (") +
           QString::fromLatin1(widget->metaObject()->className()) + QStringLiteral(")");
}

// A control the user can Tab to, as shown now. A widget that hands its focus to another
// (a spin box to its line edit) counts once, as the one that takes it.
inline QList<QWidget *> tabControls(QWidget *window)
{
    QList<QWidget *> controls;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(window) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        if (w->focusProxy())
            continue;
        // Another window (an open dialog) is checked on its own.
        if (w->window() != window)
            continue;
        controls << w;
    }
    return controls;
}

inline bool hasBuddyLabel(const QWidget *window, const QWidget *widget)
{
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        const QWidget *buddy = label->buddy();
        if (buddy && (buddy == widget || buddy->focusProxy() == widget) && !label->text().isEmpty())
            return true;
    }
    return false;
}

// The name a screen reader says for the control; a control inside a composite (the line
// edit of a spin box or editable combo box) speaks with its owner's name.
inline QString accessibleName(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w != widget && w->focusProxy() != widget)
            break;
        QAccessibleInterface *iface =
            QAccessible::queryAccessibleInterface(const_cast<QWidget *>(w));
        if (iface && !iface->text(QAccessible::Name).trimmed().isEmpty())
            return iface->text(QAccessible::Name);
    }
    return {};
}

// "window: objectName (class)" for each focusable control with no accessible name.
inline QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    for (QWidget *w : tabControls(window)) {
        if (accessibleName(w).isEmpty() && !hasBuddyLabel(window, w))
            unnamed << describe(window, w);
    }
    return unnamed;
}

// A list's headings: a column a screen reader would read as nameless is a problem.
inline QStringList untitledColumns(QWidget *window)
{
    QStringList untitled;
    for (QTableView *table : window->findChildren<QTableView *>()) {
        if (!table->isVisibleTo(window) || !table->model() || table->horizontalHeader()->isHidden())
            continue;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            if (table->isColumnHidden(column))
                continue;
            if (table->model()->headerData(column, Qt::Horizontal).toString().trimmed().isEmpty())
                untitled << describe(window, table) +
                                QStringLiteral(" column %1 has no heading").arg(column);
        }
    }
    return untitled;
}

// Radio buttons in one group take one Tab stop (the checked one); arrows move between them.
inline bool groupReached(const QWidget *widget, const QSet<QWidget *> &reached)
{
    const auto *radio = qobject_cast<const QRadioButton *>(widget);
    if (!radio || !radio->autoExclusive())
        return false;
    for (QWidget *other : reached) {
        const auto *sibling = qobject_cast<const QRadioButton *>(other);
        if (sibling && sibling->parentWidget() == radio->parentWidget())
            return true;
    }
    return false;
}

// Presses Tab from the first control until focus comes round again; names each control Tab
// never reached, and a control that keeps Tab for itself (a trap). A date edit takes a few
// presses to move through its day, month and year first.
inline QStringList unreachableControls(QWidget *window)
{
    window->activateWindow();
    QApplication::setActiveWindow(window);
    REQUIRE(QTest::qWaitForWindowActive(window));
    const QList<QWidget *> controls = tabControls(window);
    if (controls.size() < 2)
        return {};
    QWidget *first = controls.first();
    first->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> reached{first};
    QStringList problems;
    QWidget *current = first;
    int stayed = 0;
    for (int presses = 0; presses < 4 * controls.size() + 20; ++presses) {
        QTest::keyClick(current, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (now == current && ++stayed < 6)
            continue;
        if (!now || now == current) {
            problems << describe(window, current) + QStringLiteral(" keeps the Tab key");
            break;
        }
        stayed = 0;
        if (now == first)
            break;
        reached.insert(now);
        current = now;
    }
    for (QWidget *w : controls) {
        if (!reached.contains(w) && !groupReached(w, reached))
            problems << describe(window, w) + QStringLiteral(" is not reached by Tab");
    }
    return problems;
}

// Both checks at once, for a CHECK that prints every problem.
inline QStringList accessibilityProblems(QWidget *window)
{
    QStringList problems;
    for (const QString &control : unnamedControls(window))
        problems << control + QStringLiteral(" has no accessible name");
    problems += untitledColumns(window);
    problems += unreachableControls(window);
    return problems;
}

} // namespace cpis::test
