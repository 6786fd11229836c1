// The CP-IS message codec: every sample in tests/data/messages read with its fields checked,
// every writer read back, and every kind of bad input refused with an error naming the
// element. 999-range NHS numbers and fictional people only.
#include "cpis/hl7_time.h"
#include "cpis/message_codec.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QStringList>

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

void checkSame(const AccessNotification &a, const AccessNotification &b)
{
    CHECK(a.notificationId == b.notificationId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.nhsNumber == b.nhsNumber);
    REQUIRE(a.accesses.size() == b.accesses.size());
    for (qsizetype i = 0; i < a.accesses.size(); ++i) {
        const AccessRecord &x = a.accesses[i];
        const AccessRecord &y = b.accesses[i];
        checkSameTime(x.accessedAt, y.accessedAt);
        CHECK(x.organisationName == y.organisationName);
        CHECK(x.organisationOds == y.organisationOds);
        CHECK(x.accessorName == y.accessorName);
        CHECK(x.accessorRole == y.accessorRole);
        CHECK(x.accessorUserId == y.accessorUserId);
        CHECK(x.bySystem == y.bySystem);
        CHECK(x.systemName == y.systemName);
        CHECK(x.leadName == y.leadName);
        CHECK(x.leadRole == y.leadRole);
        CHECK(x.patientLocation == y.patientLocation);
    }
}

void checkSame(const Acknowledgement &a, const Acknowledgement &b)
{
    CHECK(a.messageId == b.messageId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.sequenceNumber == b.sequenceNumber);
    CHECK(a.recordCount == b.recordCount);
    CHECK(a.fileCode == b.fileCode);
    REQUIRE(a.records.size() == b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        CHECK(a.records[i].nhsNumber == b.records[i].nhsNumber);
        CHECK(a.records[i].localPersonId == b.records[i].localPersonId);
        CHECK(a.records[i].code == b.records[i].code);
        CHECK(a.records[i].detailCode == b.records[i].detailCode);
    }
}

void checkSame(const InactiveNhsNumberNotification &a, const InactiveNhsNumberNotification &b)
{
    CHECK(a.notificationId == b.notificationId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.nhsNumber == b.nhsNumber);
    CHECK(a.replacementNhsNumber == b.replacementNhsNumber);
}

void checkSame(const Upload &a, const Upload &b)
{
    CHECK(a.messageId == b.messageId);
    checkSameTime(a.createdAt, b.createdAt);
    CHECK(a.sequenceNumber == b.sequenceNumber);
    CHECK(a.senderOds == b.senderOds);
    REQUIRE(a.records.size() == b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        const UploadRecord &x = a.records[i];
        const UploadRecord &y = b.records[i];
        CHECK(x.nhsNumber == y.nhsNumber);
        CHECK(x.localPersonId == y.localPersonId);
        CHECK(x.forenames == y.forenames);
        CHECK(x.surname == y.surname);
        CHECK(x.dateOfBirth == y.dateOfBirth);
        CHECK(x.plan == y.plan);
        CHECK(x.planStart == y.planStart);
        CHECK(x.planEnd == y.planEnd);
        CHECK(x.deleteDate == y.deleteDate);
    }
}

void checkWellFormedUtf8(const QByteArray &xml)
{
    CHECK(xml.startsWith(R"(<?xml version="1.0" encoding="UTF-8"?>)"));
    CHECK(QString::fromUtf8(xml).toUtf8() == xml);
}

} // namespace

// --- Samples -------------------------------------------------------------------------------

TEST_CASE("The kind of every sample is told from its content", "[hl7]")
{
    const std::pair<const char *, MessageKind> samples[] = {
        {"asn_ae.xml", MessageKind::AccessNotification},
        {"asn_111.xml", MessageKind::AccessNotification},
        {"asn_empty.xml", MessageKind::AccessNotification},
        {"ack_all_ok.xml", MessageKind::Acknowledgement},
        {"ack_partial.xml", MessageKind::Acknowledgement},
        {"ack_corrupt.xml", MessageKind::Acknowledgement},
        {"inactive.xml", MessageKind::InactiveNhsNumber},
        {"inactive_replaced.xml", MessageKind::InactiveNhsNumber},
        {"upload.xml", MessageKind::Upload},
    };
    for (const auto &[name, kind] : samples) {
        INFO(name);
        auto detected = detectKind(sample(QString::fromLatin1(name)));
        REQUIRE(detected.ok());
        CHECK(*detected == kind);
    }
}

TEST_CASE("An A&E access notification is read with both accesses", "[hl7]")
{
    auto n = readAccessNotification(sample(u"asn_ae.xml"_s));
    INFO((n ? std::string() : n.error().message.toStdString()));
    REQUIRE(n.ok());
    CHECK(n->notificationId == u"5E0B6C2A-1F3D-4E8B-9A71-3C2D4B5A6E01"_s);
    checkSameTime(n->createdAt, at(2024, 6, 11, 10, 15, 2, 3600));
    CHECK(n->nhsNumber == u"9990000026"_s);
    REQUIRE(n->accesses.size() == 2);

    const AccessRecord &doctor = n->accesses[0];
    checkSameTime(doctor.accessedAt, at(2024, 6, 11, 9, 42, 30, 3600));
    CHECK_FALSE(doctor.bySystem);
    CHECK(doctor.accessorName == u"Dr Amira Osei"_s);
    CHECK(doctor.accessorRole == u"Medical Practitioner"_s);
    CHECK(doctor.accessorUserId == u"555000111222"_s);
    CHECK(doctor.organisationName == u"Northbrook General Hospital Emergency Department"_s);
    CHECK(doctor.organisationOds == u"RZZ01"_s);
    CHECK(doctor.systemName.isEmpty());
    CHECK(doctor.leadName.isEmpty());
    CHECK(doctor.patientLocation.isEmpty());

    // Written without seconds.
    const AccessRecord &nurse = n->accesses[1];
    checkSameTime(nurse.accessedAt, at(2024, 6, 11, 9, 51, 0, 3600));
    CHECK(nurse.accessorName == u"Tom Pellow"_s);
    CHECK(nurse.accessorRole == u"Registered Nurse"_s);
}

TEST_CASE("A 111 access notification names the system, the nominated lead and the postcode",
          "[hl7]")
{
    auto n = readAccessNotification(sample(u"asn_111.xml"_s));
    INFO((n ? std::string() : n.error().message.toStdString()));
    REQUIRE(n.ok());
    CHECK(n->nhsNumber == u"9990000131"_s);
    checkSameTime(n->createdAt, at(2024, 1, 12, 3, 15, 0, 0));
    REQUIRE(n->accesses.size() == 1);
    const AccessRecord &access = n->accesses[0];
    CHECK(access.bySystem);
    checkSameTime(access.accessedAt, at(2024, 1, 12, 2, 48, 7, 0));
    CHECK(access.systemName == u"NHS 111 Clinical Assessment Service"_s);
    CHECK(access.organisationName == u"DHU Health Care"_s);
    CHECK(access.organisationOds == u"NQT"_s);
    CHECK(access.leadName == u"Helen Marchbank"_s);
    CHECK(access.leadRole == u"Named Nurse for Safeguarding Children"_s);
    CHECK(access.patientLocation == u"DE99 9ZZ"_s);
    CHECK(access.accessorName.isEmpty());
    CHECK(access.accessorUserId.isEmpty());
}

TEST_CASE("An empty access notification is valid to read: the caller decides", "[hl7]")
{
    auto n = readAccessNotification(sample(u"asn_empty.xml"_s));
    REQUIRE(n.ok());
    CHECK(n->notificationId == u"C3B2A190-7E6D-4F5C-9B8A-1D2E3F405162"_s);
    CHECK(n->nhsNumber == u"9990000042"_s);
    CHECK(n->accesses.isEmpty());
}

TEST_CASE("Acknowledgements are read: all uploaded, partial and corrupt", "[hl7]")
{
    SECTION("all records uploaded")
    {
        auto ack = readAcknowledgement(sample(u"ack_all_ok.xml"_s));
        REQUIRE(ack.ok());
        CHECK(ack->messageId == u"9B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9"_s);
        checkSameTime(ack->createdAt, at(2024, 3, 11, 6, 20, 13, 0));
        CHECK(ack->sequenceNumber == 42);
        CHECK(ack->recordCount == 3);
        CHECK(ack->fileCode == u"CPF02"_s);
        CHECK(ack->records.isEmpty());
    }
    SECTION("partial, with one rejection and one success")
    {
        auto ack = readAcknowledgement(sample(u"ack_partial.xml"_s));
        INFO((ack ? std::string() : ack.error().message.toStdString()));
        REQUIRE(ack.ok());
        CHECK(ack->sequenceNumber == 43);
        CHECK(ack->recordCount == 2);
        CHECK(ack->fileCode == u"CPF03"_s);
        REQUIRE(ack->records.size() == 2);
        CHECK(ack->records[0].code == u"CPR03"_s);
        CHECK(ack->records[0].nhsNumber == u"9990000093"_s);
        CHECK(ack->records[0].localPersonId == u"LA-000103"_s);
        CHECK(ack->records[0].detailCode.isEmpty());
        CHECK(ack->records[1].code == u"CPR06"_s);
        CHECK(ack->records[1].nhsNumber == u"9990000034"_s);
        CHECK(ack->records[1].localPersonId == u"LA-000104"_s);
    }
    SECTION("a corrupt upload: sequence number -1")
    {
        auto ack = readAcknowledgement(sample(u"ack_corrupt.xml"_s));
        REQUIRE(ack.ok());
        CHECK(ack->sequenceNumber == -1);
        CHECK(ack->recordCount == 0);
        CHECK(ack->fileCode == u"CPF01"_s);
        CHECK(ack->records.isEmpty());
    }
}

TEST_CASE("Inactive NHS number notifications are read, with and without a replacement", "[hl7]")
{
    auto plain = readInactiveNhsNumber(sample(u"inactive.xml"_s));
    REQUIRE(plain.ok());
    CHECK(plain->notificationId == u"4F506172-8394-4A5B-86D7-E8F90A1B2C3D"_s);
    checkSameTime(plain->createdAt, at(2024, 4, 2, 8, 30, 0, 3600));
    CHECK(plain->nhsNumber == u"9990000085"_s);
    CHECK(plain->replacementNhsNumber.isEmpty());

    auto replaced = readInactiveNhsNumber(sample(u"inactive_replaced.xml"_s));
    REQUIRE(replaced.ok());
    CHECK(replaced->nhsNumber == u"9990000018"_s);
    CHECK(replaced->replacementNhsNumber == u"9990000069"_s);
}

TEST_CASE("An upload is read with every record's child, plan and dates", "[hl7]")
{
    auto upload = readUpload(sample(u"upload.xml"_s));
    INFO((upload ? std::string() : upload.error().message.toStdString()));
    REQUIRE(upload.ok());
    CHECK(upload->messageId == u"8D2F1A6B-3C4E-4F70-9A1B-2C3D4E5F6071"_s);
    checkSameTime(upload->createdAt, at(2024, 3, 11, 2, 0, 0, 0));
    CHECK(upload->sequenceNumber == 7);
    CHECK(upload->senderOds == u"X99LA"_s);
    REQUIRE(upload->records.size() == 3);

    const UploadRecord &lac = upload->records[0];
    CHECK(lac.plan == PlanInformation::LookedAfter);
    CHECK(lac.nhsNumber == u"9990000050"_s);
    CHECK(lac.localPersonId == u"LA-000101"_s);
    CHECK(lac.forenames == u"Jamie Lee"_s);
    CHECK(lac.surname == u"Testwood"_s);
    CHECK(lac.dateOfBirth == QDate(2015, 7, 4));
    CHECK(lac.planStart == QDate(2023, 9, 1));
    CHECK_FALSE(lac.planEnd.isValid());
    CHECK_FALSE(lac.deleteDate.isValid());

    const UploadRecord &cpp = upload->records[1];
    CHECK(cpp.plan == PlanInformation::ChildProtection);
    CHECK(cpp.nhsNumber == u"9990000026"_s);
    CHECK(cpp.forenames == u"Riley"_s);
    CHECK(cpp.planStart == QDate(2024, 1, 15));
    CHECK(cpp.planEnd == QDate(2024, 6, 10));
    CHECK(cpp.deleteDate == QDate(2042, 2, 14));

    const UploadRecord &unborn = upload->records[2];
    CHECK(unborn.plan == PlanInformation::UnbornChildProtection);
    CHECK(unborn.nhsNumber == u"9990000131"_s); // the mother's
    CHECK(unborn.localPersonId.isEmpty());
    CHECK(unborn.surname == u"Fairbairn"_s);
    CHECK(unborn.dateOfBirth == QDate(1999, 3, 21));
}

// --- Round trips -----------------------------------------------------------------------------

TEST_CASE("Access notifications are read back as written", "[hl7]")
{
    AccessNotification n;
    n.notificationId = u"61A2B3C4-D5E6-4F70-8192-A3B4C5D6E7F8"_s;
    n.createdAt = at(2024, 11, 30, 23, 59, 59, -5 * 3600 - 1800);
    n.nhsNumber = u"9990000093"_s;
    AccessRecord person;
    person.accessedAt = QDateTime(QDate(2024, 11, 30), QTime(22, 1, 2, 345), Qt::UTC);
    person.organisationName = u"Fictional & Sons <Walk-in> Centre"_s;
    person.organisationOds = u"Y99ZZ"_s;
    person.accessorName = u"Siobhán Ní Bhriain"_s;
    person.accessorRole = u"Nurse \"Practitioner\""_s;
    person.accessorUserId = u"555999888777"_s;
    AccessRecord system;
    system.accessedAt = at(2024, 11, 30, 21, 0, 0, 3600);
    system.bySystem = true;
    system.systemName = u"Example 111 Service"_s;
    system.organisationName = u"DHU Health Care"_s;
    system.organisationOds = u"NQT"_s;
    system.leadName = u"Kwame Asante"_s;
    system.leadRole = u"Safeguarding Lead"_s;
    system.patientLocation = u"ZZ99 3VZ"_s;
    n.accesses = {person, system};

    const QByteArray xml = writeAccessNotification(n);
    checkWellFormedUtf8(xml);
    CHECK(detectKind(xml).value() == MessageKind::AccessNotification);
    auto back = readAccessNotification(xml);
    INFO((back ? std::string() : back.error().message.toStdString()) << "\n" << xml.toStdString());
    REQUIRE(back.ok());
    checkSame(*back, n);

    SECTION("and an empty notification too")
    {
        n.accesses.clear();
        auto empty = readAccessNotification(writeAccessNotification(n));
        REQUIRE(empty.ok());
        checkSame(*empty, n);
    }
}

TEST_CASE("Characters XML cannot carry are left out, so the file stays readable", "[hl7]")
{
    AccessNotification n;
    n.notificationId = u"ASN-CTRL"_s;
    n.createdAt = at(2024, 5, 1, 9, 0, 0, 3600);
    n.nhsNumber = u"9990000026"_s;
    AccessRecord access;
    access.accessedAt = n.createdAt;
    access.organisationOds = u"RZZ01"_s;
    access.organisationName = u"Ward\u0001 7"_s + QChar(0xD800) + u" (\U0001F3E5)"_s;
    access.accessorName = u"Ana\u000BÏs"_s;
    n.accesses = {access};
    auto back = readAccessNotification(writeAccessNotification(n));
    INFO((back ? std::string() : back.error().message.toStdString()));
    REQUIRE(back.ok());
    REQUIRE(back->accesses.size() == 1);
    CHECK(back->accesses[0].organisationName == u"Ward 7 (\U0001F3E5)"_s);
    CHECK(back->accesses[0].accessorName == u"AnaÏs"_s);
}

TEST_CASE("Acknowledgements are read back as written", "[hl7]")
{
    Acknowledgement ack;
    ack.messageId = u"ACK-0001"_s;
    ack.createdAt = at(2024, 2, 29, 6, 0, 0, 0);
    ack.sequenceNumber = 1234567890123;
    ack.recordCount = 4;
    ack.fileCode = u"CPF03"_s;
    ack.records = {
        {u"9990000026"_s, u"LA-1"_s, u"CPR01"_s, {}},
        {u"9990000131"_s, {}, u"CPR07"_s, u"E042"_s},
        {u"9990000042"_s, u"LA-3"_s, u"CPR06"_s, {}},
    };
    const QByteArray xml = writeAcknowledgement(ack);
    checkWellFormedUtf8(xml);
    CHECK(detectKind(xml).value() == MessageKind::Acknowledgement);
    auto back = readAcknowledgement(xml);
    INFO((back ? std::string() : back.error().message.toStdString()) << "\n" << xml.toStdString());
    REQUIRE(back.ok());
    checkSame(*back, ack);

    SECTION("a corrupt file's acknowledgement keeps sequence number -1")
    {
        Acknowledgement corrupt;
        corrupt.messageId = u"ACK-0002"_s;
        corrupt.createdAt = at(2024, 3, 1, 6, 0, 0, 0);
        corrupt.fileCode = u"CPF01"_s;
        auto again = readAcknowledgement(writeAcknowledgement(corrupt));
        REQUIRE(again.ok());
        checkSame(*again, corrupt);
        CHECK(again->sequenceNumber == -1);
    }
}

TEST_CASE("Inactive NHS number notifications are read back as written", "[hl7]")
{
    InactiveNhsNumberNotification n;
    n.notificationId = u"INACTIVE-77"_s;
    n.createdAt = at(2024, 7, 1, 12, 0, 0, 3600);
    n.nhsNumber = u"9990000085"_s;
    for (const QString &replacement : {QString(), u"9990000050"_s}) {
        n.replacementNhsNumber = replacement;
        const QByteArray xml = writeInactiveNhsNumber(n);
        checkWellFormedUtf8(xml);
        auto back = readInactiveNhsNumber(xml);
        INFO((back ? std::string() : back.error().message.toStdString()));
        REQUIRE(back.ok());
        checkSame(*back, n);
    }
}

TEST_CASE("Uploads are read back as written", "[hl7]")
{
    Upload upload;
    upload.messageId = u"0F1E2D3C-4B5A-4968-8776-655443322110"_s;
    upload.createdAt = at(2024, 3, 31, 1, 59, 59, 0);
    upload.sequenceNumber = 101;
    upload.senderOds = u"X99LA"_s;
    UploadRecord lac;
    lac.nhsNumber = u"9990000018"_s;
    lac.localPersonId = u"LP/2024/0001"_s;
    lac.forenames = u"Zoë Mary-Jane"_s;
    lac.surname = u"O'Brien-Smith"_s;
    lac.dateOfBirth = QDate(2012, 12, 31);
    lac.plan = PlanInformation::LookedAfter;
    lac.planStart = QDate(2020, 1, 1);
    UploadRecord cpp;
    cpp.nhsNumber = u"9990000069"_s;
    cpp.surname = u"Nogiven"_s; // a child may have no forename recorded yet
    cpp.dateOfBirth = QDate(2024, 1, 2);
    cpp.plan = PlanInformation::ChildProtection;
    cpp.planStart = QDate(2024, 1, 10);
    cpp.planEnd = QDate(2024, 3, 1);
    cpp.deleteDate = QDate(2042, 1, 2);
    UploadRecord unborn;
    unborn.nhsNumber = u"9990000034"_s;
    unborn.forenames = u"Alex"_s;
    unborn.surname = u"Fairbairn"_s;
    unborn.dateOfBirth = QDate(2001, 5, 5);
    unborn.plan = PlanInformation::UnbornChildProtection;
    unborn.planStart = QDate(2024, 2, 2);
    upload.records = {lac, cpp, unborn};

    const QByteArray xml = writeUpload(upload);
    checkWellFormedUtf8(xml);
    CHECK(detectKind(xml).value() == MessageKind::Upload);
    auto back = readUpload(xml);
    INFO((back ? std::string() : back.error().message.toStdString()) << "\n" << xml.toStdString());
    REQUIRE(back.ok());
    checkSame(*back, upload);

    SECTION("without the authority's ODS code, which is not configured yet")
    {
        upload.senderOds.clear();
        auto again = readUpload(writeUpload(upload));
        REQUIRE(again.ok());
        checkSame(*again, upload);
    }
    SECTION("a record without a date of birth cannot be read back: it would not match")
    {
        upload.records[1].dateOfBirth = QDate();
        checkRefused(readUpload(writeUpload(upload)), kErrorInvalid,
                     {u"REPC_MT000002GB01/component[2]/planInformation/subject/patient/"
                      u"patientPerson: missing element birthTime"_s});
    }
}

TEST_CASE("Every valid sample survives a write and a second read unchanged", "[hl7]")
{
    for (const QString &name : {u"asn_ae.xml"_s, u"asn_111.xml"_s, u"asn_empty.xml"_s}) {
        INFO(name.toStdString());
        auto first = readAccessNotification(sample(name));
        REQUIRE(first.ok());
        auto second = readAccessNotification(writeAccessNotification(*first));
        REQUIRE(second.ok());
        checkSame(*second, *first);
    }
    for (const QString &name : {u"ack_all_ok.xml"_s, u"ack_partial.xml"_s, u"ack_corrupt.xml"_s}) {
        INFO(name.toStdString());
        auto first = readAcknowledgement(sample(name));
        REQUIRE(first.ok());
        auto second = readAcknowledgement(writeAcknowledgement(*first));
        REQUIRE(second.ok());
        checkSame(*second, *first);
    }
    for (const QString &name : {u"inactive.xml"_s, u"inactive_replaced.xml"_s}) {
        INFO(name.toStdString());
        auto first = readInactiveNhsNumber(sample(name));
        REQUIRE(first.ok());
        auto second = readInactiveNhsNumber(writeInactiveNhsNumber(*first));
        REQUIRE(second.ok());
        checkSame(*second, *first);
    }
    auto first = readUpload(sample(u"upload.xml"_s));
    REQUIRE(first.ok());
    auto second = readUpload(writeUpload(*first));
    REQUIRE(second.ok());
    checkSame(*second, *first);
}

// --- Failure samples -------------------------------------------------------------------------

TEST_CASE("Truncated and non-XML input is refused as malformed, with line and column", "[hl7]")
{
    checkAllRefuse(sample(u"truncated.xml"_s), kErrorMalformed, {u"line"_s, u"column"_s});
    checkAllRefuse(sample(u"not_xml.txt"_s), kErrorMalformed, {u"line 1"_s});
    checkAllRefuse(QByteArray(), kErrorMalformed, {});
    checkAllRefuse("<REPC_MT000004GB01 xmlns=\"urn:hl7-org:v3\"><id></REPC_MT000004GB01>",
                   kErrorMalformed, {u"REPC_MT000004GB01/id"_s});
}

TEST_CASE("DTDs and entities are refused before anything is expanded", "[hl7]")
{
    checkAllRefuse(sample(u"doctype_entity.xml"_s), kErrorDtd, {u"DTD"_s});
    // A DTD without entities is refused too.
    const QByteArray plain = changed(sample(u"asn_empty.xml"_s), "<REPC_MT000004GB01 xmlns",
                                     "<!DOCTYPE REPC_MT000004GB01>\n<REPC_MT000004GB01 xmlns");
    checkAllRefuse(plain, kErrorDtd, {u"DTD"_s});
    // An undeclared entity is not XML at all.
    const QByteArray undeclared =
        changed(sample(u"asn_empty.xml"_s), "C3B2A190-7E6D", "&external;C3B2A190-7E6D");
    CHECK_FALSE(readAccessNotification(undeclared).ok());
    CHECK_FALSE(detectKind(undeclared).ok());
}

TEST_CASE("A root outside the HL7 namespace or of another interaction is no CP-IS message", "[hl7]")
{
    checkAllRefuse(sample(u"wrong_root.xml"_s), kErrorKind,
                   {u"root element REPC_MT000004GB01"_s, u"urn:hl7-org:v3"_s});
    checkAllRefuse(sample(u"unknown_kind.xml"_s), kErrorKind,
                   {u"unknown message kind: root element PRPA_IN201305UV02"_s});
}

TEST_CASE("A reader refuses another kind of CP-IS message", "[hl7]")
{
    checkRefused(readAcknowledgement(sample(u"asn_ae.xml"_s)), kErrorKind,
                 {u"REPC_MT000003GB01"_s, u"REPC_MT000004GB01"_s});
    checkRefused(readAccessNotification(sample(u"upload.xml"_s)), kErrorKind,
                 {u"Access to Service Notification"_s, u"Local Authority Upload"_s});
    checkRefused(readUpload(sample(u"inactive.xml"_s)), kErrorKind, {u"REPC_MT000005GB01"_s});
    checkRefused(readInactiveNhsNumber(sample(u"ack_partial.xml"_s)), kErrorKind,
                 {u"REPC_MT000003GB01"_s});

    // The message-type code must agree with the root element.
    const QByteArray mislabelled =
        changed(sample(u"asn_empty.xml"_s), "code code=\"05\"", "code code=\"02\"");
    checkRefused(detectKind(mislabelled), kErrorKind, {u"REPC_MT000004GB01/code"_s, u"02"_s});
    checkRefused(readAccessNotification(mislabelled), kErrorKind, {u"REPC_MT000004GB01/code"_s});
}

TEST_CASE("A bad NHS number is refused naming the element and the number", "[hl7]")
{
    checkRefused(
        readAccessNotification(sample(u"asn_bad_nhs_number.xml"_s)), kErrorInvalid,
        {u"REPC_MT000004GB01/subject/patient/id"_s, u"9990000027"_s, u"check digit mismatch"_s});

    const QByteArray shortNumber = changed(sample(u"ack_partial.xml"_s), "extension=\"9990000034\"",
                                           "extension=\"999000003\"");
    checkRefused(readAcknowledgement(shortNumber), kErrorInvalid,
                 {u"REPC_MT000003GB01/component[2]/recordResponse/subject/patient/id"_s,
                  u"999000003"_s, u"wrong length"_s});

    const QByteArray badReplacement = changed(
        sample(u"inactive_replaced.xml"_s), "extension=\"9990000069\"", "extension=\"9990000000\"");
    checkRefused(readInactiveNhsNumber(badReplacement), kErrorInvalid,
                 {u"REPC_MT000005GB01/replacedBy/patient/id"_s, u"9990000000"_s});
}

TEST_CASE("A bad timestamp is refused naming the element and the value", "[hl7]")
{
    checkRefused(readAccessNotification(sample(u"asn_bad_time.xml"_s)), kErrorInvalid,
                 {u"REPC_MT000004GB01/component/accessEvent/effectiveTime"_s,
                  u"2024-06-11T09:42:30+01:00"_s});

    const QByteArray noOffset =
        changed(sample(u"asn_ae.xml"_s), "value=\"202406110951+0100\"", "value=\"202406110951\"");
    checkRefused(readAccessNotification(noOffset), kErrorInvalid,
                 {u"REPC_MT000004GB01/component[2]/accessEvent/effectiveTime"_s, u"202406110951"_s,
                  u"no UTC offset"_s});

    const QByteArray badDate = changed(sample(u"upload.xml"_s), "<birthTime value=\"20180214\"/>",
                                       "<birthTime value=\"20180230\"/>");
    checkRefused(
        readUpload(badDate), kErrorInvalid,
        {u"component[2]/planInformation/subject/patient/patientPerson/birthTime"_s, u"20180230"_s});
}

TEST_CASE("Unknown acknowledgement codes are refused", "[hl7]")
{
    checkRefused(readAcknowledgement(sample(u"ack_unknown_code.xml"_s)), kErrorInvalid,
                 {u"REPC_MT000003GB01/acknowledgement/acknowledgementDetail/code"_s, u"CPF09"_s});

    const QByteArray badRecord =
        changed(sample(u"ack_partial.xml"_s), "code code=\"CPR03\"", "code code=\"CPR99\"");
    checkRefused(readAcknowledgement(badRecord), kErrorInvalid,
                 {u"REPC_MT000003GB01/component/recordResponse/code"_s, u"CPR99"_s});

    const QByteArray failureWithoutDetail =
        changed(sample(u"ack_partial.xml"_s), "code code=\"CPR03\"", "code code=\"CPR07\"");
    checkRefused(readAcknowledgement(failureWithoutDetail), kErrorInvalid,
                 {u"REPC_MT000003GB01/component/recordResponse"_s, u"reasonCode"_s});

    const QByteArray badPlan = changed(sample(u"upload.xml"_s), "code=\"LACIU\"", "code=\"LAC\"");
    checkRefused(readUpload(badPlan), kErrorInvalid,
                 {u"REPC_MT000002GB01/component/planInformation/code"_s, u"LAC"_s});
}

TEST_CASE("Upload record counts and sequence numbers are checked", "[hl7]")
{
    const QByteArray xml = sample(u"upload.xml"_s);
    checkRefused(
        readUpload(changed(xml, "<recordCount value=\"3\"/>", "<recordCount value=\"4\"/>")),
        kErrorInvalid, {u"REPC_MT000002GB01/recordCount"_s, u"4"_s, u"3 records"_s});
    checkRefused(
        readUpload(changed(xml, "<recordCount value=\"3\"/>", "<recordCount value=\"three\"/>")),
        kErrorInvalid, {u"REPC_MT000002GB01/recordCount"_s, u"three"_s});
    checkRefused(readUpload(changed(xml, "extension=\"7\"", "extension=\"seven\"")), kErrorInvalid,
                 {u"REPC_MT000002GB01/sequenceNumber"_s, u"seven"_s});
    checkRefused(readUpload(changed(xml, "extension=\"7\"", "extension=\"7.5\"")), kErrorInvalid,
                 {u"REPC_MT000002GB01/sequenceNumber"_s, u"7.5"_s});
    // -1 belongs to acknowledgements only.
    checkRefused(readUpload(changed(xml, "extension=\"7\"", "extension=\"-1\"")), kErrorInvalid,
                 {u"REPC_MT000002GB01/sequenceNumber"_s});
    checkRefused(readAcknowledgement(
                     changed(sample(u"ack_all_ok.xml"_s), "extension=\"42\"", "extension=\"\"")),
                 kErrorInvalid, {u"REPC_MT000003GB01/sequenceNumber"_s, u"extension"_s});
}

TEST_CASE("Missing, repeated and unexpected elements are refused by name", "[hl7]")
{
    const QByteArray xml = sample(u"asn_111.xml"_s);
    checkRefused(
        readAccessNotification(changed(xml, "<creationTime value=\"20240112031500+0000\"/>", "")),
        kErrorInvalid, {u"REPC_MT000004GB01: missing element creationTime"_s});
    checkRefused(readAccessNotification(changed(
                     xml, "<creationTime value=\"20240112031500+0000\"/>", "<creationTime/>")),
                 kErrorInvalid,
                 {u"REPC_MT000004GB01/creationTime"_s, u"missing attribute value"_s});
    checkRefused(readAccessNotification(changed(xml, "</subject>",
                                                "</subject><subject><patient><id root=\"2.16.840.1."
                                                "113883.2.1.4.1\" extension=\"9990000026\"/>"
                                                "</patient></subject>")),
                 kErrorInvalid, {u"REPC_MT000004GB01/subject[2]"_s, u"more than once"_s});
    checkRefused(readAccessNotification(changed(xml, "<softwareName>", "<foo/><softwareName>")),
                 kErrorInvalid,
                 {u"component/accessEvent/author/assignedAuthor/assignedAuthoringDevice/foo"_s,
                  u"unexpected element"_s});
    checkRefused(readAccessNotification(changed(xml, "<addr>DE99 9ZZ</addr>",
                                                "<addr><postalCode>DE99 9ZZ</postalCode></addr>")),
                 kErrorInvalid, {u"patientLocation/addr/postalCode"_s});
    checkRefused(
        readAccessNotification(changed(xml, "<name>DHU Health Care</name>", "<name> </name>")),
        kErrorInvalid, {u"representedOrganization/name"_s, u"empty"_s});
    // A system's access needs its nominated person.
    const qsizetype from = xml.indexOf("<responsibleParty");
    const qsizetype to =
        xml.indexOf("</responsibleParty>") + qsizetype(qstrlen("</responsibleParty>"));
    REQUIRE(from > 0);
    QByteArray withoutLead = xml;
    withoutLead.remove(from, to - from);
    checkRefused(readAccessNotification(withoutLead), kErrorInvalid,
                 {u"REPC_MT000004GB01/component/accessEvent"_s, u"responsibleParty"_s});
    // Text where elements belong, and elements from other namespaces.
    checkRefused(
        readAccessNotification(changed(xml, "<subject typeCode", "stray<subject typeCode")),
        kErrorInvalid, {u"REPC_MT000004GB01"_s, u"unexpected text"_s});
    checkRefused(readAccessNotification(changed(
                     xml, "<subject typeCode", "<x:note xmlns:x=\"urn:other\"/><subject typeCode")),
                 kErrorInvalid, {u"REPC_MT000004GB01/note"_s, u"namespace"_s});
    // Content after an attribute-only element.
    checkRefused(
        readAccessNotification(changed(xml, "<creationTime value=\"20240112031500+0000\"/>",
                                       "<creationTime value=\"20240112031500+0000\">x"
                                       "</creationTime>")),
        kErrorInvalid, {u"REPC_MT000004GB01/creationTime"_s, u"unexpected text"_s});
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
    const QByteArray xml = changed(sample(u"asn_empty.xml"_s), "</REPC_MT000004GB01>",
                                   "<component>" + nested + "</component></REPC_MT000004GB01>");
    checkAllRefuse(xml, kErrorTooLarge, {u"nested"_s, QString::number(kMaxNestingDepth)});
}

TEST_CASE("More records than the bound are refused as too large", "[hl7]")
{
    const QByteArray xml = sample(u"ack_all_ok.xml"_s);
    checkRefused(readAcknowledgement(
                     changed(xml, "<recordCount value=\"3\"/>", "<recordCount value=\"100001\"/>")),
                 kErrorTooLarge, {u"REPC_MT000003GB01/recordCount"_s});

    const QByteArray one =
        "<component><recordResponse><code code=\"CPR06\"/><subject><patient><id "
        "root=\"2.16.840.1.113883.2.1.4.1\" extension=\"9990000026\"/></patient></subject>"
        "</recordResponse></component>";
    QByteArray many;
    many.reserve(one.size() * (kMaxEntries + 1));
    for (int i = 0; i <= kMaxEntries; ++i)
        many += one;
    const QByteArray big = changed(xml, "</REPC_MT000003GB01>", many + "</REPC_MT000003GB01>");
    REQUIRE(big.size() < kMaxMessageBytes);
    checkRefused(readAcknowledgement(big), kErrorTooLarge,
                 {QString::number(kMaxEntries), u"record responses"_s});
}

// --- HL7 timestamps --------------------------------------------------------------------------

TEST_CASE("HL7 timestamps are read with and without seconds and always need an offset", "[hl7]")
{
    checkSameTime(parseTimestamp(u"20240311143005+0000").value(), at(2024, 3, 11, 14, 30, 5, 0));
    checkSameTime(parseTimestamp(u"202403111430+0100").value(), at(2024, 3, 11, 14, 30, 0, 3600));
    checkSameTime(parseTimestamp(u"20240311143005-0530").value(),
                  at(2024, 3, 11, 14, 30, 5, -19800));
    CHECK(parseTimestamp(u"20240311143005.25+0000").value().time() == QTime(14, 30, 5, 250));

    for (const QString &bad : {u"20240311143005"_s, u"2024031114+0000"_s, u"20241311143005+0000"_s,
                               u"20240311253005+0000"_s, u"20240311143005+1560"_s,
                               u"2024-03-11T14:30:05Z"_s, u"20240311143005+00"_s, u""_s,
                               u"20240311143005.12345+0000"_s, u"20240311 43005+0000"_s}) {
        INFO(bad.toStdString());
        const auto parsed = parseTimestamp(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.contains(u'"' + bad + u'"'));
    }

    CHECK(formatTimestamp(at(2024, 3, 11, 14, 30, 5, 0)) == u"20240311143005+0000"_s);
    CHECK(formatTimestamp(at(2024, 3, 11, 14, 30, 5, -19800)) == u"20240311143005-0530"_s);
    CHECK(formatTimestamp(QDateTime(QDate(2024, 3, 11), QTime(14, 30, 5, 7), Qt::UTC)) ==
          u"20240311143005.007+0000"_s);
    CHECK(formatTimestamp(QDateTime()).isEmpty());

    CHECK(parseDate(u"20240229").value() == QDate(2024, 2, 29));
    CHECK_FALSE(parseDate(u"20230229").ok());
    CHECK_FALSE(parseDate(u"2024-02-29").ok());
    CHECK_FALSE(parseDate(u"202402291200").ok());
    CHECK(formatDate(QDate(2015, 7, 4)) == u"20150704"_s);
}
