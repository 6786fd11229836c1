#include "sample_data_command.h"

#include "db/sample_data.h"

using namespace Qt::StringLiterals;

namespace cpis::cli {

int sampleData(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop = parseArguments(
            parser, u"sample-data"_s,
            u"Load fictional sample data (999-range NHS numbers only): teams, a dozen workers\n"
            u"with logins, CP-IS Worker, about fifty children with plans and key workers,\n"
            u"unborn children, open CPIS Follow Up steps, requests and alerts.\n"
            u"Running it again changes nothing. Run it as the database owner.\n"
            u"Exit status: 0 loaded or already there, 1 failed, 3 unreachable."_s,
            args))
        return *stop;
    auto ready = openAndMigrate(databaseChoice(parser));
    if (!ready)
        return exitFor(ready.error());
    if (ready->sampleDataLoaded) {
        out() << "Sample data loaded into the embedded database.\n";
        out().flush();
        return kExitOk;
    }
    auto loaded = loadSampleData(*ready->db.connection);
    if (!loaded)
        return exitFor(loaded.error());
    out() << (*loaded == SampleDataOutcome::Loaded
                  ? "Sample data loaded.\n"
                  : "The sample data is already there: nothing changed.\n");
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
