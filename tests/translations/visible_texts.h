// Every text a user can see in a window (labels, buttons, titles, tabs, headers, cells,
// placeholders, menus, tooltips), each with the widget it is on, for the language tests.
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace cpis::test {

struct VisibleText
{
    QString where; // window title › object name (class) › what
    QString text;
};

// The visible widgets of `window` and its menus; item views give their headers and the
// cells of their first rows.
QList<VisibleText> visibleTexts(QWidget *window);

// Mnemonic letters used twice among the visible controls of `window` (and in each of its
// menus): one line per clash, naming both.
QStringList mnemonicClashes(QWidget *window);

} // namespace cpis::test
