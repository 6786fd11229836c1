// The shared writer of the CP-IS messages (hl7_writer.h).
#include "cpis/hl7_writer.h"

#include "cpis/hl7_reader.h"

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

// The root of every npfitlc:contentId (§1.8).
const QString kContentIdRoot = u"2.16.840.1.113883.2.1.3.2.4.18.16"_s;

// Without the characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF,
// unpaired surrogates): Qt 6.4's writer would pass them through into a file no reader takes.
QString xmlSafe(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c.isHighSurrogate() && i + 1 < value.size() && value[i + 1].isLowSurrogate()) {
            out.append(c);
            out.append(value[++i]);
            continue;
        }
        const char16_t u = c.unicode();
        const bool control = u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r';
        if (!control && !c.isSurrogate() && u != 0xFFFE && u != 0xFFFF)
            out.append(c);
    }
    return out;
}

} // namespace

Hl7Writer::Hl7Writer(QByteArray *out, QLatin1StringView root) : m_xml(out)
{
    m_xml.setAutoFormatting(true);
    m_xml.setAutoFormattingIndent(2);
    m_xml.writeStartDocument();
    m_xml.writeStartElement(root);
    m_xml.writeDefaultNamespace(kHl7Namespace);
    m_xml.writeNamespace(kLocalisationNamespace, u"npfitlc"_s);
}

void Hl7Writer::start(QLatin1StringView name, Attributes attributes)
{
    m_xml.writeStartElement(name);
    for (const auto &[key, value] : attributes)
        m_xml.writeAttribute(key, xmlSafe(value));
}

void Hl7Writer::empty(QLatin1StringView name, Attributes attributes)
{
    m_xml.writeEmptyElement(name);
    for (const auto &[key, value] : attributes)
        m_xml.writeAttribute(key, xmlSafe(value));
}

void Hl7Writer::text(QLatin1StringView name, const QString &value)
{
    m_xml.writeTextElement(name, xmlSafe(value));
}

void Hl7Writer::value(QLatin1StringView name, const QString &value)
{
    empty(name, {{"value"_L1, value}});
}

void Hl7Writer::startTemplate(QLatin1StringView templateId, QLatin1StringView className)
{
    m_xml.writeEmptyElement(kLocalisationNamespace, u"contentId"_s);
    m_xml.writeAttribute(u"root"_s, kContentIdRoot);
    m_xml.writeAttribute(u"extension"_s, QString(templateId) + u'#' + className);
    m_xml.writeStartElement(QString(templateId) + u'.' + className);
}

void Hl7Writer::finish()
{
    m_xml.writeEndDocument();
}

} // namespace cpis::hl7
