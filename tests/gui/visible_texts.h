// Every text a user can see in a window: buttons, labels, group and tab titles, combo box
// items, list and table cells and headers, window titles and menus, with the '&' of the
// mnemonics and any HTML taken out. For checking that help names labels the app shows.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QStringList>
#include <QTabBar>
#include <QTextDocument>

namespace cpis::test {

inline QString plainText(QString text)
{
    if (text.contains(QLatin1Char('<'))) {
        QTextDocument html;
        html.setHtml(text);
        text = html.toPlainText();
    }
    return text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
}

inline void addItemTexts(const QAbstractItemModel *model, QStringList &texts)
{
    for (int column = 0; column < model->columnCount(); ++column)
        texts << model->headerData(column, Qt::Horizontal).toString();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            texts << model->index(row, column).data().toString();
    }
}

inline QStringList visibleTexts(const QWidget *window)
{
    QStringList texts{window->windowTitle()};
    for (const QWidget *w : window->findChildren<QWidget *>()) {
        if (auto *button = qobject_cast<const QAbstractButton *>(w))
            texts << button->text();
        else if (auto *label = qobject_cast<const QLabel *>(w))
            texts << label->text();
        else if (auto *group = qobject_cast<const QGroupBox *>(w))
            texts << group->title();
        else if (auto *combo = qobject_cast<const QComboBox *>(w))
            addItemTexts(combo->model(), texts);
        else if (auto *view = qobject_cast<const QAbstractItemView *>(w); view && view->model())
            addItemTexts(view->model(), texts);
        if (auto *tabs = qobject_cast<const QTabBar *>(w)) { // also a QTabWidget's tabs
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        }
        for (const QAction *action : w->actions())
            texts << action->text();
    }
    for (QString &text : texts)
        text = plainText(text);
    return texts;
}

} // namespace cpis::test
