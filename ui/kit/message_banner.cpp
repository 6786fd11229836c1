// The message banner: one style sheet, built from the palette place's banner colours.
#include "kit/message_banner.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

MessageBanner::MessageBanner(const QString &objectName, QWidget *parent) : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    hide();
}

QString MessageBanner::styleSheetFor(BannerKind kind, int padding)
{
    const BannerColours colours = Display::bannerColours(kind);
    return u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px; "
           u"padding: %4px; }"_s
               .arg(colours.background.name(), colours.text.name(), colours.border.name())
               .arg(padding);
}

void MessageBanner::setKind(BannerKind kind)
{
    setStyleSheet(styleSheetFor(kind, m_padding));
}

void MessageBanner::showMessage(const QString &text, BannerKind kind)
{
    setKind(kind);
    setText(text);
    show();
}

void MessageBanner::showPlain(const QString &text)
{
    setStyleSheet({});
    setText(text);
    show();
}

} // namespace cpis::ui
