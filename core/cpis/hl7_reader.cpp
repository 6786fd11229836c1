#include "cpis/hl7_reader.h"

#include "cpis/message_errors.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

// Enough of a path to place an error without repeating sixty-four element names.
QString shortPath(const QStringList &names)
{
    constexpr qsizetype kShown = 6;
    if (names.size() <= kShown)
        return names.join(u'/');
    return names.first(3).join(u'/') + u"/.../"_s + names.last(2).join(u'/');
}

QString quoted(QStringView text)
{
    constexpr qsizetype kShown = 40;
    const QString simplified = text.toString().simplified();
    if (simplified.size() <= kShown)
        return u'"' + simplified + u'"';
    return u'"' + simplified.first(kShown) + u"...\""_s;
}

} // namespace

Hl7Reader::Hl7Reader(const QByteArray &xml, qsizetype maxBytes, int maxDepth)
    : m_data(xml), m_maxBytes(maxBytes), m_maxDepth(maxDepth), m_xml(xml)
{}

void Hl7Reader::fail(const char *code, const QString &message)
{
    if (!m_error)
        m_error = Error{QString::fromLatin1(code), message, {}, {}};
}

void Hl7Reader::invalidAt(const QString &path, const QString &problem)
{
    fail(kErrorInvalid, path + u": "_s + problem);
}

void Hl7Reader::unexpected()
{
    invalid(u"unexpected element"_s);
}

Error Hl7Reader::error() const
{
    Q_ASSERT(m_error);
    return m_error.value_or(Error{QString::fromLatin1(kErrorInvalid), u"unknown error"_s, {}, {}});
}

void Hl7Reader::failMalformed(const QXmlStreamReader &xml, const QStringList &where)
{
    QString message = u"The message is not well-formed XML: line %1, column %2: %3"_s.arg(
        QString::number(xml.lineNumber()), QString::number(xml.columnNumber()), xml.errorString());
    if (!where.isEmpty())
        message += u" (inside %1)"_s.arg(shortPath(where));
    fail(kErrorMalformed, message);
}

// The first pass: nothing but the generic limits, over the whole document.
bool Hl7Reader::scan()
{
    if (m_data.size() > m_maxBytes) {
        fail(kErrorTooLarge, u"The message is %1 bytes long; at most %2 are accepted."_s.arg(
                                 QString::number(m_data.size()), QString::number(m_maxBytes)));
        return false;
    }
    if (m_data.trimmed().isEmpty()) { // the parser would only say "premature end of document"
        fail(kErrorMalformed, u"The message is empty (%1 bytes, nothing but white space)."_s.arg(
                                  QString::number(m_data.size())));
        return false;
    }
    QXmlStreamReader xml(m_data);
    QStringList open;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            fail(kErrorDtd,
                 u"The message has a document type declaration (DTD) at line %1%2: DTDs and "
                 "entity declarations are refused."_s.arg(
                     QString::number(xml.lineNumber()),
                     xml.entityDeclarations().isEmpty()
                         ? QString()
                         : u" declaring %1 entities"_s.arg(xml.entityDeclarations().size())));
            return false;
        case QXmlStreamReader::EntityReference:
            fail(kErrorDtd, u"The message refers to the entity &%1; at line %2: entities are "
                            "refused."_s.arg(xml.name(), QString::number(xml.lineNumber())));
            return false;
        case QXmlStreamReader::StartElement:
            open.append(xml.name().toString());
            if (open.size() > m_maxDepth) {
                fail(kErrorTooLarge, u"%1: elements are nested more than %2 deep (line %3)"_s.arg(
                                         shortPath(open), QString::number(m_maxDepth),
                                         QString::number(xml.lineNumber())));
                return false;
            }
            break;
        case QXmlStreamReader::EndElement:
            if (!open.isEmpty())
                open.removeLast();
            break;
        default:
            break;
        }
    }
    if (xml.hasError()) {
        failMalformed(xml, open);
        return false;
    }
    return true;
}

bool Hl7Reader::open()
{
    if (!scan())
        return false;
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::StartElement:
            m_rootName = m_xml.name().toString();
            m_rootNamespace = m_xml.namespaceUri().toString();
            push();
            return !failed();
        case QXmlStreamReader::EndDocument:
            fail(kErrorMalformed, u"The message has no root element."_s);
            return false;
        case QXmlStreamReader::Invalid:
            return false;
        default:
            break;
        }
    }
}

QXmlStreamReader::TokenType Hl7Reader::nextToken()
{
    if (failed())
        return QXmlStreamReader::Invalid;
    for (;;) {
        const auto token = m_xml.readNext();
        switch (token) {
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
        case QXmlStreamReader::StartDocument:
            continue;
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            // The scan has refused these already; this is the belt to its braces.
            fail(kErrorDtd, u"The message has a DTD or an entity: they are refused."_s);
            return QXmlStreamReader::Invalid;
        case QXmlStreamReader::Invalid:
            failMalformed(m_xml, m_names);
            return QXmlStreamReader::Invalid;
        case QXmlStreamReader::EndDocument:
            if (!m_names.isEmpty()) {
                failMalformed(m_xml, m_names);
                return QXmlStreamReader::Invalid;
            }
            return token;
        default:
            return token;
        }
    }
}

void Hl7Reader::push()
{
    const QString name = m_xml.name().toString();
    int position = 1;
    if (!m_names.isEmpty()) {
        auto &siblings = m_childCounts.last();
        auto it = std::find_if(siblings.begin(), siblings.end(),
                               [&](const auto &entry) { return entry.first == name; });
        if (it == siblings.end())
            siblings.append(std::pair(name, 1));
        else
            position = ++it->second;
    }
    m_names.append(name);
    m_path.append(position > 1 ? u"%1[%2]"_s.arg(name, QString::number(position)) : name);
    m_attributes.append(m_xml.attributes());
    m_childCounts.append(QList<std::pair<QString, int>>());

    if (m_names.size() > m_maxDepth) {
        fail(kErrorTooLarge, u"%1: elements are nested more than %2 deep"_s.arg(
                                 shortPath(m_path), QString::number(m_maxDepth)));
    } else if (m_names.size() > 1 && m_xml.namespaceUri() != kHl7Namespace) {
        invalid(u"element is not in the HL7 v3 namespace %1 (its namespace is \"%2\")"_s.arg(
            kHl7Namespace, m_xml.namespaceUri()));
    }
}

void Hl7Reader::pop()
{
    m_names.removeLast();
    m_path.removeLast();
    m_attributes.removeLast();
    m_childCounts.removeLast();
}

// The rest of an element its handler did not read: it must hold nothing.
void Hl7Reader::closeEmpty()
{
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::StartElement:
            push();
            unexpected();
            return;
        case QXmlStreamReader::EndElement:
            pop();
            return;
        case QXmlStreamReader::Characters:
            if (!m_xml.isWhitespace()) {
                invalid(u"unexpected text %1"_s.arg(quoted(m_xml.text())));
                return;
            }
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
}

bool Hl7Reader::nextChild(int level)
{
    while (!failed() && this->level() > level)
        closeEmpty();
    if (failed() || this->level() < level)
        return false;
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::StartElement:
            push();
            return !failed();
        case QXmlStreamReader::EndElement:
            pop();
            return false;
        case QXmlStreamReader::Characters:
            if (!m_xml.isWhitespace()) {
                invalid(u"unexpected text %1"_s.arg(quoted(m_xml.text())));
                return false;
            }
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
    }
}

void Hl7Reader::skipElement()
{
    int depth = 1;
    while (!failed() && depth > 0) {
        switch (nextToken()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
    if (!failed())
        pop();
}

QString Hl7Reader::readText()
{
    QString text;
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::Characters:
            text += m_xml.text();
            break;
        case QXmlStreamReader::StartElement:
            push();
            unexpected();
            return {};
        case QXmlStreamReader::EndElement:
            pop();
            return text.trimmed();
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return {};
        default:
            break;
        }
    }
}

bool Hl7Reader::finish()
{
    if (failed())
        return false;
    if (!m_names.isEmpty()) {
        invalid(u"the element has not been read to its end"_s);
        return false;
    }
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::EndDocument:
            return true;
        case QXmlStreamReader::Invalid:
            return false;
        default:
            break;
        }
    }
}

bool Hl7Reader::hasAttribute(QLatin1StringView name) const
{
    if (m_attributes.isEmpty())
        return false;
    for (const QXmlStreamAttribute &attribute : m_attributes.last()) {
        if (attribute.namespaceUri().isEmpty() && attribute.name() == name)
            return true;
    }
    return false;
}

QString Hl7Reader::attribute(QLatin1StringView name) const
{
    if (m_attributes.isEmpty())
        return {};
    for (const QXmlStreamAttribute &attribute : m_attributes.last()) {
        if (attribute.namespaceUri().isEmpty() && attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

} // namespace cpis::hl7
