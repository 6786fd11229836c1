// `cpisctl setup`: a CP-IS database on a shared PostgreSQL server, made (or completed) by the
// server's administrator in one run that is safe to repeat, saying what it found and did.
#pragma once

#include "db/conn_info.h"
#include "db/connection.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace cpis {

struct SetupRequest
{
    // The server's administrator (a superuser, or a login with CREATEDB and CREATEROLE), with
    // dbname naming the CP-IS database to make or complete.
    ConnInfo admin;
    // The first system administrator; none when empty. Its password is needed to make it.
    QString firstAdminLogin;
    QString firstAdminName;
    QString firstAdminPassword;
    // The exchange service's login; empty: "exchange.<dbname>".
    QString exchangeLogin;
    // Where to write the exchange's password in libpq's .pgpass format (made mode 0600, never
    // overwritten); empty: not written, and a new exchange login has no password yet.
    QString exchangePgpassFile;
};

// The role that owns every object of database `dbname` and cannot log in.
QString schemaOwnerRole(const QString &dbname);

class ServerSetup
{
public:
    explicit ServerSetup(SetupRequest request) : m_request(std::move(request)) {}
    // Each line says what was found or done ("Made ...", "Found ..."), as it happens.
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    Status run();

private:
    void say(const QString &line) const;
    // The exchange's login (made once; a new password when the password file is to be written).
    // CONNECT for every worker's login (a restored database has none).
    Status ensureWorkersConnect(Connection &db, const QString &dbname);
    Status ensureExchange(Connection &db, const QString &dbname, const QString &login);
    Status ensureFirstAdmin(Connection &db);

    SetupRequest m_request;
    std::function<void(const QString &)> m_progress;
};

} // namespace cpis
