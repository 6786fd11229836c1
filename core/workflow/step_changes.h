// What a Safeguarding Admin has added to a step since it was last saved, and saving it:
// everything in one transaction carrying the row version they saw, so that a save
// replayed after a lost connection is refused as stale instead of sending twice.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

#include <optional>

namespace cpis {

struct PendingRequest
{
    QString requestType;
    int recipientId = 0;
    QString recipientName;
    QString note;
    QString source; // ae, dhu_111: which template the note came from
};

struct StepChanges
{
    QList<PendingRequest> requests;
    QList<NextActionInput> nextActions;
    [[nodiscard]] bool isEmpty() const { return requests.isEmpty() && nextActions.isEmpty(); }
};

// Adds the requests and next actions, then saves (sending every draft request), all or
// nothing. Returns the step's new row version.
Result<int> saveStepChanges(Connection &connection, qint64 stepId, int rowVersion,
                            const StepChanges &changes);

struct FinishOutcome
{
    int rowVersion = 0;               // after the save
    std::optional<Error> notFinished; // the save went through but finishing was refused
};
// Saves, then finishes. An error means nothing was saved.
Result<FinishOutcome> saveAndFinishStep(Connection &connection, qint64 stepId, int rowVersion,
                                        const StepChanges &changes);

// Whether a step reloaded from the database already holds these changes: after a save
// whose answer was lost with the connection, a replay is refused as stale, and this
// tells "it had gone through" from "someone else changed the step".
bool stepHoldsChanges(const StepDetail &step, const StepChanges &changes);

} // namespace cpis
