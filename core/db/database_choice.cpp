#include "db/database_choice.h"

#include "db/connection_details.h"
#include "db/local_cluster.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "db/settings_file.h"
#include "domain/sealed_secret.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kEmbeddedDatabaseName = u"cpis"_s;
// Beside the cluster: this embedded database was made empty and never gets the sample data.
const QString kEmptyMarker = u"/no-sample-data"_s;

QString hintFor(const DatabaseChoice &choice, bool tlsProblem)
{
    if (tlsProblem)
        return u"The server is on another machine and no sslmode was given, so its certificate "
               u"is checked (sslmode=verify-full): put the certificate of the authority that "
               u"signed it in ~/.postgresql/root.crt or name it with sslrootcert=FILE, and connect "
               u"by the name in the certificate (chosen by %1)."_s.arg(choice.origin());
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
    case DatabaseChoice::Source::UserFile:
    case DatabaseChoice::Source::SiteFile:
        return u"Check the connection string in %1, that the server is running and that your user "
               u"name and password are right."_s.arg(choice.file);
    case DatabaseChoice::Source::Embedded:
        return u"The embedded database may be damaged or still starting; see its server.log."_s;
    }
    return {};
}

QString embeddedWhere(const QString &directory, bool sampleData)
{
    return u"%1, in %2"_s.arg(
        QString::fromLatin1(sampleData ? kEmbeddedWithSampleData : kEmbeddedEmpty),
        QDir::cleanPath(QDir(directory).absolutePath()));
}

// Which settings file chose the database, if one did: the user's own before the site's.
Result<std::optional<DatabaseChoice>> chooseFromFiles(const QProcessEnvironment &env)
{
    const std::pair<DatabaseChoice::Source, SettingsFileKind> files[] = {
        {DatabaseChoice::Source::UserFile, SettingsFileKind::User},
        {DatabaseChoice::Source::SiteFile, SettingsFileKind::Site}};
    for (const auto &[source, kind] : files) {
        const QString path =
            kind == SettingsFileKind::User ? userSettingsFile(env) : siteSettingsFile(env);
        auto setting = readDatabaseSetting(path, kind);
        if (!setting)
            return setting.error();
        if (*setting)
            return std::optional(DatabaseChoice{source,
                                                (*setting)->conninfo,
                                                {},
                                                u"%1, line %2"_s.arg(path).arg((*setting)->line)});
    }
    return std::optional<DatabaseChoice>{};
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

Result<DatabaseChoice> DatabaseChoice::choose(const std::optional<QString> &commandLine,
                                              const QProcessEnvironment &env)
{
    if (commandLine)
        return DatabaseChoice{Source::CommandLine, *commandLine, {}};
    if (env.contains(u"CPIS_DATABASE"_s))
        return DatabaseChoice{Source::Environment, env.value(u"CPIS_DATABASE"_s), {}};
    if (!env.value(u"PGSERVICE"_s).isEmpty() || !env.value(u"PGHOST"_s).isEmpty())
        return DatabaseChoice{Source::LibpqSettings, {}, {}};
    auto fromFile = chooseFromFiles(env);
    if (!fromFile)
        return fromFile.error();
    if (*fromFile)
        return **fromFile;
    const QString dir = env.value(u"CPIS_DATA_DIR"_s);
    return DatabaseChoice{Source::Embedded,
                          {},
                          dir.isEmpty() ? LocalCluster::defaultDirectory() : dir + u"/cluster"_s};
}

QString DatabaseChoice::origin() const
{
    switch (source) {
    case Source::CommandLine:
        return u"--database"_s;
    case Source::Environment:
        return u"the environment variable CPIS_DATABASE"_s;
    case Source::LibpqSettings:
        return u"the environment variables PGSERVICE / PGHOST"_s;
    case Source::UserFile:
        return u"your settings file %1"_s.arg(file);
    case Source::SiteFile:
        return u"the site file %1"_s.arg(file);
    case Source::Embedded:
        return u"nothing else (no --database, CPIS_DATABASE, PGSERVICE, PGHOST or settings file)"_s;
    }
    return {};
}

QString DatabaseChoice::describe() const
{
    if (isEmbedded())
        return u"the embedded database in %1"_s.arg(
            QDir::cleanPath(QDir(embeddedDirectory).absolutePath()));
    if (conninfo.isEmpty())
        return u"libpq's settings"_s;
    auto info = ConnInfo::parse(conninfo);
    return info ? info->describe() : u"a connection string that is not valid"_s;
}

Status markEmbeddedEmpty(const QString &clusterDirectory)
{
    QFile marker(clusterDirectory + kEmptyMarker);
    if (!QDir().mkpath(clusterDirectory) || !marker.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error{u"cluster.folder"_s,
                     u"Could not write %1: %2"_s.arg(marker.fileName(), marker.errorString()),
                     {},
                     {}};
    marker.write("Made with 'cpisctl db init --empty': never load the sample data here.\n");
    return success();
}

Result<OpenDatabase> openDatabase(const DatabaseChoice &choice)
{
    ConnInfo info;
    bool tlsDefaulted = false;
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
    } else {
        auto parsed = ConnInfo::parse(choice.conninfo);
        if (!parsed) {
            Error e = parsed.error();
            e.hint += u" (Chosen by %1.)"_s.arg(choice.origin());
            return e;
        }
        info = *parsed;
        tlsDefaulted = info.requireVerifiedTls(QProcessEnvironment::systemEnvironment());
    }

    auto connection = Connection::open(info);
    if (!connection) {
        Error e = connection.error();
        // libpq's words when the certificate could not be checked.
        const bool tlsProblem =
            tlsDefaulted && (e.message.contains(u"certificate"_s) || e.message.contains(u"SSL"_s));
        if (e.hint.isEmpty() || tlsProblem)
            e.hint = hintFor(choice, tlsProblem);
        return e;
    }
    QString where = whereConnected(**connection);
    if (choice.isEmbedded()) {
        auto sample = hasSampleData(**connection);
        if (!sample)
            return sample.error();
        where = embeddedWhere(choice.embeddedDirectory, *sample);
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
        if (hasUsers->boolean() || QFile::exists(choice.embeddedDirectory + kEmptyMarker))
            return ready;
        auto sample = loadSampleData(*ready.db.connection);
        if (!sample)
            return sample.error();
        ready.sampleDataLoaded = *sample == SampleDataOutcome::Loaded;
        ready.db.where = embeddedWhere(choice.embeddedDirectory, true);
    }
    return ready;
}

} // namespace cpis
