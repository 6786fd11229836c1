// What the program writes, and every sample that says it is valid, against NHS England's own
// DMS schemas (CMake's CPIS_SCHEMA_DIR; skipped, never passed, where they are missing).
#include "cpis/access_notification_message.h"
#include "cpis/acknowledgement_message.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/upload_message.h"
#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::hl7;

namespace {
void checkValid(const SchemaValidator &schemas, const QByteArray &xml, const std::string &what)
{
    const auto valid = schemas.validate(xml);
    INFO(what << "\n"
              << (valid ? std::string() : valid.error().message.toStdString()) << "\n"
              << xml.toStdString());
    CHECK(valid.ok());
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

SendingAuthority northbrook()
{
    return {{u"X99LA"_s, u"Northbrook County Council"_s}, u"01632 960000"_s, u"+44 1632 960999"_s};
}

UploadRecord record(PlanInformation kind, bool unborn, const QString &localId, QDate end,
                    QDate deleteDate)
{
    UploadRecord r;
    r.unborn = unborn;
    r.ids = {u"9990000026"_s, localId, {}};
    r.forenames = u"Thomas James"_s;
    r.surname = u"Turner"_s;
    r.dateOfBirth = QDate(2016, 11, 28);
    r.plans = {{kind, QDate(2026, 1, 5), end, deleteDate}};
    return r;
}

// Every record the upload builder can make: each plan kind, an unborn child's plan (which
// always has an end), an ended plan, a delete date, the local id present and absent.
QList<UploadRecord> everyRecord()
{
    const QDate ended(2026, 6, 30);
    return {
        record(PlanInformation::ChildProtection, false, u"3549728"_s, {}, {}),
        record(PlanInformation::ChildProtection, false, {}, ended, {}),
        record(PlanInformation::LookedAfter, false, u"3549728"_s, {}, {}),
        record(PlanInformation::LookedAfter, false, u"3549728"_s, ended, QDate(2026, 7, 1)),
        record(PlanInformation::UnbornChildProtection, true, u"4100001"_s, QDate(2027, 2, 1), {}),
        record(PlanInformation::UnbornChildProtection, true, {}, QDate(2027, 2, 1),
               QDate(2026, 12, 6)),
        record(PlanInformation::ChildProtection, false, u"3549728"_s, ended, QDate(2026, 12, 6))};
}

ReturnedRecord returned(bool valid)
{
    ReturnedRecord r;
    r.valid = valid;
    r.ids = {u"9990000026"_s, u"3549728"_s, u"X99LA:Northbrook County Council"_s};
    r.forenames = u"Thomas"_s;
    r.surname = u"Turner"_s;
    r.dateOfBirth = QDate(2016, 11, 28);
    if (!valid)
        r.plans = {{PlanInformation::ChildProtection, QDate(2026, 1, 5), {}, {}}};
    return r;
}

Acknowledgement acknowledgement(const QString &code)
{
    Acknowledgement ack;
    ack.createdAt = utc(2026, 12, 6, 11, 5);
    ack.sequenceNumber = 42;
    ack.recordCount = 2;
    ack.fileCodes = {code};
    ack.receiver = northbrook();
    return ack;
}

AccessRecord clinician()
{
    AccessRecord a;
    a.accessedAt = utc(2026, 12, 5, 21, 40);
    a.queryId = u"0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9"_s;
    a.organisation = {u"RTG"_s, u"Royal Derby Hospital"_s};
    a.accessorName = u"Dr Priya Raman"_s;
    a.accessorRoleCode = u"R0260"_s;
    a.accessorRole = u"Emergency Department Doctor"_s;
    a.accessorUserId = u"555123456789"_s;
    return a;
}

AccessRecord system()
{
    AccessRecord a = clinician();
    a.accessorName.clear();
    a.accessorRoleCode.clear();
    a.accessorRole.clear();
    a.accessorUserId.clear();
    a.bySystem = true;
    a.systemId = u"200000000123"_s;
    a.organisation = {u"NQT"_s, u"Derbyshire Health United"_s};
    a.leadName = u"Karen Holt"_s;
    a.leadRoleCode = u"R8003"_s;
    a.leadRole = u"Safeguarding Lead Nurse"_s;
    return a;
}
} // namespace

TEST_CASE("Every upload the program can write validates against NHS England's schemas",
          "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    Upload upload;
    upload.createdAt = utc(2026, 12, 6, 8, 0);
    upload.sequenceNumber = 7;
    upload.sender = northbrook();
    upload.records = everyRecord();
    checkValid(*schemas, writeUpload(upload), "all records in one file");
    for (qsizetype i = 0; i < upload.records.size(); ++i) {
        Upload one = upload;
        one.records = {upload.records[i]};
        checkValid(*schemas, writeUpload(one), "record " + std::to_string(i + 1) + " alone");
    }
}

TEST_CASE("Every acknowledgement, notification and inactive-number message the program writes "
          "validates",
          "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    for (const QString &code : {u"CPF02"_s, u"CPF05"_s, u"CPF06"_s})
        checkValid(*schemas, writeAcknowledgement(acknowledgement(code)), code.toStdString());
    Acknowledgement partial = acknowledgement(u"CPF03"_s);
    partial.outcomes = {{u"CPR03"_s, {}, {}, {}, u"/FileResponse/message[1]"_s},
                        {u"CPR07"_s, {}, u"CPRD01"_s, u"Name mismatch"_s, u"/File/record[2]"_s}};
    partial.returned = {returned(false), returned(true)};
    partial.failedCount = 1;
    partial.successfulCount = 1;
    checkValid(*schemas, writeAcknowledgement(partial), "CPF03 with returned records");
    Acknowledgement fileError = acknowledgement(u"CPF01"_s);
    fileError.sequenceNumber = -1;
    fileError.recordCount = -1;
    fileError.failedCount = -1;
    fileError.successfulCount = -1;
    checkValid(*schemas, writeAcknowledgement(fileError), "CPF01 with -1");

    AccessNotification n;
    n.notificationId = u"1F2E3D4C-5B6A-4798-8A7B-6C5D4E3F2A1B"_s;
    n.createdAt = utc(2026, 12, 6, 6, 0);
    n.recipient = {u"X99LA"_s, u"Northbrook County Council"_s};
    checkValid(*schemas, writeAccessNotification(n), "empty notification");
    n.records = {
        {{u"9990000026"_s, {}, {}}, 7, {clinician(), system()}},
        {{u"9990000093"_s, u"3549729"_s, u"X99LA:Northbrook County Council"_s}, 7, {system()}}};
    n.totalReturned = 2;
    checkValid(*schemas, writeAccessNotification(n), "two records, a person and a system");

    InactiveNhsNumberNotification inactive;
    inactive.notificationId = u"2F2E3D4C-5B6A-4798-8A7B-6C5D4E3F2A1B"_s;
    inactive.createdAt = utc(2026, 12, 6, 6, 0);
    inactive.recipient = {u"X99LA"_s, u"Northbrook County Council"_s};
    inactive.patients = {{{u"9990000026"_s, {}, {}}, {}, 7},
                         {{u"9990000093"_s, u"3549729"_s, {}}, {u"9990000034"_s}, 7}};
    checkValid(*schemas, writeInactiveNhsNumber(inactive), "two patients, one replaced");
}

TEST_CASE("Every sample that claims to be valid validates, and those that fail the schema on "
          "purpose fail",
          "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    const QDir dir(QStringLiteral(CPIS_TEST_DATA "/messages"));
    const QStringList samples = dir.entryList({u"*.xml"_s}, QDir::Files, QDir::Name);
    REQUIRE(samples.size() >= 16);
    int valid = 0;
    for (const QString &name : samples) {
        if (name.startsWith(u"invalid_"_s))
            continue;
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        checkValid(*schemas, file.readAll(), name.toStdString());
        ++valid;
    }
    CHECK(valid >= 16);
    for (const char *name :
         {"invalid_ack_id_root.xml", "invalid_ack_unknown_code.xml", "invalid_asn_bad_time.xml"}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        REQUIRE(file.open(QIODevice::ReadOnly));
        INFO(name);
        CHECK_FALSE(schemas->validate(file.readAll()).ok());
    }
}
