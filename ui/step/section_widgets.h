// The small pieces every step section is made of, so that sections look alike.
#pragma once

#include <QLabel>
#include <QString>

class QWidget;

namespace cpis::ui {

// Whether a section is completed, as a state the user reads ("✓ Section completed" or
// "Not completed yet"), never a box that looks as if it could be ticked.
class SectionState final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionState)

public:
    SectionState(const QString &objectName, QWidget *parent);
    void setComplete(bool complete);
    [[nodiscard]] bool isComplete() const { return m_complete; }

private:
    bool m_complete = false;
};

QLabel *sectionHeading(const QString &text, QWidget *parent);
QLabel *sectionColumnHeader(const QString &text, QWidget *parent);
QLabel *sectionValue(const QString &objectName, QWidget *parent);
// "Section completed" or not, shown as a state.
SectionState *sectionCompletedMarker(const QString &objectName, QWidget *parent);

} // namespace cpis::ui
