// Validates CP-IS messages against NHS England's DMS schemas (XSD), loaded with libxml2 from
// a folder laid out as the DMS pack is (Schemas/, dt/, TemplateSchemas/, VocabularySchemas/).
// The files are read as they are on disk; the one adjustment libxml2 needs (inline
// simpleTypes under prohibited attributes, which it refuses) is made in memory.
#pragma once

#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cpis::hl7 {

// Error code of a message that fails its schema (Error::code).
inline constexpr auto kErrorSchema = "message.schema";

class SchemaValidator
{
public:
    // Loads and compiles the four messages' schemas from `schemaDir`; an error names the
    // file and what is wrong (missing folder or file, a schema libxml2 cannot compile).
    static Result<std::shared_ptr<const SchemaValidator>> load(const QString &schemaDir);

    ~SchemaValidator();
    SchemaValidator(const SchemaValidator &) = delete;
    SchemaValidator &operator=(const SchemaValidator &) = delete;

    // Which message this is from its root element, then validated against that message's
    // schema. The error (kErrorSchema) gives the schema's first complaint with its line,
    // e.g. "line 12: Element '{urn:hl7-org:v3}name': This element is not expected."
    [[nodiscard]] Status validate(const QByteArray &xml) const;
    [[nodiscard]] Status validate(const QByteArray &xml, MessageKind kind) const;

    [[nodiscard]] const QString &directory() const { return m_directory; }

private:
    struct Schemas;
    SchemaValidator(QString directory, std::unique_ptr<Schemas> schemas);
    QString m_directory;
    std::unique_ptr<Schemas> m_schemas;
};

} // namespace cpis::hl7
