#include "report_commands.h"

#include "cpis/data_quality.h"
#include "database_session.h"

using namespace Qt::StringLiterals;

namespace cpis::cli {

int reportDataQuality(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption csv(u"csv"_s, u"Print the lists as CSV instead of text."_s);
    parser.addOption(csv);
    if (auto stop = parseArguments(
            parser, u"report data-quality"_s,
            u"Children in CP-IS scope whom health staff cannot see flagged, and why: the\n"
            u"matched share against the 95% CP-IS requires, and the lists behind it.\n"
            u"System administrators only (the database refuses everyone else).\n"
            u"Exit status: 0 at or above 95%, 1 below, 3 unreachable."_s,
            args))
        return *stop;
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto report = loadDataQuality(session.connection());
    if (!report)
        return exitFor(report.error());
    const bool enough = report->matchedPercent() >= DataQualityReport::kRequiredShare;
    if (parser.isSet(csv)) {
        out() << QString::fromUtf8(report->toCsv());
        out().flush();
        return enough ? kExitOk : kExitCheckFailed;
    }
    out() << "Matched: " << report->matchedPercentText() << "% (" << report->matched << " of "
          << report->inScope << " children in scope; CP-IS requires "
          << DataQualityReport::kRequiredShare << "%)\n";
    if (report->notListed > 0)
        out() << "Not listed: " << report->notListed
              << " more with a problem (restricted records you may not open)\n";
    for (const QString &list : DataQualityReport::lists()) {
        const QList<DataQualityRow> rows = report->list(list);
        out() << "\n" << DataQualityReport::listTitle(list) << " (" << rows.size() << ")\n";
        for (const DataQualityRow &r : rows) {
            out() << "  " << u"%1 (%2)"_s.arg(r.name).arg(r.personId).leftJustified(36) << " "
                  << r.nhsNumber.leftJustified(11) << r.detail << "\n";
        }
    }
    out().flush();
    return enough ? kExitOk : kExitCheckFailed;
}

} // namespace cpis::cli
