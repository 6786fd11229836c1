// A strict, streaming walk over an HL7 v3 XML message for the CP-IS readers: it refuses DTDs,
// entities, malformed XML and deep nesting, and keeps the element path for error messages.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamAttributes>
#include <QXmlStreamReader>

#include <optional>

namespace cpis::hl7 {

inline constexpr QLatin1StringView kHl7Namespace("urn:hl7-org:v3");

// Use:
//   Hl7Reader r(xml);
//   if (!r.open()) return r.error();
//   const int level = r.level();
//   while (r.nextChild(level)) { if (r.name() == u"id") ... else r.unexpected(); }
//   if (!r.finish()) return r.error();
// The first error sticks: from then on nextChild() returns false and the walk unwinds.
// A child that its handler leaves unread must be empty (no elements, no text): handlers of
// attribute-only elements need not read on.
class Hl7Reader
{
public:
    Hl7Reader(const QByteArray &xml, qsizetype maxBytes, int maxDepth);
    Hl7Reader(const Hl7Reader &) = delete;
    Hl7Reader &operator=(const Hl7Reader &) = delete;

    // Checks the whole document first (size, no DTD or entity, well-formed, nesting), so
    // that those errors win over content errors, then moves onto the root element.
    bool open();
    [[nodiscard]] const QString &rootName() const { return m_rootName; }
    [[nodiscard]] const QString &rootNamespace() const { return m_rootNamespace; }

    // The nesting level of the current element (the root is 1).
    [[nodiscard]] int level() const { return static_cast<int>(m_names.size()); }
    // Moves to the next child element of the element at `level`. False once that element
    // has ended (the current element is then its parent), or on an error.
    bool nextChild(int level);
    // Skips the rest of the current element, whatever it holds.
    void skipElement();
    // The text of the current element, trimmed; the element must hold no elements. Moves
    // past its end.
    QString readText();
    // After the root element has ended: only comments and whitespace may follow.
    bool finish();

    [[nodiscard]] QString name() const { return m_names.isEmpty() ? QString() : m_names.last(); }
    // "REPC_MT000004GB01/component[2]/accessEvent": a repeated element carries its position.
    [[nodiscard]] QString path() const { return m_path.join(u'/'); }
    // Unqualified attributes of the current element.
    [[nodiscard]] bool hasAttribute(QLatin1StringView name) const;
    [[nodiscard]] QString attribute(QLatin1StringView name) const;

    void fail(const char *code, const QString &message);
    // message.invalid, "<path>: <problem>"
    void invalid(const QString &problem) { invalidAt(path(), problem); }
    void invalidAt(const QString &path, const QString &problem);
    void unexpected();
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] Error error() const;

private:
    bool scan();
    QXmlStreamReader::TokenType nextToken();
    void push();
    void pop();
    void closeEmpty();
    void failMalformed(const QXmlStreamReader &xml, const QStringList &where);

    QByteArray m_data;
    qsizetype m_maxBytes;
    int m_maxDepth;
    QXmlStreamReader m_xml;
    QString m_rootName;
    QString m_rootNamespace;
    QStringList m_names;
    QStringList m_path;
    QList<QXmlStreamAttributes> m_attributes;
    // Per open element: how often each child name has been seen, for the path positions.
    QList<QList<std::pair<QString, int>>> m_childCounts;
    std::optional<Error> m_error;
};

} // namespace cpis::hl7
