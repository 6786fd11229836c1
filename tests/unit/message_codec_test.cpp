// The CP-IS message codec (DMS v1.0 RC5): every sample in tests/data/messages read with its
// fields checked, every writer read back and held to what the schema allows, every point of
// CPIS-DMS.md §5 the readers tolerate, and every kind of bad input refused with an error
// naming the element. 999-range NHS numbers and fictional people only.
#include "cpis/access_notification_message.h"
#include "cpis/acknowledgement_message.h"
#include "cpis/hl7_time.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/message_kind.h"
#include "cpis/upload_message.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis::hl7;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QString::fromUtf8(CPIS_TEST_DATA) + u"/messages/"_s + name);
    INFO("sample " << name.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// `xml` with `from` replaced once by `to`: a small, named change to a valid sample.
QByteArray changed(const QByteArray &xml, const QByteArray &from, const QByteArray &to)
{
    INFO("replacing " << from.toStdString());
    REQUIRE(xml.count(from) >= 1);
    QByteArray out = xml;
    const qsizetype at = out.indexOf(from);
    return out.replace(at, from.size(), to);
}

// `xml` without the first element that starts with `start` (through its end tag `end`).
QByteArray without(const QByteArray &xml, const QByteArray &start, const QByteArray &end)
{
    const qsizetype from = xml.indexOf(start);
    REQUIRE(from >= 0);
    const qsizetype to = xml.indexOf(end, from) + end.size();
    REQUIRE(to > from);
    QByteArray out = xml;
    return out.remove(from, to - from);
}

template<typename T> const T &readOk(const cpis::Result<T> &result)
{
    INFO((result ? std::string() : result.error().message.toStdString()));
    REQUIRE(result.ok());
    return *result;
}

template<typename T>
void checkRefused(const cpis::Result<T> &result, const char *code, const QStringList &mentions)
{
    REQUIRE_FALSE(result.ok());
    const cpis::Error &error = result.error();
    INFO("code: " << error.code.toStdString() << "\nmessage: " << error.message.toStdString());
    CHECK(error.code == QLatin1StringView(code));
    for (const QString &mention : mentions) {
        INFO("should mention: " << mention.toStdString());
        CHECK(error.message.contains(mention));
    }
}

// Every reader, for input that no reader may accept.
void checkAllRefuse(const QByteArray &xml, const char *code, const QStringList &mentions)
{
    checkRefused(detectKind(xml), code, mentions);
    checkRefused(readAccessNotification(xml), code, mentions);
    checkRefused(readAcknowledgement(xml), code, mentions);
    checkRefused(readInactiveNhsNumber(xml), code, mentions);
    checkRefused(readUpload(xml), code, mentions);
}

QDateTime at(int y, int mo, int d, int h, int mi, int s, int offsetSeconds)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::OffsetFromUTC, offsetSeconds);
}

void checkSameTime(const QDateTime &a, const QDateTime &b)
{
    INFO(a.toString(Qt::ISODateWithMs).toStdString()
         << " vs " << b.toString(Qt::ISODateWithMs).toStdString());
    CHECK(a == b);
    CHECK(a.offsetFromUtc() == b.offsetFromUtc());
}

void checkSame(const PersonIds &a, const PersonIds &b)
{
    CHECK(a.nhsNumber == b.nhsNumber);
    CHECK(a.localPersonId == b.localPersonId);
    CHECK(a.localIdAuthority == b.localIdAuthority);
}

void checkSame(const UploadPlan &a, const UploadPlan &b)
{
    CHECK(a.kind == b.kind);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.deleteDate == b.deleteDate);
}

template<typename Record> void checkSameRecord(const Record &a, const Record &b)
{
    CHECK(a.unborn == b.unborn);
    checkSame(a.ids, b.ids);
    CHECK(a.forenames == b.forenames);
    CHECK(a.surname == b.surname);
    CHECK(a.dateOfBirth == b.dateOfBirth);
    REQUIRE(a.plans.size() == b.plans.size());
    for (qsizetype i = 0; i < a.plans.size(); ++i)
        checkSame(a.plans[i], b.plans[i]);
}

void checkSame(const SendingAuthority &a, const SendingAuthority &b)
{
    CHECK(a.organisation.ods == b.organisation.ods);
    CHECK(a.organisation.name == b.organisation.name);
    CHECK(a.phoneOfficeHours == b.phoneOfficeHours);
    CHECK(a.phoneOutOfHours == b.phoneOutOfHours);
}

void checkSame(const Upload &a, const Upload &b)
{
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.sequenceNumber == b.sequenceNumber);
    checkSame(a.sender, b.sender);
    REQUIRE(a.records.size() == b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i)
        checkSameRecord(a.records[i], b.records[i]);
}

void checkSame(const Acknowledgement &a, const Acknowledgement &b)
{
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.sequenceNumber == b.sequenceNumber);
    CHECK(a.recordCount == b.recordCount);
    CHECK(a.fileCodes == b.fileCodes);
    checkSame(a.receiver, b.receiver);
    CHECK(a.failedCount == b.failedCount);
    CHECK(a.successfulCount == b.successfulCount);
    REQUIRE(a.outcomes.size() == b.outcomes.size());
    for (qsizetype i = 0; i < a.outcomes.size(); ++i) {
        CHECK(a.outcomes[i].code == b.outcomes[i].code);
        CHECK(a.outcomes[i].detailCode == b.outcomes[i].detailCode);
        CHECK(a.outcomes[i].detailText == b.outcomes[i].detailText);
        CHECK(a.outcomes[i].location == b.outcomes[i].location);
    }
    REQUIRE(a.returned.size() == b.returned.size());
    for (qsizetype i = 0; i < a.returned.size(); ++i) {
        CHECK(a.returned[i].valid == b.returned[i].valid);
        checkSameRecord(a.returned[i], b.returned[i]);
    }
}

void checkSame(const AccessRecord &x, const AccessRecord &y)
{
    checkSameTime(x.accessedAt, y.accessedAt);
    CHECK(x.queryId == y.queryId);
    CHECK(x.organisation.ods == y.organisation.ods);
    CHECK(x.organisation.name == y.organisation.name);
    CHECK(x.accessorName == y.accessorName);
    CHECK(x.accessorRoleCode == y.accessorRoleCode);
    CHECK(x.accessorRole == y.accessorRole);
    CHECK(x.accessorUserId == y.accessorUserId);
    CHECK(x.accessorRoleProfileId == y.accessorRoleProfileId);
    CHECK(x.bySystem == y.bySystem);
    CHECK(x.systemId == y.systemId);
    CHECK(x.leadName == y.leadName);
    CHECK(x.leadRoleCode == y.leadRoleCode);
    CHECK(x.leadRole == y.leadRole);
}

void checkSame(const AccessNotification &a, const AccessNotification &b)
{
    CHECK(a.notificationId == b.notificationId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.totalReturned == b.totalReturned);
    CHECK(a.recipient.ods == b.recipient.ods);
    CHECK(a.recipient.name == b.recipient.name);
    REQUIRE(a.records.size() == b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        checkSame(a.records[i].ids, b.records[i].ids);
        CHECK(a.records[i].uploadSequence == b.records[i].uploadSequence);
        REQUIRE(a.records[i].accesses.size() == b.records[i].accesses.size());
        for (qsizetype j = 0; j < a.records[i].accesses.size(); ++j)
            checkSame(a.records[i].accesses[j], b.records[i].accesses[j]);
    }
}

void checkSame(const InactiveNhsNumberNotification &a, const InactiveNhsNumberNotification &b)
{
    CHECK(a.notificationId == b.notificationId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.recipient.ods == b.recipient.ods);
    CHECK(a.recipient.name == b.recipient.name);
    REQUIRE(a.patients.size() == b.patients.size());
    for (qsizetype i = 0; i < a.patients.size(); ++i) {
        checkSame(a.patients[i].ids, b.patients[i].ids);
        CHECK(a.patients[i].replacements == b.patients[i].replacements);
        CHECK(a.patients[i].uploadSequence == b.patients[i].uploadSequence);
    }
}

// What the schema allows on the wire (§1, §4), over any written message: UTF-8, no fixed
// values, no templateId, timestamps without fraction, upper-case UUIDs, contentId before
// every template element. With CPIS_WRITTEN_DIR set, the message is also saved there as
// `name`, to be checked with xmllint by hand.
void checkWritten(const QByteArray &xml, const QString &name)
{
    INFO(xml.toStdString());
    CHECK(xml.startsWith(R"(<?xml version="1.0" encoding="UTF-8"?>)"));
    CHECK(QString::fromUtf8(xml).toUtf8() == xml);
    for (const char *never : {"classCode=", "moodCode=", "typeCode=", "determinerCode=",
                              "templateId", "codeSystem=\"2.16.840.1.113883.2.1.3.2.4.17.470\""})
        CHECK_FALSE(xml.contains(never));
    const QString text = QString::fromUtf8(xml);
    static const QRegularExpression kTime(u"<(creationTime|effectiveTime) value=\"([^\"]*)\""_s);
    for (auto it = kTime.globalMatch(text); it.hasNext();) {
        const QString value = it.next().captured(2);
        INFO(value.toStdString());
        CHECK(QRegularExpression(u"^[0-9]{14}[+-][0-9]{4}$"_s).match(value).hasMatch());
    }
    static const QRegularExpression kTemplate(u"\\n( *)<(COCT_TP[0-9]{6}GB01)\\.([A-Za-z]+)>"_s);
    for (auto it = kTemplate.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString expected =
            u"<npfitlc:contentId root=\"2.16.840.1.113883.2.1.3.2.4.18.16\" "
            u"extension=\"%1#%2\"/>\n%3<%1.%2>"_s.arg(m.captured(2), m.captured(3), m.captured(1));
        INFO(expected.toStdString());
        CHECK(text.contains(expected));
    }
    if (const QByteArray dir = qgetenv("CPIS_WRITTEN_DIR"); !dir.isEmpty()) {
        QFile out(QDir(QString::fromLocal8Bit(dir)).filePath(name));
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(xml);
    }
}

SendingAuthority northbrook()
{
    return {{u"X99LA"_s, u"Northbrook County Council"_s}, u"01632 960000"_s, u"01632 960999"_s};
}

Upload fullUpload()
{
    Upload upload;
    upload.createdAt = at(2024, 3, 31, 1, 59, 59, 0);
    upload.sequenceNumber = 101;
    upload.sender = northbrook();
    UploadRecord lac;
    lac.ids = {u"9990000018"_s, u"LP/2024/0001"_s, {}};
    lac.forenames = u"Zoë Mary-Jane"_s; // two words, one given element
    lac.surname = u"O'Brien-Smith"_s;
    lac.dateOfBirth = QDate(2012, 12, 31);
    lac.plans = {{PlanInformation::LookedAfter, QDate(2020, 1, 1), {}, {}}};
    UploadRecord cpp;
    cpp.ids.nhsNumber = u"9990000069"_s;
    cpp.surname = u"Nogiven"_s; // a child may have no forename recorded yet
    cpp.dateOfBirth = QDate(2024, 1, 2);
    cpp.plans = {{PlanInformation::ChildProtection, QDate(2024, 1, 10), QDate(2024, 3, 1),
                  QDate(2024, 3, 2)}};
    UploadRecord unborn;
    unborn.unborn = true;
    unborn.ids = {u"9990000034"_s, u"77"_s, {}};
    unborn.forenames = u"Alex"_s;
    unborn.surname = u"Fairbairn"_s;
    unborn.dateOfBirth = QDate(2001, 5, 5);
    unborn.plans = {
        {PlanInformation::UnbornChildProtection, QDate(2024, 2, 2), QDate(2024, 8, 1), {}}};
    upload.records = {lac, cpp, unborn};
    return upload;
}

AccessRecord doctor()
{
    AccessRecord a;
    a.accessedAt = QDateTime(QDate(2024, 11, 30), QTime(22, 1, 2), Qt::UTC);
    a.queryId = u"61A2B3C4-D5E6-4F70-8192-A3B4C5D6E7F8"_s;
    a.organisation = {u"Y99ZZ"_s, u"Fictional & Sons <Walk-in> Centre"_s};
    a.accessorName = u"Siobhán Ní Bhriain"_s;
    a.accessorRoleCode = u"R8000"_s;
    a.accessorRole = u"Nurse \"Practitioner\""_s;
    a.accessorUserId = u"555999888777"_s;
    a.accessorRoleProfileId = u"555999888000"_s;
    return a;
}

AccessRecord system111()
{
    AccessRecord a;
    a.accessedAt = at(2024, 11, 30, 21, 0, 0, 3600);
    a.queryId = u"72B3C4D5-E6F7-4081-92A3-B4C5D6E7F809"_s;
    a.bySystem = true;
    a.systemId = u"200000000117"_s;
    a.organisation = {u"NQT"_s, u"DHU Health Care"_s};
    a.leadName = u"Kwame Asante"_s;
    a.leadRoleCode = u"R0260"_s;
    a.leadRole = u"Safeguarding Lead"_s;
    return a;
}

} // namespace

// --- Samples -------------------------------------------------------------------------------

TEST_CASE("The kind of every sample is told from its root element", "[hl7]")
{
    const std::pair<const char *, MessageKind> samples[] = {
        {"upload.xml", MessageKind::Upload},
        {"upload_delete_date.xml", MessageKind::Upload},
        {"ack_all_ok.xml", MessageKind::Acknowledgement},
        {"ack_partial.xml", MessageKind::Acknowledgement},
        {"ack_cpf04.xml", MessageKind::Acknowledgement},
        {"ack_cpf05.xml", MessageKind::Acknowledgement},
        {"ack_cpf06.xml", MessageKind::Acknowledgement},
        {"ack_file_error.xml", MessageKind::Acknowledgement},
        {"asn_smartcard.xml", MessageKind::AccessNotification},
        {"asn_system.xml", MessageKind::AccessNotification},
        {"asn_two_records.xml", MessageKind::AccessNotification},
        {"asn_empty.xml", MessageKind::AccessNotification},
        {"asn_time_variants.xml", MessageKind::AccessNotification},
        {"inactive.xml", MessageKind::InactiveNhsNumber},
        {"inactive_replaced.xml", MessageKind::InactiveNhsNumber},
        {"inactive_two.xml", MessageKind::InactiveNhsNumber},
    };
    for (const auto &[name, kind] : samples) {
        INFO(name);
        CHECK(readOk(detectKind(sample(QString::fromLatin1(name)))) == kind);
    }
}

TEST_CASE("An upload is read with its sender, every plan kind and both kinds of subject", "[hl7]")
{
    const Upload upload = readOk(readUpload(sample(u"upload.xml"_s)));
    checkSameTime(upload.createdAt, at(2024, 3, 11, 2, 0, 0, 0));
    CHECK(upload.sequenceNumber == 7);
    checkSame(upload.sender,
              {{u"X99LA"_s, u"Northbrook County Council"_s}, u"01632960000"_s, u"01632960999"_s});
    REQUIRE(upload.records.size() == 3);

    const UploadRecord &lac = upload.records[0];
    CHECK_FALSE(lac.unborn);
    checkSame(lac.ids, {u"9990000050"_s, u"101"_s, u"X99LA:Northbrook County Council"_s});
    CHECK(lac.forenames == u"Jamie Lee"_s);
    CHECK(lac.surname == u"Testwood"_s);
    CHECK(lac.dateOfBirth == QDate(2015, 7, 4));
    REQUIRE(lac.plans.size() == 1);
    checkSame(lac.plans[0], {PlanInformation::LookedAfter, QDate(2023, 9, 1), {}, {}});

    const UploadRecord &ended = upload.records[1];
    checkSame(ended.ids, {u"9990000026"_s, {}, {}}); // no local id
    REQUIRE(ended.plans.size() == 1);
    checkSame(ended.plans[0],
              {PlanInformation::ChildProtection, QDate(2024, 1, 15), QDate(2024, 6, 10), {}});

    const UploadRecord &unborn = upload.records[2];
    CHECK(unborn.unborn);
    checkSame(unborn.ids, {u"9990000131"_s, u"205"_s, u"X99LA:Northbrook County Council"_s});
    CHECK(unborn.surname == u"Fairbairn"_s);
    CHECK(unborn.dateOfBirth == QDate(1999, 3, 21));
    REQUIRE(unborn.plans.size() == 1);
    checkSame(unborn.plans[0],
              {PlanInformation::UnbornChildProtection, QDate(2024, 2, 2), QDate(2024, 7, 20), {}});

    const Upload deleted = readOk(readUpload(sample(u"upload_delete_date.xml"_s)));
    checkSame(deleted.sender,
              {{u"X99LA"_s, u"Northbrook County Council"_s}, {}, u"+441632960999"_s});
    REQUIRE(deleted.records.size() == 1);
    checkSame(deleted.records[0].plans.value(0),
              {PlanInformation::ChildProtection, QDate(2024, 3, 1), QDate(2024, 3, 11),
               QDate(2024, 3, 11)});
}

TEST_CASE("Acknowledgements are read: CPF02 to CPF06 and a file-level error", "[hl7]")
{
    SECTION("CPF02, nothing returned")
    {
        const Acknowledgement ack = readOk(readAcknowledgement(sample(u"ack_all_ok.xml"_s)));
        checkSameTime(ack.createdAt, at(2024, 3, 11, 6, 20, 13, 0));
        CHECK(ack.sequenceNumber == 42);
        CHECK(ack.recordCount == 3);
        CHECK(ack.fileCodes == QStringList{u"CPF02"_s});
        CHECK(ack.fileCode() == u"CPF02"_s);
        CHECK(ack.receiver.organisation.ods == u"X99LA"_s);
        CHECK(ack.outcomes.isEmpty());
        CHECK(ack.returned.isEmpty());
        CHECK(ack.failedCount == 0);
        CHECK(ack.successfulCount == 3);
    }
    SECTION("CPF03: an invalid record returned with its plan, a valid one echoed (U2)")
    {
        const Acknowledgement ack = readOk(readAcknowledgement(sample(u"ack_partial.xml"_s)));
        CHECK(ack.fileCode() == u"CPF03"_s);
        REQUIRE(ack.outcomes.size() == 2);
        CHECK(ack.outcomes[0].code == u"CPR03"_s);
        CHECK(ack.outcomes[0].displayName == u"PDS Error - NHS Number not Verified"_s);
        CHECK(ack.outcomes[0].location == u"/FileResponse/message[1]"_s);
        CHECK(ack.outcomes[1].code == u"CPR06"_s);
        REQUIRE(ack.returned.size() == 2);
        CHECK_FALSE(ack.returned[0].valid);
        checkSame(ack.returned[0].ids,
                  {u"9990000093"_s, u"103"_s, u"X99LA:Northbrook County Council"_s});
        CHECK(ack.returned[0].surname == u"Hale"_s);
        REQUIRE(ack.returned[0].plans.size() == 1);
        CHECK(ack.returned[0].plans[0].start == QDate(2024, 2, 1));
        CHECK(ack.returned[1].valid);
        CHECK(ack.returned[1].ids.nhsNumber == u"9990000034"_s);
        CHECK(ack.returned[1].plans.isEmpty());
        CHECK(ack.failedCount == 1);
        CHECK(ack.successfulCount == 1);
    }
    SECTION("CPF04: CPR07 with its detail code and text (U3)")
    {
        const Acknowledgement ack = readOk(readAcknowledgement(sample(u"ack_cpf04.xml"_s)));
        CHECK(ack.fileCode() == u"CPF04"_s);
        REQUIRE(ack.outcomes.size() == 1);
        CHECK(ack.outcomes[0].code == u"CPR07"_s);
        CHECK(ack.outcomes[0].displayName == u"Unsucessful Record Upload"_s);
        CHECK(ack.outcomes[0].detailCode == u"CPRD03"_s);
        CHECK(ack.outcomes[0].detailText == u"Date of birth does not match the PDS record"_s);
        REQUIRE(ack.returned.size() == 1);
        CHECK(ack.returned[0].ids.localPersonId.isEmpty());
    }
    SECTION("CPF05 and CPF06")
    {
        CHECK(readOk(readAcknowledgement(sample(u"ack_cpf05.xml"_s))).fileCode() == u"CPF05"_s);
        CHECK(readOk(readAcknowledgement(sample(u"ack_cpf06.xml"_s))).fileCode() == u"CPF06"_s);
    }
    SECTION("a file-level error: -1 for the sequence number and every count")
    {
        const Acknowledgement ack = readOk(readAcknowledgement(sample(u"ack_file_error.xml"_s)));
        CHECK(ack.fileCode() == u"CPF01"_s);
        CHECK(ack.sequenceNumber == -1);
        CHECK(ack.recordCount == -1);
        CHECK(ack.failedCount == -1);
        CHECK(ack.successfulCount == -1);
    }
}

TEST_CASE("Access notifications are read: smartcard user, system, two records, empty", "[hl7]")
{
    SECTION("a smartcard user with two author ids")
    {
        const AccessNotification n = readOk(readAccessNotification(sample(u"asn_smartcard.xml"_s)));
        CHECK(n.notificationId == u"5E0B6C2A-1F3D-4E8B-9A71-3C2D4B5A6E01"_s);
        checkSameTime(n.createdAt, at(2024, 6, 11, 10, 15, 2, 3600));
        CHECK(n.totalReturned == 1);
        CHECK(n.recipient.ods == u"X99LA"_s);
        REQUIRE(n.records.size() == 1);
        CHECK(n.records[0].ids.nhsNumber == u"9990000026"_s);
        CHECK(n.records[0].uploadSequence == 7);
        REQUIRE(n.records[0].accesses.size() == 1);
        const AccessRecord &a = n.records[0].accesses[0];
        checkSameTime(a.accessedAt, at(2024, 6, 11, 9, 42, 30, 3600));
        CHECK(a.queryId == u"7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s);
        CHECK_FALSE(a.bySystem);
        CHECK(a.accessorName == u"Dr Amira Osei"_s);
        CHECK(a.accessorRoleCode == u"R8000"_s);
        CHECK(a.accessorRole == u"Clinical Practitioner Access Role"_s);
        CHECK(a.accessorUserId == u"555000111222"_s);
        CHECK(a.accessorRoleProfileId == u"555000111333"_s);
        CHECK(a.organisation.ods == u"RZZ01"_s);
        CHECK(a.organisation.name == u"Northbrook General Hospital Emergency Department"_s);
    }
    SECTION("a system with its nominated person")
    {
        const AccessNotification n = readOk(readAccessNotification(sample(u"asn_system.xml"_s)));
        REQUIRE(n.records.size() == 1);
        REQUIRE(n.records[0].accesses.size() == 1);
        const AccessRecord &a = n.records[0].accesses[0];
        CHECK(a.bySystem);
        CHECK(a.systemId == u"200000000117"_s);
        CHECK(a.organisation.ods == u"NQT"_s);
        CHECK(a.organisation.name == u"DHU Health Care"_s);
        CHECK(a.leadName == u"Helen Marchbank"_s);
        CHECK(a.leadRoleCode == u"R0260"_s);
        CHECK(a.leadRole == u"Named Nurse for Safeguarding Children"_s);
        CHECK(a.accessorName.isEmpty());
        CHECK(a.accessorUserId.isEmpty());
    }
    SECTION("two record accesses, one of them with two accesses (one or two author ids)")
    {
        const AccessNotification n =
            readOk(readAccessNotification(sample(u"asn_two_records.xml"_s)));
        CHECK(n.totalReturned == 2);
        REQUIRE(n.records.size() == 2);
        CHECK(n.records[0].ids.nhsNumber == u"9990000026"_s);
        REQUIRE(n.records[0].accesses.size() == 2);
        CHECK(n.records[0].accesses[0].accessorRoleProfileId == u"555000111333"_s);
        CHECK(n.records[0].accesses[1].accessorName == u"Tom Pellow"_s);
        CHECK(n.records[0].accesses[1].accessorUserId == u"555000444555"_s);
        CHECK(n.records[0].accesses[1].accessorRoleProfileId.isEmpty());
        checkSame(n.records[1].ids,
                  {u"9990000050"_s, u"101"_s, u"X99LA:Northbrook County Council"_s});
        CHECK(n.records[1].accesses.size() == 1);
    }
    SECTION("an empty notification is valid to read: the caller decides")
    {
        const AccessNotification n = readOk(readAccessNotification(sample(u"asn_empty.xml"_s)));
        CHECK(n.notificationId == u"C3B2A190-7E6D-4F5C-9B8A-1D2E3F405162"_s);
        CHECK(n.totalReturned == 0);
        CHECK(n.records.isEmpty());
    }
}

TEST_CASE("Timestamps are read as the schema allows them: fraction, no offset, fewer digits",
          "[hl7]")
{
    const AccessNotification n = readOk(readAccessNotification(sample(u"asn_time_variants.xml"_s)));
    CHECK(n.createdAt.time() == QTime(10, 15, 2, 125));
    CHECK(n.createdAt.offsetFromUtc() == 3600);
    REQUIRE(n.records.size() == 1);
    const auto &accesses = n.records[0].accesses;
    REQUIRE(accesses.size() == 3);
    // No offset: UK time, which is BST in June.
    CHECK(accesses[0].accessedAt.toUTC() ==
          QDateTime(QDate(2024, 6, 11), QTime(8, 42, 30), Qt::UTC));
    checkSameTime(accesses[1].accessedAt, at(2024, 6, 11, 9, 51, 0, 3600));
    CHECK(accesses[2].accessedAt.date() == QDate(2024, 6, 11));
    CHECK(accesses[2].accessedAt.time() == QTime(0, 0));
}

TEST_CASE("Inactive NHS number notifications are read: none, one and two replaced", "[hl7]")
{
    const auto plain = readOk(readInactiveNhsNumber(sample(u"inactive.xml"_s)));
    CHECK(plain.notificationId == u"4F506172-8394-4A5B-86D7-E8F90A1B2C3D"_s);
    checkSameTime(plain.createdAt, at(2024, 4, 2, 8, 30, 0, 3600));
    CHECK(plain.recipient.name == u"Northbrook County Council"_s);
    REQUIRE(plain.patients.size() == 1);
    CHECK(plain.patients[0].ids.nhsNumber == u"9990000085"_s);
    CHECK(plain.patients[0].replacements.isEmpty());
    CHECK(plain.patients[0].uploadSequence == 7);

    const auto replaced = readOk(readInactiveNhsNumber(sample(u"inactive_replaced.xml"_s)));
    REQUIRE(replaced.patients.size() == 1);
    CHECK(replaced.patients[0].ids.nhsNumber == u"9990000018"_s);
    CHECK(replaced.patients[0].replacements == QStringList{u"9990000069"_s});

    const auto two = readOk(readInactiveNhsNumber(sample(u"inactive_two.xml"_s)));
    REQUIRE(two.patients.size() == 2);
    checkSame(two.patients[0].ids,
              {u"9990000115"_s, u"131"_s, u"X99LA:Northbrook County Council"_s});
    CHECK(two.patients[0].replacements == QStringList{u"9990000123"_s});
    CHECK(two.patients[1].ids.nhsNumber == u"9990000158"_s);
    CHECK(two.patients[1].replacements.isEmpty());
    CHECK(two.patients[1].uploadSequence == 8);
}

// --- What CPIS-DMS.md §5 leaves open, read tolerantly --------------------------------------

TEST_CASE("U2: outcomes and returned records are read whether or not valid ones are echoed",
          "[hl7][dms-u2]")
{
    // Only the failed record returned, its outcome pointing into the upload instead.
    QByteArray xml = sample(u"ack_partial.xml"_s);
    xml = without(xml,
                  "<message>\n    <cP-ISLAAcknowledgementResponse>\n      "
                  "<pertinentInformation1>\n        <validCP-ISRecord>",
                  "</message>");
    xml = changed(xml, "/FileResponse/message[1]", "/File/record[3]/CP-ISRecord");
    const Acknowledgement ack = readOk(readAcknowledgement(xml));
    REQUIRE(ack.returned.size() == 1);
    CHECK_FALSE(ack.returned[0].valid);
    CHECK(ack.outcomes[0].location == u"/File/record[3]/CP-ISRecord"_s);
    CHECK(ack.outcomes.size() == 2);
}

TEST_CASE("U3: a record code with or without its optional parts", "[hl7][dms-u3]")
{
    const QByteArray xml = sample(u"ack_cpf04.xml"_s);
    // A bare code: no codeSystem, displayName, originalText or translation.
    QByteArray bare = changed(xml,
                              R"(code="CPR07" codeSystem="2.16.840.1.113883.2.1.3.2.4.17.473" )"
                              R"(displayName="Unsucessful Record Upload">)",
                              R"(code="CPR07">)");
    bare = without(bare, "<originalText>", "</originalText>");
    bare = without(bare, "<translation", "/>");
    const Acknowledgement ack = readOk(readAcknowledgement(bare));
    CHECK(ack.outcomes[0].code == u"CPR07"_s);
    CHECK(ack.outcomes[0].displayName.isEmpty());
    CHECK(ack.outcomes[0].detailCode.isEmpty());
    CHECK(ack.outcomes[0].detailText.isEmpty());

    // Several translations, one with content of its own: the first code counts.
    const QByteArray several = changed(
        xml, R"(<translation code="CPRD03" displayName="Date of birth mismatch"/>)",
        R"(<translation code="CPRD03" codeSystem="2.16.840.1.113883.2.1.3.2.4.17.999"><originalText>DOB</originalText></translation><translation code="X"/>)");
    CHECK(readOk(readAcknowledgement(several)).outcomes[0].detailCode == u"CPRD03"_s);
}

TEST_CASE("U4: an absent or nil end or delete date is none", "[hl7][dms-u4]")
{
    const QByteArray xml = sample(u"upload_delete_date.xml"_s);
    const QByteArray nilEnd = changed(
        xml,
        "<component1>\n            <cPPEndDate>\n              <value value=\"202403110000\"/>\n   "
        "         </cPPEndDate>\n          </component1>",
        R"(<component1 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>)");
    const Upload a = readOk(readUpload(nilEnd));
    CHECK_FALSE(a.records[0].plans[0].end.isValid());
    CHECK(a.records[0].plans[0].deleteDate == QDate(2024, 3, 11));

    const QByteArray nilDelete = changed(
        xml,
        "<cPPDeleteDate>\n              <value value=\"202403111430\"/>\n            "
        "</cPPDeleteDate>",
        R"(<cPPDeleteDate xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>)");
    const Upload b = readOk(readUpload(nilDelete));
    CHECK_FALSE(b.records[0].plans[0].deleteDate.isValid());
    CHECK(b.records[0].plans[0].end == QDate(2024, 3, 11));

    // An unborn child's plan may not leave its end out, nil or not.
    const QByteArray upload = sample(u"upload.xml"_s);
    checkRefused(
        readUpload(without(upload, "<component1>\n            <uCPEndDate>", "</component1>")),
        kErrorInvalid,
        {u"record[3]/CP-ISRecord/pertinentInformation/COCT_TP146102GB01.UCPInformation"_s,
         u"missing element component1"_s});
    checkRefused(
        readUpload(changed(upload, "<component1>\n            <uCPEndDate>",
                           "<component1 xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                           "xsi:nil=\"true\">\n            <uCPEndDate>")),
        kErrorInvalid, {u"COCT_TP146102GB01.UCPInformation/component1"_s, u"nil"_s});
    // Something inside a nil element is refused.
    checkRefused(readUpload(changed(xml, "<component1>",
                                    "<component1 xmlns:xsi=\"http://www.w3.org/2001/"
                                    "XMLSchema-instance\" xsi:nil=\"true\">")),
                 kErrorInvalid, {u"component1/cPPEndDate"_s, u"unexpected element"_s});
}

TEST_CASE("U6: a root on FileResponse/id is ignored", "[hl7][dms-u6]")
{
    const Acknowledgement ack = readOk(readAcknowledgement(sample(u"invalid_ack_id_root.xml"_s)));
    CHECK(ack.sequenceNumber == 42);
    checkSame(ack, readOk(readAcknowledgement(sample(u"ack_all_ok.xml"_s))));
}

TEST_CASE("U7: a replacement may carry several ids", "[hl7][dms-u7]")
{
    const QByteArray two =
        changed(sample(u"inactive_replaced.xml"_s), R"(<id extension="9990000069"/>)",
                R"(<id extension="9990000069"/><id extension="9990000077"/>)");
    const auto n = readOk(readInactiveNhsNumber(two));
    CHECK(n.patients[0].replacements == QStringList({u"9990000069"_s, u"9990000077"_s}));
    // A nil replacement is none.
    const QByteArray nil = changed(
        sample(u"inactive_replaced.xml"_s),
        "<replacedBy>\n        <newVersion>\n          <id extension=\"9990000069\"/>\n        "
        "</newVersion>\n      </replacedBy>",
        R"(<replacedBy xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>)");
    CHECK(readOk(readInactiveNhsNumber(nil)).patients[0].replacements.isEmpty());
}

TEST_CASE("U9: any contentId extension is accepted, and the element name says the template",
          "[hl7][dms-u9]")
{
    QByteArray xml = sample(u"upload.xml"_s);
    xml.replace("extension=\"COCT_TP146100GB01#LACInformation\"",
                "extension=\"COCT_TP146100GB01\"");
    xml.replace("extension=\"COCT_TP145101GB01#Child\"", "extension=\"something else\"");
    const Upload upload = readOk(readUpload(xml));
    CHECK(upload.records[0].plans[0].kind == PlanInformation::LookedAfter);
    CHECK_FALSE(upload.records[0].unborn);

    const QByteArray asn =
        changed(sample(u"asn_system.xml"_s), "extension=\"COCT_TP145104GB01#System\"",
                "extension=\"COCT_TP145104GB01#Device\"");
    CHECK(readOk(readAccessNotification(asn)).records[0].accesses[0].bySystem);

    // But its root is the one OID, and it must be there, in its own namespace.
    checkRefused(
        readUpload(changed(sample(u"upload.xml"_s), "root=\"2.16.840.1.113883.2.1.3.2.4.18.16\"",
                           "root=\"2.16.840.1.113883.2.1.3.2.4.18.2\"")),
        kErrorInvalid,
        {u"File/record/CP-ISRecord/pertinentInformation/contentId"_s,
         u"2.16.840.1.113883.2.1.3.2.4.18.2"_s});
    checkRefused(
        readUpload(without(sample(u"upload.xml"_s), "<npfitlc:contentId", "/>")), kErrorInvalid,
        {u"File/record/CP-ISRecord/pertinentInformation"_s, u"missing element contentId"_s});
    checkRefused(readUpload(changed(sample(u"upload.xml"_s), "<npfitlc:contentId", "<contentId")),
                 kErrorInvalid, {u"contentId"_s, u"NPFIT:HL7:Localisation"_s});
}

// --- Round trips ------------------------------------------------------------------------------

TEST_CASE("Uploads are written as the schema allows and read back as written", "[hl7]")
{
    const Upload upload = fullUpload();
    const QByteArray xml = writeUpload(upload);
    checkWritten(xml, u"written_upload.xml"_s);
    CHECK(readOk(detectKind(xml)) == MessageKind::Upload);
    Upload expected = upload;
    expected.sender.phoneOfficeHours = u"01632960000"_s; // digits only on the wire
    expected.sender.phoneOutOfHours = u"01632960999"_s;
    for (UploadRecord &record : expected.records) {
        if (!record.ids.localPersonId.isEmpty())
            record.ids.localIdAuthority = u"X99LA:Northbrook County Council"_s;
    }
    checkSame(readOk(readUpload(xml)), expected);

    // Exactly the schema's forms: no message id or code, plan dates yyyymmddHHMM, birth
    // dates yyyymmdd, one given then one family, tel: digits, WP before EC.
    CHECK(xml.contains(R"(<id extension="101"/>)"));
    CHECK(xml.contains(R"(<value value="202001010000"/>)"));
    CHECK(xml.contains(R"(<birthTime value="20121231"/>)"));
    CHECK(xml.contains("<given>Zoë Mary-Jane</given>"));
    CHECK(xml.contains("<given></given>"));
    CHECK(xml.contains(R"(<telecom value="tel:01632960000" use="WP"/>)"));
    CHECK(xml.indexOf(R"(use="WP")") < xml.indexOf(R"(use="EC")"));
    CHECK(xml.contains(R"(assigningAuthorityName="X99LA:Northbrook County Council")"));
    CHECK(xml.contains("<COCT_TP145100GB01.UnbornChild>\n          <parentMotherPerson>"));
    CHECK(xml.contains("<component2>\n            <cPPDeleteDate>"));
    CHECK_FALSE(xml.contains("<code"));

    SECTION("a number without digits is left out, never written as an invalid tel:")
    {
        Upload odd = upload;
        odd.sender.phoneOfficeHours = u"ring the switchboard"_s;
        const QByteArray written = writeUpload(odd);
        CHECK_FALSE(written.contains(R"(use="WP")"));
        CHECK(written.contains(R"(<telecom value="tel:01632960999" use="EC"/>)"));
    }
    SECTION("every plan kind, local id present and absent, each as a file of its own")
    {
        for (qsizetype i = 0; i < upload.records.size(); ++i) {
            Upload one = upload;
            one.records = {upload.records[i]};
            checkWritten(writeUpload(one), u"written_upload_%1.xml"_s.arg(i + 1));
        }
    }
}

TEST_CASE("Acknowledgements are written as the schema allows and read back as written", "[hl7]")
{
    Acknowledgement ack;
    ack.createdAt = at(2024, 2, 29, 6, 0, 0, 0);
    ack.sequenceNumber = 1234567890123;
    ack.recordCount = 3;
    ack.fileCodes = {u"CPF03"_s};
    ack.receiver = {
        {u"X99LA"_s, u"Northbrook County Council"_s}, u"01632960000"_s, u"01632960999"_s};
    ack.outcomes = {
        {u"CPR01"_s, {}, {}, {}, u"/FileResponse/message[1]"_s},
        {u"CPR07"_s, {}, u"CPRD03"_s, u"Name mismatch"_s, u"/FileResponse/message[2]"_s}};
    ReturnedRecord invalid;
    invalid.ids = {u"9990000026"_s, u"LA-1"_s, u"X99LA:Northbrook County Council"_s};
    invalid.forenames = u"Riley"_s;
    invalid.surname = u"Ashgrove"_s;
    invalid.dateOfBirth = QDate(2018, 2, 14);
    invalid.plans = {{PlanInformation::ChildProtection, QDate(2024, 1, 15), {}, {}}};
    ReturnedRecord unborn = invalid;
    unborn.unborn = true;
    unborn.ids = {u"9990000131"_s, {}, {}};
    unborn.plans = {
        {PlanInformation::UnbornChildProtection, QDate(2024, 2, 2), QDate(2024, 7, 1), {}}};
    ReturnedRecord valid;
    valid.valid = true;
    valid.ids = {u"9990000042"_s, {}, {}};
    valid.surname = u"Linden"_s;
    valid.dateOfBirth = QDate(2017, 8, 11);
    ack.returned = {invalid, unborn, valid};
    ack.failedCount = 2;
    ack.successfulCount = 1;

    const QByteArray xml = writeAcknowledgement(ack);
    checkWritten(xml, u"written_ack_partial.xml"_s);
    CHECK(readOk(detectKind(xml)) == MessageKind::Acknowledgement);
    checkSame(readOk(readAcknowledgement(xml)), ack);
    CHECK(xml.contains(R"(<code code="CPF03" displayName="Partial File Upload"/>)"));
    CHECK(xml.contains(R"(displayName="PDS Error - No Match Found for NHS Number")"));
    CHECK(xml.contains(R"(<translation code="CPRD03"/>)"));
    CHECK(xml.indexOf("<failedReturnedCP-ISRecords>") < xml.indexOf("<message>"));
    CHECK(xml.lastIndexOf("</message>") < xml.indexOf("<successfulReturnedCP-ISRecords>"));

    SECTION("a file-level error keeps -1 everywhere")
    {
        Acknowledgement corrupt;
        corrupt.createdAt = at(2024, 3, 1, 6, 0, 0, 0);
        corrupt.fileCodes = {u"CPF01"_s};
        corrupt.receiver = ack.receiver;
        corrupt.failedCount = -1;
        corrupt.successfulCount = -1;
        const QByteArray written = writeAcknowledgement(corrupt);
        checkWritten(written, u"written_ack_file_error.xml"_s);
        const Acknowledgement back = readOk(readAcknowledgement(written));
        checkSame(back, corrupt);
        CHECK(back.sequenceNumber == -1);
        CHECK(back.recordCount == -1);
        CHECK_FALSE(written.contains("acknowledgementRecord"));
    }
}

TEST_CASE("Access notifications are written as the schema allows and read back as written", "[hl7]")
{
    AccessNotification n;
    n.notificationId = u"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"_s; // written upper case
    n.createdAt = at(2024, 11, 30, 23, 59, 59, -5 * 3600 - 1800);
    n.totalReturned = 2;
    n.recipient = {u"X99LA"_s, u"Northbrook County Council"_s};
    RecordAccess child{{u"9990000093"_s, {}, {}}, 7, {doctor(), system111()}};
    AccessRecord lone = doctor();
    lone.accessorRoleProfileId.clear(); // one author id
    RecordAccess other{
        {u"9990000050"_s, u"101"_s, u"X99LA:Northbrook County Council"_s}, 8, {lone}};
    n.records = {child, other};

    const QByteArray xml = writeAccessNotification(n);
    checkWritten(xml, u"written_asn.xml"_s);
    CHECK(readOk(detectKind(xml)) == MessageKind::AccessNotification);
    AccessNotification expected = n;
    expected.notificationId = n.notificationId.toUpper();
    checkSame(readOk(readAccessNotification(xml)), expected);
    CHECK(xml.contains(R"(<id root="A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D"/>)"));
    CHECK(xml.contains(R"(<id root="1.2.826.0.1285.0.2.0.107" extension="200000000117"/>)"));

    SECTION("milliseconds are not written: timestamps have no fraction")
    {
        AccessNotification precise = n;
        precise.records[0].accesses[0].accessedAt =
            QDateTime(QDate(2024, 11, 30), QTime(22, 1, 2, 345), Qt::UTC);
        const QByteArray written = writeAccessNotification(precise);
        CHECK(written.contains(R"(<effectiveTime value="20241130220102+0000"/>)"));
    }
    SECTION("and an empty notification too")
    {
        n.records.clear();
        n.totalReturned = 0;
        const QByteArray written = writeAccessNotification(n);
        checkWritten(written, u"written_asn_empty.xml"_s);
        AccessNotification emptyExpected = n;
        emptyExpected.notificationId = n.notificationId.toUpper();
        checkSame(readOk(readAccessNotification(written)), emptyExpected);
    }
}

TEST_CASE("Inactive NHS number notifications are written as the schema allows and read back",
          "[hl7]")
{
    InactiveNhsNumberNotification n;
    n.notificationId = u"6B7C8D9E-0F1A-4B2C-8D3E-4F5A6B7C8D9E"_s;
    n.createdAt = at(2024, 7, 1, 12, 0, 0, 3600);
    n.recipient = {u"X99LA"_s, u"Northbrook County Council"_s};
    n.patients = {{{u"9990000085"_s, u"55"_s, u"X99LA:Northbrook County Council"_s}, {}, 7},
                  {{u"9990000018"_s, {}, {}}, {u"9990000069"_s}, 9}};
    const QByteArray xml = writeInactiveNhsNumber(n);
    checkWritten(xml, u"written_inactive.xml"_s);
    CHECK(readOk(detectKind(xml)) == MessageKind::InactiveNhsNumber);
    checkSame(readOk(readInactiveNhsNumber(xml)), n);
}

TEST_CASE("Characters XML cannot carry are left out, so the file stays readable", "[hl7]")
{
    AccessNotification n;
    n.notificationId = u"61A2B3C4-D5E6-4F70-8192-A3B4C5D6E7F8"_s;
    n.createdAt = at(2024, 5, 1, 9, 0, 0, 3600);
    n.recipient = {u"X99LA"_s, u"Northbrook"_s};
    AccessRecord access = doctor();
    access.organisation.name = u"Ward\u0001 7"_s + QChar(0xD800) + u" (\U0001F3E5)"_s;
    access.accessorName = u"Ana\u000BÏs"_s;
    n.records = {{{u"9990000026"_s, {}, {}}, 1, {access}}};
    const auto back = readOk(readAccessNotification(writeAccessNotification(n)));
    CHECK(back.records[0].accesses[0].organisation.name == u"Ward 7 (\U0001F3E5)"_s);
    CHECK(back.records[0].accesses[0].accessorName == u"Ana Ïs"_s); // a vertical tab is a space
}

TEST_CASE("Every valid sample survives a write and a second read unchanged", "[hl7]")
{
    for (const QString &name : {u"upload.xml"_s, u"upload_delete_date.xml"_s}) {
        INFO(name.toStdString());
        const Upload first = readOk(readUpload(sample(name)));
        checkSame(readOk(readUpload(writeUpload(first))), first);
    }
    for (const QString &name : {u"ack_all_ok.xml"_s, u"ack_partial.xml"_s, u"ack_cpf04.xml"_s,
                                u"ack_cpf05.xml"_s, u"ack_cpf06.xml"_s, u"ack_file_error.xml"_s}) {
        INFO(name.toStdString());
        const Acknowledgement first = readOk(readAcknowledgement(sample(name)));
        checkSame(readOk(readAcknowledgement(writeAcknowledgement(first))), first);
    }
    for (const QString &name : {u"asn_smartcard.xml"_s, u"asn_system.xml"_s,
                                u"asn_two_records.xml"_s, u"asn_empty.xml"_s}) {
        INFO(name.toStdString());
        const AccessNotification first = readOk(readAccessNotification(sample(name)));
        checkSame(readOk(readAccessNotification(writeAccessNotification(first))), first);
    }
    for (const QString &name :
         {u"inactive.xml"_s, u"inactive_replaced.xml"_s, u"inactive_two.xml"_s}) {
        INFO(name.toStdString());
        const auto first = readOk(readInactiveNhsNumber(sample(name)));
        checkSame(readOk(readInactiveNhsNumber(writeInactiveNhsNumber(first))), first);
    }
}

// --- Failure samples and refusals -----------------------------------------------------------

TEST_CASE("Truncated and non-XML input is refused as malformed, with line and column", "[hl7]")
{
    checkAllRefuse(sample(u"invalid_truncated.xml"_s), kErrorMalformed, {u"line"_s, u"column"_s});
    checkAllRefuse(sample(u"invalid_not_xml.txt"_s), kErrorMalformed, {u"line 1"_s});
    checkAllRefuse(QByteArray(), kErrorMalformed, {});
    checkAllRefuse("<FileResponse xmlns=\"urn:hl7-org:v3\"><id></FileResponse>", kErrorMalformed,
                   {u"FileResponse/id"_s});
}

TEST_CASE("DTDs and entities are refused before anything is expanded", "[hl7]")
{
    checkAllRefuse(sample(u"invalid_doctype_entity.xml"_s), kErrorDtd, {u"DTD"_s});
    const QByteArray plain = changed(
        sample(u"asn_empty.xml"_s), "<CP-ISAccessToServiceNotification xmlns",
        "<!DOCTYPE CP-ISAccessToServiceNotification>\n<CP-ISAccessToServiceNotification xmlns");
    checkAllRefuse(plain, kErrorDtd, {u"DTD"_s});
    const QByteArray undeclared =
        changed(sample(u"asn_empty.xml"_s), "C3B2A190-7E6D", "&external;C3B2A190-7E6D");
    CHECK_FALSE(readAccessNotification(undeclared).ok());
    CHECK_FALSE(detectKind(undeclared).ok());
}

TEST_CASE("A root outside the HL7 namespace or of another interaction is no CP-IS message", "[hl7]")
{
    checkAllRefuse(sample(u"invalid_wrong_root.xml"_s), kErrorKind,
                   {u"root element CP-ISAccessToServiceNotification"_s, u"urn:hl7-org:v3"_s});
    checkAllRefuse(sample(u"invalid_unknown_kind.xml"_s), kErrorKind,
                   {u"unknown message kind: root element PRPA_IN201305UV02"_s});
    // The guessed structure of old is no CP-IS message either.
    checkAllRefuse("<REPC_MT000004GB01 xmlns=\"urn:hl7-org:v3\"/>", kErrorKind,
                   {u"REPC_MT000004GB01"_s, u"File, FileResponse"_s});
}

TEST_CASE("A reader refuses another kind of CP-IS message", "[hl7]")
{
    checkRefused(readAcknowledgement(sample(u"asn_smartcard.xml"_s)), kErrorKind,
                 {u"Acknowledgement Response"_s, u"CP-ISAccessToServiceNotification"_s});
    checkRefused(readAccessNotification(sample(u"upload.xml"_s)), kErrorKind,
                 {u"Access to Service Notification"_s, u"Local Authority Upload"_s});
    checkRefused(readUpload(sample(u"inactive.xml"_s)), kErrorKind,
                 {u"CP-ISInactiveNHSNumberNotification"_s});
    checkRefused(readInactiveNhsNumber(sample(u"ack_partial.xml"_s)), kErrorKind,
                 {u"FileResponse"_s});
}

TEST_CASE("A bad NHS number is refused naming the element and the number", "[hl7]")
{
    checkRefused(readAccessNotification(sample(u"invalid_asn_bad_nhs_number.xml"_s)), kErrorInvalid,
                 {u"CP-ISAccessToServiceNotification/pertinentInformation1/"
                  u"pertinentCP-ISRecordAccess/pertinentInformation2/pertinentCP-ISNHSQuery/"
                  u"queryByParameter/person.id/value"_s,
                  u"9990000027"_s, u"check digit mismatch"_s});
    checkRefused(
        readAcknowledgement(changed(sample(u"ack_partial.xml"_s), "extension=\"9990000034\"",
                                    "extension=\"999000003\"")),
        kErrorInvalid,
        {u"FileResponse/message[2]/cP-ISLAAcknowledgementResponse/pertinentInformation1/"
         u"validCP-ISRecord/subject/COCT_TP145101GB01.Child/id"_s,
         u"999000003"_s, u"wrong length"_s});
    checkRefused(
        readInactiveNhsNumber(changed(sample(u"inactive_replaced.xml"_s),
                                      "extension=\"9990000069\"", "extension=\"9990000000\"")),
        kErrorInvalid, {u"pDSInactivePatient/replacedBy/newVersion/id"_s, u"9990000000"_s});
    checkRefused(readUpload(changed(sample(u"upload.xml"_s), "extension=\"9990000131\"",
                                    "extension=\"9990000132\"")),
                 kErrorInvalid,
                 {u"File/record[3]/CP-ISRecord/subject/COCT_TP145100GB01.UnbornChild/"
                  u"parentMotherPerson/playedMother/id"_s,
                  u"9990000132"_s});
    checkRefused(
        readUpload(without(sample(u"upload.xml"_s),
                           "<id root=\"2.16.840.1.113883.2.1.4.1\" extension=\"9990000050\"",
                           "/>")),
        kErrorInvalid,
        {u"File/record/CP-ISRecord/subject/COCT_TP145101GB01.Child"_s, u"the NHS number"_s});
}

TEST_CASE("Bad timestamps, dates and plan dates are refused naming the element and the value",
          "[hl7]")
{
    checkRefused(readAccessNotification(sample(u"invalid_asn_bad_time.xml"_s)), kErrorInvalid,
                 {u"pertinentCP-ISNHSQuery/effectiveTime"_s, u"2024-06-11T09:42:30+01:00"_s});
    const QByteArray upload = sample(u"upload.xml"_s);
    checkRefused(readUpload(changed(upload, R"(<birthTime value="20180214"/>)",
                                    R"(<birthTime value="20180230"/>)")),
                 kErrorInvalid,
                 {u"File/record[2]/CP-ISRecord/subject/COCT_TP145101GB01.Child/childPerson/"
                  u"birthTime"_s,
                  u"20180230"_s});
    for (const char *bad : {"20230901", "20230901000000", "202309010000+0000", "212309010000"}) {
        INFO(bad);
        checkRefused(readUpload(changed(upload, R"(<value value="202309010000"/>)",
                                        QByteArray(R"(<value value=")") + bad + "\"/>")),
                     kErrorInvalid,
                     {u"COCT_TP146100GB01.LACInformation/component/lACStartDate/value"_s,
                      QString::fromLatin1(bad), u"plan date"_s});
    }
    checkRefused(
        readUpload(changed(sample(u"upload_delete_date.xml"_s), R"(<value value="202403110000"/>)",
                           R"(<value value="202402010000"/>)")),
        kErrorInvalid, {u"COCT_TP146101GB01.CPPInformation"_s, u"ends"_s});
}

TEST_CASE("Unknown codes and wrong display names are refused", "[hl7]")
{
    checkRefused(
        readAcknowledgement(sample(u"invalid_ack_unknown_code.xml"_s)), kErrorInvalid,
        {u"FileResponse/acknowledgementFile/acknowledgementFileDetail/code"_s, u"CPF09"_s});
    checkRefused(
        readAcknowledgement(
            changed(sample(u"ack_partial.xml"_s), "code=\"CPR03\"", "code=\"CPR99\"")),
        kErrorInvalid,
        {u"FileResponse/acknowledgementRecord/acknowledgementRecordDetail/code"_s, u"CPR99"_s});
    checkRefused(readAcknowledgement(changed(sample(u"ack_all_ok.xml"_s),
                                             "displayName=\"Successful File Upload\"",
                                             "displayName=\"Success\"")),
                 kErrorInvalid, {u"acknowledgementFileDetail/code"_s, u"Success"_s});
    // CPF06 as the change history spells it, with a full stop, is the same code.
    const QByteArray cpf06 = sample(u"ack_cpf06.xml"_s);
    CHECK(readOk(readAcknowledgement(
                     changed(cpf06, "no longer supported\"", "no longer supported.\"")))
              .fileCode() == u"CPF06"_s);
}

TEST_CASE("Order, cardinality and unexpected content are checked as the schema says", "[hl7]")
{
    const QByteArray upload = sample(u"upload.xml"_s);
    checkRefused(readUpload(changed(upload, "<transmissionQuantity value=\"3\"/>",
                                    "<transmissionQuantity value=\"4\"/>")),
                 kErrorInvalid, {u"File/transmissionQuantity"_s, u"4"_s, u"3 records"_s});
    checkRefused(readUpload(changed(upload, "<id extension=\"7\"/>", "<id extension=\"seven\"/>")),
                 kErrorInvalid, {u"File/id"_s, u"seven"_s});
    checkRefused(readUpload(changed(upload, "<id extension=\"7\"/>", "<id extension=\"-1\"/>")),
                 kErrorInvalid, {u"File/id"_s, u"-1"_s});
    // A missing element is named before the one met in its place; one that comes back
    // after a later one is out of order.
    checkRefused(readUpload(without(upload, "<creationTime", "/>")), kErrorInvalid,
                 {u"File: missing element creationTime before id"_s});
    checkRefused(readUpload(changed(upload, "<transmissionQuantity value=\"3\"/>",
                                    "<transmissionQuantity value=\"3\"/><id extension=\"7\"/>")),
                 kErrorInvalid,
                 {u"File/id[2]"_s, u"out of order"_s, u"before transmissionQuantity"_s});
    checkRefused(
        readUpload(changed(upload, "<given>Riley</given>\n              <family>Ashgrove</family>",
                           "<family>Ashgrove</family>\n              <given>Riley</given>")),
        kErrorInvalid, {u"childPerson/name: missing element given before family"_s});
    // Two given names.
    checkRefused(readUpload(changed(upload, "<given>Riley</given>",
                                    "<given>Riley</given><given>Jo</given>")),
                 kErrorInvalid, {u"childPerson/name/given[2]"_s, u"more than once"_s});
    // A fixed value the schema prohibits is unknown content.
    checkRefused(readUpload(changed(upload, "<CP-ISRecord>", "<CP-ISRecord><code code=\"01\"/>")),
                 kErrorInvalid, {u"File/record/CP-ISRecord/code"_s, u"unexpected element"_s});
    checkRefused(readUpload(changed(upload, "<telecom value=\"tel:01632960000\"",
                                    "<telecom value=\"tel:01632 960000\"")),
                 kErrorInvalid,
                 {u"communicationFunctionSnd/organisation/telecom"_s, u"01632 960000"_s});
    checkRefused(readUpload(changed(upload, "use=\"WP\"", "use=\"XX\"")), kErrorInvalid,
                 {u"organisation/telecom"_s, u"XX"_s});
    checkRefused(
        readUpload(changed(upload, "<name>Northbrook County Council</name>", "<name> </name>")),
        kErrorInvalid, {u"communicationFunctionSnd/organisation/name"_s, u"empty"_s});
    checkRefused(
        readUpload(without(upload, "<communicationFunctionSnd>", "</communicationFunctionSnd>")),
        kErrorInvalid, {u"File: missing element communicationFunctionSnd"_s});

    const QByteArray asn = sample(u"asn_system.xml"_s);
    checkRefused(readAccessNotification(
                     changed(asn, "extension=\"200000000117\"", "extension=\"20000000011\"")),
                 kErrorInvalid,
                 {u"COCT_TP145104GB01.System/id"_s, u"20000000011"_s, u"12 digits"_s});
    checkRefused(readAccessNotification(changed(asn, "A1B2C3D4-E5F6", "a1b2c3d4-e5f6")),
                 kErrorInvalid, {u"CP-ISAccessToServiceNotification/id"_s, u"upper-case"_s});
    checkRefused(readAccessNotification(
                     changed(asn, "<pertinentInformation>", "stray<pertinentInformation>")),
                 kErrorInvalid, {u"CP-ISAccessToServiceNotification"_s, u"unexpected text"_s});
    checkRefused(
        readAccessNotification(changed(asn, "<pertinentInformation>",
                                       "<x:note xmlns:x=\"urn:other\"/><pertinentInformation>")),
        kErrorInvalid, {u"CP-ISAccessToServiceNotification/note"_s, u"namespace"_s});
    checkRefused(readAccessNotification(
                     changed(asn, "<effectiveTime value=\"20240112031500+0000\"/>",
                             "<effectiveTime value=\"20240112031500+0000\">x</effectiveTime>")),
                 kErrorInvalid,
                 {u"CP-ISAccessToServiceNotification/effectiveTime"_s, u"unexpected text"_s});
}

// --- Bounds ----------------------------------------------------------------------------------

TEST_CASE("Input over the size limit is refused before it is parsed", "[hl7]")
{
    QByteArray xml = sample(u"asn_empty.xml"_s);
    xml.append(QByteArray(kMaxMessageBytes - xml.size() + 1, ' '));
    REQUIRE(xml.size() == kMaxMessageBytes + 1);
    checkAllRefuse(xml, kErrorTooLarge, {QString::number(kMaxMessageBytes)});
}

TEST_CASE("Deep nesting is refused", "[hl7]")
{
    QByteArray nested;
    for (int i = 0; i < 10000; ++i)
        nested += "<x>";
    for (int i = 0; i < 10000; ++i)
        nested += "</x>";
    const QByteArray xml =
        changed(sample(u"asn_empty.xml"_s), "</CP-ISAccessToServiceNotification>",
                "<y>" + nested + "</y></CP-ISAccessToServiceNotification>");
    checkAllRefuse(xml, kErrorTooLarge, {u"nested"_s, QString::number(kMaxNestingDepth)});
}

TEST_CASE("More records than the bound are refused as too large", "[hl7]")
{
    const QByteArray xml = sample(u"ack_all_ok.xml"_s);
    checkRefused(readAcknowledgement(changed(xml, "<transmissionQuantity value=\"3\"/>",
                                             "<transmissionQuantity value=\"100001\"/>")),
                 kErrorTooLarge, {u"FileResponse/transmissionQuantity"_s});

    const QByteArray one = "<acknowledgementRecordDetail><code code=\"CPR06\"/><location/>"
                           "</acknowledgementRecordDetail>";
    QByteArray many;
    many.reserve(one.size() * (kMaxEntries + 1));
    for (int i = 0; i <= kMaxEntries; ++i)
        many += one;
    const QByteArray big = changed(xml, "  <communicationFunctionRcv>",
                                   "<acknowledgementRecord>" + many +
                                       "</acknowledgementRecord><communicationFunctionRcv>");
    REQUIRE(big.size() < kMaxMessageBytes);
    checkRefused(readAcknowledgement(big), kErrorTooLarge,
                 {QString::number(kMaxEntries), u"record outcomes"_s});
}

// --- HL7 timestamps and dates ----------------------------------------------------------------

TEST_CASE("HL7 timestamps: tolerant reading, strict writing", "[hl7]")
{
    checkSameTime(parseTimestamp(u"20240311143005+0000").value(), at(2024, 3, 11, 14, 30, 5, 0));
    checkSameTime(parseTimestamp(u"202403111430+0100").value(), at(2024, 3, 11, 14, 30, 0, 3600));
    checkSameTime(parseTimestamp(u"20240311143005-0530").value(),
                  at(2024, 3, 11, 14, 30, 5, -19800));
    checkSameTime(parseTimestamp(u"2024031114+01").value(), at(2024, 3, 11, 14, 0, 0, 3600));
    CHECK(parseTimestamp(u"20240311143005.25+0000").value().time() == QTime(14, 30, 5, 250));
    CHECK(parseTimestamp(u"20240311143005.123456789+0000").value().time() == QTime(14, 30, 5, 123));
    // Fewer digits: the missing parts are the first day, month and midnight.
    CHECK(parseTimestamp(u"2024").value().date() == QDate(2024, 1, 1));
    CHECK(parseTimestamp(u"202403").value().date() == QDate(2024, 3, 1));
    // No offset: UK time (GMT in January, BST in July).
    CHECK(parseTimestamp(u"20240115120000").value().offsetFromUtc() == 0);
    CHECK(parseTimestamp(u"20240715120000").value().offsetFromUtc() == 3600);

    for (const QString &bad :
         {u"202"_s, u"20240311143"_s, u"20241311143005+0000"_s, u"20240311253005+0000"_s,
          u"20240311143005+1560"_s, u"2024-03-11T14:30:05Z"_s, u"20240311143005+000"_s, u""_s,
          u"202403111430.5+0000"_s, u"20240311 43005+0000"_s,
          u"20240311143005.1234567890+0000"_s}) {
        INFO(bad.toStdString());
        const auto parsed = parseTimestamp(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.contains(u'"' + bad + u'"'));
    }
    // 01:30 on 31 March 2024 never happened in the UK.
    CHECK_FALSE(parseTimestamp(u"20240331013000").ok());

    CHECK(formatTimestamp(at(2024, 3, 11, 14, 30, 5, 0)) == u"20240311143005+0000"_s);
    CHECK(formatTimestamp(at(2024, 3, 11, 14, 30, 5, -19800)) == u"20240311143005-0530"_s);
    CHECK(formatTimestamp(QDateTime(QDate(2024, 3, 11), QTime(14, 30, 5, 7), Qt::UTC)) ==
          u"20240311143005+0000"_s);
    CHECK(formatTimestamp(QDateTime()).isEmpty());
    // A year before 1000 keeps its four digits.
    CHECK(formatTimestamp(at(254, 6, 11, 12, 15, 2, 3780)) == u"02540611121502+0103"_s);
    CHECK(formatDate(QDate(254, 6, 11)) == u"02540611"_s);
}

TEST_CASE("Dates of birth and plan dates", "[hl7]")
{
    CHECK(parseDate(u"20240229").value() == QDate(2024, 2, 29));
    CHECK(parseDate(u"202402291200+0000").value() == QDate(2024, 2, 29));
    CHECK_FALSE(parseDate(u"20230229").ok());
    CHECK_FALSE(parseDate(u"2024-02-29").ok());
    CHECK_FALSE(parseDate(u"202402").ok());
    CHECK(formatDate(QDate(2015, 7, 4)) == u"20150704"_s);

    CHECK(parsePlanDate(u"202402290000").value() == QDate(2024, 2, 29));
    CHECK(parsePlanDate(u"199912312359").value() == QDate(1999, 12, 31));
    for (const QString &bad : {u"20240229"_s, u"20240229000000"_s, u"202402290000+0000"_s,
                               u"212402290000"_s, u"202302290000"_s, u"202402292400"_s}) {
        INFO(bad.toStdString());
        CHECK_FALSE(parsePlanDate(bad).ok());
    }
    CHECK(formatPlanDate(QDate(2024, 1, 10)) == u"202401100000"_s);
    CHECK(formatPlanDate(QDate()).isEmpty());
}
