// Current work's Finished folder: finished steps, most recently finished first, a page at a
// time, each with what came of it (the request, who acknowledged it and when, the case note).
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis {

struct FinishedStep
{
    qint64 stepId = 0;
    qint64 subjectId = 0;
    QString subjectName;
    QString title;
    QDateTime receivedAt;
    QDateTime finishedAt;
    QString finishedBy;
    QString requestTo;      // the latest request's recipient, or empty when none was sent
    QString acknowledgedBy; // empty while not acknowledged
    QDateTime acknowledgedAt;
    int caseNotes = 0; // finished case notes written against the request
};

// One page: `limit` steps after the first `offset`, most recently finished first.
Result<QList<FinishedStep>> loadFinishedSteps(Connection &connection, int limit, int offset);

} // namespace cpis
