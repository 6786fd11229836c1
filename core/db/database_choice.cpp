#include "db/database_choice.h"

#include "db/local_cluster.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "domain/sealed_secret.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kEmbeddedDatabaseName = u"cpis"_s;

QString hintFor(const DatabaseChoice &choice)
{
    switch (choice.source) {
    case DatabaseChoice::Source::CommandLine:
        return u"Check the connection string given with --database, that the server is running and "
               "that your user name and password are right."_s;
    case DatabaseChoice::Source::Environment:
        return u"Check the connection string in CPIS_DATABASE, that the server is running and that "
               "your user name and password are right."_s;
    case DatabaseChoice::Source::LibpqSettings:
        return u"Check PGHOST / PGSERVICE and your service file, that the server is running and "
               u"that "
               "your user name and password are right."_s;
    case DatabaseChoice::Source::Embedded:
        return u"The embedded database may be damaged or still starting; see its server.log."_s;
    }
    return {};
}
// The embedded database's exchange key pair, so MESH secrets can be set and opened on a single
// machine: the private key beside the cluster, readable only by this user, named for this
// process (unless CPIS_EXCHANGE_KEY_FILE names another); the public key set when it is made. A
// public key someone set without this file is left alone.
Status ensureEmbeddedExchangeKey(Connection &owner, const QString &clusterDirectory)
{
    const QString file = clusterDirectory + u"/exchange-key.pem"_s;
    const QString setting = QString::fromLatin1(kSecretsPublicKeySetting);
    if (!QFile::exists(file)) {
        auto current = queryValue(owner, u"SELECT value FROM config WHERE key = $1"_s, {setting});
        if (!current)
            return current.error();
        if (!current->text().isEmpty())
            return success();
        auto pair = generateExchangeKeyPair();
        if (!pair)
            return pair.error();
        if (auto written = writeExchangeKeyFile(file, pair->privatePem); !written)
            return written.error();
        auto set = execute(owner, u"UPDATE config SET value = $1 WHERE key = $2"_s,
                           {pair->publicKey, setting});
        if (!set)
            return set.error();
    }
    if (qEnvironmentVariableIsEmpty(kExchangeKeyFileVariable))
        qputenv(kExchangeKeyFileVariable, QFile::encodeName(file));
    return success();
}
} // namespace

DatabaseChoice DatabaseChoice::choose(const std::optional<QString> &commandLine,
                                      const QProcessEnvironment &env)
{
    if (commandLine)
        return {Source::CommandLine, *commandLine, {}};
    if (env.contains(u"CPIS_DATABASE"_s))
        return {Source::Environment, env.value(u"CPIS_DATABASE"_s), {}};
    if (!env.value(u"PGSERVICE"_s).isEmpty() || !env.value(u"PGHOST"_s).isEmpty())
        return {Source::LibpqSettings, {}, {}};
    const QString dir = env.value(u"CPIS_DATA_DIR"_s);
    return {Source::Embedded,
            {},
            dir.isEmpty() ? LocalCluster::defaultDirectory() : dir + u"/cluster"_s};
}

Result<OpenDatabase> openDatabase(const DatabaseChoice &choice)
{
    ConnInfo info;
    QString where;
    if (choice.isEmbedded()) {
        auto binaries = ServerBinaries::find();
        if (!binaries)
            return binaries.error();
        LocalCluster cluster(choice.embeddedDirectory, *binaries);
        for (const auto &step : {&LocalCluster::ensureCreated, &LocalCluster::start}) {
            if (auto done = (cluster.*step)(); !done)
                return done.error();
        }
        if (auto made = cluster.ensureDatabase(kEmbeddedDatabaseName); !made)
            return made.error();
        info = cluster.connInfo(kEmbeddedDatabaseName);
        where = u"embedded database in %1"_s.arg(cluster.directory());
    } else {
        auto parsed = ConnInfo::parse(choice.conninfo);
        if (!parsed)
            return parsed.error();
        info = *parsed;
        where = info.describe();
    }

    auto connection = Connection::open(info);
    if (!connection) {
        Error e = connection.error();
        if (e.hint.isEmpty())
            e.hint = hintFor(choice);
        return e;
    }
    OpenDatabase db{std::move(*connection), where, {}, {}};
    db.serverVersion = db.connection->serverVersion();
    db.user = db.connection->currentUser();
    return db;
}

Result<ReadyDatabase> openAndMigrate(const DatabaseChoice &choice)
{
    auto db = openDatabase(choice);
    if (!db)
        return db.error();
    Migrator migrator(*db->connection);
    auto applied = migrator.migrate();
    if (!applied && applied.error().sqlState == u"42501"_s) {
        // Only the schema's owner may change it; a person signing in cannot.
        Error e = applied.error();
        e.message = u"The database needs upgrading to this program's schema (version %1), and only "
                    u"its owner "
                    u"can do that."_s.arg(Migrator::bundled().last().version);
        e.hint = u"Ask the database's owner to run: cpisctl db migrate"_s;
        return e;
    }
    if (!applied && applied.error().code != u"db.schema_newer"_s)
        return applied.error();
    auto schema = migrator.state();
    if (!schema)
        return schema.error();
    if (schema->isNewerThanKnown()) {
        if (auto readOnly = makeSessionReadOnly(*db->connection); !readOnly)
            return readOnly.error();
    }
    ReadyDatabase ready{std::move(*db), *schema, applied ? *applied : QList<int>{}};
    if (choice.isEmbedded() && !ready.readOnly()) {
        if (auto key = ensureEmbeddedExchangeKey(*ready.db.connection, choice.embeddedDirectory);
            !key)
            return key.error();
        auto hasUsers = queryValue(*ready.db.connection,
                                   u"SELECT EXISTS (SELECT 1 FROM worker WHERE NOT is_virtual)"_s);
        if (!hasUsers)
            return hasUsers.error();
        if (hasUsers->boolean())
            return ready;
        auto sample = loadSampleData(*ready.db.connection);
        if (!sample)
            return sample.error();
        ready.sampleDataLoaded = *sample == SampleDataOutcome::Loaded;
    }
    return ready;
}

} // namespace cpis
