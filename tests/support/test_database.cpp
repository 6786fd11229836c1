#include "support/test_database.h"

#include "db/migrator.h"
#include "db/rows.h"
#include "domain/sealed_secret.h"
#include "support/test_cluster_state.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
TestClusterState requireState()
{
    const auto state = TestClusterState::load();
    if (!state)
        FAIL("The test cluster is not running: run the tests through ctest, which sets it up.");
    return *state;
}

std::unique_ptr<Connection> openOrFail(const ConnInfo &info)
{
    auto connection = Connection::open(info);
    if (!connection)
        FAIL(connection.error().message.toStdString());
    return std::move(*connection);
}
} // namespace

namespace {
struct TestExchangeKey
{
    QTemporaryDir dir;
    QString file;
    QString publicKey;
};

const TestExchangeKey &testExchangeKey()
{
    static const TestExchangeKey key = [] {
        TestExchangeKey made;
        REQUIRE(made.dir.isValid());
        made.file = made.dir.filePath(u"exchange-key.pem"_s);
        auto pair = generateExchangeKeyPair();
        if (!pair)
            FAIL(pair.error().message.toStdString());
        if (auto written = writeExchangeKeyFile(made.file, pair->privatePem); !written)
            FAIL(written.error().message.toStdString());
        made.publicKey = pair->publicKey;
        return made;
    }();
    return key;
}
} // namespace

QString exchangeKeyFileForTests()
{
    return testExchangeKey().file;
}

QString openedSecret(Connection &owner, const QString &key)
{
    auto stored = queryValue(owner, u"SELECT value FROM config WHERE key = $1"_s, {key});
    if (!stored)
        FAIL(stored.error().message.toStdString());
    if (stored->text().isEmpty())
        return {};
    auto opener = SecretOpener::fromFile(exchangeKeyFileForTests());
    if (!opener)
        FAIL(opener.error().message.toStdString());
    auto clear = opener->open(stored->text(), key);
    if (!clear)
        FAIL(clear.error().message.toStdString());
    return *clear;
}

void installExchangeKey(Connection &owner)
{
    const TestExchangeKey &key = testExchangeKey();
    qputenv(kExchangeKeyFileVariable, key.file.toLocal8Bit());
    auto set = execute(owner, u"UPDATE config SET value = $1 WHERE key = $2"_s,
                       {key.publicKey, QString::fromLatin1(kSecretsPublicKeySetting)});
    if (!set)
        FAIL(set.error().message.toStdString());
}

std::unique_ptr<Connection> openMaintenance()
{
    return openOrFail(requireState().connInfo(u"postgres"_s));
}

TestDatabase::TestDatabase(Schema schema)
    : TestDatabase(requireState().connInfo(u"postgres"_s),
                   schema == Schema::Migrated ? u"cpis_template"_s : u"template0"_s)
{
    if (schema == Schema::Migrated)
        installExchangeKey(*m_connection);
}

TestDatabase::TestDatabase(ConnInfo server, Schema schema)
    : TestDatabase(std::move(server), u"template0"_s)
{
    if (schema == Schema::Migrated) {
        if (auto migrated = Migrator(*m_connection).migrate(); !migrated)
            FAIL(migrated.error().message.toStdString());
        installExchangeKey(*m_connection);
    }
}

TestDatabase::TestDatabase(ConnInfo server, const QString &templateName)
    : m_name(u"t_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16)),
      m_server(std::move(server))
{
    auto maintenance = openOrFail(m_server);
    // Names are generated here, never from input, so they can be spliced in.
    auto created =
        execute(*maintenance, u"CREATE DATABASE %1 TEMPLATE %2"_s.arg(m_name, templateName));
    if (!created)
        FAIL(created.error().message.toStdString());
    m_connection = openOrFail(connInfo());
}

TestDatabase::~TestDatabase()
{
    m_connection.reset();
    if (auto maintenance = Connection::open(m_server))
        (void)execute(*(*maintenance), u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_name));
}

ConnInfo TestDatabase::connInfo() const
{
    ConnInfo info = m_server;
    info.set(u"dbname"_s, m_name);
    return info;
}

std::unique_ptr<Connection> TestDatabase::openAnother() const
{
    return openOrFail(connInfo());
}

QStringList withDatabase(const TestDatabase &db, QStringList args, const QString &login)
{
    ConnInfo info = db.connInfo();
    if (!login.isEmpty())
        info.set(QStringLiteral("user"), login);
    return args << QStringLiteral("--database") << info.toKeywordValueString();
}

} // namespace cpis::test
