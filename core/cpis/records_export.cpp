#include "cpis/records_export.h"

#include "cpis/access_notification_message.h"
#include "cpis/notification_text.h"
#include "db/rows.h"
#include "domain/csv.h"

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Times in UTC with their offset, so the main system never guesses a zone.
QString timeField(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
}

QString joinedDistinct(QStringList values)
{
    values.removeDuplicates();
    values.removeAll(QString());
    return values.join(u"; "_s);
}

// Who opened the record, where and at which organisation, from the stored notification; left
// empty for a step not made from a message (or one that no longer reads).
void addAccessDetails(RecordsExportRow &row, const QByteArray &message, const QString &nhsNumber,
                      const QHash<QString, hl7::AccessSource> &known)
{
    if (message.isEmpty())
        return;
    const auto notification = hl7::readAccessNotification(message);
    if (!notification)
        return;
    QStringList settings, organisations, accessors;
    for (const hl7::RecordAccess &record : notification->records) {
        if (notification->records.size() > 1 && record.ids.nhsNumber != nhsNumber)
            continue;
        for (const hl7::AccessRecord &a : record.accesses) {
            settings << hl7::sourceName(hl7::accessSource(a, known));
            organisations << (a.organisation.ods.isEmpty()
                                  ? a.organisation.name
                                  : u"%1 (ODS %2)"_s.arg(a.organisation.name, a.organisation.ods));
            const QString who = a.bySystem ? u"system %1"_s.arg(a.systemId) : a.accessorName;
            const QString role = a.bySystem ? a.leadName : a.accessorRole;
            accessors << (role.isEmpty() ? who : u"%1 (%2)"_s.arg(who, role));
        }
    }
    row.setting = joinedDistinct(settings);
    row.organisation = joinedDistinct(organisations);
    row.accessedBy = joinedDistinct(accessors);
}
} // namespace

const QStringList &RecordsExport::columns()
{
    static const QStringList names{
        u"authority_person_id"_s, u"person_id"_s,       u"nhs_number"_s,
        u"received_at"_s,         u"source"_s,          u"setting"_s,
        u"organisation"_s,        u"accessed_by"_s,     u"step_state"_s,
        u"finished_at"_s,         u"request_sent_to"_s, u"acknowledged_by"_s,
        u"acknowledged_at"_s,     u"case_note_type"_s,  u"case_note_date"_s,
        u"case_note_text"_s};
    return names;
}

QByteArrayList RecordsExport::csvLines() const
{
    QByteArrayList lines{(columns().join(u',') + u'\n').toUtf8()};
    lines.reserve(rows.size() + 1);
    for (const RecordsExportRow &r : rows) {
        const QStringList fields{r.authorityPersonId,
                                 QString::number(r.personId),
                                 r.nhsNumber,
                                 timeField(r.receivedAt),
                                 r.source,
                                 r.setting,
                                 r.organisation,
                                 r.accessedBy,
                                 r.stepState,
                                 timeField(r.finishedAt),
                                 r.requestSentTo,
                                 r.acknowledgedBy,
                                 timeField(r.acknowledgedAt),
                                 r.caseNoteType,
                                 r.caseNoteDate.toString(Qt::ISODate),
                                 r.caseNoteText};
        QStringList guarded;
        guarded.reserve(fields.size());
        for (const QString &f : fields)
            guarded << csvField(f);
        lines.append((guarded.join(u',') + u'\n').toUtf8());
    }
    return lines;
}

Result<RecordsExport> loadRecordsExport(Connection &connection, const QDate &from, const QDate &to)
{
    // The function checks who may export, the period, and which children the caller may see.
    auto rows = execute(connection, uR"(
        SELECT authority_person_id, person_id, nhs_number, received_at, source, step_state,
               finished_at, request_sent_to, acknowledged_by, acknowledged_at, case_note_type,
               case_note_date, case_note_text, message, message_nhs_number, access_sources
        FROM records_export($1::date, $2::date))"_s,
                        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!rows)
        return rows.error();
    RecordsExport result;
    result.rows.reserve(rows->size());
    QHash<QString, hl7::AccessSource> known;
    bool knownRead = false;
    for (const Row &r : *rows) {
        if (!knownRead) {
            known = hl7::parseAccessSources(r.text("access_sources"));
            knownRead = true;
        }
        RecordsExportRow row;
        row.authorityPersonId = r.text("authority_person_id");
        row.personId = r.integer("person_id");
        row.nhsNumber = r.text("nhs_number");
        row.receivedAt = r.dateTime("received_at");
        row.source = r.text("source");
        row.stepState = r.text("step_state");
        row.finishedAt = r.dateTime("finished_at");
        row.requestSentTo = r.text("request_sent_to");
        row.acknowledgedBy = r.text("acknowledged_by");
        row.acknowledgedAt = r.dateTime("acknowledged_at");
        row.caseNoteType = r.text("case_note_type");
        row.caseNoteDate = r.date("case_note_date");
        row.caseNoteText = r.text("case_note_text");
        addAccessDetails(row, r.bytes("message"), r.text("message_nhs_number"), known);
        result.rows.append(row);
    }
    return result;
}

} // namespace cpis
