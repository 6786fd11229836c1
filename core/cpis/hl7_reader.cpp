#include "cpis/hl7_reader.h"

#include "cpis/hl7_time.h"
#include "cpis/message_errors.h"
#include "domain/nhs_number.h"

#include <QRegularExpression>

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
    } else if (m_names.size() > 1) {
        // Every element is HL7's but npfitlc:contentId (§1.4).
        const bool contentId = name == u"contentId";
        const QLatin1StringView expected = contentId ? kLocalisationNamespace : kHl7Namespace;
        if (m_xml.namespaceUri() != expected) {
            invalid(u"element is not in the %1 namespace %2 (its namespace is \"%3\")"_s.arg(
                contentId ? u"NPfIT localisation"_s : u"HL7 v3"_s, expected, m_xml.namespaceUri()));
        }
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
    return readContent({}).trimmed();
}

QString Hl7Reader::readMixed(const QStringList &parts)
{
    return readContent(parts).simplified();
}

// The element's own text and that of its `parts` (each holding text only), in document
// order; any other element is an error.
QString Hl7Reader::readContent(const QStringList &parts)
{
    QString text;
    const int level = this->level();
    for (;;) {
        switch (nextToken()) {
        case QXmlStreamReader::Characters:
            text += m_xml.text();
            break;
        case QXmlStreamReader::StartElement:
            push();
            if (failed())
                return {};
            if (!parts.contains(name())) {
                unexpected();
                return {};
            }
            text += u' ' + readContent({}) + u' ';
            break;
        case QXmlStreamReader::EndElement:
            if (this->level() == level) {
                pop();
                return text;
            }
            break;
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

bool Hl7Reader::isNil() const
{
    if (m_attributes.isEmpty())
        return false;
    for (const QXmlStreamAttribute &attribute : m_attributes.last()) {
        if (attribute.namespaceUri() == kXsiNamespace && attribute.name() == u"nil")
            return attribute.value() == u"true" || attribute.value() == u"1";
    }
    return false;
}

// ---- Helpers shared by the message readers ----

Sequence::Sequence(Hl7Reader &reader, std::initializer_list<Slot> places)
    : m_reader(reader), m_path(reader.path()), m_slots(places)
{}

namespace {
QStringList optionsOf(const Slot &slot)
{
    return QString(slot.names).split(u'|');
}

bool slotHas(const Slot &slot, const QString &name)
{
    return optionsOf(slot).contains(name);
}

QString firstName(const Slot &slot)
{
    return optionsOf(slot).constFirst();
}

QString describeSlot(const Slot &slot)
{
    const QStringList options = optionsOf(slot);
    if (options.size() > 1)
        return u"one of "_s + options.join(u", "_s);
    return u"element "_s + options.constFirst();
}
} // namespace

// Slot `slot`, seen `count` times, holds enough; else reports it missing (`before` the
// element met next, when there is one).
bool Sequence::satisfied(qsizetype slot, int count, const QString &before)
{
    if (count >= m_slots[slot].min)
        return true;
    m_reader.invalidAt(
        m_path, u"missing %1%2"_s.arg(describeSlot(m_slots[slot]),
                                      before.isEmpty() ? QString() : u" before "_s + before));
    return false;
}

QString Sequence::next()
{
    const QString name = m_reader.name();
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        if (!slotHas(m_slots[i], name))
            continue;
        if (i < m_at) {
            m_reader.invalid(
                u"the element is out of order: it comes before %1"_s.arg(firstName(m_slots[m_at])));
            return {};
        }
        if (i == m_at) {
            if (++m_count > m_slots[i].max) {
                m_reader.invalid(m_slots[i].max == 1
                                     ? u"the element appears more than once"_s
                                     : u"the element appears more than %1 times"_s.arg(
                                           QString::number(m_slots[i].max)));
                return {};
            }
            return name;
        }
        for (qsizetype skipped = m_at; skipped < i; ++skipped) {
            if (!satisfied(skipped, skipped == m_at ? m_count : 0, name))
                return {};
        }
        m_at = i;
        m_count = 1;
        return name;
    }
    m_reader.unexpected();
    return {};
}

void Sequence::finish()
{
    if (m_reader.failed())
        return;
    for (qsizetype slot = m_at; slot < m_slots.size(); ++slot) {
        if (!satisfied(slot, slot == m_at ? m_count : 0, {}))
            return;
    }
}

QString requiredAttribute(Hl7Reader &r, QLatin1StringView name)
{
    const QString value = r.attribute(name).trimmed();
    if (value.isEmpty() && !r.failed()) {
        r.invalid(r.hasAttribute(name) ? u"attribute %1 is empty"_s.arg(name)
                                       : u"missing attribute %1"_s.arg(name));
    }
    return value;
}

QString requiredText(Hl7Reader &r)
{
    const QString here = r.path();
    QString text = r.readText();
    if (text.isEmpty() && !r.failed())
        r.invalidAt(here, u"the element is empty"_s);
    return text;
}

namespace {
template<typename T> T parsedValue(Hl7Reader &r, Result<T> (*parse)(QStringView))
{
    const QString value = requiredAttribute(r, "value"_L1);
    if (r.failed())
        return {};
    auto parsed = parse(value);
    if (!parsed) {
        r.invalid(parsed.error().message);
        return {};
    }
    return *parsed;
}
} // namespace

QDateTime timestampValue(Hl7Reader &r)
{
    return parsedValue(r, &parseTimestamp);
}

QDate dateValue(Hl7Reader &r)
{
    return parsedValue(r, &parseDate);
}

QDate planDateValue(Hl7Reader &r)
{
    return parsedValue(r, &parsePlanDate);
}

std::optional<qint64> wholeNumber(QStringView text)
{
    const bool negative = text.startsWith(u'-');
    const QStringView digits = negative ? text.sliced(1) : text;
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 n = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        n = n * 10 + (c.unicode() - u'0');
    }
    return negative ? -n : n;
}

qint64 numberAttribute(Hl7Reader &r, QLatin1StringView name, qint64 minimum, qint64 maximum,
                       QStringView what)
{
    const QString value = requiredAttribute(r, name);
    if (r.failed())
        return 0;
    const auto number = wholeNumber(value);
    if (!number) {
        r.invalid(u"%1 \"%2\" is not a whole number"_s.arg(what, value));
        return 0;
    }
    if (*number < minimum) {
        r.invalid(u"%1 %2 is less than %3"_s.arg(what, value, QString::number(minimum)));
        return 0;
    }
    if (*number > maximum) {
        r.fail(kErrorTooLarge, u"%1: %2 %3 is more than the %4 accepted"_s.arg(
                                   r.path(), what, value, QString::number(maximum)));
        return 0;
    }
    return *number;
}

QString nhsNumberIn(Hl7Reader &r)
{
    const QString value = requiredAttribute(r, "extension"_L1);
    if (r.failed())
        return {};
    const NhsNumber::Problem problem = NhsNumber::validate(value);
    if (problem != NhsNumber::Problem::None) {
        r.invalid(u"NHS number %1 is not valid: %2"_s.arg(value, NhsNumber::describe(problem)));
        return {};
    }
    return NhsNumber::parse(value)->digits();
}

QString uuidRoot(Hl7Reader &r)
{
    static const QRegularExpression kUuid(
        u"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"_s);
    const QString value = requiredAttribute(r, "root"_L1);
    if (!r.failed() && !kUuid.match(value).hasMatch())
        r.invalid(u"\"%1\" is not a UUID in upper-case hexadecimal"_s.arg(value));
    return value;
}

bool roomFor(Hl7Reader &r, qsizetype count, QStringView what)
{
    if (count < kMaxEntries)
        return true;
    r.fail(kErrorTooLarge, u"%1: more than %2 %3 in one message"_s.arg(
                               r.path(), QString::number(kMaxEntries), what));
    return false;
}

} // namespace cpis::hl7
