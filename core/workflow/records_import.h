// The records feed in (issue 20): a CSV file of children on plans from the authority's main
// case system, read and checked here for what needs no database (the file, its columns, its
// cells), then checked row by row and applied by SQL import_records (functions/
// records_import.sql) with the rules of the records screens, in one transaction.
#pragma once

#include "db/connection.h"
#include "db/server_notices.h"
#include "domain/csv.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cpis {

// What happened to one line of the file, or (line 0, "missing") an open plan here that a
// snapshot file lacks.
struct RecordsImportLine
{
    int line = 0;
    QString outcome; // new, changed, unchanged, refused, missing
    QString column;  // the column refused
    QString reason;  // why, in words
    qint64 personId = 0;
    QString name;
};

struct RecordsImportReport
{
    QString file;
    bool dryRun = false;
    bool snapshot = false;
    QList<RecordsImportLine> lines; // by line, then the missing plans

    [[nodiscard]] int count(QStringView outcome) const;
    [[nodiscard]] bool allApplied() const { return count(u"refused") == 0; }
    // "4 rows: 2 new, 1 changed, 0 unchanged, 1 refused" (and the missing plans).
    [[nodiscard]] QString summary() const;
    // One line for each refused row ("line 7, nhs_number: ...") and each missing plan.
    [[nodiscard]] QStringList problems() const;
};

// A file read and checked on this side, ready to send.
struct RecordsImportFile
{
    QString name;              // the file's name, for the report and the alert
    int rows = 0;              // the records under the header
    QByteArray rowsJson;       // what import_records takes
    QHash<int, QString> names; // the name on each line, for the report
};

// The columns a file may have, in the documented order.
const QStringList &recordsImportColumns();

// The file's limits: what a nightly feed of every child on a plan needs, and no more.
CsvLimits recordsImportLimits();

// Reads and checks the file (see readCsv, then the header: an unknown, repeated or missing
// required column refuses the whole file, naming it). A row with a formula, a control
// character or the wrong number of cells is marked refused here, with its line and column.
Result<RecordsImportFile> readRecordsImport(const QString &name, const QByteArray &bytes,
                                            const CsvProgress &progress = {});
Result<RecordsImportFile> readRecordsImportFile(const QString &path,
                                                const CsvProgress &progress = {});

// How far an import is, as the database tells it while it works (functions/records_import.sql,
// _import_progress): each phase after each slice of rows, then the commit.
struct RecordsImportProgress
{
    enum class Phase { Checked, People, Plans, Saving };
    Phase phase = Phase::Checked;
    int done = 0;  // rows of this phase
    int total = 0; // rows of the file
    // "Checked 40,000 of 100,000 rows", as the window and cpisctl show it.
    [[nodiscard]] QString text() const;
    // The whole import as one bar: the phases one after another.
    [[nodiscard]] qint64 overallDone() const;
    [[nodiscard]] qint64 overallTotal() const;
    // From a notice of import_records, or nothing when it is not one.
    static std::optional<RecordsImportProgress> fromNotice(const ServerNotice &notice);
};

struct RecordsImportOptions
{
    bool dryRun = false;   // report what would happen, change nothing
    bool snapshot = false; // the file is the complete list: list the open plans it lacks
    // Called on the thread running the import, while the database works.
    std::function<void(const RecordsImportProgress &)> progress = {};
};

// Imports in one transaction (committed unless a dry run). Records officers and system
// administrators; the database refuses anyone else.
Result<RecordsImportReport> importRecords(Connection &connection, const RecordsImportFile &file,
                                          const RecordsImportOptions &options);

// The scheduled import (records.import_folder, read by the exchange service): each *.csv file
// in `folder` imported once, in name order, then moved beside it into done/ (every row applied)
// or refused/ (the file or a row refused), with NAME.report.txt saying what happened. Returns a
// line per file; an error only when the folder cannot be used or the database is lost.
Result<QStringList> importRecordsFolder(Connection &connection, const QString &folder);

} // namespace cpis
