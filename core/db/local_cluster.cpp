#include "db/local_cluster.h"

#include "db/connection.h"
#include "db/rows.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QVersionNumber>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr int kStartTimeoutSeconds = 60;
// The kernel limits a Unix socket path to 107 bytes; ".s.PGSQL.5432" takes 13 of them.
constexpr qsizetype kMaxSocketDirLength = 107 - 14;

const QString kInstallHint = u"Install the PostgreSQL server: sudo apt install postgresql"_s;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

QString ownerOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    const passwd *pw = ::getpwuid(info.st_uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

Status giveTo(const QString &path, const QString &account)
{
    const passwd *pw = ::getpwnam(QFile::encodeName(account).constData());
    if (!pw || ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) != 0)
        return Error{u"cluster.folder"_s,
                     u"Could not hand %1 to the account %2."_s.arg(path, account),
                     {},
                     {}};
    return success();
}
} // namespace

Result<ServerBinaries> ServerBinaries::find(const QProcessEnvironment &env,
                                            const QString &versionsRoot)
{
    const auto hasTools = [](const QString &dir) {
        return QFileInfo(dir + u"/initdb"_s).isExecutable() &&
               QFileInfo(dir + u"/pg_ctl"_s).isExecutable();
    };
    const QString pinned = env.value(u"CPIS_PG_BINDIR"_s);
    if (!pinned.isEmpty()) {
        if (hasTools(pinned))
            return ServerBinaries(pinned);
        return Error{u"cluster.no_binaries"_s,
                     u"CPIS_PG_BINDIR is %1, but initdb and pg_ctl are not there."_s.arg(pinned),
                     {},
                     u"Point CPIS_PG_BINDIR at PostgreSQL's bin folder, or unset it."_s};
    }

    // An empty list would make findExecutable search our own PATH rather than env's.
    const QStringList path = env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts);
    const QString pgConfigPath =
        path.isEmpty() ? QString() : QStandardPaths::findExecutable(u"pg_config"_s, path);
    QProcess pgConfig;
    if (!pgConfigPath.isEmpty())
        pgConfig.start(pgConfigPath, {u"--bindir"_s});
    if (!pgConfigPath.isEmpty() && pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
        if (hasTools(dir))
            return ServerBinaries(dir);
    }

    QVersionNumber best;
    QString bestDir;
    const QDir versions(versionsRoot);
    for (const QString &v : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = versions.filePath(v) + u"/bin"_s;
        const auto number = QVersionNumber::fromString(v);
        if (hasTools(dir) && number > best) {
            best = number;
            bestDir = dir;
        }
    }
    if (!bestDir.isEmpty())
        return ServerBinaries(bestDir);
    return Error{u"cluster.no_binaries"_s,
                 u"The PostgreSQL server programs (initdb, pg_ctl) were not found."_s,
                 {},
                 kInstallHint};
}

QString ServerBinaries::tool(const QString &name) const
{
    return m_dir + u'/' + name;
}

QString LocalCluster::defaultDirectory()
{
    // Root's home is closed to the unprivileged server account, so use a system folder.
    if (runningAsRoot())
        return u"/var/lib/cpis-workview/cluster"_s;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           u"/cpis-workview/cluster"_s;
}

Result<QString> LocalCluster::serverAccountForRoot()
{
    const QString wanted = qEnvironmentVariable("CPIS_PG_OS_USER", u"postgres"_s);
    if (::getpwnam(QFile::encodeName(wanted).constData()))
        return wanted;
    return Error{
        u"cluster.no_account"_s,
        u"PostgreSQL will not run as root, and the account %1 that should run it does not exist."_s
            .arg(wanted),
        {},
        u"Install the postgresql package (it creates the postgres account), or set CPIS_PG_OS_USER to an unprivileged account."_s};
}

LocalCluster::LocalCluster(QString directory, ServerBinaries binaries, Options options)
    : m_dir(QDir::cleanPath(QDir(directory).absolutePath())), m_binaries(std::move(binaries)),
      m_options(options)
{}

QString LocalCluster::dataDirectory() const
{
    return m_dir + u"/data"_s;
}

QString LocalCluster::socketDirectory() const
{
    return m_dir + u"/run"_s;
}

bool LocalCluster::exists() const
{
    return QFileInfo::exists(dataDirectory() + u"/PG_VERSION"_s);
}

ConnInfo LocalCluster::connInfo(const QString &database) const
{
    return ConnInfo::fromPairs({{u"host"_s, socketDirectory()},
                                {u"dbname"_s, database},
                                {u"user"_s, QString::fromLatin1(kSuperuser)}});
}

Result<LocalCluster::Output> LocalCluster::run(const QString &tool, const QStringList &args,
                                               int timeoutMs) const
{
    if (auto account = resolveAccount(); !account)
        return account.error();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir);
    if (m_runAs.isEmpty()) {
        process.start(m_binaries.tool(tool), args);
    } else {
        process.start(u"runuser"_s,
                      QStringList{u"-u"_s, m_runAs, u"--"_s, m_binaries.tool(tool)} + args);
    }
    if (!process.waitForStarted(10000))
        return Error{u"cluster.tool"_s,
                     u"Could not run %1: %2"_s.arg(tool, process.errorString()),
                     {},
                     kInstallHint};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error{u"cluster.tool"_s,
                     u"%1 did not finish in %2 seconds."_s.arg(tool).arg(timeoutMs / 1000),
                     {},
                     {}};
    }
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return Output{code, QString::fromLocal8Bit(process.readAll()).trimmed()};
}

Status LocalCluster::prepareFolder()
{
    if (socketDirectory().size() > kMaxSocketDirLength) {
        return Error{u"cluster.path_too_long"_s,
                     u"The folder %1 is too long a path for the database's socket."_s.arg(m_dir),
                     {},
                     u"Choose a shorter folder."_s};
    }
    if (!QDir().mkpath(m_dir) || !QDir().mkpath(socketDirectory()))
        return Error{u"cluster.folder"_s, u"Could not create the folder %1."_s.arg(m_dir), {}, {}};
    QFile::setPermissions(m_dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(socketDirectory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    if (!runningAsRoot())
        return success();
    if (auto account = resolveAccount(); !account)
        return account;
    for (const QString &path : {m_dir, socketDirectory()}) {
        if (auto given = giveTo(path, m_runAs); !given)
            return given;
    }
    QProcess probe;
    probe.start(u"runuser"_s, {u"-u"_s, m_runAs, u"--"_s, u"test"_s, u"-w"_s, m_dir});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0) {
        return Error{
            u"cluster.unreachable_folder"_s,
            u"The account %1 that runs the database cannot reach %2."_s.arg(m_runAs, m_dir),
            {},
            u"Choose a folder outside a private home folder."_s};
    }
    return success();
}

Status LocalCluster::resolveAccount() const
{
    if (!runningAsRoot() || !m_runAs.isEmpty())
        return success();
    // Keep using whoever already owns an existing cluster.
    const QString owner = exists() ? ownerOf(dataDirectory()) : QString();
    if (!owner.isEmpty() && owner != u"root"_s) {
        m_runAs = owner;
        return success();
    }
    auto chosen = serverAccountForRoot();
    if (!chosen)
        return chosen.error();
    m_runAs = *chosen;
    return success();
}

Status LocalCluster::writeConfiguration()
{
    QFile conf(dataDirectory() + u"/postgresql.conf"_s);
    if (!conf.open(QIODevice::Append | QIODevice::Text))
        return Error{u"cluster.config"_s, u"Could not write %1."_s.arg(conf.fileName()), {}, {}};
    QString settings =
        u"\n# CP-IS Workview: a private cluster, reached only through its own socket.\n"
        u"listen_addresses = ''\n"
        u"unix_socket_directories = '%1'\n"
        u"unix_socket_permissions = 0700\n"
        u"max_connections = 100\n"_s.arg(socketDirectory());
    if (m_options.fast)
        settings += u"fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"_s;
    conf.write(settings.toUtf8());
    return success();
}

Status LocalCluster::create()
{
    if (exists())
        return Error{u"cluster.exists"_s,
                     u"There is already a database cluster in %1."_s.arg(dataDirectory()),
                     {},
                     {}};
    if (auto prepared = prepareFolder(); !prepared)
        return prepared;
    auto initdb =
        run(u"initdb"_s,
            {u"--pgdata"_s, dataDirectory(), u"--username"_s, QString::fromLatin1(kSuperuser),
             u"--auth=trust"_s, u"--encoding=UTF8"_s, u"--locale=C.UTF-8"_s},
            120000);
    if (!initdb)
        return initdb.error();
    if (initdb->exitCode != 0) {
        return Error{u"cluster.initdb"_s,
                     u"Creating the database cluster in %1 failed:\n%2"_s.arg(
                         m_dir, initdb->text.right(2000)),
                     {},
                     {}};
    }
    return writeConfiguration();
}

Status LocalCluster::ensureCreated()
{
    return exists() ? prepareFolder() : create();
}

bool LocalCluster::isRunning() const
{
    if (!exists() || !resolveAccount())
        return false;
    auto status = run(u"pg_ctl"_s, {u"status"_s, u"--pgdata"_s, dataDirectory()}, 10000);
    return status && status->exitCode == 0;
}

QString LocalCluster::serverLogTail() const
{
    QFile log(m_dir + u"/server.log"_s);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > 2000)
        log.seek(log.size() - 2000);
    return QString::fromUtf8(log.readAll()).trimmed();
}

Status LocalCluster::start()
{
    if (!exists())
        return Error{
            u"cluster.missing"_s, u"There is no database cluster in %1."_s.arg(m_dir), {}, {}};
    if (auto prepared = prepareFolder(); !prepared)
        return prepared;
    if (isRunning())
        return success();
    auto started =
        run(u"pg_ctl"_s,
            {u"start"_s, u"--pgdata"_s, dataDirectory(), u"--log"_s, m_dir + u"/server.log"_s,
             u"--wait"_s, u"--timeout"_s, QString::number(kStartTimeoutSeconds), u"--silent"_s},
            (kStartTimeoutSeconds + 10) * 1000);
    if (!started)
        return started.error();
    if (started->exitCode != 0) {
        return Error{u"cluster.start"_s,
                     u"The database server in %1 did not start:\n%2\n%3"_s.arg(m_dir, started->text,
                                                                               serverLogTail()),
                     {},
                     u"The server log is %1/server.log."_s.arg(m_dir)};
    }
    return success();
}

Status LocalCluster::stop()
{
    if (!isRunning())
        return success();
    auto stopped = run(
        u"pg_ctl"_s,
        {u"stop"_s, u"--pgdata"_s, dataDirectory(), u"--mode=fast"_s, u"--wait"_s, u"--silent"_s},
        70000);
    if (!stopped)
        return stopped.error();
    if (stopped->exitCode != 0)
        return Error{u"cluster.stop"_s,
                     u"The database server in %1 did not stop: %2"_s.arg(m_dir, stopped->text),
                     {},
                     {}};
    return success();
}

Result<bool> LocalCluster::ensureDatabase(const QString &name)
{
    auto maintenance = Connection::open(connInfo(u"postgres"_s));
    if (!maintenance)
        return maintenance.error();
    auto found =
        queryValue(**maintenance, u"SELECT 1 FROM pg_database WHERE datname = $1"_s, {name});
    if (!found)
        return found.error();
    if (!found->isNull())
        return false;
    // An identifier cannot be a parameter; quote it with the server's own function.
    auto quotedName = queryValue(**maintenance, u"SELECT quote_ident($1)"_s, {name});
    if (!quotedName)
        return quotedName.error();
    auto created = execute(**maintenance, u"CREATE DATABASE "_s + quotedName->text());
    if (!created)
        return created.error();
    return true;
}

} // namespace cpis
