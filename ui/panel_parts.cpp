#include "panel_parts.h"
#include "kit/heading.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

QLabel *panelHeading(QWidget *panel, const QString &objectName)
{
    auto *heading = new QLabel(panel);
    heading->setObjectName(objectName);
    setHeadingStyle(heading, HeadingLevel::Panel);
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

void fitColumnsToHeadings(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (!table->isColumnHidden(column) &&
            header->sectionResizeMode(column) == QHeaderView::Interactive)
            table->setColumnWidth(
                column, std::max(table->columnWidth(column), header->sectionSizeHint(column)));
    }
}

void setUpListTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
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
