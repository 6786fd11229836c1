// The embedded default: a private PostgreSQL cluster in a folder of the user's, reached
// only through a Unix socket in that folder (no TCP port).
#pragma once

#include "db/conn_info.h"
#include "result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cpis {

// Where initdb, pg_ctl and postgres live.
class ServerBinaries
{
public:
    // Looks in $CPIS_PG_BINDIR when set (and only there), else `pg_config --bindir`, else the
    // newest /usr/lib/postgresql/*/bin.
    static Result<ServerBinaries>
    find(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
         const QString &versionsRoot = QStringLiteral("/usr/lib/postgresql"));
    [[nodiscard]] QString tool(const QString &name) const;
    [[nodiscard]] const QString &directory() const { return m_dir; }

private:
    explicit ServerBinaries(QString dir) : m_dir(std::move(dir)) {}
    QString m_dir;
};

class LocalCluster
{
public:
    struct Options
    {
        // Durability off: for throwaway test clusters only.
        bool fast = false;
    };

    // The folder under the user's data directory; for root, a system folder that the
    // unprivileged server account can reach.
    static QString defaultDirectory();
    // PostgreSQL refuses to run as root: which account runs the server then.
    static Result<QString> serverAccountForRoot();

    LocalCluster(QString directory, ServerBinaries binaries, Options options);
    LocalCluster(QString directory, ServerBinaries binaries)
        : LocalCluster(std::move(directory), std::move(binaries), Options{})
    {}

    [[nodiscard]] bool exists() const;
    Status create();        // initdb; refuses when the folder already holds a cluster
    Status ensureCreated(); // create() unless it exists
    [[nodiscard]] bool isRunning() const;
    Status start(); // reuses a running server
    Status stop();
    // Creates the database when missing; true when it did.
    Result<bool> ensureDatabase(const QString &name);

    [[nodiscard]] const QString &directory() const { return m_dir; }
    [[nodiscard]] const ServerBinaries &binaries() const { return m_binaries; }
    [[nodiscard]] QString dataDirectory() const;
    [[nodiscard]] QString socketDirectory() const;
    [[nodiscard]] ConnInfo connInfo(const QString &database) const;

    static constexpr auto kSuperuser = "cpis_owner";

private:
    struct Output
    {
        int exitCode = -1;
        QString text;
    };
    Result<Output> run(const QString &tool, const QStringList &args, int timeoutMs) const;
    Status prepareFolder();
    Status resolveAccount() const;
    Status writeConfiguration();
    QString serverLogTail() const;

    QString m_dir;
    ServerBinaries m_binaries;
    Options m_options;
    mutable QString m_runAs; // the server account when we are root; empty: ourselves
};

} // namespace cpis
