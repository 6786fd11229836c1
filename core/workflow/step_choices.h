// The lists a CPIS Follow Up step's dialogs offer: request types, note templates, next
// actions and their reasons, reasons to cancel work. Kept as data so administrators can
// change them.
#pragma once

#include "config/note_template.h"
#include "db/connection.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cpis {

struct StepChoices
{
    QStringList requestTypes;
    QStringList nextActions;
    QStringList nextActionReasons;
    QStringList cancelReasons;
    QList<NoteTemplate> templates; // A&E first
};

Result<StepChoices> loadStepChoices(Connection &connection);

} // namespace cpis
