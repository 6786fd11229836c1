// The four CP-IS messages of the Child Protection DMS v1.0 RC5 as plain values: what the
// program needs of them, no more. Their wire structure (../shared/CPIS-DMS.md) is in the
// codec files, one per message: upload_message.h, acknowledgement_message.h,
// access_notification_message.h, inactive_notification_message.h.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace cpis::hl7 {

// The CP-IS message types (CP-ISMessageType, 2.16.840.1.113883.2.1.3.2.4.17.470). None is
// sent on the wire: the root element tells them apart.
enum class MessageKind {
    Upload,             // 01, root File (REPC_MT000002GB01), LA -> CP-IS
    Acknowledgement,    // 02, root FileResponse (REPC_MT000003GB01), CP-IS -> LA
    AccessNotification, // 05, root CP-ISAccessToServiceNotification (REPC_MT000004GB01)
    InactiveNhsNumber,  // 06, root CP-ISInactiveNHSNumberNotification (REPC_MT000005GB01)
};

// An organisation as the messages name it: its ODS code and name.
struct Organisation
{
    QString ods;
    QString name;
};

// The uploading authority: shown to clinicians beside every flag, with the numbers to ring.
struct SendingAuthority
{
    Organisation organisation;
    QString phoneOfficeHours; // digits, optionally a leading +; written as tel: use WP
    QString phoneOutOfHours;  // the emergency duty team; written as tel: use EC
};

// Who a record is about, as CP-IS identifies them: the verified NHS number and, when
// given, the authority's own person id (whose assigning authority is "ODS:NAME").
struct PersonIds
{
    QString nhsNumber;
    QString localPersonId;    // empty when not sent
    QString localIdAuthority; // "ODSCODE:NAME" as read; the writer makes it from the sender
};

// ---- Upload (LA -> CP-IS) ----

enum class PlanInformation { LookedAfter, ChildProtection, UnbornChildProtection };

struct UploadPlan
{
    PlanInformation kind = PlanInformation::ChildProtection;
    QDate start;
    QDate end;        // invalid when open (required for an unborn child plan)
    QDate deleteDate; // set when the plan was recorded in error: CP-IS removes it
};

// One CP-IS record: for a child, the child; for an unborn child's plan, the mother (nothing
// about the unborn child is sent).
struct UploadRecord
{
    bool unborn = false; // the subject is an UnbornChild: ids, name and birth are the mother's
    PersonIds ids;
    QString forenames; // legal name, exactly as recorded: one given, one family on the wire
    QString surname;
    QDate dateOfBirth;
    QList<UploadPlan> plans; // 1 to 3; the program writes one per record
};

struct Upload
{
    QDateTime createdAt;
    qint64 sequenceNumber = 0; // File/id: incrementing, per authority
    SendingAuthority sender;
    QList<UploadRecord> records;
};

// ---- Acknowledgement (CP-IS -> LA) ----

// One acknowledgementRecordDetail: a record's outcome and where it points.
struct RecordOutcome
{
    QString code;        // CPR01..CPR07
    QString displayName; // as CP-IS gave it, may be empty
    QString detailCode;  // the CPR07 qualifier when CP-IS gives one (translation), else empty
    QString detailText;  // originalText when given
    QString location;    // an XPath (into the upload or the acknowledgement: §5 U2)
};

// One returned record (message/cP-ISLAAcknowledgementResponse): valid or invalid, and whom.
struct ReturnedRecord
{
    bool valid = false;
    bool unborn = false;
    PersonIds ids;
    QString forenames;
    QString surname;
    QDate dateOfBirth;
    QList<UploadPlan> plans; // only an invalid record carries them
};

struct Acknowledgement
{
    QDateTime createdAt;
    qint64 sequenceNumber = -1; // -1 when CP-IS could not read the upload's
    int recordCount = -1;       // -1 when CP-IS could not count them (file-level error)
    QStringList fileCodes;      // CPF01..CPF06, at least one; the first is the outcome
    SendingAuthority receiver;  // the authority that sent the upload, with its numbers
    QList<RecordOutcome> outcomes;
    QList<ReturnedRecord> returned;
    int failedCount = 0;
    int successfulCount = 0;

    [[nodiscard]] QString fileCode() const { return fileCodes.value(0); }
};

// ---- Access to Service Notification (CP-IS -> LA) ----

// One access (an NHS query) to a child's CP-IS record.
struct AccessRecord
{
    QDateTime accessedAt;      // with its UTC offset
    QString queryId;           // the query's UUID
    Organisation organisation; // the clinician's, or the organisation running the system
    // By a person with a smartcard (COCT_TP145102GB01.AssignedAuthor)...
    QString accessorName;
    QString accessorRoleCode;
    QString accessorRole;   // the job role's display name
    QString accessorUserId; // SDS user id
    QString accessorRoleProfileId;
    // ...or by a system (COCT_TP145104GB01.System), with its nominated person.
    bool bySystem = false;
    QString systemId; // the accredited system id (ASID), 12 digits
    QString leadName;
    QString leadRoleCode; // the nominated person's job role code (required on the wire)
    QString leadRole;
};

// The accesses to one CP-IS record (pertinentCP-ISRecordAccess).
struct RecordAccess
{
    PersonIds ids;                // the child's, or for an unborn child's plan the mother's
    qint64 uploadSequence = 0;    // the upload file the accessed record came from
    QList<AccessRecord> accesses; // at least one
};

struct AccessNotification
{
    QString notificationId; // UUID, upper case
    QDateTime createdAt;
    int totalReturned = 0;
    Organisation recipient;
    QList<RecordAccess> records; // may be empty: an "empty notification"
};

// ---- Inactive NHS Number Notification (CP-IS -> LA) ----

struct InactivePatient
{
    PersonIds ids;             // the number (and local id) as uploaded
    QStringList replacements;  // new NHS numbers, when PDS has them (usually one)
    qint64 uploadSequence = 0; // the upload that carried the number
};

struct InactiveNhsNumberNotification
{
    QString notificationId;
    QDateTime createdAt;
    Organisation recipient;
    QList<InactivePatient> patients; // at least one
};

} // namespace cpis::hl7
