#include "panel_parts.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cpis::ui {

QLabel *panelHeading(QWidget *panel, const QString &objectName)
{
    auto *heading = new QLabel(panel);
    heading->setObjectName(objectName);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    heading->setFont(font);
    return heading;
}

QLabel *panelMessage(QWidget *panel, const QString &objectName)
{
    auto *message = new QLabel(panel);
    message->setObjectName(objectName);
    message->setWordWrap(true);
    message->hide();
    return message;
}

void stackPanel(QWidget *panel, QLabel *heading, QLabel *message, QWidget *table, QLayout *buttons)
{
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(heading);
    layout->addWidget(message);
    layout->addWidget(table, 1);
    layout->addLayout(buttons);
}

} // namespace cpis::ui
