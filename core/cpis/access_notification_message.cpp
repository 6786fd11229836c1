// Reads and writes the Access to Service Notification. Follows CPIS-DMS.md §2.3
// (REPC_MT000004GB01) element by element, with the author templates of §3.3 (AssignedAuthor,
// a smartcard user) and §3.5 (System, with its nominated person) and the recipient of §3.4:
//   CP-ISAccessToServiceNotification: effectiveTime, id/@root (UUID),
//     pertinentInformation/pertinentTotalReturnedRecords/value,
//     pertinentInformation1 0..* (nillable) /pertinentCP-ISRecordAccess (nillable):
//       pertinentInformation2 1..* /pertinentCP-ISNHSQuery (effectiveTime, id, author,
//         queryByParameter/person.id/value 1..2), reference/referredToLAUploadFile/value
//     primaryInformationRecipient (COCT_TP145103GB01.IntendedRecipient)
// Tolerant where §5 is open: one or two author ids, any contentId extension (U9), timestamps
// as §4.1 allows, an empty notification.
#include "cpis/access_notification_message.h"

#include "cpis/hl7_time.h"
#include "cpis/message_kind.h"
#include "cpis/message_templates.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

const QString kSdsUserIdRoot = u"1.2.826.0.1285.0.2.0.65"_s;
const QString kSdsRoleProfileRoot = u"1.2.826.0.1285.0.2.0.67"_s;
const QString kAsidRoot = u"1.2.826.0.1285.0.2.0.107"_s;
const QString kJobRoleNameSystem = u"2.16.840.1.113883.2.1.3.2.4.17.196"_s;

// A job role (CV with code, codeSystem and displayName, all required): code and display name.
std::pair<QString, QString> readJobRole(Hl7Reader &r)
{
    const QString code = requiredAttribute(r, "code"_L1);
    requiredAttribute(r, "codeSystem"_L1);
    const QString displayName = requiredAttribute(r, "displayName"_L1);
    return {code, displayName};
}

void writeJobRole(Hl7Writer &w, const QString &code, const QString &displayName)
{
    w.empty("code"_L1, {{"code"_L1, code},
                        {"codeSystem"_L1, kJobRoleNameSystem},
                        {"displayName"_L1, displayName}});
}

// COCT_TP145102GB01.AssignedAuthor: a person with a smartcard.
void readAssignedAuthor(Hl7Reader &r, AccessRecord &access)
{
    Sequence seq(r, {{"code"_L1},
                     {"id"_L1, 1, 2},
                     {"assignedAuthorPerson"_L1},
                     {"representedOrganization"_L1}});
    int ids = 0;
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"code") {
            std::tie(access.accessorRoleCode, access.accessorRole) = readJobRole(r);
        } else if (name == u"id") {
            // The user id first and the role profile id second (one or two ids), by root when
            // the root says which.
            const QString root = r.attribute("root"_L1);
            const QString extension = requiredAttribute(r, "extension"_L1);
            ++ids;
            const bool profile = root == kSdsRoleProfileRoot || (root != kSdsUserIdRoot && ids > 1);
            (profile ? access.accessorRoleProfileId : access.accessorUserId) = extension;
        } else if (name == u"assignedAuthorPerson") {
            readOnly(r, "name"_L1, [&] { access.accessorName = readFullName(r); });
        } else if (name == u"representedOrganization") {
            access.organisation = readOrganisation(r);
        }
    }
    seq.finish();
}

// COCT_TP145104GB01.System: an accredited system, with its nominated person.
void readSystem(Hl7Reader &r, AccessRecord &access)
{
    access.bySystem = true;
    Sequence seq(
        r, {{"id"_L1}, {"indirectAuthority"_L1, 0, kUnbounded}, {"maintainingOrganization"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"id") {
            static const QRegularExpression kAsid(u"^[0-9]{12}$"_s);
            const QString root = requiredAttribute(r, "root"_L1);
            access.systemId = requiredAttribute(r, "extension"_L1);
            if (r.failed())
                break;
            if (root != kAsidRoot)
                r.invalid(u"identifier root %1 is not the ASID root %2"_s.arg(root, kAsidRoot));
            else if (!kAsid.match(access.systemId).hasMatch())
                r.invalid(u"accredited system id \"%1\" is not 12 digits"_s.arg(access.systemId));
        } else if (name == u"indirectAuthority" && !r.isNil()) {
            readOnly(r, "superiorAssignedEntity"_L1, [&] {
                if (r.isNil())
                    return;
                Sequence lead(r, {{"code"_L1}, {"assignedPerson"_L1}});
                AccessRecord nominated;
                const int leadLevel = r.level();
                while (r.nextChild(leadLevel)) {
                    const QString part = lead.next();
                    if (part == u"code")
                        std::tie(nominated.leadRoleCode, nominated.leadRole) = readJobRole(r);
                    else if (part == u"assignedPerson")
                        readOnly(r, "name"_L1, [&] { nominated.leadName = readFullName(r); });
                }
                lead.finish();
                if (access.leadName.isEmpty()) { // the first nominated person is the one shown
                    access.leadName = nominated.leadName;
                    access.leadRoleCode = nominated.leadRoleCode;
                    access.leadRole = nominated.leadRole;
                }
            });
        } else if (name == u"maintainingOrganization") {
            access.organisation = readOrganisation(r);
        }
    }
    seq.finish();
}

// pertinentCP-ISNHSQuery: one access, and whom it was about.
AccessRecord readQuery(Hl7Reader &r, PersonIds &ids)
{
    AccessRecord access;
    Sequence seq(r, {{"effectiveTime"_L1}, {"id"_L1}, {"author"_L1}, {"queryByParameter"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"effectiveTime") {
            access.accessedAt = timestampValue(r);
        } else if (name == u"id") {
            access.queryId = uuidRoot(r);
        } else if (name == u"author") {
            Sequence author(r, {{"contentId"_L1},
                                {"COCT_TP145102GB01.AssignedAuthor|COCT_TP145104GB01.System"_L1}});
            const int authorLevel = r.level();
            while (r.nextChild(authorLevel)) {
                const QString which = author.next();
                if (which == u"contentId")
                    readContentId(r);
                else if (which == u"COCT_TP145102GB01.AssignedAuthor")
                    readAssignedAuthor(r, access);
                else if (which == u"COCT_TP145104GB01.System")
                    readSystem(r, access);
            }
            author.finish();
        } else if (name == u"queryByParameter") {
            readOnly(r, "person.id"_L1, [&] {
                const QString here = r.path();
                Sequence values(r, {{"value"_L1, 1, 2}});
                const int valueLevel = r.level();
                while (r.nextChild(valueLevel)) {
                    if (!values.next().isEmpty())
                        readPersonId(r, ids);
                }
                values.finish();
                requireNhsNumber(r, here, ids);
            });
        }
    }
    seq.finish();
    return access;
}

RecordAccess readRecordAccess(Hl7Reader &r)
{
    RecordAccess record;
    Sequence seq(r, {{"pertinentInformation2"_L1, 1, kUnbounded}, {"reference"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"pertinentInformation2") {
            if (!roomFor(r, record.accesses.size(), u"accesses"))
                break;
            const QString here = r.path();
            readOnly(r, "pertinentCP-ISNHSQuery"_L1, [&] {
                PersonIds ids;
                record.accesses.append(readQuery(r, ids));
                if (record.accesses.size() == 1)
                    record.ids = ids;
                else if (!r.failed() && ids.nhsNumber != record.ids.nhsNumber)
                    r.invalidAt(here, u"this access is to NHS number %1, the record's first to "
                                      "%2"_s.arg(ids.nhsNumber, record.ids.nhsNumber));
            });
        } else if (name == u"reference") {
            readOnly(r, "referredToLAUploadFile"_L1, [&] {
                readOnly(r, "value"_L1, [&] { record.uploadSequence = readFileSequence(r, 0); });
            });
        }
    }
    seq.finish();
    return record;
}

void writeAuthor(Hl7Writer &w, const AccessRecord &access)
{
    w.start("author"_L1);
    if (access.bySystem) {
        w.startTemplate("COCT_TP145104GB01"_L1, "System"_L1);
        w.empty("id"_L1, {{"root"_L1, kAsidRoot}, {"extension"_L1, access.systemId}});
        if (!access.leadName.isEmpty()) {
            w.start("indirectAuthority"_L1);
            w.start("superiorAssignedEntity"_L1);
            writeJobRole(w, access.leadRoleCode, access.leadRole);
            w.start("assignedPerson"_L1);
            writeFullName(w, "name"_L1, access.leadName);
            w.end();
            w.end();
            w.end();
        }
        writeOrganisation(w, "maintainingOrganization"_L1, access.organisation);
    } else {
        w.startTemplate("COCT_TP145102GB01"_L1, "AssignedAuthor"_L1);
        writeJobRole(w, access.accessorRoleCode, access.accessorRole);
        w.empty("id"_L1, {{"root"_L1, kSdsUserIdRoot}, {"extension"_L1, access.accessorUserId}});
        if (!access.accessorRoleProfileId.isEmpty())
            w.empty("id"_L1, {{"root"_L1, kSdsRoleProfileRoot},
                              {"extension"_L1, access.accessorRoleProfileId}});
        w.start("assignedAuthorPerson"_L1);
        writeFullName(w, "name"_L1, access.accessorName);
        w.end();
        writeOrganisation(w, "representedOrganization"_L1, access.organisation);
    }
    w.end(); // the template
    w.end(); // author
}

void writeRecordAccess(Hl7Writer &w, const RecordAccess &record)
{
    w.start("pertinentInformation1"_L1);
    w.start("pertinentCP-ISRecordAccess"_L1);
    for (const AccessRecord &access : record.accesses) {
        w.start("pertinentInformation2"_L1);
        w.start("pertinentCP-ISNHSQuery"_L1);
        w.value("effectiveTime"_L1, formatTimestamp(access.accessedAt));
        w.empty("id"_L1, {{"root"_L1, access.queryId.toUpper()}});
        writeAuthor(w, access);
        w.start("queryByParameter"_L1);
        w.start("person.id"_L1);
        writePersonIds(w, "value"_L1, record.ids, {});
        w.end();
        w.end();
        w.end();
        w.end();
    }
    w.start("reference"_L1);
    w.start("referredToLAUploadFile"_L1);
    w.empty("value"_L1, {{"extension"_L1, QString::number(record.uploadSequence)}});
    w.end();
    w.end();
    w.end();
    w.end();
}

} // namespace

Result<AccessNotification> readAccessNotification(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!openAs(r, MessageKind::AccessNotification))
        return r.error();

    AccessNotification notification;
    Sequence seq(r, {{"effectiveTime"_L1},
                     {"id"_L1},
                     {"pertinentInformation"_L1},
                     {"pertinentInformation1"_L1, 0, kUnbounded},
                     {"primaryInformationRecipient"_L1}});
    const int level = r.level();
    while (r.nextChild(level)) {
        const QString name = seq.next();
        if (name == u"effectiveTime") {
            notification.createdAt = timestampValue(r);
        } else if (name == u"id") {
            notification.notificationId = uuidRoot(r);
        } else if (name == u"pertinentInformation") {
            readOnly(r, "pertinentTotalReturnedRecords"_L1, [&] {
                readOnly(r, "value"_L1, [&] {
                    notification.totalReturned =
                        int(numberAttribute(r, "value"_L1, 0, kMaxEntries, u"total"));
                });
            });
        } else if (name == u"pertinentInformation1" && !r.isNil()) {
            if (!roomFor(r, notification.records.size(), u"record accesses"))
                break;
            readOnly(r, "pertinentCP-ISRecordAccess"_L1, [&] {
                if (!r.isNil())
                    notification.records.append(readRecordAccess(r));
            });
        } else if (name == u"primaryInformationRecipient") {
            notification.recipient = readIntendedRecipient(r);
        }
    }
    seq.finish();
    if (!r.finish())
        return r.error();
    return notification;
}

QByteArray writeAccessNotification(const AccessNotification &notification)
{
    QByteArray out;
    {
        Hl7Writer w(&out, kindInfo(MessageKind::AccessNotification).root);
        writeNotificationHeader(w, notification.createdAt, notification.notificationId);
        w.start("pertinentInformation"_L1);
        w.start("pertinentTotalReturnedRecords"_L1);
        w.value("value"_L1, QString::number(notification.totalReturned));
        w.end();
        w.end();
        for (const RecordAccess &record : notification.records)
            writeRecordAccess(w, record);
        writeIntendedRecipient(w, notification.recipient);
        w.finish();
    }
    return out;
}

} // namespace cpis::hl7
