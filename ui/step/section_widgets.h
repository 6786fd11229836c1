// The small pieces every step section is made of, so that sections look alike.
#pragma once

#include <QString>

class QCheckBox;
class QLabel;
class QWidget;

namespace cpis::ui {

QLabel *sectionHeading(const QString &text, QWidget *parent);
QLabel *sectionColumnHeader(const QString &text, QWidget *parent);
QLabel *sectionValue(const QString &objectName, QWidget *parent);
// "Section completed": a check box the user reads but does not set.
QCheckBox *sectionCompletedMarker(const QString &objectName, QWidget *parent);

} // namespace cpis::ui
