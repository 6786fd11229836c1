#include "records_export_command.h"

#include "cpis/records_export.h"
#include "database_session.h"
#include "domain/whole_file.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
const QString kName = u"records export"_s;

// A date option that must be given as YYYY-MM-DD; empty when it is not.
QDate dateOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return QDate::fromString(parser.value(option), u"yyyy-MM-dd"_s);
}
} // namespace

int recordsExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption from(u"from"_s, u"The first day of the period (YYYY-MM-DD)."_s,
                                  u"DATE"_s);
    const QCommandLineOption to(u"to"_s, u"The last day of the period (YYYY-MM-DD), included."_s,
                                u"DATE"_s);
    const QCommandLineOption csv(u"csv"_s, u"Write the CSV to FILE instead of standard output."_s,
                                 u"FILE"_s);
    parser.addOptions({from, to, csv});
    if (auto stop = parseArguments(
            parser, kName,
            u"What happened to each CP-IS notification received in the period, for the\n"
            u"authority's main case system: one CSV row per notification (the columns are in\n"
            u"the README and the man page). Restricted children only for those granted them.\n"
            u"System administrators and records officers only (the database refuses others).\n"
            u"Exit status: 0 written, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    for (const auto *option : {&from, &to}) {
        if (!parser.isSet(*option))
            return usageError(kName, u"--%1 DATE is required"_s.arg(option->names().first()));
        if (!dateOption(parser, *option).isValid())
            return usageError(kName, u"--%1 must be a date written YYYY-MM-DD, not \"%2\""_s.arg(
                                         option->names().first(), parser.value(*option)));
    }
    if (dateOption(parser, to) < dateOption(parser, from))
        return usageError(
            kName, u"--to (%1) is before --from (%2)"_s.arg(parser.value(to), parser.value(from)));
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto exported =
        loadRecordsExport(session.connection(), dateOption(parser, from), dateOption(parser, to));
    if (!exported)
        return exitFor(exported.error());
    if (!parser.isSet(csv)) {
        out() << QString::fromUtf8(exported->toCsv());
        out().flush();
        return kExitOk;
    }
    if (auto written = writeWholeFile(parser.value(csv), exported->csvLines()); !written)
        return exitFor(written.error());
    err() << "Wrote " << exported->rows.size() << " notification(s) to " << parser.value(csv)
          << "\n";
    return kExitOk;
}

} // namespace cpis::cli
