#include "db/connection.h"

#include "db/pq_error.h"
#include "db/rows.h"

#include <QAtomicInteger>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
QAtomicInteger<quint64> g_connectionCounter;
} // namespace

Error Connection::errorFrom(const QSqlError &error, const QString &context)
{
    Error e;
    e.sqlState = error.nativeErrorCode();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    // libpq's text is "ERROR:  message\nDETAIL:  ...\nHINT:  ...\nCONTEXT:  ...", and Qt adds
    // "(SQLSTATE)". Keep the message and the hint; the rest is for developers.
    QStringList message;
    static const QRegularExpression field(
        u"^(ERROR|FATAL|PANIC|DETAIL|HINT|CONTEXT|QUERY|LINE \\d+):\\s*(.*)$"_s);
    for (const QString &line : text.split(u'\n')) {
        const auto m = field.match(line);
        const QString kind = m.hasMatch() ? m.captured(1) : QString();
        if (kind == u"CONTEXT"_s || kind == u"QUERY"_s || kind.startsWith(u"LINE"_s))
            break; // where it happened, not what: developers read it in the server log
        if (kind == u"HINT"_s)
            e.hint = m.captured(2).trimmed();
        else if (line.trimmed() != u'(' + e.sqlState + u')' && !line.trimmed().isEmpty())
            message << (kind.isEmpty() ? line : m.captured(2)).trimmed();
    }
    text = visible(message.join(u' '));
    e.hint = visible(e.hint);
    e.message = context.isEmpty() ? text : context + u": "_s + text;
    e.code = isConnectionFailure(e.sqlState) || error.type() == QSqlError::ConnectionError
                 ? u"db.unreachable"_s
                 : u"db.error"_s;
    return e;
}

Connection::Connection(QString name, ConnInfo info)
    : m_name(std::move(name)), m_info(std::move(info))
{}

ConnInfo Connection::withNetworkLimits(const ConnInfo &info, const QProcessEnvironment &env)
{
    // A server that stops answering (a dead network, a black-holed address, a failed-over
    // primary) would otherwise hold a connect for minutes and a query for a quarter of an
    // hour, until the kernel gives up. What the user's settings say wins.
    static const QList<std::tuple<QString, QString, QString>> limits{
        {u"connect_timeout"_s, QString::number(kConnectTimeoutSeconds), u"PGCONNECT_TIMEOUT"_s},
        {u"keepalives"_s, u"1"_s, {}},
        {u"keepalives_idle"_s, u"5"_s, {}},      // seconds of silence before the first probe
        {u"keepalives_interval"_s, u"2"_s, {}},  // between probes
        {u"keepalives_count"_s, u"3"_s, {}},     // so a silent connection is given up in 11 s
        {u"tcp_user_timeout"_s, u"10000"_s, {}}, // ms a sent request may stay unacknowledged
    };
    ConnInfo limited = info;
    for (const auto &[keyword, value, variable] : limits) {
        if (info.value(keyword).isEmpty() && (variable.isEmpty() || !env.contains(variable)))
            limited.set(keyword, value);
    }
    return limited;
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnInfo &info)
{
    const QString options =
        withNetworkLimits(info, QProcessEnvironment::systemEnvironment()).toKeywordValueString();
    // QPSQL turns ';' into a separator between options, which would corrupt a value.
    if (options.contains(u';'))
        return Error{u"db.conninfo"_s,
                     u"The connection string contains ';', which is not supported."_s,
                     {},
                     {}};

    const QString name = u"cpis-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error{u"db.driver"_s,
                     u"Qt's PostgreSQL driver (QPSQL) is not available."_s,
                     {},
                     u"Install the package libqt6sql6-psql."_s};
    }
    // Everything goes in the options, verbatim to libpq, so that any keyword works.
    db.setConnectOptions(options);
    if (!db.open()) {
        Error e = errorFrom(db.lastError(), u"Could not connect to %1"_s.arg(info.describe()));
        e.code = u"db.unreachable"_s;
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    std::unique_ptr<Connection> connection(new Connection(name, info));
    // Notices ("already exists, skipping") are for developers, not for the people using us.
    (void)execute(*connection, u"SET client_min_messages = warning"_s);
    return connection;
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

namespace {
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// As Qt Sql's errors read: "Could not save: <the server's message>".
Error withContext(Error error, const QString &context)
{
    error.message = context + u": "_s + error.message;
    return error;
}
} // namespace

Status Connection::execScript(const QString &sql)
{
    // libpq directly: through Qt Sql, an error in any statement but the first of a script
    // is lost, and only shows later as "current transaction is aborted".
    PGconn *conn = nativeHandle();
    if (!conn)
        return notOpen();
    PgResult result(PQexec(conn, sql.toUtf8().constData()), &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return success();
    return errorFromResult(conn, result.get());
}

Result<QByteArray> Connection::copyOut(const QString &sql)
{
    PGconn *conn = nativeHandle();
    if (!conn)
        return notOpen();
    PgResult started(PQexec(conn, sql.toUtf8().constData()), &PQclear);
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_OUT)
        return errorFromResult(conn, started.get());
    QByteArray data;
    char *row = nullptr;
    int size = 0;
    while ((size = PQgetCopyData(conn, &row, 0)) > 0) {
        data.append(row, size);
        PQfreemem(row);
    }
    PgResult finished(PQgetResult(conn), &PQclear);
    if (size == -2 || !finished || PQresultStatus(finished.get()) != PGRES_COMMAND_OK)
        return errorFromResult(conn, finished.get());
    while (PGresult *more = PQgetResult(conn)) // libpq wants the stream read to its end
        PQclear(more);
    return data;
}

Result<qint64> Connection::copyIn(const QString &sql, const QByteArray &data)
{
    PGconn *conn = nativeHandle();
    if (!conn)
        return notOpen();
    PgResult started(PQexec(conn, sql.toUtf8().constData()), &PQclear);
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN)
        return errorFromResult(conn, started.get());
    constexpr qsizetype kChunk = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kChunk) {
        const qsizetype size = std::min(kChunk, data.size() - at);
        sent = PQputCopyData(conn, data.constData() + at, int(size)) == 1;
    }
    const bool ended = PQputCopyEnd(conn, sent ? nullptr : "the client could not send the data");
    PgResult finished(PQgetResult(conn), &PQclear);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    if (!ended || !finished || PQresultStatus(finished.get()) != PGRES_COMMAND_OK)
        return errorFromResult(conn, finished.get());
    return QByteArray(PQcmdTuples(finished.get())).toLongLong();
}

QString Connection::currentUser()
{
    auto user = queryValue(*this, u"SELECT current_user"_s);
    return user ? user->text() : QString();
}

QString Connection::serverVersion()
{
    auto version = queryValue(*this, u"SHOW server_version"_s);
    // Debian appends its packaging ("15.18 (Debian 15.18-0+deb12u1)"); keep the number.
    return version ? version->text().section(u' ', 0, 0) : QString();
}

bool Connection::isOpen() const
{
    PGconn *native = nativeHandle();
    return native && PQstatus(native) == CONNECTION_OK;
}

pg_conn *Connection::nativeHandle() const
{
    const QVariant handle = database().driver()->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}

Transaction::Transaction(Connection &connection) : m_connection(connection)
{
    auto begun = execute(m_connection, u"BEGIN"_s);
    if (begun)
        m_open = true;
    else
        m_beginError = withContext(begun.error(), u"Could not begin a transaction"_s);
}

Transaction::~Transaction()
{
    if (m_open)
        (void)execute(m_connection, u"ROLLBACK"_s);
}

Status Transaction::commit()
{
    if (!m_open)
        return Error{u"db.transaction"_s, u"The transaction is no longer open."_s, {}, {}};
    m_open = false;
    // After a failed statement the server answers COMMIT with a rollback, and says it went well.
    if (PGconn *conn = m_connection.nativeHandle();
        conn && PQtransactionStatus(conn) == PQTRANS_INERROR) {
        (void)execute(m_connection, u"ROLLBACK"_s);
        return Error{u"db.error"_s,
                     u"Could not save: a statement in the transaction failed, so nothing was "
                     u"kept."_s,
                     {},
                     {}};
    }
    auto committed = execute(m_connection, u"COMMIT"_s);
    if (!committed) {
        const Error e = withContext(committed.error(), u"Could not save"_s);
        (void)execute(m_connection, u"ROLLBACK"_s);
        return e;
    }
    return success();
}

} // namespace cpis
