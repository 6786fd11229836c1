// Validation against NHS England's DMS schemas: the reference folder loads, a broken one is
// refused by name, hand-written messages validate, and each rule of CPIS-DMS.md §0.3's
// negative list fails with the schema's first error and its line, from any thread.
#include "cpis/schema_validator.h"
#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentMap>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::hl7;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
// A copy of the reference folder to break.
void copyFolder(const QString &from, const QString &to)
{
    QDirIterator files(from, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString target = to + path.mid(from.size());
        REQUIRE(QDir().mkpath(QFileInfo(target).path()));
        REQUIRE(QFile::copy(path, target));
    }
}

std::string firstError(const SchemaValidator &validator, const QByteArray &xml)
{
    const auto result = validator.validate(xml);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == QString::fromLatin1(kErrorSchema));
    return result.error().message.toStdString();
}
} // namespace

TEST_CASE("The reference schemas load, and a missing or broken folder is refused by name",
          "[unit][schema]")
{
    const QString reference = test::referenceSchemaDirOrSkip();
    const auto loaded = SchemaValidator::load(reference);
    INFO((loaded ? std::string() : loaded.error().message.toStdString()));
    REQUIRE(loaded.ok());
    CHECK((*loaded)->directory() == QFileInfo(reference).canonicalFilePath());

    const auto refused = [](const QString &dir) {
        const auto result = SchemaValidator::load(dir);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == QString::fromLatin1(kErrorSchemaLoad));
        return result.error().message.toStdString();
    };
    CHECK_THAT(refused(u"/no/such/folder"_s), Contains("/no/such/folder does not exist"));
    CHECK_THAT(refused(u""_s), Contains("No CP-IS schema folder"));

    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    CHECK_THAT(refused(temp.path()), Contains("has no Schemas/REPC_MT000002GB01.xsd"));

    const QString copy = temp.path() + u"/dms"_s;
    copyFolder(reference, copy);
    REQUIRE(SchemaValidator::load(copy).ok());
    SECTION("a file the messages include is missing")
    {
        REQUIRE(QFile::remove(copy + u"/dt/datatypeflavours.xsd"_s));
        CHECK_THAT(refused(copy), Contains("dt/datatypeflavours.xsd is missing"));
    }
    SECTION("a schema that does not compile is named with the line as it is on disk")
    {
        // After the 81 prohibited attributes' simpleTypes the adjustment cuts out of this file.
        QFile file(copy + u"/Schemas/COCT_TP146101GB01.xsd"_s);
        REQUIRE(file.open(QIODevice::ReadWrite));
        QByteArray text = file.readAll();
        const qsizetype end = text.lastIndexOf("</xs:schema>");
        REQUIRE(end > 0);
        text.insert(end, "<xs:complexType name=\"Broken\"><xs:sequence><xs:element name=\"x\" "
                         "type=\"NoSuchType\"/></xs:sequence></xs:complexType>\n");
        const int line = int(text.left(end).count('\n')) + 1;
        REQUIRE(file.resize(0));
        file.write(text);
        file.close();
        CHECK_THAT(refused(copy),
                   Contains(u"Schemas/COCT_TP146101GB01.xsd line %1: element decl. "
                            "'{urn:hl7-org:v3}x', attribute 'type': The QName value "
                            "'{urn:hl7-org:v3}NoSuchType' does not resolve"_s.arg(line)
                                .toStdString()));
    }
    SECTION("a file is not well-formed")
    {
        QFile file(copy + u"/VocabularySchemas/CPVocab.xsd"_s);
        REQUIRE(file.open(QIODevice::ReadWrite));
        const QByteArray text = file.readAll();
        REQUIRE(file.resize(0));
        file.write(text.left(text.size() / 2));
        file.close();
        const std::string why = refused(copy);
        CHECK_THAT(why, Contains("VocabularySchemas/CPVocab.xsd"));
        CHECK_THAT(why, Contains("line "));
    }
}

TEST_CASE("Hand-written messages validate, and the kind comes from the root element",
          "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    const auto upload = schemas->validate(test::schemaSample("upload.xml"));
    INFO((upload ? std::string() : upload.error().message.toStdString()));
    REQUIRE(upload.ok());
    CHECK(*upload == MessageKind::Upload);
    CHECK(schemas->validate(test::schemaSample("upload.xml"), MessageKind::Upload).ok());

    const auto notification = schemas->validate(test::schemaSample("access_notification.xml"));
    INFO((notification ? std::string() : notification.error().message.toStdString()));
    REQUIRE(notification.ok());
    CHECK(*notification == MessageKind::AccessNotification);
    CHECK(SchemaValidator::kindName(*notification) == u"Access to Service Notification"_s);

    // A schema location in the message is not followed: the compiled schemas decide.
    const QByteArray pointing =
        test::changed(test::schemaSample("upload.xml"), "<File ",
                      "<File xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"urn:hl7-org:v3 http://schemas.invalid/other.xsd\" ");
    CHECK(schemas->validate(pointing).ok());

    // Validated as another kind, its root is not what that schema declares.
    const Status asNotification =
        schemas->validate(test::schemaSample("upload.xml"), MessageKind::AccessNotification);
    REQUIRE_FALSE(asNotification.ok());
    CHECK_THAT(asNotification.error().message.toStdString(),
               Contains("No matching global declaration available for the validation root"));
}

TEST_CASE("Each rule of the DMS fails validation with the schema's first error and its line",
          "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    const QByteArray upload = test::schemaSample("upload.xml");
    const QByteArray asn = test::schemaSample("access_notification.xml");
    struct Case
    {
        const char *rule;
        QByteArray xml;
        const char *error;
    };
    const QList<Case> cases{
        {"a templateId",
         test::changed(
             upload, "<COCT_TP145101GB01.Child>",
             "<COCT_TP145101GB01.Child><templateId root=\"2.16.840.1.113883.2.1.3.2.4.18.2\" "
             "extension=\"COCT_TP145101GB01#Child\"/>"),
         "line 31: Element '{urn:hl7-org:v3}templateId': This element is not expected. Expected is "
         "( {urn:hl7-org:v3}id )."},
        {"a classCode", test::changed(upload, "<CP-ISRecord>", "<CP-ISRecord classCode=\"ACTN\">"),
         "line 18: Element '{urn:hl7-org:v3}CP-ISRecord', attribute 'classCode': The attribute "
         "'classCode' is not allowed."},
        {"family before given",
         test::changed(upload, "<given>Thomas</given><family>Example</family>",
                       "<family>Example</family><given>Thomas</given>"),
         "line 36: Element '{urn:hl7-org:v3}family': This element is not expected. Expected is "
         "( {urn:hl7-org:v3}given )."},
        {"two given names",
         test::changed(upload, "<given>Thomas</given>",
                       "<given>Thomas</given><given>James</given>"),
         "line 36: Element '{urn:hl7-org:v3}given': This element is not expected. Expected is ( "
         "{urn:hl7-org:v3}family )."},
        {"an 8-digit plan date", test::changed(upload, "202601100000", "20260110"),
         "line 24: Element '{urn:hl7-org:v3}value', attribute 'value': [facet 'pattern'] The "
         "value '20260110' is not accepted by the pattern"},
        {"a plan date with an offset", test::changed(upload, "202601100000", "202601100000+0000"),
         "line 24: Element '{urn:hl7-org:v3}value', attribute 'value': [facet 'pattern'] The "
         "value '202601100000+0000' is not accepted"},
        {"a root on File/id",
         test::changed(upload, "<id extension=\"42\"/>",
                       "<id root=\"2.16.840.1.113883.2.1.3.2.4.18.46\" extension=\"42\"/>"),
         "line 7: Element '{urn:hl7-org:v3}id', attribute 'root': The attribute 'root' is not "
         "allowed."},
        {"a missing contentId",
         test::changed(upload,
                       "<npfitlc:contentId root=\"2.16.840.1.113883.2.1.3.2.4.18.16\" "
                       "extension=\"COCT_TP146101GB01#CPPInformation\"/>",
                       ""),
         "line 21: Element '{urn:hl7-org:v3}COCT_TP146101GB01.CPPInformation': This element is not "
         "expected. Expected is ( {NPFIT:HL7:Localisation}contentId )."},
        {"name before birthTime",
         test::changed(upload,
                       "<birthTime value=\"20150304\"/>\n"
                       "            <name><given>Thomas</given><family>Example</family></name>",
                       "<name><given>Thomas</given><family>Example</family></name>\n"
                       "            <birthTime value=\"20150304\"/>"),
         "line 35: Element '{urn:hl7-org:v3}name': This element is not expected. Expected is ( "
         "{urn:hl7-org:v3}birthTime )."},
        {"a space in a tel: value", test::changed(upload, "tel:01632960000", "tel:01632 960000"),
         "line 13: Element '{urn:hl7-org:v3}telecom', attribute 'value': [facet 'pattern'] The "
         "value 'tel:01632 960000' is not accepted"},
        {"a telecom without use",
         test::changed(upload, "<telecom value=\"tel:01632960000\" use=\"WP\"/>",
                       "<telecom value=\"tel:01632960000\"/>"),
         "line 13: Element '{urn:hl7-org:v3}telecom': The attribute 'use' is required but "
         "missing."},
        {"subject before pertinentInformation",
         [&] {
             const qsizetype from = upload.indexOf("<pertinentInformation>");
             const qsizetype to = upload.indexOf("</pertinentInformation>") +
                                  qsizetype(qstrlen("</pertinentInformation>"));
             const QByteArray plan = upload.mid(from, to - from);
             QByteArray moved = upload;
             moved.remove(from, to - from);
             return moved.replace(QByteArray("</subject>"),
                                  QByteArray(QByteArray("</subject>") + plan));
         }(),
         "line 20: Element '{urn:hl7-org:v3}subject': This element is not expected. Expected is "
         "one of ( {urn:hl7-org:v3}code, {urn:hl7-org:v3}pertinentInformation )."},
        {"a lower-case UUID in an ASN",
         test::changed(asn, "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                       "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
         "line 6: Element '{urn:hl7-org:v3}id', attribute 'root': "
         "'6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' is not a valid value of the union type "
         "'{urn:hl7-org:v3}II.NPfIT.root.uuid'."},
    };
    for (const Case &c : cases) {
        INFO(c.rule);
        CHECK_THAT(firstError(*schemas, c.xml), StartsWith(c.error));
    }
}

TEST_CASE("What is not a CP-IS message is refused before its schema is asked", "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    const QByteArray upload = test::schemaSample("upload.xml");
    const auto refused = [&](const QByteArray &xml, const char *code) {
        const auto result = schemas->validate(xml);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == QString::fromLatin1(code));
        return result.error().message.toStdString();
    };
    CHECK_THAT(refused(upload.left(upload.size() - 20), kErrorMalformed),
               StartsWith("line 41: not well-formed XML: Premature end of data"));
    CHECK_THAT(
        refused(test::changed(upload, "<File ", "<!DOCTYPE File [<!ENTITY x \"xx\">]>\n<File "),
                kErrorDtd),
        Contains("has a DTD"));
    CHECK_THAT(refused(test::changed(upload, "<File ",
                                     "<!DOCTYPE File SYSTEM \"file:///etc/passwd\">\n<File "),
                       kErrorDtd),
               Contains("line 5: the message has a DTD"));
    CHECK_THAT(refused("<Other xmlns=\"urn:hl7-org:v3\"/>", kErrorSchema),
               Contains("Element '{urn:hl7-org:v3}Other' is not one of the four CP-IS messages"));
    QByteArray huge = upload;
    huge.append(QByteArray(kMaxMessageBytes, ' '));
    CHECK_THAT(refused(huge, kErrorTooLarge), Contains("larger than 20 MiB"));
}

TEST_CASE("One compiled validator serves many threads at once", "[unit][schema]")
{
    const auto schemas = test::referenceSchemasOrSkip();
    const QByteArray good = test::schemaSample("upload.xml");
    const QByteArray bad = test::changed(good, "<CP-ISRecord>", "<CP-ISRecord classCode=\"ACTN\">");
    QList<int> inputs(200);
    std::iota(inputs.begin(), inputs.end(), 0);
    const QList<QString> outcomes = QtConcurrent::blockingMapped(inputs, [&](int i) -> QString {
        const auto result = schemas->validate(i % 2 == 0 ? good : bad);
        return result ? u"valid"_s : result.error().message;
    });
    for (int i = 0; i < outcomes.size(); ++i) {
        INFO(i);
        if (i % 2 == 0)
            CHECK(outcomes[i] == u"valid"_s);
        else
            CHECK_THAT(outcomes[i].toStdString(), StartsWith("line 18: Element "));
    }
}
