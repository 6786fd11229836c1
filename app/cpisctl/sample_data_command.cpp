#include "sample_data_command.h"

#include "database_session.h"
#include "db/sample_data.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
// Prints each step as it starts and how long the one before took: the large scales take
// minutes.
int loadScale(Connection &connection, int children)
{
    out() << "Making scale data for " << children << " children...\n";
    out().flush();
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    auto loaded = loadScaleData(connection, children, [&](const QString &name) {
        if (step.isValid())
            out() << "  (" << QString::number(step.elapsed() / 1000.0, 'f', 1) << " s)\n";
        out() << "  " << name << "...";
        out().flush();
        step.start();
    });
    if (step.isValid())
        out() << "  (" << QString::number(step.elapsed() / 1000.0, 'f', 1) << " s)\n";
    if (!loaded) {
        out().flush();
        return exitFor(loaded.error());
    }
    out() << (*loaded == SampleDataOutcome::Loaded
                  ? u"Scale data made in %1 s.\n"_s.arg(
                        QString::number(total.elapsed() / 1000.0, 'f', 1))
                  : u"Scale data is already there: nothing changed.\n"_s);
    out().flush();
    return kExitOk;
}
} // namespace

int sampleData(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption scale(
        u"scale"_s,
        u"Also make a large authority's caseload for benchmarks: N children (up to %1) with "
        u"plans and key workers, 10 x N historic notifications as finished steps with requests, "
        u"case notes and audit rows, and up to 10,000 open steps."_s.arg(kMaxScaleChildren),
        u"N"_s);
    parser.addOption(scale);
    if (auto stop = parseArguments(
            parser, u"sample-data"_s,
            u"Load fictional sample data (999-range NHS numbers only): teams, a dozen workers\n"
            u"with logins, CP-IS Worker, about fifty children with plans and key workers,\n"
            u"unborn children, open CPIS Follow Up steps, requests and alerts.\n"
            u"Running it again changes nothing. Run it as the database owner.\n"
            u"Exit status: 0 loaded or already there, 1 failed, 2 usage, 3 unreachable."_s,
            args))
        return *stop;
    int children = 0;
    if (parser.isSet(scale)) {
        bool number = false;
        children = parser.value(scale).toInt(&number);
        if (!number || children < 1 || children > kMaxScaleChildren)
            return usageError(u"sample-data"_s,
                              u"--scale takes a number of children from 1 to %1, not \"%2\"."_s.arg(
                                  QString::number(kMaxScaleChildren), parser.value(scale)));
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    const ReadyDatabase &ready = session.ready();
    if (children > 0)
        return loadScale(session.connection(), children);
    if (ready.sampleDataLoaded) {
        out() << "Sample data loaded into the embedded database.\n";
        out().flush();
        return kExitOk;
    }
    auto loaded = loadSampleData(session.connection());
    if (!loaded)
        return exitFor(loaded.error());
    out() << (*loaded == SampleDataOutcome::Loaded
                  ? "Sample data loaded.\n"
                  : "The sample data is already there: nothing changed.\n");
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
