#include "db/connection.h"
#include "db/rows.h"
#include "db/secret_statement.h"
#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// PostgreSQL's text cannot hold a NUL, and both ways of sending values would cut the text
// short at one (QPSQL puts values inside the statement's text; libpq takes C strings): refuse
// it plainly instead of storing less than was typed.
std::optional<Error> refuseNul(const QVariantList &params)
{
    for (const QVariant &p : params) {
        if (p.typeId() == QMetaType::QString && p.toString().contains(QChar(0)))
            return Error{u"invalid"_s,
                         u"The text contains a NUL character (code 0), which cannot be stored: "
                         u"remove it and try again."_s,
                         u"22021"_s,
                         {}};
    }
    return std::nullopt;
}

QAtomicInteger<quint64> g_connectionCounter;

bool isConnectionFailure(const QString &sqlState)
{
    // Class 08 is "connection exception"; 57P01-3 are server shutdown / cannot connect now.
    return sqlState.startsWith(u"08"_s) || sqlState.startsWith(u"57P0"_s);
}

// A server message can quote what someone typed; shown as it is, a control character in it
// would ring, recolour or rewrite the terminal or the window showing it. Made visible as \xNN.
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

Result<std::unique_ptr<Connection>> Connection::open(const ConnInfo &info)
{
    const QString options = info.toKeywordValueString();
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
    (void)connection->exec(u"SET client_min_messages = warning"_s);
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

Error Connection::failure(const QSqlError &error) const
{
    Error e = errorFrom(error, {});
    // A connection dropped mid-query often reaches Qt with no SQLSTATE: ask libpq.
    const pg_conn *conn = nativeHandle();
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        e.code = u"db.unreachable"_s;
    return e;
}

Result<QSqlQuery> Connection::exec(const QString &sql, const QVariantList &params)
{
    // Not forward-only: QPSQL would then stream rows in single-row mode, and any other
    // statement run before the caller has read them all would silently lose the rest.
    QSqlQuery query(database());
    if (params.isEmpty()) {
        if (!query.exec(sql))
            return failure(query.lastError());
        return query;
    }
    if (auto nul = refuseNul(params))
        return *nul;
    if (!query.prepare(sql))
        return failure(query.lastError());
    for (const QVariant &p : params)
        query.addBindValue(p);
    if (!query.exec())
        return failure(query.lastError());
    return query;
}

Result<QVariant> Connection::scalar(const QString &sql, const QVariantList &params)
{
    auto query = exec(sql, params);
    if (!query)
        return query.error();
    return query->next() ? query->value(0) : QVariant();
}

namespace {
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// libpq's own error for a result (or for the connection when there is none).
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
} // namespace

// A value as PostgreSQL reads it in text; times in UTC, so no time zone is guessed.
QByteArray parameterText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8();
    return value.toString().toUtf8();
}

Rows::Rows(pg_result *result) : m_result(result, &PQclear) {}

int Rows::size() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QString Rows::text(int row, int column) const
{
    const PGresult *r = m_result.get();
    return QString::fromUtf8(PQgetvalue(r, row, column), PQgetlength(r, row, column));
}

qint64 Rows::integer(int row, int column) const
{
    return std::strtoll(PQgetvalue(m_result.get(), row, column), nullptr, 10);
}

bool Rows::boolean(int row, int column) const
{
    return *PQgetvalue(m_result.get(), row, column) == 't';
}

Result<Rows> readRows(Connection &connection, const QString &sql, const QVariantList &params)
{
    PGconn *conn = connection.nativeHandle();
    if (!conn)
        return notOpen();
    if (auto nul = refuseNul(params))
        return *nul;
    QList<QByteArray> texts;
    std::vector<const char *> values;
    texts.reserve(params.size());
    for (const QVariant &p : params) {
        texts.append(p.isNull() ? QByteArray() : parameterText(p));
        values.push_back(p.isNull() ? nullptr : texts.constLast().constData());
    }
    PGresult *result = PQexecParams(conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return Rows(result);
    const Error error = errorFromResult(conn, result);
    PQclear(result);
    return error;
}

Result<QVariant> scalarKeepingValuesSecret(Connection &connection, const QString &sql,
                                           const QVariantList &params)
{
    auto rows = readRows(connection, sql, params);
    if (!rows)
        return rows.error();
    if (rows->size() == 0 || rows->isNull(0, 0))
        return QVariant();
    return QVariant(rows->text(0, 0));
}

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
    auto user = scalar(u"SELECT current_user"_s);
    return user ? user->toString() : QString();
}

QString Connection::serverVersion()
{
    auto version = scalar(u"SHOW server_version"_s);
    // Debian appends its packaging ("15.18 (Debian 15.18-0+deb12u1)"); keep the number.
    return version ? version->toString().section(u' ', 0, 0) : QString();
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
    QSqlDatabase db = m_connection.database();
    if (db.transaction())
        m_open = true;
    else
        m_beginError = Connection::errorFrom(db.lastError(), u"Could not begin a transaction"_s);
}

Transaction::~Transaction()
{
    if (m_open)
        m_connection.database().rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return Error{u"db.transaction"_s, u"The transaction is no longer open."_s, {}, {}};
    m_open = false;
    QSqlDatabase db = m_connection.database();
    if (!db.commit()) {
        const Error e = Connection::errorFrom(db.lastError(), u"Could not save"_s);
        db.rollback();
        return e;
    }
    return success();
}

} // namespace cpis
