#include "db/pq_error.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace cpis {

bool isConnectionFailure(const QString &sqlState)
{
    // Class 08 is "connection exception"; 57P01-3 are server shutdown / cannot connect now.
    return sqlState.startsWith(u"08"_s) || sqlState.startsWith(u"57P0"_s);
}

QString visible(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            out += u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

Error errorFromResult(PGconn *conn, const PGresult *result)
{
    Error e;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    e.sqlState = state ? QString::fromLatin1(state) : QString();
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char *hint = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_HINT) : nullptr;
    e.message = visible(QString::fromUtf8(primary ? primary : PQerrorMessage(conn)).trimmed());
    e.hint = visible(QString::fromUtf8(hint).trimmed());
    e.code = isConnectionFailure(e.sqlState) || PQstatus(conn) != CONNECTION_OK
                 ? u"db.unreachable"_s
                 : u"db.error"_s;
    return e;
}

Error notOpen()
{
    return Error{u"db.unreachable"_s, u"The database connection is not open."_s, {}, {}};
}

} // namespace cpis
