// Users for system administrators (list, disable, enable, reset a password, change roles) and a
// worker's own password change; the database decides who may (functions/users.sql).
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace cpis {

struct UserAccount
{
    QString login;
    QString name;
    QString team;
    QStringList roles; // add_user's role names: "key-worker", "sysadmin", ...
    bool enabled = true;
    bool mustChangePassword = false;
    QDateTime lastSignedIn; // null when never known
};

// The role names a user can be given (the exchange's only by the installer).
const QStringList &userRoleNames();

// A one-time password to read out to a user: 16 characters from an alphabet without look-alikes
// (no 0/O, 1/l/I), from the system's random source.
QString oneTimePassword();

class UserAdmin
{
public:
    explicit UserAdmin(Connection &connection) : m_connection(connection) {}

    Result<QList<UserAccount>> list();
    Result<UserAccount> find(const QString &login);
    Status disable(const QString &login);
    Status enable(const QString &login);
    // Gives the user `password`, a one-time one they must change at next sign-in unless
    // `oneTime` is false; only its SCRAM verifier leaves this machine.
    Status resetPassword(const QString &login, const QString &password, bool oneTime);
    // Sets the user's roles to exactly `roles`; returns them as the database now has them.
    Result<QStringList> setRoles(const QString &login, const QStringList &roles);
    // Adds and removes roles from those the user has now.
    Result<QStringList> changeRoles(const QString &login, const QStringList &add,
                                    const QStringList &remove);

    // The signed-in worker choosing their own password.
    Status changeOwnPassword(const QString &password);
    // Stamps the sign-in; true when the worker must choose a new password first.
    Result<bool> signedIn();

private:
    Result<QVariant> verifier(const QString &login, const QString &password);
    Connection &m_connection;
};

} // namespace cpis
