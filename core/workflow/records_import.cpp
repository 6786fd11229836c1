// Reading a records import file and sending it to import_records.
#include "workflow/records_import.h"

#include "db/rows.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Error refusedFile(const QString &message)
{
    return Error{u"records_import.file"_s, message, {}, {}};
}

// Where each known column is in the file, or an error naming the column that is wrong.
Result<QHash<QString, int>> columnsOf(const QStringList &header)
{
    QHash<QString, int> at;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed();
        if (!recordsImportColumns().contains(name))
            return refusedFile(
                QStringLiteral("The column \"%1\" (column %2 of the header) is not a "
                               "records import column: the columns are %3.")
                    .arg(name.left(60))
                    .arg(i + 1)
                    .arg(recordsImportColumns().join(u", "_s)));
        if (at.contains(name))
            return refusedFile(
                QStringLiteral("The column \"%1\" is in the header twice.").arg(name));
        at.insert(name, i);
    }
    for (const QString &required : {u"authority_person_id"_s, u"legal_surname"_s})
        if (!at.contains(required))
            return refusedFile(QStringLiteral("The header has no column \"%1\", which is required.")
                                   .arg(required));
    return at;
}

QString nameOf(const QHash<QString, int> &at, const QStringList &cells)
{
    QStringList parts;
    for (const QString &column : {u"legal_forenames"_s, u"legal_surname"_s}) {
        const int i = at.value(column, -1);
        if (i >= 0 && i < cells.size() && !cells[i].isEmpty())
            parts << cells[i].left(200);
    }
    return parts.join(u' ');
}

// One row as import_records takes it; refused here when a cell is hostile or the count is
// wrong (then only the line and the reason go: its values are not looked at).
QJsonObject rowJson(const QHash<QString, int> &at, int headerSize, const CsvRecord &record)
{
    QJsonObject row{{u"line"_s, record.line}};
    if (record.cells.size() != headerSize) {
        row.insert(u"refused_reason"_s, QStringLiteral("The line has %1 cells; the header has %2.")
                                            .arg(record.cells.size())
                                            .arg(headerSize));
        return row;
    }
    for (auto it = at.cbegin(); it != at.cend(); ++it) {
        const QString &cell = record.cells[it.value()];
        if (const QString problem = csvCellProblem(cell); !problem.isEmpty()) {
            return QJsonObject{
                {u"line"_s, record.line},
                {u"refused_column"_s, it.key()},
                {u"refused_reason"_s, QStringLiteral("The %1 %2").arg(it.key(), problem)},
            };
        }
    }
    for (auto it = at.cbegin(); it != at.cend(); ++it) {
        const QString cell = record.cells[it.value()].trimmed();
        if (!cell.isEmpty())
            row.insert(it.key(), cell);
    }
    return row;
}

RecordsImportLine lineFrom(const Row &row)
{
    return RecordsImportLine{int(row.integer("line")), row.text("outcome"),
                             row.text("column_name"),  row.text("reason"),
                             row.integer("person_id"), row.text("name")};
}
} // namespace

const QStringList &recordsImportColumns()
{
    static const QStringList columns{
        u"authority_person_id"_s,
        u"legal_forenames"_s,
        u"legal_surname"_s,
        u"gender"_s,
        u"date_of_birth"_s,
        u"expected_delivery"_s,
        u"mother_authority_person_id"_s,
        u"nhs_number"_s,
        u"plan_kind"_s,
        u"plan_start"_s,
        u"plan_end"_s,
        u"key_worker"_s,
    };
    return columns;
}

CsvLimits recordsImportLimits()
{
    // 100,000 rows of about 150 bytes is 15 MB; a row is a few hundred bytes at most.
    return CsvLimits{64LL * 1024 * 1024, 2048};
}

int RecordsImportReport::count(QStringView outcome) const
{
    return int(std::count_if(lines.cbegin(), lines.cend(),
                             [&](const RecordsImportLine &l) { return l.outcome == outcome; }));
}

QString RecordsImportReport::summary() const
{
    QString text = QStringLiteral("%1 rows: %2 new, %3 changed, %4 unchanged, %5 refused")
                       .arg(lines.size() - count(u"missing"))
                       .arg(count(u"new"))
                       .arg(count(u"changed"))
                       .arg(count(u"unchanged"))
                       .arg(count(u"refused"));
    if (snapshot)
        text += QStringLiteral("; %1 open plans missing from the file").arg(count(u"missing"));
    return text + (dryRun ? QStringLiteral(" (a dry run: nothing was changed).") : u"."_s);
}

QStringList RecordsImportReport::problems() const
{
    QStringList out;
    for (const RecordsImportLine &l : lines) {
        if (l.outcome == u"refused"_s)
            out << (l.column.isEmpty()
                        ? QStringLiteral("line %1: %2").arg(l.line).arg(l.reason)
                        : QStringLiteral("line %1, %2: %3").arg(l.line).arg(l.column, l.reason));
        else if (l.outcome == u"missing"_s)
            out << QStringLiteral("missing: %1: %2").arg(l.name, l.reason);
    }
    return out;
}

Result<RecordsImportFile> readRecordsImport(const QString &name, const QByteArray &bytes,
                                            const CsvProgress &progress)
{
    auto table = readCsv(bytes, recordsImportLimits(), progress);
    if (!table)
        return Error{
            table.error().code, QStringLiteral("%1: %2").arg(name, table.error().message), {}, {}};
    auto at = columnsOf(table->header);
    if (!at)
        return Error{
            at.error().code, QStringLiteral("%1: %2").arg(name, at.error().message), {}, {}};
    RecordsImportFile file{name, int(table->records.size()), {}, {}};
    QJsonArray rows;
    for (const CsvRecord &record : std::as_const(table->records)) {
        rows.append(rowJson(*at, int(table->header.size()), record));
        file.names.insert(record.line, nameOf(*at, record.cells));
    }
    file.rowsJson = QJsonDocument(rows).toJson(QJsonDocument::Compact);
    return file;
}

Result<RecordsImportFile> readRecordsImportFile(const QString &path, const CsvProgress &progress)
{
    QFile f(path);
    const QString name = QFileInfo(path).fileName();
    if (!f.open(QIODevice::ReadOnly))
        return refusedFile(QStringLiteral("%1: cannot be read: %2").arg(path, f.errorString()));
    if (f.size() > recordsImportLimits().maxBytes)
        return refusedFile(QStringLiteral("%1: the file is %2 bytes: at most %3 are read.")
                               .arg(name)
                               .arg(f.size())
                               .arg(recordsImportLimits().maxBytes));
    return readRecordsImport(name, f.readAll(), progress);
}

QString RecordsImportProgress::text() const
{
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    const QString of = english.toString(done), all = english.toString(total);
    switch (phase) {
    case Phase::Checked:
        return QCoreApplication::translate("RecordsImport", "Checked %1 of %2 rows").arg(of, all);
    case Phase::People:
        return QCoreApplication::translate("RecordsImport", "Applied the people of %1 of %2 rows")
            .arg(of, all);
    case Phase::Plans:
        return QCoreApplication::translate("RecordsImport", "Applied the plans of %1 of %2 rows")
            .arg(of, all);
    case Phase::Saving:
        return QCoreApplication::translate("RecordsImport", "Saving the import of %1 rows")
            .arg(all);
    }
    return {};
}

qint64 RecordsImportProgress::overallDone() const
{
    return qint64(phase) * total + (phase == Phase::Saving ? 0 : done);
}

qint64 RecordsImportProgress::overallTotal() const
{
    return qint64(Phase::Saving) * total + (total > 0 ? 1 : 0);
}

std::optional<RecordsImportProgress> RecordsImportProgress::fromNotice(const ServerNotice &notice)
{
    if (notice.sqlState != u"CPPG1"_s)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(notice.detail.toUtf8()).object();
    static const QHash<QString, Phase> phases{
        {u"checked"_s, Phase::Checked}, {u"people"_s, Phase::People}, {u"plans"_s, Phase::Plans}};
    const auto phase = phases.constFind(o.value(u"phase"_s).toString());
    if (phase == phases.cend())
        return std::nullopt;
    return RecordsImportProgress{*phase, o.value(u"done"_s).toInt(), o.value(u"total"_s).toInt()};
}

Result<RecordsImportReport> importRecords(Connection &connection, const RecordsImportFile &file,
                                          const RecordsImportOptions &options)
{
    Transaction transaction(connection);
    if (!transaction.started())
        return transaction.beginError();
    std::optional<ServerNotices> notices;
    if (options.progress) {
        // The progress notices, for this transaction only (the connection keeps to warnings).
        if (auto said = execute(connection, u"SET LOCAL client_min_messages = notice"_s); !said)
            return said.error();
        notices.emplace(connection, [&options](const ServerNotice &notice) {
            if (auto progress = RecordsImportProgress::fromNotice(notice))
                options.progress(*progress);
        });
    }
    auto rows = execute(connection,
                        u"SELECT line, outcome, column_name, reason, person_id, name "
                        u"FROM import_records($1, $2::jsonb, $3)"_s,
                        {file.name, QString::fromUtf8(file.rowsJson), options.snapshot});
    notices.reset();
    if (!rows)
        return rows.error();
    RecordsImportReport report{file.name, options.dryRun, options.snapshot, {}};
    report.lines.reserve(rows->size());
    for (const Row row : *rows) {
        RecordsImportLine line = lineFrom(row);
        // The names of rows refused here were not sent; a dry run's new ids are not kept.
        if (line.line > 0 && line.name.isEmpty())
            line.name = file.names.value(line.line);
        if (options.dryRun && line.outcome == u"new"_s)
            line.personId = 0;
        report.lines << std::move(line);
    }
    if (!options.dryRun) {
        if (options.progress)
            options.progress({RecordsImportProgress::Phase::Saving, file.rows, file.rows});
        if (auto done = transaction.commit(); !done)
            return done.error();
    }
    return report;
}

namespace {
// Moves `path` into `folder/sub`, with its report beside it.
Status fileAway(const QString &path, const QString &sub, const QStringList &report)
{
    const QFileInfo info(path);
    QDir target(info.dir().filePath(sub));
    if (!target.exists() && !QDir().mkpath(target.path()))
        return refusedFile(QStringLiteral("The folder %1 cannot be made.").arg(target.path()));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
    QString moved = target.filePath(info.fileName());
    if (QFileInfo::exists(moved)) // the same name imported before: both are kept
        moved = target.filePath(u"%1-%2"_s.arg(stamp, info.fileName()));
    if (!QFile::rename(path, moved))
        return refusedFile(QStringLiteral("%1 cannot be moved to %2.").arg(path, target.path()));
    QFile out(moved + u".report.txt"_s);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return refusedFile(QStringLiteral("The report %1 cannot be written.").arg(out.fileName()));
    out.write((report.join(u'\n') + u'\n').toUtf8());
    return success();
}
} // namespace

Result<QStringList> importRecordsFolder(Connection &connection, const QString &folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return refusedFile(
            QStringLiteral("The records import folder %1 does not exist.").arg(folder));
    QStringList said;
    for (const QFileInfo &info :
         dir.entryInfoList({u"*.csv"_s, u"*.CSV"_s}, QDir::Files | QDir::Readable, QDir::Name)) {
        QStringList report{QStringLiteral("Records import of %1 at %2 UTC")
                               .arg(info.fileName(), QDateTime::currentDateTimeUtc().toString(
                                                         u"yyyy-MM-dd HH:mm:ss"_s))};
        bool ok = false;
        auto file = readRecordsImportFile(info.filePath());
        if (!file) {
            report << file.error().message;
        } else {
            auto imported = importRecords(connection, *file, {});
            if (!imported && imported.error().code == u"db.unreachable"_s)
                return imported.error(); // left where it is, for the next run
            if (!imported) {
                report << imported.error().message;
            } else {
                report << imported->summary() << imported->problems();
                ok = imported->allApplied();
            }
        }
        if (auto moved = fileAway(info.filePath(), ok ? u"done"_s : u"refused"_s, report); !moved)
            return moved.error();
        said << QStringLiteral("%1: %2").arg(info.fileName(), report.value(1));
    }
    return said;
}

} // namespace cpis
