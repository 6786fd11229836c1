#include "db/server_setup.h"

#include "db/connection.h"
#include "db/migrator.h"
#include "db/password_verifier.h"
#include "db/rows.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// The group roles every CP-IS database shares (docs/security.md, "Databases apart on one
// server", says why sharing them is safe); a later migration may add more, which it creates
// itself through the schema owner's CREATEROLE.
const QStringList kGroupRoles{u"cpis_safeguarding_admin"_s, u"cpis_key_worker"_s,
                              u"cpis_team_manager"_s,       u"cpis_sysadmin"_s,
                              u"cpis_exchange"_s,           u"cpis_records_officer"_s};

Error setupError(const QString &message, const QString &hint = {})
{
    return Error{u"setup.refused"_s, message, {}, hint};
}

// A name checked here or by add_user's rules (no quote can be in it), quoted for SQL.
QString ident(const QString &name)
{
    return u"\""_s + QString(name).replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

Result<std::unique_ptr<Connection>> openAs(const ConnInfo &admin, const QString &dbname)
{
    ConnInfo info = admin;
    info.set(u"dbname"_s, dbname);
    return Connection::open(info);
}

// Rows of which there is at least one (a Row reads its Rows: keep them alive).
Result<Rows> atLeastOneRow(Connection &c, const QString &sql, const QVariantList &params = {})
{
    auto rows = execute(c, sql, params);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return setupError(u"The server returned no row for: "_s + sql.simplified());
    return rows;
}

QString randomPassword()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A .pgpass line for any host and port (the exchange may reach the server by another name
// than the administrator did), made readable by its owner alone.
Status writePgpass(const QString &path, const QString &dbname, const QString &login,
                   const QString &password)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return setupError(
            u"Cannot write the exchange's password file %1: %2."_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(u"*:*:%1:%2:%3\n"_s.arg(dbname, login, password).toUtf8());
    if (!file.flush())
        return setupError(
            u"Cannot write the exchange's password file %1: %2."_s.arg(path, file.errorString()));
    return success();
}
} // namespace

QString schemaOwnerRole(const QString &dbname)
{
    return dbname + u"_owner"_s;
}

void ServerSetup::say(const QString &line) const
{
    if (m_progress)
        m_progress(line);
}

namespace {
// What the administrator's login may do; refuses, naming what is missing, when it is not enough.
Result<bool> checkAdministrator(Connection &c)
{
    auto rows =
        atLeastOneRow(c, u"SELECT current_user AS login, rolsuper, rolcreatedb, rolcreaterole "
                         u"FROM pg_roles WHERE rolname = current_user"_s);
    if (!rows)
        return rows.error();
    const Row me = (*rows)[0];
    if (me.boolean("rolsuper"))
        return true;
    QStringList missing;
    if (!me.boolean("rolcreatedb"))
        missing << u"CREATEDB"_s;
    if (!me.boolean("rolcreaterole"))
        missing << u"CREATEROLE"_s;
    if (!missing.isEmpty())
        return setupError(
            u"The login %1 cannot set up a CP-IS database: setup needs a superuser, or a login "
            u"with CREATEDB and CREATEROLE, and %1 lacks %2."_s.arg(me.text("login"),
                                                                    missing.join(u" and "_s)),
            u"As a superuser: ALTER ROLE %1 CREATEDB CREATEROLE;"_s.arg(ident(me.text("login"))));
    return false;
}

Status ensureRole(Connection &c, const QString &role, const QString &create,
                  const std::function<void(const QString &)> &say, const QString &what)
{
    auto rows = atLeastOneRow(c,
                              u"SELECT count(*) = 1 AS found, bool_or(rolcanlogin) AS login FROM "
                              u"pg_roles WHERE rolname = $1"_s,
                              {role});
    if (!rows)
        return rows.error();
    const Row found = (*rows)[0];
    if (found.boolean("found")) {
        if (found.boolean("login") && create.contains(u"NOLOGIN"_s))
            return setupError(
                u"The role %1 exists and can log in; as %2 it must not. Remove its LOGIN "
                u"(ALTER ROLE %1 NOLOGIN) or choose another database name."_s.arg(role, what));
        say(u"Found the role %1 (%2)."_s.arg(role, what));
        return success();
    }
    if (auto made = execute(c, create); !made)
        return made.error();
    say(u"Made the role %1 (%2)."_s.arg(role, what));
    return success();
}
} // namespace

Status ServerSetup::run()
{
    const auto sayLine = [this](const QString &line) {
        say(line);
    };
    const QString dbname = m_request.admin.value(u"dbname"_s);
    static const QRegularExpression validName(u"^[a-z][a-z0-9_]{0,53}$"_s);
    if (!validName.match(dbname).hasMatch())
        return setupError(
            u"The database name \"%1\" (dbname in --database) must be 1-54 characters: lower-case "
            u"letters, digits or \"_\", starting with a letter."_s.arg(dbname));
    const QString owner = schemaOwnerRole(dbname);
    const QString exchangeLogin =
        m_request.exchangeLogin.isEmpty() ? u"exchange."_s + dbname : m_request.exchangeLogin;
    if (!m_request.firstAdminLogin.isEmpty() && m_request.firstAdminPassword.isEmpty())
        return setupError(
            u"The first system administrator %1 needs a password (--password-stdin)."_s.arg(
                m_request.firstAdminLogin));

    auto maintenance = openAs(m_request.admin, u"postgres"_s);
    if (!maintenance)
        return maintenance.error();
    Connection &server = **maintenance;
    auto superuser = checkAdministrator(server);
    if (!superuser)
        return superuser.error();
    auto adminLogin = queryValue(server, u"SELECT current_user"_s);
    if (!adminLogin)
        return adminLogin.error();

    // The schema owner: cannot log in; CREATEROLE so that add_user (its SECURITY DEFINER
    // function) can make logins and give them this database's group roles.
    if (auto made =
            ensureRole(server, owner, u"CREATE ROLE %1 NOLOGIN CREATEROLE"_s.arg(ident(owner)),
                       sayLine, u"owns every object of %1, cannot log in"_s.arg(dbname));
        !made)
        return made;
    if (auto rights = execute(server, u"ALTER ROLE %1 NOLOGIN CREATEROLE"_s.arg(ident(owner)));
        !rights)
        return rights.error();
    // The administrator acts as the owner (SET ROLE) to make the database and migrate it.
    if (!*superuser) {
        auto member =
            queryValue(server, u"SELECT pg_has_role(current_user, $1, 'MEMBER')"_s, {owner});
        if (!member)
            return member.error();
        if (!member->boolean()) {
            if (auto granted = execute(
                    server, u"GRANT %1 TO %2"_s.arg(ident(owner), ident(adminLogin->text())));
                !granted)
                return granted.error();
            say(u"Made %1 a member of %2, to act as it."_s.arg(adminLogin->text(), owner));
        }
    }
    for (const QString &group : kGroupRoles) {
        if (auto made =
                ensureRole(server, group, u"CREATE ROLE %1 NOLOGIN"_s.arg(ident(group)), sayLine,
                           u"a group role, shared by the server's CP-IS databases"_s);
            !made)
            return made;
    }

    // The database, owned by the schema owner.
    auto existing = execute(
        server, u"SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1"_s,
        {dbname});
    if (!existing)
        return existing.error();
    if (existing->isEmpty()) {
        if (auto made = execute(
                server, u"CREATE DATABASE %1 OWNER %2 TEMPLATE template0 ENCODING 'UTF8'"_s.arg(
                            ident(dbname), ident(owner)));
            !made)
            return made.error();
        say(u"Made the database %1, owned by %2."_s.arg(dbname, owner));
    } else if ((*existing)[0].text("owner") != owner) {
        const QString was = (*existing)[0].text("owner");
        auto probe = openAs(m_request.admin, dbname);
        if (!probe)
            return probe.error();
        auto migrated =
            queryValue(**probe, u"SELECT to_regclass('public.schema_migrations') IS NOT NULL"_s);
        if (!migrated)
            return migrated.error();
        if (migrated->boolean())
            return setupError(
                u"The database %1 exists, already migrated by %2: setup makes a new database or "
                u"completes one it made, so it leaves this one alone."_s.arg(dbname, was),
                u"To hand it to setup, as a superuser: ALTER DATABASE %1 OWNER TO %2; then, "
                u"connected to %1, REASSIGN OWNED BY %3 TO %2 (only if %3 owns nothing in "
                u"another database); then run setup again."_s.arg(ident(dbname), ident(owner),
                                                                  ident(was)));
        if (auto given = execute(
                server, u"ALTER DATABASE %1 OWNER TO %2"_s.arg(ident(dbname), ident(owner)));
            !given)
            return given.error();
        say(u"Found the database %1 empty, owned by %2; gave it to %3."_s.arg(dbname, was, owner));
    } else {
        say(u"Found the database %1, owned by %2."_s.arg(dbname, owner));
    }

    auto opened = openAs(m_request.admin, dbname);
    if (!opened)
        return opened.error();
    Connection &db = **opened;
    // The exchange's and the first administrator's SCRAM verifiers go as bind parameters: a
    // superuser keeps this session's statements out of the server log altogether (a setting
    // only a superuser may change, so before acting as the owner). Otherwise the server's
    // log_parameter_max_length = 0 (README) keeps them out; never is a password sent.
    for (const QString &quiet :
         {u"SET log_statement = 'none'"_s, u"SET log_parameter_max_length = 0"_s})
        if (*superuser)
            if (auto set = execute(db, quiet); !set)
                return set.error();
    if (auto acting = execute(db, u"SELECT set_config('role', $1, false)"_s, {owner}); !acting)
        return acting.error();

    // Only this database's logins may connect (add_user grants CONNECT to each it makes).
    auto open = queryValue(db, uR"(
        SELECT datacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(datacl) a
                                         WHERE a.grantee = 0 AND a.privilege_type = 'CONNECT')
        FROM pg_database WHERE datname = current_database())"_s);
    if (!open)
        return open.error();
    if (open->boolean()) {
        if (auto revoked =
                execute(db, u"REVOKE CONNECT ON DATABASE %1 FROM PUBLIC"_s.arg(ident(dbname)));
            !revoked)
            return revoked.error();
        say(u"Revoked CONNECT on %1 from PUBLIC: only its own logins may connect."_s.arg(dbname));
    } else {
        say(u"Found CONNECT on %1 closed to PUBLIC."_s.arg(dbname));
    }

    Migrator migrator(db);
    migrator.setProgress(sayLine);
    auto applied = migrator.migrate();
    if (!applied)
        return applied.error();
    auto state = migrator.state();
    if (!state)
        return state.error();
    if (applied->isEmpty())
        say(u"Found the schema up to date (version %1)."_s.arg(state->current));
    else
        say(u"Applied %1 migration(s) as %2; the schema is now version %3."_s.arg(applied->size())
                .arg(owner)
                .arg(state->current));

    if (auto connect = ensureWorkersConnect(db, dbname); !connect)
        return connect;
    if (auto exchange = ensureExchange(db, dbname, exchangeLogin); !exchange)
        return exchange;
    if (!m_request.firstAdminLogin.isEmpty())
        if (auto admin = ensureFirstAdmin(db); !admin)
            return admin;
    return success();
}

Status ServerSetup::ensureWorkersConnect(Connection &db, const QString &dbname)
{
    // CONNECT on a database is the server's, not in a dump: a restored database (README,
    // "Backing up") has its workers' logins but none of their rights to connect.
    auto lacking = execute(db, uR"(
        SELECT w.login FROM worker w JOIN pg_roles r ON r.rolname = w.login
        WHERE NOT w.is_virtual AND NOT has_database_privilege(r.oid, current_database(), 'CONNECT')
        ORDER BY w.login)"_s);
    if (!lacking)
        return lacking.error();
    QStringList logins;
    for (const Row row : *lacking) {
        logins << row.text("login");
        if (auto granted = execute(db, u"GRANT CONNECT ON DATABASE %1 TO %2"_s.arg(
                                           ident(dbname), ident(logins.last())));
            !granted)
            return granted.error();
    }
    if (!logins.isEmpty())
        say(u"Gave CONNECT on %1 to %2 login(s) of its workers that lacked it (a restored "
            u"database): %3."_s.arg(dbname)
                .arg(logins.size())
                .arg(logins.join(u", "_s)));
    return success();
}

Status ServerSetup::ensureExchange(Connection &db, const QString &dbname, const QString &login)
{
    auto found = execute(db, uR"(
        SELECT w.login FROM worker w JOIN pg_roles r ON r.rolname = w.login
        WHERE NOT w.is_virtual AND pg_has_role(r.oid, 'cpis_exchange', 'MEMBER')
        ORDER BY w.id LIMIT 1)"_s);
    if (!found)
        return found.error();
    const QString &file = m_request.exchangePgpassFile;
    const bool writeFile = !file.isEmpty() && !QFile::exists(file);
    if (!file.isEmpty() && !writeFile)
        say(u"Found the password file %1; left it as it is."_s.arg(file));
    const QString password = writeFile ? randomPassword() : QString();
    QVariant verifier;
    if (writeFile) {
        auto scram =
            scramVerifier(db, found->isEmpty() ? login : (*found)[0].text("login"), password);
        if (!scram)
            return scram.error();
        verifier = *scram;
    }
    if (!found->isEmpty()) {
        const QString existing = (*found)[0].text("login");
        say(u"Found the exchange login %1."_s.arg(existing));
        if (!writeFile)
            return success();
        // Through the function, so that the verifier is a bind parameter (never logged with the
        // README's log_parameter_max_length = 0), not statement text.
        if (auto changed =
                execute(db, u"SELECT _set_login_password($1, $2)"_s, {existing, verifier});
            !changed)
            return changed.error();
        say(u"Gave the exchange login %1 a new password."_s.arg(existing));
        return writePgpass(file, dbname, existing, password);
    }
    // Only setup makes it: add_user refuses the exchange's role to everyone.
    if (auto added = execute(db, u"SELECT _add_exchange_login($1, $2)"_s, {login, verifier});
        !added)
        return added.error();
    say(writeFile ? u"Made the exchange login %1."_s.arg(login)
                  : u"Made the exchange login %1, without a password: run setup again with "
                    u"--exchange-pgpass FILE to give it one."_s.arg(login));
    return writeFile ? writePgpass(file, dbname, login, password) : success();
}

Status ServerSetup::ensureFirstAdmin(Connection &db)
{
    const QString &login = m_request.firstAdminLogin;
    auto found = execute(db, uR"(
        SELECT pg_has_role(r.oid, 'cpis_sysadmin', 'MEMBER') AS sysadmin
        FROM worker w JOIN pg_roles r ON r.rolname = w.login WHERE w.login = $1)"_s,
                         {login});
    if (!found)
        return found.error();
    if (!found->isEmpty()) {
        if (!(*found)[0].boolean("sysadmin"))
            return setupError(u"%1 is already a worker of this database, but not a system "
                              u"administrator; choose another --first-admin."_s.arg(login));
        say(u"Found the system administrator %1."_s.arg(login));
        return success();
    }
    // The installer may reuse a login (add_user lets it), but setup will not: a login of
    // another database would become a system administrator there too.
    auto taken = queryValue(db, u"SELECT count(*) FROM pg_roles WHERE rolname = $1"_s, {login});
    if (!taken)
        return taken.error();
    if (taken->integer() != 0)
        return setupError(u"The login %1 already exists on this server (another database's user, "
                          u"or the server's own): a login belongs to one CP-IS database; choose "
                          u"another --first-admin."_s.arg(login));
    auto verifier = scramVerifier(db, login, m_request.firstAdminPassword);
    if (!verifier)
        return verifier.error();
    const QString name =
        m_request.firstAdminName.isEmpty() ? u"System Administrator"_s : m_request.firstAdminName;
    if (auto added = execute(db, u"SELECT add_user($1, 'sysadmin', $2, 'Systems', $3)"_s,
                             {login, name, *verifier});
        !added)
        return added.error();
    say(u"Made the first system administrator %1 (%2), a worker of this database."_s.arg(login,
                                                                                         name));
    return success();
}

} // namespace cpis
