#include "bench/scratch_database.h"

#include "db/migrator.h"

#include <QDir>
#include <QFile>

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

} // namespace cpis::bench
