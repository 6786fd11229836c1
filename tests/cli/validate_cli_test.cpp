// cpisctl validate: message files checked by hand against NHS England's DMS schemas, the
// folder from --schema-dir or the setting, one line a file, exit 0 only when all are valid;
// and cpisctl import, which validates as the exchange does when the setting is set.
#include "config/config_store.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/process.h"
#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::runCpisctl;
using test::withDatabase;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    QFile file(dir.filePath(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(body);
    return file.fileName();
}
} // namespace

TEST_CASE("cpisctl validate says which message each valid file is and the first error of each "
          "invalid one",
          "[cli][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray upload = test::schemaSample("upload.xml");
    const QString good = writeFile(dir, u"upload.xml"_s, upload);
    const QString notification =
        writeFile(dir, u"asn.xml"_s, test::schemaSample("access_notification.xml"));
    const QString bad =
        writeFile(dir, u"bad.xml"_s,
                  test::changed(upload, "<CP-ISRecord>", "<CP-ISRecord classCode=\"ACTN\">"));

    const auto valid = runCpisctl({u"validate"_s, u"--schema-dir"_s, schemas, good, notification});
    INFO(valid.err.toStdString());
    CHECK(valid.exitCode == 0);
    CHECK(valid.out == good + u": valid (Local Authority Upload)\n"_s + notification +
                           u": valid (Access to Service Notification)\n"_s);

    const auto mixed = runCpisctl(
        {u"validate"_s, u"--schema-dir"_s, schemas, bad, good, dir.filePath(u"missing.xml"_s)});
    CHECK(mixed.exitCode == 1);
    const QStringList lines = mixed.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == bad + u": line 18: Element '{urn:hl7-org:v3}CP-ISRecord', attribute "
                            "'classCode': The attribute 'classCode' is not allowed."_s);
    CHECK(lines[1] == good + u": valid (Local Authority Upload)"_s);
    CHECK(lines[2].startsWith(dir.filePath(u"missing.xml"_s) + u": not read: "_s));
}

TEST_CASE("cpisctl validate refuses a missing schema folder or no file, and reads the setting "
          "when no folder is given",
          "[cli][schema]")
{
    const auto noFile = runCpisctl({u"validate"_s, u"--schema-dir"_s, u"/tmp"_s});
    CHECK(noFile.exitCode == 2);
    CHECK(noFile.err.contains(u"give at least one FILE"_s));

    const auto noFolder =
        runCpisctl({u"validate"_s, u"--schema-dir"_s, u"/no/such/dms"_s, u"x.xml"_s});
    CHECK(noFolder.exitCode == 1);
    CHECK(noFolder.err.contains(u"/no/such/dms does not exist"_s));
    CHECK(noFolder.out.isEmpty());

    test::TestDatabase db;
    test::CaseWorld world(db);
    const auto unset =
        runCpisctl(withDatabase(db, {u"validate"_s, u"x.xml"_s}, world.sysadmin.login));
    CHECK(unset.exitCode == 2);
    CHECK(unset.err.contains(u"cpis.schema_dir is not set"_s));

    const QString schemas = test::referenceSchemaDirOrSkip();
    REQUIRE(ConfigStore(*world.connectAs(world.sysadmin)).set(u"cpis.schema_dir"_s, schemas).ok());
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString good = writeFile(dir, u"upload.xml"_s, test::schemaSample("upload.xml"));
    const auto fromSetting =
        runCpisctl(withDatabase(db, {u"validate"_s, good}, world.keyWorker.login));
    INFO(fromSetting.err.toStdString());
    CHECK(fromSetting.exitCode == 0);
    CHECK(fromSetting.out == good + u": valid (Local Authority Upload)\n"_s);
}

TEST_CASE("cpisctl import validates against the schemas when cpis.schema_dir is set",
          "[cli][schema]")
{
    const QString schemas = test::referenceSchemaDirOrSkip();
    test::TestDatabase db;
    test::CaseWorld world(db);
    REQUIRE(ConfigStore(*world.connectAs(world.sysadmin)).set(u"cpis.schema_dir"_s, schemas).ok());
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString bad =
        writeFile(dir, u"asn.xml"_s,
                  test::changed(test::schemaSample("access_notification.xml"),
                                "<effectiveTime value=\"20261206150000+0000\"/>", ""));
    const auto imported = runCpisctl(withDatabase(db, {u"import"_s, bad}));
    INFO(imported.out.toStdString() + imported.err.toStdString());
    CHECK(imported.exitCode == 1);
    CHECK(imported.out.contains(u"quarantined: Not valid against NHS England's CP-IS schema: "
                                "line 6: Element '{urn:hl7-org:v3}id': This element is not "
                                "expected. Expected is one of ( {urn:hl7-org:v3}code, "
                                "{urn:hl7-org:v3}effectiveTime )."_s));

    // A folder that cannot be loaded is said, and nothing is imported.
    REQUIRE(ConfigStore(*world.connectAs(world.sysadmin))
                .set(u"cpis.schema_dir"_s, u"/no/such/dms"_s)
                .ok());
    const int before =
        queryValue(db.connection(), u"SELECT count(*) FROM inbound_message"_s)->integer();
    const auto refused = runCpisctl(withDatabase(db, {u"import"_s, bad}));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(u"/no/such/dms does not exist"_s));
    CHECK(queryValue(db.connection(), u"SELECT count(*) FROM inbound_message"_s)->integer() ==
          before);
}
