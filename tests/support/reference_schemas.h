// NHS England's DMS schemas for the tests (CMake's CPIS_SCHEMA_DIR, outside this tree), and
// the skip when they are missing: ctest then reports the test skipped, never passed.
#pragma once

#include "cpis/schema_validator.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cpis::test {

// The exit code ctest takes for "skipped" (SKIP_RETURN_CODE, set in tests/CMakeLists.txt).
inline constexpr int kSkipReturnCode = 77;

// The folder (the environment variable CPIS_SCHEMA_DIR, else CMake's); when it holds no DMS
// schemas, says so on stderr and ends the test process with kSkipReturnCode.
QString referenceSchemaDirOrSkip();
// The validator loaded from that folder (once per process), or the same skip.
std::shared_ptr<const hl7::SchemaValidator> referenceSchemasOrSkip();

// A hand-written message from tests/data/schema/ (CPIS-DMS.md's structure, fictional people).
QByteArray schemaSample(const char *name);
// `xml` with `from` replaced by `to`, which must be there: a sample broken one rule at a time.
QByteArray changed(QByteArray xml, const QByteArray &from, const QByteArray &to);

} // namespace cpis::test
