#include "translations/visible_texts.h"

#include "translations/ts_catalogue.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTableView>
#include <QTextEdit>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
constexpr int kRowsLooked = 30;

QString nameOf(const QWidget *window, const QObject *object)
{
    const QString name = object->objectName().isEmpty() ? u"(no name)"_s : object->objectName();
    return u"%1 › %2 (%3)"_s.arg(window->windowTitle(), name,
                                 QString::fromLatin1(object->metaObject()->className()));
}

void addMenu(const QWidget *window, const QString &where, const QList<QAction *> &actions,
             QList<VisibleText> &out)
{
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString here =
            where + u" › "_s +
            (action->objectName().isEmpty() ? action->text() : action->objectName());
        out.append({here + u" text"_s, action->text()});
        if (!action->toolTip().isEmpty() &&
            action->toolTip() != QString(action->text()).remove(u'&'))
            out.append({here + u" tooltip"_s, action->toolTip()});
        if (action->menu())
            addMenu(window, here, action->menu()->actions(), out);
    }
}

void addView(const QWidget *window, const QAbstractItemView *view, QList<VisibleText> &out)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const QString where = nameOf(window, view);
    const auto *table = qobject_cast<const QTableView *>(view);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (table && table->isColumnHidden(c))
            continue;
        out.append({where + u" header %1"_s.arg(c),
                    model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()});
        out.append({where + u" header %1 tooltip"_s.arg(c),
                    model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString()});
        for (int r = 0; r < std::min(model->rowCount(), kRowsLooked); ++r) {
            const QModelIndex index = model->index(r, c);
            out.append({where + u" row %1 column %2"_s.arg(r).arg(c), index.data().toString()});
            out.append({where + u" row %1 column %2 tooltip"_s.arg(r).arg(c),
                        index.data(Qt::ToolTipRole).toString()});
        }
    }
}
} // namespace

QList<VisibleText> visibleTexts(QWidget *window)
{
    QList<VisibleText> out;
    out.append({nameOf(window, window) + u" window title"_s, window->windowTitle()});
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : widgets) {
        if (w != window && (w->window() != window || !w->isVisibleTo(window)))
            continue; // hidden, or in a window of its own (a dialog parented to this one)
        const QString where = nameOf(window, w);
        if (!w->toolTip().isEmpty())
            out.append({where + u" tooltip"_s, w->toolTip()});
        if (auto *label = qobject_cast<QLabel *>(w))
            out.append({where, label->text()});
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            out.append({where, button->text()});
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            out.append({where, box->title()});
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            out.append({where + u" placeholder"_s, edit->placeholderText()});
        else if (auto *text = qobject_cast<QTextEdit *>(w)) {
            out.append({where + u" placeholder"_s, text->placeholderText()});
            if (text->isReadOnly())
                out.append({where, text->toPlainText()});
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            out.append({where + u" placeholder"_s, plain->placeholderText()});
        else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                out.append({where + u" item %1"_s.arg(i), combo->itemText(i)});
            if (combo->lineEdit())
                out.append({where + u" placeholder"_s, combo->lineEdit()->placeholderText()});
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                out.append({where + u" tab %1"_s.arg(i), tabs->tabText(i)});
                out.append({where + u" tab %1 tooltip"_s.arg(i), tabs->tabToolTip(i)});
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w))
            addView(window, view, out);
        else if (auto *bar = qobject_cast<QMenuBar *>(w))
            addMenu(window, where, bar->actions(), out);
        else if (auto *menu = qobject_cast<QMenu *>(w))
            addMenu(window, where, menu->actions(), out);
        if (!qobject_cast<QMenu *>(w) && !qobject_cast<QMenuBar *>(w))
            addMenu(window, where, w->actions(), out); // context-menu actions
    }
    out.removeIf([](const VisibleText &t) { return t.text.trimmed().isEmpty(); });
    return out;
}

QStringList mnemonicClashes(QWidget *window)
{
    QStringList clashes;
    const auto check = [&clashes](const QString &scope,
                                  const QList<QPair<QString, QString>> &items) {
        QHash<QString, QString> seen;
        for (const auto &[where, text] : items) {
            for (const QString &letter : mnemonics(text)) {
                if (seen.contains(letter))
                    clashes << u"%1: &%2 is on both %3 and %4"_s.arg(scope, letter, seen[letter],
                                                                     where);
                else
                    seen.insert(letter, where);
            }
        }
    };
    QList<QPair<QString, QString>> controls;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisibleTo(window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            controls.append({nameOf(window, w), button->text()});
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            controls.append({nameOf(window, w), label->text()});
        else if (auto *box = qobject_cast<QGroupBox *>(w); box && box->isCheckable())
            controls.append({nameOf(window, w), box->title()});
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                controls.append({nameOf(window, w) + u" tab %1"_s.arg(i), tabs->tabText(i)});
        } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *action : bar->actions())
                controls.append({u"menu "_s + action->text(), action->text()});
            for (QAction *action : bar->actions()) {
                if (!action->menu())
                    continue;
                QList<QPair<QString, QString>> items;
                for (QAction *item : action->menu()->actions()) {
                    if (item->isVisible() && !item->isSeparator())
                        items.append({item->objectName(), item->text()});
                }
                check(nameOf(window, w) + u" menu "_s + action->text(), items);
            }
        }
    }
    check(window->windowTitle(), controls);
    return clashes;
}

} // namespace cpis::test
