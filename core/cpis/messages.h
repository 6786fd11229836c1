// The four CP-IS messages (HL7 v3 XML, Child Protection Domain Message Specification 1.0)
// as plain values. Reading and writing them is in message_codec.h.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis::hl7 {

// The interaction's message-type code (code system 2.16.840.1.113883.2.1.3.2.4.17.470).
enum class MessageKind {
    Upload = 1,             // 01 Local Authority Upload, REPC_MT000002GB01 (LA -> CP-IS)
    Acknowledgement = 2,    // 02 Local Authority Acknowledgement Response, REPC_MT000003GB01
    AccessNotification = 5, // 05 Access to Service Notification, REPC_MT000004GB01
    InactiveNhsNumber = 6,  // 06 Inactive NHS Number Notification, REPC_MT000005GB01
};

// One access to the child's CP-IS record by a health professional or a system (111).
struct AccessRecord
{
    QDateTime accessedAt; // with its UTC offset
    QString organisationName;
    QString organisationOds; // ODS code of the NHS organisation
    // Accessed by a person (smartcard user)...
    QString accessorName;
    QString accessorRole;
    QString accessorUserId;
    // ...or by a system such as a 111 service, with the nominated person for CP-IS queries.
    bool bySystem = false;
    QString systemName;
    QString leadName;
    QString leadRole;
    QString patientLocation; // e.g. a postcode
};

struct AccessNotification
{
    QString notificationId; // unique id of this notification
    QDateTime createdAt;
    QString nhsNumber;            // the child's (or, for an unborn child's plan, the mother's)
    QList<AccessRecord> accesses; // may be empty: an "empty notification"
};

struct InactiveNhsNumberNotification
{
    QString notificationId;
    QDateTime createdAt;
    QString nhsNumber;
    QString replacementNhsNumber; // empty when none was given
};

enum class PlanInformation { LookedAfter, ChildProtection, UnbornChildProtection };

struct UploadRecord
{
    QString nhsNumber; // for an unborn child's plan: the mother's
    QString localPersonId;
    QString forenames; // legal name, exactly as recorded
    QString surname;
    QDate dateOfBirth;
    PlanInformation plan = PlanInformation::ChildProtection;
    QDate planStart;
    QDate planEnd;    // invalid when open
    QDate deleteDate; // rarely set
};

struct Upload
{
    QString messageId; // a UUID
    QDateTime createdAt;
    qint64 sequenceNumber = 0; // incrementing, per authority
    QString senderOds;         // the local authority's organisation code (configurable)
    QList<UploadRecord> records;
};

struct AcknowledgementRecord
{
    QString nhsNumber;
    QString localPersonId;
    QString code;       // CPR01..CPR07
    QString detailCode; // with CPR07
};

struct Acknowledgement
{
    QString messageId;
    QDateTime createdAt;
    qint64 sequenceNumber = -1; // -1 when CP-IS could not read the upload's
    int recordCount = 0;
    QString fileCode;                     // CPF01..CPF06
    QList<AcknowledgementRecord> records; // rejected (and sometimes accepted) records
};

} // namespace cpis::hl7
