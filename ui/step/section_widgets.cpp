#include "step/section_widgets.h"

#include "display.h"
#include "kit/heading.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace cpis::ui {

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    setHeadingStyle(label, HeadingLevel::Section);
    return label;
}

QLabel *sectionColumnHeader(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(Display::toneStyle(Tone::Secondary));
    setHeadingStyle(label, HeadingLevel::Caption);
    return label;
}

QLabel *sectionValue(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

SectionState::SectionState(const QString &objectName, QWidget *parent) : QLabel(parent)
{
    setObjectName(objectName);
    setComplete(false);
}

void SectionState::setComplete(bool complete)
{
    m_complete = complete;
    setText(complete ? tr("\u2713 Section completed") : tr("Not completed yet"));
    setStyleSheet(Display::toneStyle(complete ? Tone::Success : Tone::Secondary));
    setAccessibleName(complete ? tr("Section completed") : tr("Section not completed yet"));
}

SectionState *sectionCompletedMarker(const QString &objectName, QWidget *parent)
{
    return new SectionState(objectName, parent);
}

} // namespace cpis::ui
