// The records export (issue 20 "Out"): what happened to each CP-IS notification received in a
// period, as CSV for the authority's main case system. SQL records_export decides what the
// caller may see; the access details come from the stored message, read as the exchange reads it.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QByteArrayList>
#include <QDate>
#include <QDateTime>
#include <QList>

namespace cpis {

struct RecordsExportRow
{
    QString authorityPersonId;
    qint64 personId = 0;
    QString nhsNumber;
    QDateTime receivedAt;
    QString source;       // ae or dhu_111: which note template the notification proposed
    QString setting;      // where the record was opened: "Emergency department", ...
    QString organisation; // "Royal Derby Hospital (ODS RTG)"
    QString accessedBy;   // "Dr Priya Raman (Emergency Department Doctor)", or a system
    QString stepState;    // incoming, in_progress, finished, cancelled
    QDateTime finishedAt;
    QString requestSentTo;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString caseNoteType; // these three only once the case note is finished
    QDate caseNoteDate;
    QString caseNoteText;
};

struct RecordsExport
{
    QList<RecordsExportRow> rows;
    // The columns, in order, as documented in README.md and docs/man/cpisctl.1.
    static const QStringList &columns();
    // The CSV file: a header line, then one line per notification (fields guarded by csvField).
    [[nodiscard]] QByteArrayList csvLines() const;
    [[nodiscard]] QByteArray toCsv() const { return csvLines().join(); }
};

// Notifications received from `from` to `to`, both days included (days in England).
Result<RecordsExport> loadRecordsExport(Connection &connection, const QDate &from, const QDate &to);

} // namespace cpis
