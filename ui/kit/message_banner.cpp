// The message banner: its style sheet comes from the palette place (Display::bannerStyleSheet).
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
    return Display::bannerStyleSheet(kind, padding);
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
