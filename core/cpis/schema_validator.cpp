// Loads the DMS schemas through a libxml2 entity loader that adjusts each file in memory as it
// is read, and validates messages against them, collecting libxml2's complaints (never printed).
#include "cpis/schema_validator.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QUrl>
#include <QXmlStreamReader>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <array>
#include <cstdarg>
#include <cstdio>
#include <iterator>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {
constexpr auto kHl7Namespace = "urn:hl7-org:v3";
constexpr auto kXsdNamespace = "http://www.w3.org/2001/XMLSchema";
// The largest DMS schema file is under 1 MiB: anything much bigger is not one of them.
constexpr qint64 kMaxSchemaFileBytes = 16 * 1024 * 1024;

struct KindInfo
{
    MessageKind kind;
    const char *root; // the root element on the wire
    const char *file; // its schema, relative to the schema folder
    const char *name; // the message's name in the DMS
};
constexpr std::array kKinds{
    KindInfo{MessageKind::Upload, "File", "Schemas/REPC_MT000002GB01.xsd",
             "Local Authority Upload"},
    KindInfo{MessageKind::Acknowledgement, "FileResponse", "Schemas/REPC_MT000003GB01.xsd",
             "Local Authority Acknowledgement Response"},
    KindInfo{MessageKind::AccessNotification, "CP-ISAccessToServiceNotification",
             "Schemas/REPC_MT000004GB01.xsd", "Access to Service Notification"},
    KindInfo{MessageKind::InactiveNhsNumber, "CP-ISInactiveNHSNumberNotification",
             "Schemas/REPC_MT000005GB01.xsd", "Inactive NHS Number Notification"},
};

const KindInfo &infoOf(MessageKind kind)
{
    for (const KindInfo &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds.front(); // unreachable: every MessageKind is in the table
}

// libxml2's complaints, kept instead of printed: the first error with its line, and how many.
struct Complaints
{
    QString first;
    QString file;
    int line = 0;
    int errors = 0;
    QString generic; // text libxml2 gives outside its structured channel, as a last resort

    [[nodiscard]] QString firstWithLine() const
    {
        QString text = first.isEmpty() ? generic.trimmed() : first;
        if (line > 0)
            text = u"line %1: %2"_s.arg(line).arg(text);
        if (errors > 1)
            text += u" (and %1 more error(s) after it)"_s.arg(errors - 1);
        return text;
    }
};

// A generic lambda converts to the handler type of libxml2 2.9 (xmlErrorPtr) and of 2.12 on
// (const xmlError *) alike.
const xmlStructuredErrorFunc kCollect = [](void *data, auto *error) {
    auto *c = static_cast<Complaints *>(data);
    if (c == nullptr || error == nullptr || error->level < XML_ERR_ERROR)
        return;
    if (c->errors++ > 0)
        return;
    c->first = QString::fromUtf8(error->message ? error->message : "unknown error").trimmed();
    c->file = QString::fromUtf8(error->file ? error->file : "");
    c->line = error->line;
};

void collectGeneric(void *data, const char *format, ...)
{
    auto *c = static_cast<Complaints *>(data);
    if (c == nullptr || c->generic.size() > 2000)
        return;
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    c->generic += QString::fromUtf8(buffer);
}

// Sends this thread's libxml2 errors to `complaints` for as long as it lives (libxml2 keeps
// its error handlers per thread), then puts back whatever was there.
class ErrorCapture
{
public:
    explicit ErrorCapture(Complaints *complaints)
        : m_structured(xmlStructuredError), m_structuredContext(xmlStructuredErrorContext),
          m_generic(xmlGenericError), m_genericContext(xmlGenericErrorContext)
    {
        xmlSetStructuredErrorFunc(complaints, kCollect);
        xmlSetGenericErrorFunc(complaints, collectGeneric);
    }
    ~ErrorCapture()
    {
        xmlSetStructuredErrorFunc(m_structuredContext, m_structured);
        xmlSetGenericErrorFunc(m_genericContext, m_generic);
    }
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;

private:
    xmlStructuredErrorFunc m_structured;
    void *m_structuredContext;
    xmlGenericErrorFunc m_generic;
    void *m_genericContext;
};

// --- Loading the schemas ----------------------------------------------------------------

// Set on a thread while it compiles schemas: the folder they must come from, and what went
// wrong reading a file (libxml2 only says that it failed).
struct LoadScope
{
    QString root; // canonical
    QString problem;
};
thread_local LoadScope *t_loading = nullptr;
xmlExternalEntityLoader g_nextLoader = nullptr;
std::once_flag g_installed;
std::mutex g_compiling;

const xmlChar *xs(const char *text)
{
    return reinterpret_cast<const xmlChar *>(text);
}

// The one adjustment: libxml2 refuses an attribute declared use="prohibited" that also
// carries an inline simpleType ("Expected is (annotation?)"). Without the type the attribute
// is still prohibited, so nothing changes about what is valid on the wire. Each is cut out of
// the text itself and replaced by the line breaks it spanned: everything else stays byte for
// byte as on disk, so libxml2's line numbers point into the file. The text comes back as it
// was when it is not XML (libxml2 then says why) or not UTF-8 (or ASCII), which this keeps.
QByteArray withoutProhibitedSimpleTypes(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // UTF-8 needs no byte-order mark
    QString text = QString::fromUtf8(bytes);
    const QString xsd = QString::fromLatin1(kXsdNamespace);
    QXmlStreamReader reader(text);   // its offsets count in the same characters as `text`
    QList<bool> prohibitedAttribute; // for each open element
    QList<std::pair<qsizetype, qsizetype>> cuts;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartDocument) {
            const QString encoding = reader.documentEncoding().toString().toLower();
            if (!encoding.isEmpty() && encoding != u"utf-8"_s && encoding != u"ascii"_s &&
                encoding != u"us-ascii"_s)
                return bytes;
        } else if (token == QXmlStreamReader::StartElement) {
            const bool xsdElement = reader.namespaceUri() == xsd;
            if (!prohibitedAttribute.isEmpty() && prohibitedAttribute.last() && xsdElement &&
                reader.name() == u"simpleType"_s) {
                // From its start tag's "<" (no "<" can be in its attributes) to its end tag's ">".
                const qsizetype from = text.lastIndexOf(u'<', reader.characterOffset() - 1);
                reader.skipCurrentElement();
                const qsizetype to = text.lastIndexOf(u'>', reader.characterOffset() - 1) + 1;
                if (from < 0 || to <= from)
                    return bytes;
                cuts.append({from, to});
            } else {
                prohibitedAttribute.append(xsdElement && reader.name() == u"attribute"_s &&
                                           reader.attributes().value(u"use"_s) == u"prohibited"_s);
            }
        } else if (token == QXmlStreamReader::EndElement && !prohibitedAttribute.isEmpty()) {
            prohibitedAttribute.removeLast();
        }
    }
    if (reader.hasError() || cuts.isEmpty())
        return bytes;
    for (auto cut = cuts.crbegin(); cut != cuts.crend(); ++cut) {
        const qsizetype length = cut->second - cut->first;
        text.replace(cut->first, length, QString(text.mid(cut->first, length).count(u'\n'), u'\n'));
    }
    return text.toUtf8();
}

QString localPath(const char *url)
{
    const QString text = QString::fromUtf8(url);
    if (text.startsWith(u"file:"_s, Qt::CaseInsensitive))
        return QUrl(text).toLocalFile();
    if (QFileInfo::exists(text))
        return text;
    return QUrl::fromPercentEncoding(text.toUtf8()); // xmlBuildURI escapes spaces
}

QString relativeTo(const QString &root, const QString &file)
{
    const QString path = localPath(file.toUtf8().constData());
    return path.startsWith(root + u'/') ? path.mid(root.size() + 1) : path;
}

// One schema file as it is on disk, adjusted, as libxml2 will read it; empty with
// scope.problem set when it cannot be.
QByteArray adjustedSchema(const char *url, LoadScope &scope)
{
    const QString path = QFileInfo(localPath(url)).canonicalFilePath();
    const QString shown = relativeTo(scope.root, QString::fromUtf8(url));
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        scope.problem = u"%1 is missing"_s.arg(shown);
        return {};
    }
    if (!path.startsWith(scope.root + u'/')) {
        scope.problem = u"%1 is outside the schema folder"_s.arg(shown);
        return {};
    }
    QFile file(path);
    if (file.size() > kMaxSchemaFileBytes || !file.open(QIODevice::ReadOnly)) {
        scope.problem = u"%1 cannot be read"_s.arg(shown);
        return {};
    }
    const QByteArray text = file.readAll();
    if (text.trimmed().isEmpty())
        scope.problem = u"%1 is empty"_s.arg(shown);
    return text.trimmed().isEmpty() ? QByteArray() : withoutProhibitedSimpleTypes(text);
}

// libxml2's entity loader for the whole process: while this thread compiles the schemas it
// serves the adjusted files from the schema folder and nothing else; otherwise it passes on.
xmlParserInputPtr loadAdjusted(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    if (t_loading == nullptr)
        return g_nextLoader(url, id, ctxt);
    if (url == nullptr || ctxt == nullptr)
        return nullptr;
    const QByteArray adjusted = adjustedSchema(url, *t_loading);
    if (adjusted.isEmpty())
        return nullptr;
    xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem(
        adjusted.constData(), int(adjusted.size()), XML_CHAR_ENCODING_NONE);
    if (buffer == nullptr)
        return nullptr;
    xmlParserInputPtr input = xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_NONE);
    if (input == nullptr) {
        xmlFreeParserInputBuffer(buffer);
        return nullptr;
    }
    // Its includes and imports are found relative to this name.
    input->filename = reinterpret_cast<const char *>(xmlStrdup(xs(url)));
    return input;
}

void initialiseLibxml()
{
    std::call_once(g_installed, [] {
        xmlInitParser();
        g_nextLoader = xmlGetExternalEntityLoader();
        xmlSetExternalEntityLoader(loadAdjusted);
    });
}

// --- Reading a message ------------------------------------------------------------------

struct DtdSeen
{
    bool seen = false;
    int line = 0;
};

// Called for any <!DOCTYPE>: stops the parse before anything in it is read or expanded.
void refuseDtd(void *context, const xmlChar *, const xmlChar *, const xmlChar *)
{
    auto *ctxt = static_cast<xmlParserCtxtPtr>(context);
    auto *dtd = static_cast<DtdSeen *>(ctxt->_private);
    dtd->seen = true;
    dtd->line = ctxt->input != nullptr ? ctxt->input->line : 0;
    xmlStopParser(ctxt);
}

struct DocDeleter
{
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

Result<DocPtr> parseMessage(const QByteArray &xml, const Complaints &complaints)
{
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                      &xmlFreeParserCtxt);
    if (!ctxt || !ctxt->sax)
        return Error{
            QString::fromLatin1(kErrorMalformed), u"Out of memory reading the message."_s, {}, {}};
    DtdSeen dtd;
    ctxt->_private = &dtd;
    ctxt->sax->internalSubset = refuseDtd;
    // No network, no entity substitution, no external DTD: a message is read as it is.
    DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.constData(), int(xml.size()), nullptr, nullptr,
                                 XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (dtd.seen)
        return Error{QString::fromLatin1(kErrorDtd),
                     u"line %1: the message has a DTD (<!DOCTYPE>): CP-IS messages have none, and "
                     "one is refused so that no entity is read or expanded."_s.arg(dtd.line),
                     {},
                     {}};
    if (!doc || !ctxt->wellFormed) {
        Complaints shown = complaints;
        shown.first =
            u"not well-formed XML: "_s +
            (complaints.first.isEmpty() ? complaints.generic.trimmed() : complaints.first);
        return Error{QString::fromLatin1(kErrorMalformed), shown.firstWithLine(), {}, {}};
    }
    return doc;
}

Error schemaError(const QString &text)
{
    return Error{QString::fromLatin1(kErrorSchema), text, {}, {}};
}
} // namespace

struct SchemaValidator::Schemas
{
    std::array<xmlSchemaPtr, kKinds.size()> compiled{};
    ~Schemas()
    {
        for (xmlSchemaPtr s : compiled)
            xmlSchemaFree(s);
    }
};

SchemaValidator::SchemaValidator(QString directory, std::unique_ptr<Schemas> schemas)
    : m_directory(std::move(directory)), m_schemas(std::move(schemas))
{}

SchemaValidator::~SchemaValidator() = default;

QString SchemaValidator::kindName(MessageKind kind)
{
    return QString::fromLatin1(infoOf(kind).name);
}

Result<std::shared_ptr<const SchemaValidator>> SchemaValidator::load(const QString &schemaDir)
{
    const QString layout = u"It must hold NHS England's DMS schemas as published: Schemas/, dt/, "
                           "TemplateSchemas/ and VocabularySchemas/."_s;
    const auto loadError = [&](const QString &text) {
        return Error{QString::fromLatin1(kErrorSchemaLoad), text, {}, layout};
    };
    if (schemaDir.trimmed().isEmpty())
        return loadError(u"No CP-IS schema folder was given."_s);
    const QFileInfo dir(schemaDir);
    if (!dir.isDir())
        return loadError(
            u"The CP-IS schema folder %1 does not exist or is not a folder."_s.arg(schemaDir));
    const QString root = dir.canonicalFilePath();
    for (const KindInfo &k : kKinds) {
        if (!QFileInfo(root + u'/' + QString::fromLatin1(k.file)).isFile())
            return loadError(u"The CP-IS schema folder %1 has no %2 (the %3 schema). %4"_s.arg(
                schemaDir, QString::fromLatin1(k.file), QString::fromLatin1(k.name), layout));
    }

    initialiseLibxml();
    const std::lock_guard lock(g_compiling);
    LoadScope scope{root, {}};
    t_loading = &scope;
    const auto done = qScopeGuard([] { t_loading = nullptr; });
    Complaints complaints;
    const ErrorCapture capture(&complaints);
    auto schemas = std::make_unique<Schemas>();
    for (size_t i = 0; i < kKinds.size(); ++i) {
        const QByteArray path =
            QFile::encodeName(root + u'/' + QString::fromLatin1(kKinds[i].file));
        xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path.constData());
        if (parser != nullptr) {
            xmlSchemaSetParserStructuredErrors(parser, kCollect, &complaints);
            schemas->compiled[i] = xmlSchemaParse(parser);
            xmlSchemaFreeParserCtxt(parser);
        }
        if (schemas->compiled[i] == nullptr) {
            QString why = scope.problem.isEmpty() ? complaints.firstWithLine() : scope.problem;
            if (scope.problem.isEmpty() && !complaints.file.isEmpty())
                why = relativeTo(root, complaints.file) + u' ' + why;
            return loadError(u"The CP-IS schema %1 in %2 could not be loaded: %3"_s.arg(
                QString::fromLatin1(kKinds[i].file), schemaDir,
                why.isEmpty() ? u"libxml2 gave no reason"_s : why));
        }
    }
    return std::shared_ptr<const SchemaValidator>(new SchemaValidator(root, std::move(schemas)));
}

Result<MessageKind> SchemaValidator::validate(const QByteArray &xml) const
{
    return check(xml, nullptr);
}

Status SchemaValidator::validate(const QByteArray &xml, MessageKind kind) const
{
    auto checked = check(xml, &kind);
    if (!checked)
        return checked.error();
    return success();
}

Result<MessageKind> SchemaValidator::check(const QByteArray &xml, const MessageKind *expected) const
{
    if (xml.size() > kMaxMessageBytes)
        return Error{QString::fromLatin1(kErrorTooLarge),
                     u"The message is larger than %1 MiB (%2 bytes): not validated."_s
                         .arg(kMaxMessageBytes / (1024 * 1024))
                         .arg(xml.size()),
                     {},
                     {}};
    initialiseLibxml();
    Complaints complaints;
    const ErrorCapture capture(&complaints);
    auto doc = parseMessage(xml, complaints);
    if (!doc)
        return doc.error();

    const xmlNode *root = xmlDocGetRootElement(doc->get());
    const QString rootName = QString::fromUtf8(reinterpret_cast<const char *>(root->name));
    const QString rootNs =
        root->ns ? QString::fromUtf8(reinterpret_cast<const char *>(root->ns->href)) : QString();
    const KindInfo *found = nullptr;
    for (const KindInfo &k : kKinds) {
        if (rootNs == QLatin1StringView(kHl7Namespace) && rootName == QLatin1StringView(k.root))
            found = &k;
    }
    if (expected != nullptr)
        found = &infoOf(*expected); // its schema says what is wrong with another root
    if (found == nullptr)
        return schemaError(
            u"line %1: Element '{%2}%3' is not one of the four CP-IS messages (File, FileResponse, "
            "CP-ISAccessToServiceNotification, CP-ISInactiveNHSNumberNotification in the "
            "namespace %4)."_s.arg(xmlGetLineNo(root))
                .arg(rootNs, rootName, QLatin1StringView(kHl7Namespace)));

    const xmlSchemaPtr schema = m_schemas->compiled[size_t(std::distance(kKinds.data(), found))];
    std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> context(
        xmlSchemaNewValidCtxt(schema), &xmlSchemaFreeValidCtxt);
    if (!context)
        return schemaError(u"Out of memory validating the message."_s);
    xmlSchemaSetValidStructuredErrors(context.get(), kCollect, &complaints);
    const int rc = xmlSchemaValidateDoc(context.get(), doc->get());
    if (rc == 0 && complaints.errors == 0)
        return found->kind;
    if (rc < 0 && complaints.errors == 0)
        return schemaError(
            u"The message could not be validated (libxml2 internal error %1)."_s.arg(rc));
    return schemaError(complaints.firstWithLine());
}

} // namespace cpis::hl7
