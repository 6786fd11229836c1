// Reads and writes the Local Authority Upload. Follows CPIS-DMS.md §2.1 (REPC_MT000002GB01)
// element by element, with the subject and plan templates of §3.1, §3.2 and §3.6-3.8
// (message_templates.cpp):
//   File: creationTime, id/@extension (sequence), transmissionQuantity,
//         communicationFunctionSnd/organisation (id, name, telecom WP then EC),
//         record/CP-ISRecord 1..* (pertinentInformation 1..3, then subject 1..2)
#include "cpis/upload_message.h"

#include "cpis/hl7_time.h"
#include "cpis/message_kind.h"
#include "cpis/message_templates.h"

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

QString localIdAuthority(const SendingAuthority &sender)
{
    return sender.organisation.ods + u':' + sender.organisation.name;
}

// The local id's assigning authority is always the sender's, whatever the record says.
PlanSubject subjectOf(const UploadRecord &record)
{
    PlanSubject subject{record.unborn, record.ids, record.forenames, record.surname,
                        record.dateOfBirth};
    subject.ids.localIdAuthority.clear();
    return subject;
}

void readRecord(Hl7Reader &r, UploadRecord &record)
{
    PlanSubject subject;
    readRecordContent(r, true, subject, record.plans);
    record.unborn = subject.unborn;
    record.ids = subject.ids;
    record.forenames = subject.forenames;
    record.surname = subject.surname;
    record.dateOfBirth = subject.dateOfBirth;
}

} // namespace

Result<Upload> readUpload(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, MessageKind::Upload))
        return r.error();

    Upload upload;
    qint64 count = 0;
    QString countPath;
    Sequence seq(r, {{"creationTime"_L1},
                     {"id"_L1},
                     {"transmissionQuantity"_L1},
                     {"communicationFunctionSnd"_L1},
                     {"record"_L1, 1, kUnbounded}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"creationTime") {
            upload.createdAt = timestampValue(r);
        } else if (name == u"id") {
            upload.sequenceNumber = readFileSequence(r, 0);
        } else if (name == u"transmissionQuantity") {
            countPath = r.path();
            count = numberAttribute(r, "value"_L1, 0, kMaxEntries, u"record count");
        } else if (name == u"communicationFunctionSnd") {
            readOnly(r, "organisation"_L1, [&] { upload.sender = readAuthority(r); });
        } else if (name == u"record") {
            if (roomFor(r, upload.records.size(), u"records"))
                readOnly(r, "CP-ISRecord"_L1,
                         [&] { readRecord(r, upload.records.emplace_back()); });
        }
    }
    seq.finish();
    if (!r.failed() && count != upload.records.size()) {
        r.invalidAt(countPath, u"the record count is %1 but the upload holds %2 records"_s.arg(
                                   QString::number(count), QString::number(upload.records.size())));
    }
    if (!r.finish())
        return r.error();
    return upload;
}

QByteArray writeUpload(const Upload &upload)
{
    QByteArray out;
    {
        Hl7Writer w(&out, kindInfo(MessageKind::Upload).root);
        w.value("creationTime"_L1, formatTimestamp(upload.createdAt));
        w.empty("id"_L1, {{"extension"_L1, QString::number(upload.sequenceNumber)}});
        w.value("transmissionQuantity"_L1, QString::number(upload.records.size()));
        w.start("communicationFunctionSnd"_L1);
        writeAuthority(w, upload.sender);
        w.end();
        const QString authority = localIdAuthority(upload.sender);
        for (const UploadRecord &record : upload.records) {
            w.start("record"_L1);
            w.start("CP-ISRecord"_L1);
            writeRecordContent(w, subjectOf(record), record.plans, authority);
            w.end();
            w.end();
        }
        w.finish();
    }
    return out;
}

} // namespace cpis::hl7
