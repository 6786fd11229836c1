// Value rows the workflow services return. Plain data, copied freely between threads.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis {

struct Worker
{
    int id = 0;
    QString name;
    QString login; // empty for a virtual worker
    bool isVirtual = false;
    QString team;
    QString role; // "Key Worker" or "Team Manager"; only Find worker's results carry it
};

struct CurrentWorkItem
{
    qint64 stepId = 0;
    QString type; // "CPIS Follow Up"
    qint64 subjectId = 0;
    QString subjectName;
    QString title;
    QString state; // incoming, in_progress
    QDateTime receivedAt;
    QDateTime dueAt;
    QString keyWorker; // the subject's current key worker, or empty
    QString source;    // ae, dhu_111 or empty
    QString startedBy;
};

struct IncomingRequest
{
    qint64 requestId = 0;
    qint64 stepId = 0;
    qint64 subjectId = 0;
    QString subjectName;
    QString type; // "CS Notification to Allocated Worker - CPIS Follow Up"
    QString stepTitle;
    QString note;
    QDateTime sentAt;
    QDateTime dueAt; // the handling time in office hours after it was sent
    QString state;   // sent, acknowledged
    bool awaitingCaseNote = false;
    QString caseNoteExpected; // required, on_concern
};

struct Workview
{
    Worker worker;
    QList<CurrentWorkItem> currentWork;
    QList<IncomingRequest> incomingRequests;
    [[nodiscard]] qsizetype incomingWorkCount() const;
};

struct StepSection
{
    int number = 0;
    QString title;
    bool complete = false;
};

struct NextAction
{
    qint64 id = 0;
    QString action;
    QString assignedTo;
    int assignedToId = 0;
    QString reason;
    QString note;
    QString priority; // Urgent, Normal, Low
    QString status;
};

struct StepRequest
{
    qint64 id = 0;
    QString type;
    QString recipient;
    QString note;
    QString state; // draft, sent, acknowledged
    QDateTime sentAt;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
};

struct StepDetail
{
    qint64 id = 0;
    QString type;
    QString title;
    QString state;
    QString comments;
    QString source;
    int rowVersion = 0;
    QDateTime receivedAt;
    QDateTime dueAt;
    QString startedBy;
    QDateTime startedAt;
    qint64 subjectId = 0;
    QString subjectName;
    QString gender;
    QDate dateOfBirth;
    QDate expectedDelivery; // an unborn child's expected date, when there is no date of birth
    QString keyWorker;      // the child's key worker now (not when the step was open), or empty
    QList<StepSection> sections;
    QList<NextAction> nextActions;
    QList<StepRequest> requests;
    [[nodiscard]] bool canFinish() const;
    [[nodiscard]] QStringList incompleteSections() const;
};

// What the New request dialog starts with.
struct RequestProposal
{
    QString requestType;
    QString source;      // ae or dhu_111
    QString note;        // the template for that source
    int recipientId = 0; // the current key worker, 0 when there is none
    QString recipientName;
};

struct NextActionInput
{
    QString action = QStringLiteral("CS No Further Action");
    QString reason;
    QString note;
    QString priority = QStringLiteral("Normal");
    int assignedTo = 0; // 0: nobody in particular
};

struct CaseNote
{
    qint64 id = 0;
    qint64 personId = 0;
    QString type;
    QString author;
    QDate contactDate;
    QString body;
    bool final = false;
    qint64 requestId = 0;
};

struct Alert
{
    qint64 id = 0;
    QString type;
    qint64 personId = 0;
    QString personName;
    QString body;
    QDateTime createdAt;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
};

} // namespace cpis
