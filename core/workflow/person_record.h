// Everything the person record shows beyond the summary: CP-IS status, involvements, the
// child's steps and requests (finished ones too), case notes (newest first), open alerts; and,
// for team managers and administrators, who has opened the record.
#pragma once

#include "db/connection.h"
#include "result.h"
#include "workflow/person_summary.h"
#include "workflow/workflow_types.h"

namespace cpis {

struct Involvement
{
    QString worker;
    QString role; // Key Worker, Team Manager, Other
    QDate startedOn;
    QDate endedOn; // null while current
};

struct PersonCpisStatus
{
    QString status; // shared, sent, awaiting_upload, rejected, blocked, ended_at_18; empty: never
                    // queued
    QString reason;
    QDateTime updatedAt;
};

// A step, or a request sent from the step listed above it: what happened, not only what is open.
struct PersonWorkItem
{
    qint64 stepId = 0;
    QString kind; // step, request
    QString title;
    QString state;
    QString who;    // assignee or recipient
    QDateTime at;   // received or sent
    QString doneBy; // who finished or cancelled the step, or acknowledged the request
    QDateTime doneAt;
    bool caseNoteAdded = false;   // requests: a finished case note was written against it
    bool caseNoteAwaited = false; // requests: one is required and not finished yet
};

struct RecordOpening
{
    QString worker;
    QDateTime at;
};

struct PersonRecord
{
    PersonSummary summary;
    PersonCpisStatus cpis;
    QList<Involvement> involvements; // current first
    QList<PersonWorkItem> work;      // steps, most recent first, each followed by its requests
    QList<CaseNote> caseNotes;       // newest first
    int caseNoteCount = 0;           // all of them, when caseNotes holds only the newest
    QList<RecordOpening> openedBy;   // empty unless the caller may read the audit
    // The legal name CP-IS last accepted, when the legal name changed since (empty otherwise):
    // flagged until the next upload is acknowledged.
    QString nameHeldByCpis;
};

// With a caseNoteLimit, only the newest that many case notes (the window shows them in pages).
Result<PersonRecord> loadPersonRecord(Connection &connection, qint64 personId,
                                      int caseNoteLimit = -1);

} // namespace cpis
