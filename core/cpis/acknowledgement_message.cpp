// Reads and writes the Local Authority Acknowledgement Response. Follows CPIS-DMS.md §2.2
// (REPC_MT000003GB01) element by element, with the vocabularies of §3.10 and the record
// templates of §3 (message_templates.cpp):
//   FileResponse: creationTime, id/@extension (-1 when unreadable; a root is ignored, U6),
//     transmissionQuantity (-1 after a file-level error),
//     acknowledgementFile/acknowledgementFileDetail 1..* /code (CPF, exact displayName),
//     acknowledgementRecord 0..1 (nillable) /acknowledgementRecordDetail 1..* (code CE, location),
//     communicationFunctionRcv/organisation, failedReturnedCP-ISRecords/value,
//     message 0..* (nillable) /cP-ISLAAcknowledgementResponse/pertinentInformation1/
//       validCP-ISRecord (subject) | invalidCP-ISRecord (pertinentInformation, subject),
//     successfulReturnedCP-ISRecords/value
// Tolerant where §5 is open: the CE's displayName, originalText and translation (the CPR07
// detail code, U3) are optional, and valid records may or may not be echoed (U2).
#include "cpis/acknowledgement_message.h"

#include "cpis/hl7_time.h"
#include "cpis/message_kind.h"
#include "cpis/message_templates.h"

#include <array>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

const QString kRecordResponseSystem = u"2.16.840.1.113883.2.1.3.2.4.17.473"_s;

struct Code
{
    QLatin1StringView code;
    QLatin1StringView displayName;
};

// CP-ISUploadFileResponse (…17.474) and CP-ISUploadRecordResponse (…17.473), spelt as the
// vocabulary schema enumerates them (CPR07's misspelling included).
constexpr std::array kFileCodes{
    Code{"CPF01"_L1, "File Level Error"_L1},
    Code{"CPF02"_L1, "Successful File Upload"_L1},
    Code{"CPF03"_L1, "Partial File Upload"_L1},
    Code{"CPF04"_L1, "Unsuccessful File Upload"_L1},
    Code{"CPF05"_L1, "PDS Error - PDS Unavailable"_L1},
    Code{"CPF06"_L1, "Spine ii rejected the request because this version of the CPIS Client is "
                     "no longer supported"_L1},
};

constexpr std::array kRecordCodes{
    Code{"CPR01"_L1, "PDS Error - No Match Found for NHS Number"_L1},
    Code{"CPR02"_L1, "PDS Error - NHS Number Matched, but Sensitive Record"_L1},
    Code{"CPR03"_L1, "PDS Error - NHS Number not Verified"_L1},
    Code{"CPR04"_L1, "PDS Error - NHS Number Format Incorrect"_L1},
    Code{"CPR05"_L1, "PDS Error - NHS Number Verified, but Superseded"_L1},
    Code{"CPR06"_L1, "Successful Record Upload"_L1},
    Code{"CPR07"_L1, "Unsucessful Record Upload"_L1},
};

template<typename Table> const Code *findCode(const Table &table, QStringView code)
{
    for (const Code &entry : table) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

template<typename Table> QString codeList(const Table &table)
{
    QStringList codes;
    for (const Code &entry : table)
        codes.append(QString(entry.code));
    return codes.join(u", "_s);
}

// acknowledgementFileDetail/code: a CV whose code and displayName are both enumerated.
QString readFileCode(Hl7Reader &r)
{
    const QString code = requiredAttribute(r, "code"_L1);
    const QString displayName = requiredAttribute(r, "displayName"_L1);
    if (r.failed())
        return {};
    const Code *known = findCode(kFileCodes, code);
    if (!known) {
        r.invalid(u"unknown file response code %1 (expected one of %2)"_s.arg(
            code, codeList(kFileCodes)));
    } else if (displayName != known->displayName &&
               displayName != QString(known->displayName) + u'.') { // CPF06's change history
        r.invalid(u"display name \"%1\" is not the one of %2 (\"%3\")"_s.arg(displayName, code,
                                                                             known->displayName));
    }
    return code;
}

// acknowledgementRecordDetail/code: an unconstrained CE.
void readRecordCode(Hl7Reader &r, RecordOutcome &outcome)
{
    outcome.code = requiredAttribute(r, "code"_L1);
    if (r.failed())
        return;
    if (!findCode(kRecordCodes, outcome.code)) {
        r.invalid(u"unknown record response code %1 (expected one of %2)"_s.arg(
            outcome.code, codeList(kRecordCodes)));
        return;
    }
    outcome.displayName = r.attribute("displayName"_L1).trimmed();
    Sequence seq(r, {{"originalText"_L1, 0, 1}, {"translation"_L1, 0, kUnbounded}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"originalText") {
            outcome.detailText = r.readText();
        } else if (name == u"translation") {
            if (outcome.detailCode.isEmpty())
                outcome.detailCode = r.attribute("code"_L1).trimmed();
            r.skipElement(); // a CD may hold more than the code; the code is what counts
        }
    }
    seq.finish();
}

RecordOutcome readRecordDetail(Hl7Reader &r)
{
    RecordOutcome outcome;
    Sequence seq(r, {{"code"_L1}, {"location"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"code")
            readRecordCode(r, outcome);
        else if (name == u"location")
            outcome.location = r.readText();
    }
    seq.finish();
    return outcome;
}

ReturnedRecord readReturned(Hl7Reader &r)
{
    ReturnedRecord record;
    readOnly(r, "cP-ISLAAcknowledgementResponse"_L1, [&] {
        readOnly(r, "pertinentInformation1"_L1, [&] {
            Sequence seq(r, {{"validCP-ISRecord|invalidCP-ISRecord"_L1}});
            const int level = r.level();
            while (r.nextChild(level)) {
                const QString name = seq.next();
                if (name.isEmpty())
                    break;
                record.valid = name == u"validCP-ISRecord";
                PlanSubject subject;
                readRecordContent(r, !record.valid, subject, record.plans);
                record.unborn = subject.unborn;
                record.ids = subject.ids;
                record.forenames = subject.forenames;
                record.surname = subject.surname;
                record.dateOfBirth = subject.dateOfBirth;
            }
            seq.finish();
        });
    });
    return record;
}

int countValue(Hl7Reader &r)
{
    int count = 0;
    readOnly(r, "value"_L1, [&] {
        count = int(numberAttribute(r, "value"_L1, -1, kMaxEntries, u"record count"));
    });
    return count;
}

void writeCount(Hl7Writer &w, QLatin1StringView element, int count)
{
    w.start(element);
    w.value("value"_L1, QString::number(count));
    w.end();
}

void writeRecordCode(Hl7Writer &w, const RecordOutcome &outcome)
{
    const Code *known = findCode(kRecordCodes, outcome.code);
    const QString displayName = !outcome.displayName.isEmpty() ? outcome.displayName
                                : known                        ? QString(known->displayName)
                                                               : QString();
    w.start("code"_L1, {{"code"_L1, outcome.code},
                        {"codeSystem"_L1, kRecordResponseSystem},
                        {"displayName"_L1, displayName}});
    if (!outcome.detailText.isEmpty())
        w.text("originalText"_L1, outcome.detailText);
    if (!outcome.detailCode.isEmpty())
        w.empty("translation"_L1, {{"code"_L1, outcome.detailCode}});
    w.end();
}

void writeReturned(Hl7Writer &w, const ReturnedRecord &record, const QString &authority)
{
    w.start("message"_L1);
    w.start("cP-ISLAAcknowledgementResponse"_L1);
    w.start("pertinentInformation1"_L1);
    w.start(record.valid ? "validCP-ISRecord"_L1 : "invalidCP-ISRecord"_L1);
    const PlanSubject subject{record.unborn, record.ids, record.forenames, record.surname,
                              record.dateOfBirth};
    writeRecordContent(w, subject, record.valid ? QList<UploadPlan>() : record.plans, authority);
    w.end();
    w.end();
    w.end();
    w.end();
}

} // namespace

QString ackCodeDisplayName(const QString &code)
{
    if (const Code *file = findCode(kFileCodes, code))
        return QString(file->displayName);
    if (const Code *record = findCode(kRecordCodes, code))
        return QString(record->displayName);
    return {};
}

Result<Acknowledgement> readAcknowledgement(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, MessageKind::Acknowledgement))
        return r.error();

    Acknowledgement ack;
    Sequence seq(r, {{"creationTime"_L1},
                     {"id"_L1},
                     {"transmissionQuantity"_L1},
                     {"acknowledgementFile"_L1},
                     {"acknowledgementRecord"_L1, 0, 1},
                     {"communicationFunctionRcv"_L1},
                     {"failedReturnedCP-ISRecords"_L1},
                     {"message"_L1, 0, kUnbounded},
                     {"successfulReturnedCP-ISRecords"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"creationTime") {
            ack.createdAt = timestampValue(r);
        } else if (name == u"id") {
            ack.sequenceNumber = readFileSequence(r, -1);
        } else if (name == u"transmissionQuantity") {
            ack.recordCount = int(numberAttribute(r, "value"_L1, -1, kMaxEntries, u"record count"));
        } else if (name == u"acknowledgementFile") {
            Sequence details(r, {{"acknowledgementFileDetail"_L1, 1, kUnbounded}});
            const int fileLevel = r.level();
            while (r.nextChild(fileLevel)) {
                if (!details.next().isEmpty())
                    readOnly(r, "code"_L1, [&] { ack.fileCodes.append(readFileCode(r)); });
            }
            details.finish();
        } else if (name == u"acknowledgementRecord" && !r.isNil()) {
            Sequence details(r, {{"acknowledgementRecordDetail"_L1, 1, kUnbounded}});
            const int recordLevel = r.level();
            while (r.nextChild(recordLevel)) {
                if (!details.next().isEmpty() &&
                    roomFor(r, ack.outcomes.size(), u"record outcomes"))
                    ack.outcomes.append(readRecordDetail(r));
            }
            details.finish();
        } else if (name == u"communicationFunctionRcv") {
            readOnly(r, "organisation"_L1, [&] { ack.receiver = readAuthority(r); });
        } else if (name == u"failedReturnedCP-ISRecords") {
            ack.failedCount = countValue(r);
        } else if (name == u"message" && !r.isNil()) {
            if (roomFor(r, ack.returned.size(), u"returned records"))
                ack.returned.append(readReturned(r));
        } else if (name == u"successfulReturnedCP-ISRecords") {
            ack.successfulCount = countValue(r);
        }
    }
    seq.finish();
    if (!r.finish())
        return r.error();
    return ack;
}

QByteArray writeAcknowledgement(const Acknowledgement &acknowledgement)
{
    const Acknowledgement &ack = acknowledgement;
    QByteArray out;
    {
        Hl7Writer w(&out, kindInfo(MessageKind::Acknowledgement).root);
        w.value("creationTime"_L1, formatTimestamp(ack.createdAt));
        w.empty("id"_L1, {{"extension"_L1, QString::number(ack.sequenceNumber)}});
        w.value("transmissionQuantity"_L1, QString::number(ack.recordCount));
        w.start("acknowledgementFile"_L1);
        for (const QString &code : ack.fileCodes) {
            w.start("acknowledgementFileDetail"_L1);
            w.empty("code"_L1, {{"code"_L1, code}, {"displayName"_L1, ackCodeDisplayName(code)}});
            w.end();
        }
        w.end();
        if (!ack.outcomes.isEmpty()) {
            w.start("acknowledgementRecord"_L1);
            for (const RecordOutcome &outcome : ack.outcomes) {
                w.start("acknowledgementRecordDetail"_L1);
                writeRecordCode(w, outcome);
                w.text("location"_L1, outcome.location);
                w.end();
            }
            w.end();
        }
        w.start("communicationFunctionRcv"_L1);
        writeAuthority(w, ack.receiver);
        w.end();
        writeCount(w, "failedReturnedCP-ISRecords"_L1, ack.failedCount);
        const QString authority =
            ack.receiver.organisation.ods + u':' + ack.receiver.organisation.name;
        for (const ReturnedRecord &record : ack.returned)
            writeReturned(w, record, authority);
        writeCount(w, "successfulReturnedCP-ISRecords"_L1, ack.successfulCount);
        w.finish();
    }
    return out;
}

} // namespace cpis::hl7
