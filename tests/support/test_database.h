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

// The exchange's key pair for tests: made once per test program, its private key in a file
// named by CPIS_EXCHANGE_KEY_FILE in this process's environment (so cpisctl runs inherit it),
// its public key set as mesh.secrets_public_key in `owner`'s database. Every migrated
// TestDatabase has it, so MESH secrets can be set and the exchange opens them.
void installExchangeKey(Connection &owner);
// The private key file installExchangeKey() names.
QString exchangeKeyFileForTests();
// A secret setting as stored (sealed), opened with that key: what the exchange will use.
QString openedSecret(Connection &owner, const QString &key);

// The shared cluster's maintenance database.
std::unique_ptr<Connection> openMaintenance();

} // namespace cpis::test
