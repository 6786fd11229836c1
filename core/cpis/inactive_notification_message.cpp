// Reads and writes the Inactive NHS Number Notification. Follows CPIS-DMS.md §2.4
// (REPC_MT000005GB01) element by element, with the recipient of §3.4:
//   CP-ISInactiveNHSNumberNotification: effectiveTime, id/@root (UUID),
//     primaryInformationRecipient (COCT_TP145103GB01.IntendedRecipient),
//     subject 1..* /pDSInactivePatient: id 1..2, replacedBy 0..1 (nillable)
//       /newVersion (nillable) /id 1..* (U7), subjectOf/lAUploadFile/value
#include "cpis/inactive_notification_message.h"

#include "cpis/hl7_time.h"
#include "cpis/message_kind.h"
#include "cpis/message_templates.h"

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

// replacedBy/newVersion: the replacement NHS numbers (1..* on read, U7).
void readReplacements(Hl7Reader &r, InactivePatient &patient)
{
    readOnly(r, "newVersion"_L1, [&] {
        if (r.isNil())
            return;
        Sequence ids(r, {{"id"_L1, 1, kUnbounded}});
        const int level = r.level();
        while (r.nextChild(level)) {
            if (ids.next().isEmpty() || !roomFor(r, patient.replacements.size(), u"ids"))
                break;
            const QString number = nhsNumberIn(r);
            if (!r.failed() && number == patient.ids.nhsNumber)
                r.invalid(
                    u"the replacement NHS number %1 is the inactive number itself"_s.arg(number));
            patient.replacements.append(number);
        }
        ids.finish();
    });
}

InactivePatient readPatient(Hl7Reader &r)
{
    InactivePatient patient;
    const QString here = r.path();
    Sequence seq(r, {{"id"_L1, 1, 2}, {"replacedBy"_L1, 0, 1}, {"subjectOf"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"id") {
            readPersonId(r, patient.ids);
        } else if (name == u"replacedBy" && !r.isNil()) {
            requireNhsNumber(r, here, patient.ids);
            readReplacements(r, patient);
        } else if (name == u"subjectOf") {
            readOnly(r, "lAUploadFile"_L1, [&] {
                readOnly(r, "value"_L1, [&] { patient.uploadSequence = readFileSequence(r, 0); });
            });
        }
    }
    seq.finish();
    requireNhsNumber(r, here, patient.ids);
    return patient;
}

} // namespace

Result<InactiveNhsNumberNotification> readInactiveNhsNumber(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, MessageKind::InactiveNhsNumber))
        return r.error();

    InactiveNhsNumberNotification notification;
    Sequence seq(r, {{"effectiveTime"_L1},
                     {"id"_L1},
                     {"primaryInformationRecipient"_L1},
                     {"subject"_L1, 1, kUnbounded}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"effectiveTime") {
            notification.createdAt = timestampValue(r);
        } else if (name == u"id") {
            notification.notificationId = uuidRoot(r);
        } else if (name == u"primaryInformationRecipient") {
            notification.recipient = readIntendedRecipient(r);
        } else if (name == u"subject") {
            if (!roomFor(r, notification.patients.size(), u"inactive patients"))
                break;
            readOnly(r, "pDSInactivePatient"_L1,
                     [&] { notification.patients.append(readPatient(r)); });
        }
    }
    seq.finish();
    if (!r.finish())
        return r.error();
    return notification;
}

QByteArray writeInactiveNhsNumber(const InactiveNhsNumberNotification &notification)
{
    QByteArray out;
    {
        Hl7Writer w(&out, kindInfo(MessageKind::InactiveNhsNumber).root);
        writeNotificationHeader(w, notification.createdAt, notification.notificationId);
        writeIntendedRecipient(w, notification.recipient);
        for (const InactivePatient &patient : notification.patients) {
            w.start("subject"_L1);
            w.start("pDSInactivePatient"_L1);
            writePersonIds(w, "id"_L1, patient.ids, {});
            if (!patient.replacements.isEmpty()) {
                w.start("replacedBy"_L1);
                w.start("newVersion"_L1);
                for (const QString &number : patient.replacements)
                    w.empty("id"_L1, {{"extension"_L1, number}});
                w.end();
                w.end();
            }
            w.start("subjectOf"_L1);
            w.start("lAUploadFile"_L1);
            w.empty("value"_L1, {{"extension"_L1, QString::number(patient.uploadSequence)}});
            w.end();
            w.end();
            w.end();
            w.end();
        }
        w.finish();
    }
    return out;
}

} // namespace cpis::hl7
