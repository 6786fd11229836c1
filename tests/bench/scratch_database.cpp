#include "bench/scratch_database.h"

#include "db/migrator.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cpis::bench {

ScratchDatabase::ScratchDatabase() : m_dir(QDir::tempPath() + u"/cpis-bench-XXXXXX"_s)
{
    auto binaries = ServerBinaries::find();
    if (!binaries) {
        m_error = binaries.error().message;
        return;
    }
    m_cluster.emplace(m_dir.path(), *binaries, LocalCluster::Options{.fast = true});
    for (const auto &step : {&LocalCluster::create, &LocalCluster::start}) {
        if (auto done = (*m_cluster.*step)(); !done) {
            m_error = done.error().message;
            return;
        }
    }
    if (auto made = m_cluster->ensureDatabase(u"cpis"_s); !made) {
        m_error = made.error().message;
        return;
    }
    auto connection = Connection::open(connInfo());
    if (!connection) {
        m_error = connection.error().message;
        return;
    }
    if (auto migrated = Migrator(**connection).migrate(); !migrated) {
        m_error = migrated.error().message;
        return;
    }
    m_connection = std::move(*connection);
}

ScratchDatabase::~ScratchDatabase()
{
    m_connection.reset();
    if (m_cluster)
        (void)m_cluster->stop();
}

void printFigure(const QString &name, QList<double> values, const QString &unit,
                 const QString &budget)
{
    std::sort(values.begin(), values.end());
    const double median = values.isEmpty() ? 0 : values.at(values.size() / 2);
    std::printf("%-44s median %10.1f %-6s (min %.1f, max %.1f, %lld runs)  budget %s\n",
                qUtf8Printable(name), median, qUtf8Printable(unit),
                values.isEmpty() ? 0 : values.first(), values.isEmpty() ? 0 : values.last(),
                static_cast<long long>(values.size()), qUtf8Printable(budget));
    std::fflush(stdout);
}

} // namespace cpis::bench
