#include "support/reference_schemas.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace cpis::test {

QString referenceSchemaDirOrSkip()
{
    // The environment may point elsewhere for one run (CPIS_SCHEMA_DIR=... ctest ...).
    const QString dir = qEnvironmentVariable("CPIS_SCHEMA_DIR", QStringLiteral(CPIS_SCHEMA_DIR));
    if (!QFileInfo(dir + u"/Schemas/REPC_MT000002GB01.xsd"_s).isFile()) {
        std::fprintf(stderr,
                     "SKIPPED: NHS England's DMS schemas are not in %s (the CMake cache "
                     "variable CPIS_SCHEMA_DIR, or the environment variable of that name); this "
                     "test needs them.\n",
                     qPrintable(dir));
        std::fflush(stderr);
        std::exit(kSkipReturnCode);
    }
    return dir;
}

std::shared_ptr<const hl7::SchemaValidator> referenceSchemasOrSkip()
{
    static const std::shared_ptr<const hl7::SchemaValidator> loaded = [] {
        auto validator = hl7::SchemaValidator::load(referenceSchemaDirOrSkip());
        INFO((validator ? std::string() : validator.error().message.toStdString()));
        REQUIRE(validator.ok());
        return *validator;
    }();
    return loaded;
}

QByteArray schemaSample(const char *name)
{
    QFile file(QStringLiteral(CPIS_SCHEMA_SAMPLES) + u'/' + QString::fromLatin1(name));
    INFO(file.fileName().toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray changed(QByteArray xml, const QByteArray &from, const QByteArray &to)
{
    INFO("the sample has " << from.toStdString());
    REQUIRE(xml.contains(from));
    return xml.replace(from, to);
}

} // namespace cpis::test
