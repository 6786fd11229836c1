// The CTest fixture for database tests: `setup STATE` makes a fresh throwaway cluster in a
// new temporary folder with its own socket, and a migrated template database; `cleanup
// STATE` stops and removes it. Setup first removes whatever a crashed run left behind.
#include "db/connection.h"
#include "db/local_cluster.h"
#include "db/migrator.h"
#include "support/test_cluster_state.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
int fail(const Error &error)
{
    std::fprintf(stderr, "test cluster: %s\n", qUtf8Printable(error.message));
    return 1;
}

void removeCluster(const QString &stateFile)
{
    const auto state = test::TestClusterState::load(stateFile);
    QFile::remove(stateFile);
    if (!state)
        return;
    if (auto binaries = ServerBinaries::find()) {
        LocalCluster cluster(state->directory, *binaries);
        if (auto stopped = cluster.stop(); !stopped)
            std::fprintf(stderr, "test cluster: %s\n", qUtf8Printable(stopped.error().message));
    }
    QDir(state->directory).removeRecursively();
}

int setup(const QString &stateFile)
{
    removeCluster(stateFile);
    auto binaries = ServerBinaries::find();
    if (!binaries)
        return fail(binaries.error());
    QTemporaryDir dir(QDir::tempPath() + u"/cpis-test-XXXXXX"_s);
    if (!dir.isValid())
        return fail({u"test"_s, u"cannot make a temporary folder: "_s + dir.errorString(), {}, {}});
    dir.setAutoRemove(false);
    LocalCluster cluster(dir.path(), *binaries, {.fast = true});
    const test::TestClusterState state{cluster.directory(), cluster.socketDirectory()};
    if (!state.save(stateFile))
        return fail({u"test"_s, u"cannot write "_s + stateFile, {}, {}});
    for (const auto &step : {&LocalCluster::create, &LocalCluster::start}) {
        if (auto done = (cluster.*step)(); !done)
            return fail(done.error());
    }
    if (auto made = cluster.ensureDatabase(u"cpis_template"_s); !made)
        return fail(made.error());
    auto connection = Connection::open(state.connInfo(u"cpis_template"_s));
    if (!connection)
        return fail(connection.error());
    if (auto migrated = Migrator(**connection).migrate(); !migrated)
        return fail(migrated.error());
    std::printf("test cluster ready in %s\n", qUtf8Printable(cluster.directory()));
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3 || (args[1] != u"setup"_s && args[1] != u"cleanup"_s)) {
        std::fprintf(stderr, "usage: cpis_test_cluster setup|cleanup STATE_FILE\n");
        return 2;
    }
    if (args[1] == u"setup"_s)
        return setup(args[2]);
    removeCluster(args[2]);
    return 0;
}
