// A CPIS Follow Up step from start to finish, as Safeguarding Admin works it.
// Every change carries the row version the user saw; a stale one is refused.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/workflow_types.h"

namespace cpis {

class StepService
{
public:
    explicit StepService(Connection &connection) : m_connection(connection) {}

    Result<StepDetail> load(qint64 stepId);

    // Claims the step; returns its new row version. Refused with "taken" naming who has it.
    Result<int> start(qint64 stepId);
    Status cancel(qint64 stepId, const QString &reason);
    // A colleague's step in progress becomes the caller's (audited; the colleague is alerted);
    // returns its new row version.
    Result<int> takeOver(qint64 stepId);
    // A step the caller started and left untouched goes back to Incoming work.
    Status release(qint64 stepId, int rowVersion);

    Result<RequestProposal> proposeRequest(qint64 stepId);
    struct Added
    {
        qint64 id = 0;
        int rowVersion = 0;
    };
    // A draft, sent when the step is next saved.
    Result<Added> addRequest(qint64 stepId, int rowVersion, int recipientId, const QString &note,
                             const QString &source);

    Result<Added> addNextAction(qint64 stepId, int rowVersion, const NextActionInput &input);
    Result<int> updateNextAction(qint64 nextActionId, int rowVersion, const NextActionInput &input);
    Result<int> removeNextAction(qint64 nextActionId, int rowVersion);

    // Sends draft requests; returns the new row version.
    Result<int> save(qint64 stepId, int rowVersion);
    // Refused with "incomplete", naming the sections, unless every one is complete.
    Status finish(qint64 stepId, int rowVersion);

private:
    Result<Added> added(const QString &sql, const QVariantList &params, const char *idColumn);
    Connection &m_connection;
};

} // namespace cpis
