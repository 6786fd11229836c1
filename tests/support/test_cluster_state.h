// Where the shared throwaway test cluster is: written by its fixture, read by the tests.
#pragma once

#include "db/conn_info.h"

#include <QString>

#include <optional>

namespace cpis::test {

struct TestClusterState
{
    QString directory;
    QString socketDirectory;

    static std::optional<TestClusterState>
    load(const QString &file = QStringLiteral(CPIS_TEST_STATE_FILE));
    bool save(const QString &file) const;
    [[nodiscard]] ConnInfo connInfo(const QString &database) const;
};

} // namespace cpis::test
