#include "validate_command.h"

#include "config/config_store.h"
#include "cpis/schema_validator.h"
#include "database_session.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
// One file's line: "FILE: valid (Access to Service Notification)" or "FILE: line N: ...".
bool validateFile(const hl7::SchemaValidator &schemas, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out() << path << ": not read: " << file.errorString() << "\n";
        return false;
    }
    if (file.size() > hl7::kMaxMessageBytes) {
        out() << path << ": not read: larger than " << hl7::kMaxMessageBytes / (1024 * 1024)
              << " MiB\n";
        return false;
    }
    const auto kind = schemas.validate(file.readAll());
    if (!kind) {
        out() << path << ": " << kind.error().message << "\n";
        return false;
    }
    out() << path << ": valid (" << hl7::SchemaValidator::kindName(*kind) << ")\n";
    return true;
}
} // namespace

Result<std::shared_ptr<const hl7::SchemaValidator>> configuredSchemas(Connection &connection)
{
    auto setting = ConfigStore(connection).get(u"cpis.schema_dir"_s);
    if (!setting)
        return setting.error();
    if (setting->value.isEmpty())
        return std::shared_ptr<const hl7::SchemaValidator>();
    return hl7::SchemaValidator::load(setting->value);
}

int validateFiles(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption schemaDir(
        u"schema-dir"_s,
        u"The folder of NHS England's DMS schemas (Schemas/, dt/, ...); without it, the "
        u"setting cpis.schema_dir."_s,
        u"DIR"_s);
    parser.addOption(schemaDir);
    parser.addPositionalArgument(u"FILE"_s, u"CP-IS message files (HL7 v3 XML)."_s, u"FILE..."_s);
    if (auto stop = parseArguments(
            parser, u"validate"_s,
            u"Check CP-IS message files against NHS England's DMS schemas, as the exchange\n"
            u"does before sending and processing. Prints for each file which message it is\n"
            u"when valid, or the schema's first error with its line.\n"
            u"Exit status: 0 all valid, 1 any not valid or not read (or the schemas cannot be\n"
            u"loaded), 2 usage error, 3 unreachable (reading the setting)."_s,
            args))
        return *stop;
    if (parser.positionalArguments().isEmpty())
        return usageError(u"validate"_s, u"give at least one FILE."_s);

    auto schemas = parser.isSet(schemaDir)
                       ? hl7::SchemaValidator::load(parser.value(schemaDir))
                       : Result<std::shared_ptr<const hl7::SchemaValidator>>(nullptr);
    if (!parser.isSet(schemaDir)) {
        auto session = DatabaseSession::open(parser);
        if (!session)
            return session.exitCode();
        schemas = configuredSchemas(session.connection());
        if (schemas && !*schemas)
            return usageError(u"validate"_s,
                              u"cpis.schema_dir is not set: give --schema-dir DIR."_s);
    }
    if (!schemas)
        return exitFor(schemas.error());
    bool allValid = true;
    for (const QString &path : parser.positionalArguments())
        allValid = validateFile(**schemas, path) && allValid;
    out().flush();
    return allValid ? kExitOk : kExitCheckFailed;
}

} // namespace cpis::cli
