// The shared writer of the four CP-IS messages: HL7 v3 XML in UTF-8 with the namespaces and
// the npfitlc:contentId before every template element (CPIS-DMS.md §1.4, §1.7-1.9).
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QXmlStreamWriter>

#include <initializer_list>
#include <utility>

namespace cpis::hl7 {

using Attributes = std::initializer_list<std::pair<QLatin1StringView, QString>>;

class Hl7Writer
{
public:
    // Starts the document and its root element (in the HL7 namespace, declaring npfitlc).
    Hl7Writer(QByteArray *out, QLatin1StringView root);
    Hl7Writer(const Hl7Writer &) = delete;
    Hl7Writer &operator=(const Hl7Writer &) = delete;

    void start(QLatin1StringView name, Attributes attributes = {});
    void end() { m_xml.writeEndElement(); }
    void empty(QLatin1StringView name, Attributes attributes);
    void text(QLatin1StringView name, const QString &value);
    // <name value="..."/>, the commonest element of all.
    void value(QLatin1StringView name, const QString &value);
    // `<npfitlc:contentId extension="<templateId>#<className>"/>` then the start of the
    // template element `<templateId>.<className>` (closed by end()).
    void startTemplate(QLatin1StringView templateId, QLatin1StringView className);
    // Ends the root element and the document.
    void finish();

private:
    QXmlStreamWriter m_xml;
};

} // namespace cpis::hl7
