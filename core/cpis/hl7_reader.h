// The shared reader of the four CP-IS messages: a strict, streaming walk over HL7 v3 XML that
// refuses DTDs, entities, malformed XML and deep nesting and keeps the element path for error
// messages, and the small helpers every message reader uses (child order, ids, values).
#pragma once

#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamAttributes>
#include <QXmlStreamReader>

#include <initializer_list>
#include <optional>

namespace cpis::hl7 {

inline constexpr QLatin1StringView kHl7Namespace("urn:hl7-org:v3");
// The namespace of npfitlc:contentId, the one element outside the HL7 namespace (§1.4).
inline constexpr QLatin1StringView kLocalisationNamespace("NPFIT:HL7:Localisation");
inline constexpr QLatin1StringView kXsiNamespace("http://www.w3.org/2001/XMLSchema-instance");

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
    // The text of a mixed-content element (an HL7 PN): its own text and that of the parts
    // named in `parts`, in document order, with white space simplified. Moves past its end.
    QString readMixed(const QStringList &parts);
    // After the root element has ended: only comments and whitespace may follow.
    bool finish();

    [[nodiscard]] QString name() const { return m_names.isEmpty() ? QString() : m_names.last(); }
    // "REPC_MT000004GB01/component[2]/accessEvent": a repeated element carries its position.
    [[nodiscard]] QString path() const { return m_path.join(u'/'); }
    // Unqualified attributes of the current element.
    [[nodiscard]] bool hasAttribute(QLatin1StringView name) const;
    [[nodiscard]] QString attribute(QLatin1StringView name) const;
    // xsi:nil="true" on the current element (§1.11): it holds nothing, like an absent one.
    [[nodiscard]] bool isNil() const;

    void fail(const char *code, const QString &message);
    // message.invalid, "<path>: <problem>"
    void invalid(const QString &problem) { invalidAt(path(), problem); }
    void invalidAt(const QString &path, const QString &problem);
    void unexpected();
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] Error error() const;

private:
    bool scan();
    QString readContent(const QStringList &parts);
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

// ---- Helpers shared by the message readers ----

// One place in an element's content (the XSD sequence, §1.10): the element name, or several
// names separated by '|' for a template choice, with its cardinality.
struct Slot
{
    QLatin1StringView names;
    int min = 1;
    int max = 1;
};
inline constexpr int kUnbounded = 1 << 30;

// The children of one element in their schema order. Use:
//   Sequence seq(r, {{"creationTime"_L1}, {"id"_L1}, {"record"_L1, 1, kUnbounded}});
//   while (r.nextChild(level)) { const QString name = seq.next(); if (name == u"id") ... }
//   seq.finish();
class Sequence
{
public:
    Sequence(Hl7Reader &reader, std::initializer_list<Slot> places);
    // The current child's name when it may come here; otherwise the error is reported (an
    // unknown element, one out of order or once too often) and the name is empty.
    QString next();
    // After the last child: reports the first required element that is missing.
    void finish();
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    bool satisfied(qsizetype slot, int count, const QString &before);
    Hl7Reader &m_reader;
    QString m_path;
    QList<Slot> m_slots;
    qsizetype m_at = 0;
    int m_count = 0;
};

// An element whose only content is one `child`, read by `read`.
template<typename Read> void readOnly(Hl7Reader &r, QLatin1StringView child, Read &&read)
{
    Sequence seq(r, {{child}});
    const int level = r.level();
    while (r.nextChild(level)) {
        if (!seq.next().isEmpty())
            read();
    }
    seq.finish();
}

// The attribute, which must be there and not blank.
QString requiredAttribute(Hl7Reader &r, QLatin1StringView name);
// The element's text, which must not be blank.
QString requiredText(Hl7Reader &r);
// @value as a timestamp, date of birth or plan date (hl7_time.h), the error naming the value.
QDateTime timestampValue(Hl7Reader &r);
QDate dateValue(Hl7Reader &r);
QDate planDateValue(Hl7Reader &r);
// "-?[0-9]{1,18}": no sign other than minus, no spaces, no overflow.
std::optional<qint64> wholeNumber(QStringView text);
// The attribute as a whole number from `minimum` to `maximum`, `what` naming it in errors.
qint64 numberAttribute(Hl7Reader &r, QLatin1StringView name, qint64 minimum, qint64 maximum,
                       QStringView what);
// At an id: @extension as a verified NHS number (Modulus 11), the error naming the value.
QString nhsNumberIn(Hl7Reader &r);
// At an id of flavour II.NPfIT.uuid.mandatory: @root, an upper-case UUID (§4.2).
QString uuidRoot(Hl7Reader &r);
// Another repeated entry (record, access) fits within kMaxEntries.
bool roomFor(Hl7Reader &r, qsizetype count, QStringView what);

} // namespace cpis::hl7
