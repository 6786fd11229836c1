// Validates CP-IS messages against NHS England's DMS schemas (XSD), loaded with libxml2 from
// a folder laid out as the DMS pack is (Schemas/, dt/, TemplateSchemas/, VocabularySchemas/).
// The files are read as they are on disk; the one adjustment libxml2 needs (inline
// simpleTypes under prohibited attributes, which it refuses) is made in memory.
#pragma once

#include "cpis/message_errors.h"
#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cpis::hl7 {

// Error code of a message that fails its schema (Error::code). A message that is not
// well-formed XML is kErrorMalformed, one with a DTD kErrorDtd, one over kMaxMessageBytes
// kErrorTooLarge, each with the line where it went wrong.
inline constexpr auto kErrorSchema = "message.schema";
// Error code of a schema folder that cannot be loaded (missing, incomplete, not compilable).
inline constexpr auto kErrorSchemaLoad = "schema.load";

class SchemaValidator
{
public:
    // Loads and compiles the four messages' schemas from `schemaDir`; an error names the
    // file and what is wrong (missing folder or file, a schema libxml2 cannot compile).
    // Compile once and share: validating is thread-safe (each call has its own context).
    static Result<std::shared_ptr<const SchemaValidator>> load(const QString &schemaDir);

    ~SchemaValidator();
    SchemaValidator(const SchemaValidator &) = delete;
    SchemaValidator &operator=(const SchemaValidator &) = delete;

    // Which message this is from its root element, then validated against that message's
    // schema: the kind when valid. The error (kErrorSchema) gives the schema's first
    // complaint with its line, e.g. "line 12: Element '{urn:hl7-org:v3}name': This element
    // is not expected."
    [[nodiscard]] Result<MessageKind> validate(const QByteArray &xml) const;
    [[nodiscard]] Status validate(const QByteArray &xml, MessageKind kind) const;

    [[nodiscard]] const QString &directory() const { return m_directory; }

    // The message's name in the DMS, e.g. "Access to Service Notification".
    static QString kindName(MessageKind kind);

private:
    struct Schemas;
    SchemaValidator(QString directory, std::unique_ptr<Schemas> schemas);
    Result<MessageKind> check(const QByteArray &xml, const MessageKind *expected) const;
    QString m_directory;
    std::unique_ptr<Schemas> m_schemas;
};

} // namespace cpis::hl7
