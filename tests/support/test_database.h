// A fresh database per test case on the shared throwaway cluster, dropped afterwards.
#pragma once

#include "db/connection.h"

#include <memory>

namespace cpis::test {

class TestDatabase
{
    Q_DISABLE_COPY_MOVE(TestDatabase)

public:
    enum class Schema { Empty, Migrated };
    explicit TestDatabase(Schema schema = Schema::Migrated);
    // On another server (its maintenance database's settings): made from template0, then
    // migrated. Every connection of the test goes through `server`'s settings, so a
    // multi-host string follows a failover.
    TestDatabase(ConnInfo server, Schema schema);
    ~TestDatabase();

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] ConnInfo connInfo() const;
    // The connection opened with the database; more can be opened with openAnother().
    Connection &connection() { return *m_connection; }
    std::unique_ptr<Connection> openAnother() const;

private:
    TestDatabase(ConnInfo server, const QString &templateName);
    QString m_name;
    ConnInfo m_server;
    std::unique_ptr<Connection> m_connection;
};

// A program's arguments followed by --database for this test database, as `login` when given.
QStringList withDatabase(const TestDatabase &db, QStringList args, const QString &login = {});

// The shared cluster's maintenance database.
std::unique_ptr<Connection> openMaintenance();

} // namespace cpis::test
