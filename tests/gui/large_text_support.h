// Large fonts and a high-contrast palette for a test, and the checks a user with them needs:
// no label or button too small for its text, no two of them on top of each other.
#pragma once

#include "gui/gui_support.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QPalette>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace cpis::test {

// Black and white with yellow selection, as the desktops' high-contrast themes are.
inline QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(Qt::black), white(Qt::white), yellow(0xff, 0xff, 0x00);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, black);
        p.setColor(group, QPalette::WindowText, white);
        p.setColor(group, QPalette::Base, black);
        p.setColor(group, QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
        p.setColor(group, QPalette::Text, white);
        p.setColor(group, QPalette::Button, black);
        p.setColor(group, QPalette::ButtonText, white);
        p.setColor(group, QPalette::Highlight, yellow);
        p.setColor(group, QPalette::HighlightedText, black);
        p.setColor(group, QPalette::ToolTipBase, black);
        p.setColor(group, QPalette::ToolTipText, white);
        p.setColor(group, QPalette::Link, QColor(0x80, 0xc0, 0xff));
        p.setColor(group, QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
        p.setColor(group, QPalette::Light, white);
        p.setColor(group, QPalette::Midlight, QColor(0xc0, 0xc0, 0xc0));
        p.setColor(group, QPalette::Mid, QColor(0x80, 0x80, 0x80));
        p.setColor(group, QPalette::Dark, QColor(0x40, 0x40, 0x40));
        p.setColor(group, QPalette::Shadow, white);
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::Window, black);
    p.setColor(QPalette::Disabled, QPalette::Base, black);
    p.setColor(QPalette::Disabled, QPalette::Button, black);
    return p;
}

// The application's font at `percent` of the default, and the high-contrast palette, while
// this lives; windows made after it follow both.
class LargeText
{
public:
    explicit LargeText(int percent)
        : m_font(QApplication::font()), m_palette(QApplication::palette())
    {
        QFont large = m_font;
        large.setPointSizeF(m_font.pointSizeF() * percent / 100.0);
        QApplication::setFont(large);
        QApplication::setPalette(highContrastPalette());
    }
    ~LargeText()
    {
        QApplication::setFont(m_font);
        QApplication::setPalette(m_palette);
    }
    LargeText(const LargeText &) = delete;
    LargeText &operator=(const LargeText &) = delete;

private:
    QFont m_font;
    QPalette m_palette;
};

inline QString where(const QWidget *window, const QWidget *widget)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    return window->objectName() + QStringLiteral(": ") +
           (widget->objectName().isEmpty() ? QStringLiteral("(no objectName)")
                                           : widget->objectName()) +
           QStringLiteral(" \"") + text.left(40) + QStringLiteral("\"");
}

// Labels and buttons with text, shown now; inside a scroll area they may be scrolled to, so
// only their own size counts.
inline QList<QWidget *> textWidgets(QWidget *window)
{
    QList<QWidget *> found;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(window) || w->window() != window)
            continue;
        const auto *label = qobject_cast<QLabel *>(w);
        const auto *button = qobject_cast<QAbstractButton *>(w);
        if ((label && !label->text().isEmpty() && label->pixmap().isNull()) ||
            (button && !button->text().isEmpty()))
            found << w;
    }
    return found;
}

// Text that does not fit the space the layout gave it.
inline QStringList clippedText(QWidget *window)
{
    QStringList clipped;
    for (QWidget *w : textWidgets(window)) {
        const QSize need = w->minimumSizeHint();
        const auto *label = qobject_cast<QLabel *>(w);
        if (label && label->wordWrap()) {
            const int height = label->heightForWidth(label->width());
            if (height > label->height() + 1)
                clipped
                    << where(window, w) +
                           QStringLiteral(" needs %1 px high, has %2").arg(height).arg(w->height());
            continue;
        }
        if (need.width() > w->width() + 1 || need.height() > w->height() + 1)
            clipped << where(window, w) + QStringLiteral(" needs %1x%2, has %3x%4")
                                              .arg(need.width())
                                              .arg(need.height())
                                              .arg(w->width())
                                              .arg(w->height());
    }
    return clipped;
}

// Tab bars whose tabs do not all fit: their names are cut short or scrolled away.
inline QStringList crampedTabs(QWidget *window)
{
    QStringList cramped;
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!bar->isVisibleTo(window) || bar->window() != window)
            continue;
        if (bar->sizeHint().width() > bar->width() + 1)
            cramped << window->objectName() + QStringLiteral(": ") + bar->objectName() +
                           QStringLiteral(" tabs need %1 px wide, have %2")
                               .arg(bar->sizeHint().width())
                               .arg(bar->width());
    }
    return cramped;
}

// Text widgets drawn over one another: siblings only, as a scroll area's contents lie outside
// its viewport by design.
inline QStringList overlappingText(QWidget *window)
{
    QStringList overlaps;
    const QList<QWidget *> widgets = textWidgets(window);
    for (qsizetype i = 0; i < widgets.size(); ++i) {
        for (qsizetype j = i + 1; j < widgets.size(); ++j) {
            QWidget *a = widgets.at(i);
            QWidget *b = widgets.at(j);
            if (a->parentWidget() != b->parentWidget())
                continue;
            if (a->geometry().intersects(b->geometry()))
                overlaps << where(window, a) + QStringLiteral(" overlaps ") + where(window, b);
        }
    }
    return overlaps;
}

} // namespace cpis::test
