// A message banner (info, success, warning, error): the one way a screen shows a boxed
// message. Its colours come from Display::bannerColours; the text says what it means too.
#pragma once

#include "display.h"

#include <QLabel>

namespace cpis::ui {

class MessageBanner final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    // Word-wrapped and hidden until there is something to say.
    MessageBanner(const QString &objectName, QWidget *parent);

    // Shows `text` in the kind's colours.
    void showMessage(const QString &text, BannerKind kind);
    // Colours the banner for `kind` without changing its text or visibility.
    void setKind(BannerKind kind);
    // Shows `text` as a plain line, without the banner's box.
    void showPlain(const QString &text);
    // The space between the box and the text, 8 pixels unless set.
    void setPadding(int pixels) { m_padding = pixels; }

    // The style sheet of a banner of `kind`.
    [[nodiscard]] static QString styleSheetFor(BannerKind kind, int padding = 8);

private:
    int m_padding = 8;
};

} // namespace cpis::ui
