// The heading style: bold text, larger by the heading's level, the one way a screen makes a
// title, a section heading or a caption stand out.
#pragma once

class QWidget;

namespace cpis::ui {

// How much larger than the widget's own font a heading is.
enum class HeadingLevel {
    Page,    // a page's or window's title (workview, step): 1.5 times
    Window,  // a dialog's or record's title (sign in, person record): 1.4 times
    Summary, // the person summary's name: 1.35 times
    Section, // a section or a window's headline (request, data quality): 1.3 times
    Panel,   // a panel's heading ("Alerts (3)"): 1.2 times
    Caption, // a caption over a column or a list ("Sections", "Subject"): semibold, same size
};

// Makes `widget`'s font bold (Caption: semibold) and larger for `level`.
void setHeadingStyle(QWidget *widget, HeadingLevel level);

} // namespace cpis::ui
