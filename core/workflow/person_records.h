// Recording and changing a child's record from the person record: new child (or unborn child),
// details, other names, NHS number, birth, plans, key worker, restriction, upload again. Each
// call is one SQL function of functions/people.sql, which checks who may, the row version and
// the rules; a refusal leaves the record as it was.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis {

// What the dialogs change, with the row version they change it from.
struct EditablePerson
{
    qint64 id = 0;
    int rowVersion = 0;
    QString authorityPersonId; // the main case system's id (records feed), empty when none
    QString forenames;
    QString surname;
    QString gender;
    QDate dateOfBirth;
    QDate expectedDelivery;
    qint64 motherId = 0;
    QString motherName;
    QString nhsNumber;       // digits, empty when none
    QString nhsNumberStatus; // unknown, recorded, inactive, replaced
    QDateTime nhsNumberVerifiedAt;
    QString nhsNumberVerifiedBy;
    bool restricted = false;
    int keyWorkerId = 0;
    bool mayRecord = false;   // the session may change the record
    bool mayRestrict = false; // and its restriction
    struct OtherName
    {
        qint64 id = 0;
        QString kind, forenames, surname;
        QDate from, to;
    };
    QList<OtherName> otherNames;
    struct Plan
    {
        qint64 id = 0;
        QString kind;
        QDate start, end;
        bool inError = false;
        QString errorReason;
    };
    QList<Plan> plans; // current first, then newest; in error last
    [[nodiscard]] bool unborn() const { return !dateOfBirth.isValid(); }
};

struct PossibleDuplicate
{
    qint64 id = 0;
    QString name;
    QDate dateOfBirth;
    QString nhsNumber;
    QString reason; // nhs_number, name_and_date_of_birth, other_name
};

struct Caseworker
{
    int id = 0;
    QString name;
    QString team;
    QString role; // grantableWorkers only: add_user's name of the role ("records-officer")
};

// Whether the session is a records officer (member of cpis_records_officer): the client then
// offers the data quality work list; the database enforces it either way.
Result<bool> currentIsRecordsOfficer(Connection &connection);

class PersonRecords
{
public:
    explicit PersonRecords(Connection &connection) : m_connection(connection) {}

    Result<EditablePerson> load(qint64 personId);

    struct NewChild
    {
        QString forenames, surname, gender = QStringLiteral("Not known");
        QDate dateOfBirth;      // a child
        QDate expectedDelivery; // or an unborn child, with the mother
        qint64 motherId = 0;
        QString nhsNumber;      // optional, a child only
        bool confirmed = false; // the possible duplicates were seen
    };
    Result<QList<PossibleDuplicate>> possibleDuplicates(const NewChild &child);
    Result<qint64> addChild(const NewChild &child);

    // Each returns the record's new row version.
    Result<int> editDetails(const EditablePerson &changed);
    Result<int> addOtherName(qint64 personId, int version, const QString &kind,
                             const QString &forenames, const QString &surname, const QDate &from);
    Result<int> endOtherName(qint64 nameId, int version, const QDate &to);
    Result<int> recordNhsNumber(qint64 personId, int version, const QString &number);
    Result<int> correctNhsNumber(qint64 personId, int version, const QString &number,
                                 const QString &reason);
    Result<int> recordReplacementNhsNumber(qint64 personId, int version, const QString &number);
    Result<int> markNhsNumberVerified(qint64 personId, int version);

    struct Birth
    {
        QDate dateOfBirth;
        QString forenames, surname, gender;
        QString nhsNumber;
        bool startChildProtectionPlan = false;
    };
    Result<int> recordBirth(qint64 personId, int version, const Birth &birth);
    Result<int> startPlan(qint64 personId, int version, const QString &kind, const QDate &start);
    Result<int> endPlan(qint64 planId, int version, const QDate &end);
    Result<int> recordPlanInError(qint64 planId, int version, const QString &reason);

    Result<QList<Caseworker>> caseworkers();
    Result<int> allocateKeyWorker(qint64 personId, int version, int workerId);

    Result<int> setRestricted(qint64 personId, int version, bool restricted);
    Result<int> setAccess(qint64 personId, int version, int workerId, bool granted);
    Result<QList<Caseworker>> access(qint64 personId);
    // Every worker who may be granted access to the restricted child, with role and team.
    Result<QList<Caseworker>> grantableWorkers(qint64 personId);

    Result<int> uploadAgainNow(qint64 personId, int version);

private:
    Result<int> version(const QString &sql, const QVariantList &params);
    Result<QList<Caseworker>> workers(const QString &sql, const QVariantList &params);
    Connection &m_connection;
};

} // namespace cpis
