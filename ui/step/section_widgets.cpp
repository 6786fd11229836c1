#include "step/section_widgets.h"

#include "display.h"
#include "kit/heading.h"

#include <QCheckBox>
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
    label->setStyleSheet(Display::toneStyle(Tone::Secondary) + u" font-weight: 600;"_s);
    return label;
}

QLabel *sectionValue(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QCheckBox *sectionCompletedMarker(const QString &objectName, QWidget *parent)
{
    auto *box = new QCheckBox(QObject::tr("Section completed"), parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_TransparentForMouseEvents);
    box->setFocusPolicy(Qt::NoFocus);
    return box;
}

} // namespace cpis::ui
