// Readers and writers for the four CP-IS messages in HL7 v3 XML.
//
// THE XML STRUCTURE BELOW IS OURS, NOT NHS ENGLAND'S. The Child Protection Domain Message
// Specification's schemas are not public: this is a faithful reading of what is public
// (shared/CPIS-INTERFACE.md) shaped the way HL7 v3 messages are. When the official schemas
// are obtained, correct the structure here, in this one file, and the sample messages in
// tests/data/messages/ with it; nothing else knows the element names.
//
// Every message is its artefact as the root element, in the namespace urn:hl7-org:v3, with
// no transmission wrapper (MESH carries the file):
//   REPC_MT000002GB01  01 Local Authority Upload                      (LA -> CP-IS)
//   REPC_MT000003GB01  02 Local Authority Acknowledgement Response    (CP-IS -> LA)
//   REPC_MT000004GB01  05 Access to Service Notification              (CP-IS -> LA)
//   REPC_MT000005GB01  06 Inactive NHS Number Notification            (CP-IS -> LA)
// Each root starts with
//   <id root="[message id root]" extension="[message or notification id]"/>
//   <code code="05" codeSystem="2.16.840.1.113883.2.1.3.2.4.17.470" displayName="..."/>
//   <creationTime value="20240311143005+0000"/>
// Upload and acknowledgement then carry
//   <sequenceNumber root="2.16.840.1.113883.2.1.3.2.4.18.46" extension="42"/>   (-1 in an
//        acknowledgement when CP-IS could not read the upload's)
//   <recordCount value="3"/>
// A person is always
//   <patient classCode="PAT">
//     <id root="2.16.840.1.113883.2.1.4.1" extension="9990000026"/>        NHS number
//     <id root="2.16.840.1.113883.2.1.3.2.4.18.24" extension="..."/>      local person id
//     <patientPerson> <name><given/>...<family/></name> <birthTime value="yyyymmdd"/>
//   </patient>                                                  (patientPerson: upload only)
//
// Upload:          author/organization/id (ODS, root 2.16.840.1.113883.2.1.3.2.4.19.1; left
//                  out while the authority's code is not configured), then
//                  per record component/planInformation with code LACIU (looked after), CPPIU
//                  (child protection plan) or UCPPIU (unborn child: the mother's details),
//                  effectiveTime/low and optional high (yyyymmdd), optional deleteDate, and
//                  subject/patient.
// Acknowledgement: acknowledgement/acknowledgementDetail/code (CPF01..CPF06), then per record
//                  component/recordResponse with code (CPR01..CPR07), reasonCode (the detail
//                  code, required with CPR07) and subject/patient (NHS number, local id).
// Access notice:   subject/patient (NHS number), then per access component/accessEvent with
//                  effectiveTime, author/assignedAuthor holding the user id (SDS user id root
//                  1.2.826.0.1285.0.2.0.65), jobRoleName, either assignedPerson/name or
//                  assignedAuthoringDevice/softwareName (a system such as 111), and
//                  representedOrganization (ODS id, name); for a system also
//                  responsibleParty/assignedEntity (nominated person: jobRoleName,
//                  assignedPerson/name) and location/patientLocation/addr (e.g. a postcode).
//                  No component at all is an "empty notification": valid to read.
// Inactive number: subject/patient (the inactive number) and optionally
//                  replacedBy/patient (the replacement number).
//
// Guesses to check against the schemas first: the message id root (a placeholder OID), the
// element names sequenceNumber, recordCount, planInformation, deleteDate, recordResponse,
// accessEvent, jobRoleName and replacedBy, the plan codes CPPIU and UCPPIU (only LACIU is
// published), and the code systems of the CPF/CPR/plan codes (unknown, so not written).
//
// Reading is strict: unknown elements, repeated single elements, missing elements or
// attributes, bad NHS numbers, timestamps and codes are refused with "<path>: <problem>",
// the path starting at the root element.
#include "cpis/message_codec.h"

#include "cpis/hl7_reader.h"
#include "cpis/hl7_time.h"
#include "domain/nhs_number.h"

#include <QStringList>
#include <QXmlStreamWriter>

#include <array>
#include <initializer_list>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

const QString kMessageTypeCodeSystem = u"2.16.840.1.113883.2.1.3.2.4.17.470"_s;
const QString kNhsNumberRoot = u"2.16.840.1.113883.2.1.4.1"_s;
const QString kLocalPersonIdRoot = u"2.16.840.1.113883.2.1.3.2.4.18.24"_s;
const QString kSequenceNumberRoot = u"2.16.840.1.113883.2.1.3.2.4.18.46"_s;
const QString kOdsCodeRoot = u"2.16.840.1.113883.2.1.3.2.4.19.1"_s;
const QString kSdsUserIdRoot = u"1.2.826.0.1285.0.2.0.65"_s;
// Placeholder until the schemas say which root CP-IS message ids have: written, and on
// reading any root is accepted (the id is the extension).
const QString kMessageIdRoot = u"2.16.840.1.113883.2.1.3.2.4.18.9999"_s;

struct KindInfo
{
    MessageKind kind;
    QLatin1StringView root;
    QLatin1StringView code;
    QLatin1StringView title;
};

constexpr std::array kKinds{
    KindInfo{MessageKind::Upload, "REPC_MT000002GB01"_L1, "01"_L1, "Local Authority Upload"_L1},
    KindInfo{MessageKind::Acknowledgement, "REPC_MT000003GB01"_L1, "02"_L1,
             "Local Authority Acknowledgement Response"_L1},
    KindInfo{MessageKind::AccessNotification, "REPC_MT000004GB01"_L1, "05"_L1,
             "Access to Service Notification"_L1},
    KindInfo{MessageKind::InactiveNhsNumber, "REPC_MT000005GB01"_L1, "06"_L1,
             "Inactive NHS Number Notification"_L1},
};

const KindInfo &infoOf(MessageKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return info;
    }
    Q_UNREACHABLE();
}

QString describe(const KindInfo &info)
{
    return u"%1 (%2)"_s.arg(info.title, info.root);
}

struct Code
{
    QLatin1StringView code;
    QLatin1StringView meaning;
};

constexpr std::array kFileCodes{
    Code{"CPF01"_L1, "File corrupt or badly formed"_L1},
    Code{"CPF02"_L1, "All records uploaded"_L1},
    Code{"CPF03"_L1, "Partial upload: invalid records rejected"_L1},
    Code{"CPF04"_L1, "No records uploaded"_L1},
    Code{"CPF05"_L1, "Demographics service unavailable: resend"_L1},
    Code{"CPF06"_L1, "Client version no longer supported"_L1},
};

constexpr std::array kRecordCodes{
    Code{"CPR01"_L1, "No PDS match for the NHS number"_L1},
    Code{"CPR02"_L1, "Record is sensitive; cannot be updated"_L1},
    Code{"CPR03"_L1, "NHS number not verified: name or date of birth do not match"_L1},
    Code{"CPR04"_L1, "Old-style NHS number"_L1},
    Code{"CPR05"_L1, "NHS number superseded"_L1},
    Code{"CPR06"_L1, "Success"_L1},
    Code{"CPR07"_L1, "Failure"_L1},
};

struct PlanCode
{
    PlanInformation plan;
    QLatin1StringView code;
    QLatin1StringView meaning;
};

constexpr std::array kPlanCodes{
    PlanCode{PlanInformation::LookedAfter, "LACIU"_L1, "Looked After Child Information"_L1},
    PlanCode{PlanInformation::ChildProtection, "CPPIU"_L1, "Child Protection Plan Information"_L1},
    PlanCode{PlanInformation::UnbornChildProtection, "UCPPIU"_L1,
             "Unborn Child Protection Plan Information"_L1},
};

template<typename Table>
const typename Table::value_type *findCode(const Table &table, QStringView code)
{
    for (const auto &entry : table) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

QString codeList(const auto &table)
{
    QStringList codes;
    for (const auto &entry : table)
        codes.append(QString(entry.code));
    return codes.join(u", "_s);
}

// ---------------------------------------------------------------------------------------
// Reading

// The children of one element: each name at most once, some required.
class Children
{
public:
    explicit Children(Hl7Reader &reader) : m_reader(reader), m_path(reader.path()) {}

    // True the first time the current element's name is met; a repeat is an error.
    bool once()
    {
        const QString name = m_reader.name();
        if (m_seen.contains(name)) {
            m_reader.invalid(u"the element appears more than once"_s);
            return false;
        }
        m_seen.append(name);
        return true;
    }
    [[nodiscard]] bool has(QLatin1StringView name) const { return m_seen.contains(name); }
    void require(std::initializer_list<QLatin1StringView> names)
    {
        for (const QLatin1StringView name : names) {
            if (!m_reader.failed() && !has(name))
                m_reader.invalidAt(m_path, u"missing element "_s + name);
        }
    }
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    Hl7Reader &m_reader;
    QString m_path;
    QStringList m_seen;
};

// An element whose only content is one `child`, read by `read`.
template<typename Read> void readOnly(Hl7Reader &r, QLatin1StringView child, Read &&read)
{
    const QString here = r.path();
    const int level = r.level();
    bool found = false;
    while (r.nextChild(level)) {
        if (r.name() != child) {
            r.unexpected();
        } else if (found) {
            r.invalid(u"the element appears more than once"_s);
        } else {
            found = true;
            read();
        }
    }
    if (!found && !r.failed())
        r.invalidAt(here, u"missing element "_s + child);
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

QDateTime timeValue(Hl7Reader &r)
{
    const QString value = requiredAttribute(r, "value"_L1);
    if (r.failed())
        return {};
    auto time = parseTimestamp(value);
    if (!time) {
        r.invalid(time.error().message);
        return {};
    }
    return *time;
}

QDate dateValue(Hl7Reader &r)
{
    const QString value = requiredAttribute(r, "value"_L1);
    if (r.failed())
        return {};
    auto date = parseDate(value);
    if (!date) {
        r.invalid(date.error().message);
        return {};
    }
    return *date;
}

// "-?[0-9]{1,18}": no sign other than minus, no spaces, no overflow.
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

// At an <id> whose root is the NHS number's.
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

// At an <id> with a given root.
QString identifier(Hl7Reader &r, const QString &root, QStringView what)
{
    const QString actual = requiredAttribute(r, "root"_L1);
    if (r.failed())
        return {};
    if (actual != root) {
        r.invalid(u"identifier root %1 is not the %2 root %3"_s.arg(actual, what, root));
        return {};
    }
    return requiredAttribute(r, "extension"_L1);
}

struct Header
{
    QString id;
    QDateTime createdAt;
};

void checkMessageType(Hl7Reader &r, const KindInfo &kind)
{
    const QString code = requiredAttribute(r, "code"_L1);
    const QString system = requiredAttribute(r, "codeSystem"_L1);
    if (r.failed())
        return;
    if (system != kMessageTypeCodeSystem) {
        r.invalid(u"code system %1 is not the CP-IS message-type code system %2"_s.arg(
            system, kMessageTypeCodeSystem));
    } else if (code != kind.code) {
        r.fail(kErrorKind,
               u"%1: message-type code %2 does not match the root element %3 (which is %4)"_s.arg(
                   r.path(), code, kind.root, kind.code));
    }
}

// The children every message starts with; false when the current child is none of them.
bool readHeaderChild(Hl7Reader &r, Children &seen, const KindInfo &kind, Header &header)
{
    const QString name = r.name();
    if (name == u"id") {
        if (seen.once()) {
            requiredAttribute(r, "root"_L1);
            header.id = requiredAttribute(r, "extension"_L1);
        }
    } else if (name == u"code") {
        if (seen.once())
            checkMessageType(r, kind);
    } else if (name == u"creationTime") {
        if (seen.once())
            header.createdAt = timeValue(r);
    } else {
        return false;
    }
    return true;
}

qint64 sequenceNumber(Hl7Reader &r, qint64 minimum)
{
    const QString value = identifier(r, kSequenceNumberRoot, u"upload sequence number");
    if (r.failed())
        return 0;
    const auto number = wholeNumber(value);
    if (!number) {
        r.invalid(u"sequence number \"%1\" is not a whole number"_s.arg(value));
        return 0;
    }
    if (*number < minimum) {
        r.invalid(u"sequence number %1 is less than %2"_s.arg(value, QString::number(minimum)));
        return 0;
    }
    return *number;
}

int recordCount(Hl7Reader &r)
{
    const QString value = requiredAttribute(r, "value"_L1);
    if (r.failed())
        return 0;
    const auto number = wholeNumber(value);
    if (!number || *number < 0) {
        r.invalid(u"record count \"%1\" is not a whole number of records"_s.arg(value));
        return 0;
    }
    if (*number > kMaxEntries) {
        r.fail(kErrorTooLarge, u"%1: a record count of %2 is more than the %3 accepted"_s.arg(
                                   r.path(), value, QString::number(kMaxEntries)));
        return 0;
    }
    return static_cast<int>(*number);
}

// Another repeated entry (record, access) fits within kMaxEntries.
bool roomFor(Hl7Reader &r, qsizetype count, QStringView what)
{
    if (count < kMaxEntries)
        return true;
    r.fail(kErrorTooLarge, u"%1: more than %2 %3 in one message"_s.arg(
                               r.path(), QString::number(kMaxEntries), what));
    return false;
}

struct PatientIds
{
    QString nhsNumber;
    QString localPersonId;
};

void readPatientId(Hl7Reader &r, PatientIds &ids, bool allowLocalId)
{
    const QString root = requiredAttribute(r, "root"_L1);
    if (r.failed())
        return;
    if (root == kNhsNumberRoot) {
        if (!ids.nhsNumber.isEmpty())
            r.invalid(u"a second NHS number"_s);
        else
            ids.nhsNumber = nhsNumberIn(r);
    } else if (allowLocalId && root == kLocalPersonIdRoot) {
        if (!ids.localPersonId.isEmpty())
            r.invalid(u"a second local person id"_s);
        else
            ids.localPersonId = requiredAttribute(r, "extension"_L1);
    } else {
        r.invalid(u"unexpected identifier root %1"_s.arg(root));
    }
}

void readPersonName(Hl7Reader &r, UploadRecord &record)
{
    Children seen(r);
    QStringList given;
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (name == u"given") {
            given.append(requiredText(r));
        } else if (name == u"family") {
            if (seen.once())
                record.surname = requiredText(r);
        } else {
            r.unexpected();
        }
    }
    seen.require({"family"_L1});
    record.forenames = given.join(u' ');
}

void readPatientPerson(Hl7Reader &r, UploadRecord &record)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (name == u"name") {
            if (seen.once())
                readPersonName(r, record);
        } else if (name == u"birthTime") {
            if (seen.once())
                record.dateOfBirth = dateValue(r);
        } else {
            r.unexpected();
        }
    }
    seen.require({"name"_L1, "birthTime"_L1});
}

// <patient>: ids, and for an upload record the person's name and date of birth.
void readPatient(Hl7Reader &r, PatientIds &ids, bool allowLocalId, UploadRecord *person)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (name == u"id") {
            readPatientId(r, ids, allowLocalId);
        } else if (person && name == u"patientPerson") {
            if (seen.once())
                readPatientPerson(r, *person);
        } else {
            r.unexpected();
        }
    }
    if (!r.failed() && ids.nhsNumber.isEmpty()) {
        r.invalidAt(seen.path(),
                    u"missing element id with root %1 (the NHS number)"_s.arg(kNhsNumberRoot));
    }
    if (person)
        seen.require({"patientPerson"_L1});
}

// The root element must be one of the four, in the HL7 namespace.
const KindInfo *kindOfRoot(Hl7Reader &r)
{
    if (r.rootNamespace() != kHl7Namespace) {
        r.fail(kErrorKind,
               u"unknown message kind: root element %1 is not in the HL7 v3 namespace %2%3"_s.arg(
                   r.rootName(), kHl7Namespace,
                   r.rootNamespace().isEmpty()
                       ? QString()
                       : u" (its namespace is %1)"_s.arg(r.rootNamespace())));
        return nullptr;
    }
    for (const KindInfo &info : kKinds) {
        if (r.rootName() == info.root)
            return &info;
    }
    QStringList roots;
    for (const KindInfo &info : kKinds)
        roots.append(QString(info.root));
    r.fail(kErrorKind,
           u"unknown message kind: root element %1 (a CP-IS message is one of %2)"_s.arg(
               r.rootName(), roots.join(u", "_s)));
    return nullptr;
}

bool openAs(Hl7Reader &r, MessageKind expected)
{
    if (!r.open())
        return false;
    const KindInfo *kind = kindOfRoot(r);
    if (!kind)
        return false;
    if (kind->kind != expected) {
        r.fail(kErrorKind, u"wrong message kind: expected %1, found %2"_s.arg(
                               describe(infoOf(expected)), describe(*kind)));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------
// Writing

using Attributes = std::initializer_list<std::pair<QString, QString>>;

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

class Writer
{
public:
    Writer(QByteArray *out, const KindInfo &kind, const QString &id, const QDateTime &createdAt)
        : m_xml(out)
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(2);
        m_xml.writeStartDocument();
        m_xml.writeStartElement(QString(kind.root));
        m_xml.writeDefaultNamespace(QString(kHl7Namespace));
        this->id(kMessageIdRoot, id);
        empty(u"code"_s, {{u"code"_s, QString(kind.code)},
                          {u"codeSystem"_s, kMessageTypeCodeSystem},
                          {u"displayName"_s, QString(kind.title)}});
        empty(u"creationTime"_s, {{u"value"_s, formatTimestamp(createdAt)}});
    }

    void start(const QString &name, Attributes attributes = {})
    {
        m_xml.writeStartElement(name);
        for (const auto &[key, value] : attributes)
            m_xml.writeAttribute(key, xmlSafe(value));
    }
    void end() { m_xml.writeEndElement(); }
    void empty(const QString &name, Attributes attributes)
    {
        m_xml.writeEmptyElement(name);
        for (const auto &[key, value] : attributes)
            m_xml.writeAttribute(key, xmlSafe(value));
    }
    void text(const QString &name, const QString &value)
    {
        m_xml.writeTextElement(name, xmlSafe(value));
    }
    void id(const QString &root, const QString &extension)
    {
        empty(u"id"_s, {{u"root"_s, root}, {u"extension"_s, extension}});
    }
    void code(const QString &code, QLatin1StringView meaning)
    {
        empty(u"code"_s, {{u"code"_s, code}, {u"displayName"_s, QString(meaning)}});
    }
    void sequenceAndCount(qint64 sequenceNumber, qsizetype recordCount)
    {
        empty(u"sequenceNumber"_s, {{u"root"_s, kSequenceNumberRoot},
                                    {u"extension"_s, QString::number(sequenceNumber)}});
        empty(u"recordCount"_s, {{u"value"_s, QString::number(recordCount)}});
    }
    // <patient> with its ids; `person` for an upload record.
    void patient(const QString &nhsNumber, const QString &localPersonId,
                 const UploadRecord *person = nullptr)
    {
        start(u"patient"_s, {{u"classCode"_s, u"PAT"_s}});
        id(kNhsNumberRoot, nhsNumber);
        if (!localPersonId.isEmpty())
            id(kLocalPersonIdRoot, localPersonId);
        if (person) {
            start(u"patientPerson"_s,
                  {{u"classCode"_s, u"PSN"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
            start(u"name"_s);
            for (const QString &given : person->forenames.split(u' ', Qt::SkipEmptyParts))
                text(u"given"_s, given);
            text(u"family"_s, person->surname);
            end();
            if (person->dateOfBirth.isValid()) // else the reader says it is missing
                empty(u"birthTime"_s, {{u"value"_s, formatDate(person->dateOfBirth)}});
            end();
        }
        end();
    }
    void finish() { m_xml.writeEndDocument(); }

private:
    QXmlStreamWriter m_xml;
};

} // namespace

// ---------------------------------------------------------------------------------------

Result<MessageKind> detectKind(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!r.open())
        return r.error();
    const KindInfo *kind = kindOfRoot(r);
    if (!kind)
        return r.error();
    // The message-type code, when there is one, must agree with the root.
    const int level = r.level();
    while (r.nextChild(level)) {
        if (r.name() == u"code") {
            const QString system = r.attribute("codeSystem"_L1);
            const QString code = r.attribute("code"_L1);
            if (system == kMessageTypeCodeSystem && code != kind->code) {
                r.fail(kErrorKind,
                       u"%1: message-type code %2 does not match the root element %3 (which is "
                       "%4)"_s.arg(r.path(), code, kind->root, kind->code));
            }
            break;
        }
        r.skipElement();
    }
    if (r.failed())
        return r.error();
    return kind->kind;
}

// --- Access to Service Notification -----------------------------------------------------

namespace {

void readOrganisation(Hl7Reader &r, AccessRecord &access)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (name == u"id") {
            if (seen.once())
                access.organisationOds = identifier(r, kOdsCodeRoot, u"ODS organisation code");
        } else if (name == u"name") {
            if (seen.once())
                access.organisationName = requiredText(r);
        } else {
            r.unexpected();
        }
    }
    seen.require({"id"_L1, "name"_L1});
}

void readAssignedAuthor(Hl7Reader &r, AccessRecord &access)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"id") {
            access.accessorUserId = identifier(r, kSdsUserIdRoot, u"SDS user id");
        } else if (name == u"jobRoleName") {
            access.accessorRole = requiredText(r);
        } else if (name == u"assignedPerson") {
            readOnly(r, "name"_L1, [&] { access.accessorName = requiredText(r); });
        } else if (name == u"assignedAuthoringDevice") {
            access.bySystem = true;
            readOnly(r, "softwareName"_L1, [&] { access.systemName = requiredText(r); });
        } else if (name == u"representedOrganization") {
            readOrganisation(r, access);
        } else {
            r.unexpected();
        }
    }
    if (r.failed())
        return;
    const bool person = seen.has("assignedPerson"_L1);
    const bool system = seen.has("assignedAuthoringDevice"_L1);
    if (person == system) {
        r.invalidAt(seen.path(),
                    person ? u"both assignedPerson and assignedAuthoringDevice: an access is by "
                             "a person or by a system"_s
                           : u"missing element assignedPerson or assignedAuthoringDevice"_s);
    }
    seen.require({"representedOrganization"_L1});
}

void readResponsibleParty(Hl7Reader &r, AccessRecord &access)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"jobRoleName")
            access.leadRole = requiredText(r);
        else if (name == u"assignedPerson")
            readOnly(r, "name"_L1, [&] { access.leadName = requiredText(r); });
        else
            r.unexpected();
    }
    seen.require({"assignedPerson"_L1});
}

AccessRecord readAccessEvent(Hl7Reader &r)
{
    AccessRecord access;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"effectiveTime") {
            access.accessedAt = timeValue(r);
        } else if (name == u"author") {
            readOnly(r, "assignedAuthor"_L1, [&] { readAssignedAuthor(r, access); });
        } else if (name == u"responsibleParty") {
            readOnly(r, "assignedEntity"_L1, [&] { readResponsibleParty(r, access); });
        } else if (name == u"location") {
            readOnly(r, "patientLocation"_L1, [&] {
                readOnly(r, "addr"_L1, [&] { access.patientLocation = requiredText(r); });
            });
        } else {
            r.unexpected();
        }
    }
    seen.require({"effectiveTime"_L1, "author"_L1});
    if (!r.failed() && access.bySystem && !seen.has("responsibleParty"_L1)) {
        r.invalidAt(seen.path(), u"missing element responsibleParty (the nominated person for an "
                                 "access by a system)"_s);
    }
    return access;
}

} // namespace

Result<AccessNotification> readAccessNotification(const QByteArray &xml)
{
    const KindInfo &kind = infoOf(MessageKind::AccessNotification);
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, kind.kind))
        return r.error();

    AccessNotification notification;
    Header header;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        if (readHeaderChild(r, seen, kind, header))
            continue;
        const QString name = r.name();
        if (name == u"subject") {
            if (seen.once()) {
                PatientIds ids;
                readOnly(r, "patient"_L1, [&] { readPatient(r, ids, false, nullptr); });
                notification.nhsNumber = ids.nhsNumber;
            }
        } else if (name == u"component") {
            if (roomFor(r, notification.accesses.size(), u"access records"))
                readOnly(r, "accessEvent"_L1,
                         [&] { notification.accesses.append(readAccessEvent(r)); });
        } else {
            r.unexpected();
        }
    }
    seen.require({"id"_L1, "code"_L1, "creationTime"_L1, "subject"_L1});
    if (!r.finish())
        return r.error();
    notification.notificationId = header.id;
    notification.createdAt = header.createdAt;
    return notification;
}

QByteArray writeAccessNotification(const AccessNotification &notification)
{
    QByteArray out;
    {
        Writer w(&out, infoOf(MessageKind::AccessNotification), notification.notificationId,
                 notification.createdAt);
        w.start(u"subject"_s, {{u"typeCode"_s, u"SBJ"_s}});
        w.patient(notification.nhsNumber, {});
        w.end();
        for (const AccessRecord &access : notification.accesses) {
            w.start(u"component"_s, {{u"typeCode"_s, u"COMP"_s}});
            w.start(u"accessEvent"_s, {{u"classCode"_s, u"ACT"_s}, {u"moodCode"_s, u"EVN"_s}});
            w.empty(u"effectiveTime"_s, {{u"value"_s, formatTimestamp(access.accessedAt)}});

            w.start(u"author"_s, {{u"typeCode"_s, u"AUT"_s}});
            w.start(u"assignedAuthor"_s, {{u"classCode"_s, u"ASSIGNED"_s}});
            if (!access.accessorUserId.isEmpty())
                w.id(kSdsUserIdRoot, access.accessorUserId);
            if (!access.accessorRole.isEmpty())
                w.text(u"jobRoleName"_s, access.accessorRole);
            if (access.bySystem) {
                w.start(u"assignedAuthoringDevice"_s,
                        {{u"classCode"_s, u"DEV"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
                w.text(u"softwareName"_s, access.systemName);
            } else {
                w.start(u"assignedPerson"_s,
                        {{u"classCode"_s, u"PSN"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
                w.text(u"name"_s, access.accessorName);
            }
            w.end();
            w.start(u"representedOrganization"_s,
                    {{u"classCode"_s, u"ORG"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
            w.id(kOdsCodeRoot, access.organisationOds);
            w.text(u"name"_s, access.organisationName);
            w.end();
            w.end(); // assignedAuthor
            w.end(); // author

            if (access.bySystem || !access.leadName.isEmpty()) {
                w.start(u"responsibleParty"_s, {{u"typeCode"_s, u"RESP"_s}});
                w.start(u"assignedEntity"_s, {{u"classCode"_s, u"ASSIGNED"_s}});
                if (!access.leadRole.isEmpty())
                    w.text(u"jobRoleName"_s, access.leadRole);
                w.start(u"assignedPerson"_s,
                        {{u"classCode"_s, u"PSN"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
                w.text(u"name"_s, access.leadName);
                w.end();
                w.end();
                w.end();
            }
            if (!access.patientLocation.isEmpty()) {
                w.start(u"location"_s, {{u"typeCode"_s, u"LOC"_s}});
                w.start(u"patientLocation"_s, {{u"classCode"_s, u"PLC"_s}});
                w.text(u"addr"_s, access.patientLocation);
                w.end();
                w.end();
            }
            w.end(); // accessEvent
            w.end(); // component
        }
        w.finish();
    }
    return out;
}

// --- Local Authority Acknowledgement Response ---------------------------------------------

namespace {

AcknowledgementRecord readRecordResponse(Hl7Reader &r)
{
    AcknowledgementRecord record;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"code") {
            record.code = requiredAttribute(r, "code"_L1);
            if (!r.failed() && !findCode(kRecordCodes, record.code)) {
                r.invalid(u"unknown record response code %1 (expected one of %2)"_s.arg(
                    record.code, codeList(kRecordCodes)));
            }
        } else if (name == u"reasonCode") {
            record.detailCode = requiredAttribute(r, "code"_L1);
        } else if (name == u"subject") {
            PatientIds ids;
            readOnly(r, "patient"_L1, [&] { readPatient(r, ids, true, nullptr); });
            record.nhsNumber = ids.nhsNumber;
            record.localPersonId = ids.localPersonId;
        } else {
            r.unexpected();
        }
    }
    seen.require({"code"_L1, "subject"_L1});
    if (!r.failed() && record.code == u"CPR07" && record.detailCode.isEmpty())
        r.invalidAt(seen.path(), u"missing element reasonCode (the detail code of a CPR07)"_s);
    return record;
}

} // namespace

Result<Acknowledgement> readAcknowledgement(const QByteArray &xml)
{
    const KindInfo &kind = infoOf(MessageKind::Acknowledgement);
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, kind.kind))
        return r.error();

    Acknowledgement ack;
    Header header;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        if (readHeaderChild(r, seen, kind, header))
            continue;
        const QString name = r.name();
        if (name == u"sequenceNumber") {
            if (seen.once())
                ack.sequenceNumber = sequenceNumber(r, -1);
        } else if (name == u"recordCount") {
            if (seen.once())
                ack.recordCount = recordCount(r);
        } else if (name == u"acknowledgement") {
            if (seen.once()) {
                readOnly(r, "acknowledgementDetail"_L1, [&] {
                    readOnly(r, "code"_L1, [&] {
                        ack.fileCode = requiredAttribute(r, "code"_L1);
                        if (!r.failed() && !findCode(kFileCodes, ack.fileCode)) {
                            r.invalid(u"unknown file response code %1 (expected one of %2)"_s.arg(
                                ack.fileCode, codeList(kFileCodes)));
                        }
                    });
                });
            }
        } else if (name == u"component") {
            if (roomFor(r, ack.records.size(), u"record responses"))
                readOnly(r, "recordResponse"_L1,
                         [&] { ack.records.append(readRecordResponse(r)); });
        } else {
            r.unexpected();
        }
    }
    seen.require({"id"_L1, "code"_L1, "creationTime"_L1, "sequenceNumber"_L1, "recordCount"_L1,
                  "acknowledgement"_L1});
    if (!r.finish())
        return r.error();
    ack.messageId = header.id;
    ack.createdAt = header.createdAt;
    return ack;
}

QByteArray writeAcknowledgement(const Acknowledgement &acknowledgement)
{
    QByteArray out;
    {
        Writer w(&out, infoOf(MessageKind::Acknowledgement), acknowledgement.messageId,
                 acknowledgement.createdAt);
        w.sequenceAndCount(acknowledgement.sequenceNumber, acknowledgement.recordCount);

        // HL7's own acknowledgement type: accepted, accepted with errors, or rejected.
        const QString &file = acknowledgement.fileCode;
        const QString type = file == u"CPF02" ? u"AA"_s : file == u"CPF03" ? u"AE"_s : u"AR"_s;
        const auto *fileCode = findCode(kFileCodes, file);
        w.start(u"acknowledgement"_s, {{u"typeCode"_s, type}});
        w.start(u"acknowledgementDetail"_s, {{u"typeCode"_s, type == u"AA" ? u"IF"_s : u"ER"_s}});
        w.code(file, fileCode ? fileCode->meaning : QLatin1StringView());
        w.end();
        w.end();

        for (const AcknowledgementRecord &record : acknowledgement.records) {
            w.start(u"component"_s, {{u"typeCode"_s, u"COMP"_s}});
            w.start(u"recordResponse"_s, {{u"classCode"_s, u"OBS"_s}, {u"moodCode"_s, u"EVN"_s}});
            const auto *recordCode = findCode(kRecordCodes, record.code);
            w.code(record.code, recordCode ? recordCode->meaning : QLatin1StringView());
            if (!record.detailCode.isEmpty())
                w.empty(u"reasonCode"_s, {{u"code"_s, record.detailCode}});
            w.start(u"subject"_s, {{u"typeCode"_s, u"SBJ"_s}});
            w.patient(record.nhsNumber, record.localPersonId);
            w.end();
            w.end();
            w.end();
        }
        w.finish();
    }
    return out;
}

// --- Inactive NHS Number Notification ------------------------------------------------------

Result<InactiveNhsNumberNotification> readInactiveNhsNumber(const QByteArray &xml)
{
    const KindInfo &kind = infoOf(MessageKind::InactiveNhsNumber);
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, kind.kind))
        return r.error();

    InactiveNhsNumberNotification notification;
    Header header;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        if (readHeaderChild(r, seen, kind, header))
            continue;
        const QString name = r.name();
        if (name == u"subject" || name == u"replacedBy") {
            if (seen.once()) {
                const QString here = r.path();
                PatientIds ids;
                readOnly(r, "patient"_L1, [&] { readPatient(r, ids, false, nullptr); });
                if (name == u"subject") {
                    notification.nhsNumber = ids.nhsNumber;
                } else if (!r.failed() && ids.nhsNumber == notification.nhsNumber) {
                    r.invalidAt(here, u"the replacement NHS number %1 is the inactive number "
                                      "itself"_s.arg(ids.nhsNumber));
                } else {
                    notification.replacementNhsNumber = ids.nhsNumber;
                }
            }
        } else {
            r.unexpected();
        }
    }
    seen.require({"id"_L1, "code"_L1, "creationTime"_L1, "subject"_L1});
    if (!r.finish())
        return r.error();
    notification.notificationId = header.id;
    notification.createdAt = header.createdAt;
    return notification;
}

QByteArray writeInactiveNhsNumber(const InactiveNhsNumberNotification &notification)
{
    QByteArray out;
    {
        Writer w(&out, infoOf(MessageKind::InactiveNhsNumber), notification.notificationId,
                 notification.createdAt);
        w.start(u"subject"_s, {{u"typeCode"_s, u"SBJ"_s}});
        w.patient(notification.nhsNumber, {});
        w.end();
        if (!notification.replacementNhsNumber.isEmpty()) {
            w.start(u"replacedBy"_s, {{u"typeCode"_s, u"RPLC"_s}});
            w.patient(notification.replacementNhsNumber, {});
            w.end();
        }
        w.finish();
    }
    return out;
}

// --- Local Authority Upload ---------------------------------------------------------------

namespace {

void readPlanPeriod(Hl7Reader &r, UploadRecord &record)
{
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"low")
            record.planStart = dateValue(r);
        else if (name == u"high")
            record.planEnd = dateValue(r);
        else
            r.unexpected();
    }
    seen.require({"low"_L1});
    if (!r.failed() && record.planEnd.isValid() && record.planEnd < record.planStart)
        r.invalidAt(seen.path(), u"the plan ends before it starts"_s);
}

UploadRecord readPlanInformation(Hl7Reader &r)
{
    UploadRecord record;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = r.name();
        if (!seen.once())
            break;
        if (name == u"code") {
            const QString code = requiredAttribute(r, "code"_L1);
            if (r.failed())
                break;
            if (const auto *plan = findCode(kPlanCodes, code))
                record.plan = plan->plan;
            else
                r.invalid(u"unknown plan information code %1 (expected one of %2)"_s.arg(
                    code, codeList(kPlanCodes)));
        } else if (name == u"effectiveTime") {
            readPlanPeriod(r, record);
        } else if (name == u"deleteDate") {
            record.deleteDate = dateValue(r);
        } else if (name == u"subject") {
            PatientIds ids;
            readOnly(r, "patient"_L1, [&] { readPatient(r, ids, true, &record); });
            record.nhsNumber = ids.nhsNumber;
            record.localPersonId = ids.localPersonId;
        } else {
            r.unexpected();
        }
    }
    seen.require({"code"_L1, "effectiveTime"_L1, "subject"_L1});
    return record;
}

} // namespace

Result<Upload> readUpload(const QByteArray &xml)
{
    const KindInfo &kind = infoOf(MessageKind::Upload);
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, kind.kind))
        return r.error();

    Upload upload;
    Header header;
    int count = 0;
    QString countPath;
    Children seen(r);
    const int level = r.level();
    while (r.nextChild(level)) {
        if (readHeaderChild(r, seen, kind, header))
            continue;
        const QString name = r.name();
        if (name == u"sequenceNumber") {
            if (seen.once())
                upload.sequenceNumber = sequenceNumber(r, 0);
        } else if (name == u"recordCount") {
            if (seen.once()) {
                countPath = r.path();
                count = recordCount(r);
            }
        } else if (name == u"author") {
            if (seen.once()) {
                readOnly(r, "organization"_L1, [&] {
                    readOnly(r, "id"_L1, [&] {
                        upload.senderOds = identifier(r, kOdsCodeRoot, u"ODS organisation code");
                    });
                });
            }
        } else if (name == u"component") {
            if (roomFor(r, upload.records.size(), u"records"))
                readOnly(r, "planInformation"_L1,
                         [&] { upload.records.append(readPlanInformation(r)); });
        } else {
            r.unexpected();
        }
    }
    seen.require({"id"_L1, "code"_L1, "creationTime"_L1, "sequenceNumber"_L1, "recordCount"_L1});
    if (!r.failed() && count != upload.records.size()) {
        r.invalidAt(countPath, u"the record count is %1 but the upload holds %2 records"_s.arg(
                                   QString::number(count), QString::number(upload.records.size())));
    }
    if (!r.finish())
        return r.error();
    upload.messageId = header.id;
    upload.createdAt = header.createdAt;
    return upload;
}

QByteArray writeUpload(const Upload &upload)
{
    QByteArray out;
    {
        Writer w(&out, infoOf(MessageKind::Upload), upload.messageId, upload.createdAt);
        w.sequenceAndCount(upload.sequenceNumber, upload.records.size());
        // Optional while the authority's code is not configured: MESH names the sender too.
        if (!upload.senderOds.isEmpty()) {
            w.start(u"author"_s, {{u"typeCode"_s, u"AUT"_s}});
            w.start(u"organization"_s,
                    {{u"classCode"_s, u"ORG"_s}, {u"determinerCode"_s, u"INSTANCE"_s}});
            w.id(kOdsCodeRoot, upload.senderOds);
            w.end();
            w.end();
        }
        for (const UploadRecord &record : upload.records) {
            w.start(u"component"_s, {{u"typeCode"_s, u"COMP"_s}});
            w.start(u"planInformation"_s, {{u"classCode"_s, u"OBS"_s}, {u"moodCode"_s, u"EVN"_s}});
            for (const PlanCode &plan : kPlanCodes) {
                if (plan.plan == record.plan)
                    w.code(QString(plan.code), plan.meaning);
            }
            w.start(u"effectiveTime"_s);
            if (record.planStart.isValid())
                w.empty(u"low"_s, {{u"value"_s, formatDate(record.planStart)}});
            if (record.planEnd.isValid())
                w.empty(u"high"_s, {{u"value"_s, formatDate(record.planEnd)}});
            w.end();
            if (record.deleteDate.isValid())
                w.empty(u"deleteDate"_s, {{u"value"_s, formatDate(record.deleteDate)}});
            w.start(u"subject"_s, {{u"typeCode"_s, u"SBJ"_s}});
            w.patient(record.nhsNumber, record.localPersonId, &record);
            w.end();
            w.end();
            w.end();
        }
        w.finish();
    }
    return out;
}

} // namespace cpis::hl7
