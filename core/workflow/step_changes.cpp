#include "workflow/step_changes.h"

#include "workflow/step_service.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cpis {

Result<int> saveStepChanges(Connection &connection, qint64 stepId, int rowVersion,
                            const StepChanges &changes)
{
    Transaction tx(connection);
    if (!tx.started())
        return tx.beginError();
    StepService steps(connection);
    int version = rowVersion;
    for (const PendingRequest &r : changes.requests) {
        auto added = steps.addRequest(stepId, version, r.recipientId, r.note, r.source);
        if (!added)
            return added.error();
        version = added->rowVersion;
    }
    for (const NextActionInput &n : changes.nextActions) {
        auto added = steps.addNextAction(stepId, version, n);
        if (!added)
            return added.error();
        version = added->rowVersion;
    }
    auto saved = steps.save(stepId, version);
    if (!saved)
        return saved.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return *saved;
}

Result<FinishOutcome> saveAndFinishStep(Connection &connection, qint64 stepId, int rowVersion,
                                        const StepChanges &changes)
{
    auto saved = saveStepChanges(connection, stepId, rowVersion, changes);
    if (!saved)
        return saved.error();
    FinishOutcome outcome{*saved, std::nullopt};
    if (auto finished = StepService(connection).finish(stepId, *saved); !finished)
        outcome.notFinished = finished.error();
    return outcome;
}

bool stepHoldsChanges(const StepDetail &step, const StepChanges &changes)
{
    QSet<qint64> used;
    for (const PendingRequest &r : changes.requests) {
        bool found = false;
        for (const StepRequest &s : step.requests) {
            if (!used.contains(s.id) && s.state != u"draft"_s && s.recipient == r.recipientName &&
                s.note == r.note.trimmed()) {
                used.insert(s.id);
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    for (const NextActionInput &n : changes.nextActions) {
        bool found = false;
        for (const NextAction &s : step.nextActions) {
            if (!used.contains(-s.id) && s.action == n.action && s.reason == n.reason.trimmed() &&
                s.note == n.note && s.priority == n.priority) {
                used.insert(-s.id);
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace cpis
