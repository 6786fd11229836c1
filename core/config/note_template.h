// A note template: the text a case note starts from for one source of notifications. Kept
// in the settings so administrators can change it; the step's dialogs offer it.
#pragma once

#include <QString>

namespace cpis {

struct NoteTemplate
{
    QString source; // ae, dhu_111
    QString label;  // "A&E Notifications"
    QString body;
};

} // namespace cpis
