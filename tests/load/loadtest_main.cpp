// loadtest [SECONDS] [USERS] [CHILDREN]: the load test of docs/security.md section 2 on a
// throwaway cluster with scale data (default 60 s, 20 users, 10,000 children). Prints each
// operation's rate and latency percentiles and a PASS or FAIL line per check; exits 1 when any
// check fails.
#include "bench/scratch_database.h"
#include "db/sample_data.h"
#include "load/load_run.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
int argument(int argc, char **argv, int i, int fallback)
{
    return argc > i ? QByteArray(argv[i]).toInt() : fallback;
}

int failed(const QString &what, const Error &error)
{
    std::fprintf(stderr, "loadtest: %s: %s\n", qUtf8Printable(what), qUtf8Printable(error.message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    load::LoadOptions options;
    options.seconds = argument(argc, argv, 1, 60);
    options.users = argument(argc, argv, 2, 20);
    const int children = argument(argc, argv, 3, 10000);
    if (options.seconds < 1 || options.users < 2 || options.users > 80 || children < 1000 ||
        children > kMaxScaleChildren) {
        std::fprintf(stderr, "usage: loadtest [SECONDS >= 1] [USERS 2-80] [CHILDREN 1000-%d]\n",
                     kMaxScaleChildren);
        return 2;
    }
    std::printf("loadtest: a throwaway cluster with scale data for %d children...\n", children);
    std::fflush(stdout);
    bench::ScratchDatabase db;
    if (!db.ok()) {
        std::fprintf(stderr, "loadtest: %s\n", qUtf8Printable(db.error()));
        return 1;
    }
    QElapsedTimer made;
    made.start();
    if (auto scale = loadScaleData(db.connection(), children); !scale)
        return failed(u"scale data"_s, scale.error());
    if (auto prepared = load::prepareLoad(db.connection(), options); !prepared)
        return failed(u"the load's logins"_s, prepared.error());
    std::printf("loadtest: data made in %.1f s; %d users and 2 exchanges for %d s...\n",
                double(made.elapsed()) / 1000.0, options.users, options.seconds);
    std::fflush(stdout);
    auto report = load::runLoad(db.connInfo(), db.connection(), options);
    if (!report)
        return failed(u"the run"_s, report.error());
    std::printf("%s", qUtf8Printable(load::formatReport(*report)));
    return report->passed() ? 0 : 1;
}
