#include "db/password_verifier.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace cpis {

Result<QString> scramVerifier(const Connection &connection, const QString &login,
                              const QString &password)
{
    PGconn *conn = connection.nativeHandle();
    char *verifier = conn == nullptr
                         ? nullptr
                         : PQencryptPasswordConn(conn, password.toUtf8().constData(),
                                                 login.toUtf8().constData(), "scram-sha-256");
    if (verifier == nullptr)
        return Error{u"db.password"_s,
                     u"The password for %1 could not be prepared for the database: %2"_s.arg(
                         login, conn == nullptr
                                    ? u"not connected"_s
                                    : QString::fromUtf8(PQerrorMessage(conn)).trimmed()),
                     {},
                     {}};
    const QString result = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return result;
}

} // namespace cpis
