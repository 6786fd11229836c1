// The heading style's sizes, in one place.
#include "kit/heading.h"

#include <QFont>
#include <QWidget>

namespace cpis::ui {

namespace {
qreal scaleOf(HeadingLevel level)
{
    switch (level) {
    case HeadingLevel::Page:
        return 1.5;
    case HeadingLevel::Window:
        return 1.4;
    case HeadingLevel::Summary:
        return 1.35;
    case HeadingLevel::Section:
        return 1.3;
    case HeadingLevel::Panel:
        return 1.2;
    case HeadingLevel::Caption:
        return 1.0;
    }
    return 1.0;
}
} // namespace

void setHeadingStyle(QWidget *widget, HeadingLevel level)
{
    QFont font = widget->font();
    font.setWeight(level == HeadingLevel::Caption ? QFont::DemiBold : QFont::Bold);
    font.setPointSizeF(font.pointSizeF() * scaleOf(level));
    widget->setFont(font);
}

} // namespace cpis::ui
