// What the workview shows beside the list about the selected subject: identity, NHS
// number, current key worker, plans, other names and open alerts.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace cpis {

struct PlanPeriod
{
    QString kind; // CPP, UCPP or a DfE legal status (C1, C2, V2, ...)
    QDate start;
    QDate end;                    // null while current
    bool recordedInError = false; // never current, whatever its dates
    QString errorReason;
};

struct PersonAlert
{
    qint64 id = 0;
    QString type;
    QString body;
    QDateTime createdAt;
};

struct PersonSummary
{
    qint64 id = 0;
    QString name;
    QString gender;
    QDate dateOfBirth;
    QDate expectedDelivery;  // for an unborn child
    QString nhsNumber;       // formatted "999 983 6909", empty when none
    QString nhsNumberStatus; // unknown, recorded, inactive, replaced
    QString keyWorker;
    QString keyWorkerTeam;
    QList<PlanPeriod> plans; // current first, then by start date, newest first; in error last
    QStringList otherNames;  // "Tommy Turner (Known as)"
    struct OtherName
    {
        QString name, kind; // "Tommy Turner", "Known as"
        QDate from, to;     // either may be unknown; a `to` means the name has ended
    };
    QList<OtherName> otherNameHistory; // as otherNames, current first, with their dates
    QList<PersonAlert> openAlerts;
    bool restricted = false;
};

Result<PersonSummary> loadPersonSummary(Connection &connection, qint64 personId);

// Opening a child's record is audited (who, when, which person).
Status recordPersonOpened(Connection &connection, qint64 personId);

// Whole years from dateOfBirth to `on`; -1 when there is no date of birth.
int ageInYears(const QDate &dateOfBirth, const QDate &on);

} // namespace cpis
