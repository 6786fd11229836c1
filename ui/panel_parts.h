// The parts every workview panel is made of, built the same way: a heading, a message line,
// and the panel's table with its buttons under it.
#pragma once

#include <QString>

class QLabel;
class QLayout;
class QTableView;
class QWidget;

namespace cpis::ui {

// A bold, slightly larger heading ("Alerts (3)").
QLabel *panelHeading(QWidget *panel, const QString &objectName);
// A word-wrapped line for errors and notices, hidden until there is something to say.
QLabel *panelMessage(QWidget *panel, const QString &objectName);
// A read-only list: whole rows, one at a time, no grid cell editing, left-aligned headers,
// the last column taking the rest of the width.
void setUpListTable(QTableView *table);
// After the columns are sized for their contents: no column narrower than its heading, so
// that a longer heading in another language is never cut.
void fitColumnsToHeadings(QTableView *table);
// Heading, message, the table (taking the space) and the buttons, top to bottom.
void stackPanel(QWidget *panel, QLabel *heading, QLabel *message, QWidget *table, QLayout *buttons);

} // namespace cpis::ui
