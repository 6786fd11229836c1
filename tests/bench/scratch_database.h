// For benchmarks: a throwaway PostgreSQL cluster in a temporary folder with a migrated
// database, stopped and removed when it goes out of scope.
#pragma once

#include "bench/bench_figure.h"
#include "db/connection.h"
#include "db/local_cluster.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace cpis::bench {

class ScratchDatabase
{
public:
    ScratchDatabase();
    ~ScratchDatabase();
    Q_DISABLE_COPY_MOVE(ScratchDatabase)

    [[nodiscard]] bool ok() const { return m_connection != nullptr; }
    [[nodiscard]] const QString &error() const { return m_error; }
    Connection &connection() { return *m_connection; }
    [[nodiscard]] ConnInfo connInfo() const { return m_cluster->connInfo(QStringLiteral("cpis")); }

private:
    QTemporaryDir m_dir;
    std::optional<LocalCluster> m_cluster;
    std::unique_ptr<Connection> m_connection;
    QString m_error;
};

} // namespace cpis::bench
