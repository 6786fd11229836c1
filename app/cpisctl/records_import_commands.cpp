// cpisctl records import FILE.csv [--dry-run] [--snapshot]: reads the file, imports it in one
// transaction, prints each refused row with its line, column and reason, and the counts.
#include "records_import_commands.h"

#include "database_session.h"
#include "workflow/records_import.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace cpis::cli {

int recordsImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption dryRun(u"dry-run"_s, u"Report what would happen; change nothing."_s);
    const QCommandLineOption snapshot(
        u"snapshot"_s, u"The file is the complete list of children on plans: list the plans "
                       u"open here that it lacks (they are alerted, never ended)."_s);
    parser.addOption(dryRun);
    parser.addOption(snapshot);
    parser.addPositionalArgument(u"FILE.csv"_s, u"The records file (see the man page)."_s);
    if (auto stop = parseArguments(
            parser, u"records import"_s,
            u"Imports children, their plans and key workers from the authority's main case\n"
            u"system: a CSV file with a header row (columns in any order):\n  "_s +
                recordsImportColumns().join(u", "_s) +
                u"\nEvery row is checked with the rules of the records screens; refused rows are\n"
                u"listed with their line, column and reason, the rest applied in one transaction.\n"
                u"Records officers and system administrators.\n"
                u"Exit status: 0 every row applied, 1 a row or the file refused, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"records import"_s, u"give one file to import"_s);
    const QString path = parser.positionalArguments().constFirst();

    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    auto file = readRecordsImportFile(path, [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent / 10 != lastPercent / 10) {
            err() << "\rReading " << path << ": " << percent << "%";
            err().flush();
            lastPercent = percent;
        }
        return true;
    });
    if (lastPercent >= 0)
        err() << "\n";
    if (!file) {
        err() << "cpisctl records import: " << file.error().message << "\n";
        err().flush();
        return kExitCheckFailed;
    }
    err() << file->rows << " rows read in " << timer.elapsed() << " ms; checking and "
          << (parser.isSet(dryRun) ? "trying (dry run)" : "applying") << "...\n";
    err().flush();

    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    // Progress on stderr as the database reports it; the report alone goes to stdout.
    const auto progress = [](const RecordsImportProgress &p) {
        err() << p.text() << "\n";
        err().flush();
    };
    auto report = importRecords(session.connection(), *file,
                                {parser.isSet(dryRun), parser.isSet(snapshot), progress});
    if (!report)
        return exitFor(report.error());
    for (const QString &line : report->problems())
        out() << line << "\n";
    out() << path << ": " << report->summary() << "\n";
    out().flush();
    err() << "Done in " << timer.elapsed() << " ms.\n";
    return report->allApplied() ? kExitOk : kExitCheckFailed;
}

} // namespace cpis::cli
