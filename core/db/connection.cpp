#include "db/connection.h"
#include "db/rows.h"
#include "db/service_call.h"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
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

// As Qt Sql's errors read: "Could not save: <the server's message>".
Error withContext(Error error, const QString &context)
{
    error.message = context + u": "_s + error.message;
    return error;
}

Error notOpen()
{
    return Error{u"db.unreachable"_s, u"The database connection is not open."_s, {}, {}};
}
} // namespace

namespace {
// Whether a value goes as SQL NULL: as Qt Sql bound them, a null or invalid value of any type
// (a null QString, an invalid QDateTime, nullIfZero's typed null) is NULL.
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDateTime:
        return !value.toDateTime().isValid();
    case QMetaType::QDate:
        return !value.toDate().isValid();
    case QMetaType::QTime:
        return !value.toTime().isValid();
    default:
        return false;
    }
}

// A value as PostgreSQL reads it in text; times in UTC, so no time zone is guessed.
QByteArray parameterText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8();
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toUtf8();
    case QMetaType::Bool:
        return value.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    case QMetaType::QByteArray: // bytea, in the server's hex format
        return QByteArrayLiteral("\\x") + value.toByteArray().toHex();
    default:
        return value.toString().toUtf8();
    }
}

// The digits at [at, at + count) as a number; -1 when one is not a digit or the text ends.
int digits(const char *text, int size, int at, int count)
{
    if (at + count > size)
        return -1;
    int n = 0;
    for (int i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        n = n * 10 + (text[i] - '0');
    }
    return n;
}

QDate isoDate(const char *text, int size)
{
    const int y = digits(text, size, 0, 4), m = digits(text, size, 5, 2),
              d = digits(text, size, 8, 2);
    return y < 0 || m < 0 || d < 0 ? QDate() : QDate(y, m, d);
}

// "2026-06-01 11:30:00.25+01" as the server writes timestamptz with DateStyle ISO (Qt's driver
// sets it), read by hand: QDateTime::fromString for 10,000 rows costs more than the query.
QDateTime isoDateTime(const char *text, int size)
{
    const QDate date = isoDate(text, size);
    const int h = digits(text, size, 11, 2), mi = digits(text, size, 14, 2),
              s = digits(text, size, 17, 2);
    if (!date.isValid() || h < 0 || mi < 0 || s < 0)
        return QDateTime();
    int at = 19;
    int ms = 0;
    if (at < size && text[at] == '.') {
        int scale = 100;
        for (++at; at < size && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10)
            ms += (text[at] - '0') * scale;
    }
    const qint64 local = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400000 +
                         ((h * 60 + mi) * 60 + s) * qint64(1000) + ms;
    if (at >= size) // timestamp without time zone: a local time, as Qt Sql read it
        return QDateTime(date, QTime(h, mi, s, ms));
    const int sign = text[at] == '-' ? -1 : 1;
    const int oh = digits(text, size, at + 1, 2);
    const int om = at + 3 < size && text[at + 3] == ':' ? digits(text, size, at + 4, 2) : 0;
    const int os = at + 6 < size && text[at + 6] == ':' ? digits(text, size, at + 7, 2) : 0;
    if (oh < 0 || om < 0 || os < 0)
        return QDateTime();
    const qint64 offsetMs = sign * ((oh * 60 + om) * 60 + os) * qint64(1000);
    return QDateTime::fromMSecsSinceEpoch(local - offsetMs, Qt::UTC);
}
} // namespace

QString Cell::text() const
{
    return m_null ? QString() : QString::fromUtf8(m_data, m_size);
}

qint64 Cell::integer() const
{
    return m_null ? 0 : std::strtoll(m_data, nullptr, 10);
}

double Cell::number() const
{
    return m_null ? 0.0 : std::strtod(m_data, nullptr);
}

bool Cell::boolean() const
{
    return !m_null && *m_data == 't';
}

QDateTime Cell::dateTime() const
{
    return m_null ? QDateTime() : isoDateTime(m_data, m_size);
}

QDate Cell::date() const
{
    return m_null ? QDate() : isoDate(m_data, m_size);
}

QByteArray Cell::bytes() const
{
    if (m_null)
        return {};
    // libpq reads both of the server's formats: Qt's driver sets bytea_output to escape.
    size_t size = 0;
    unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(m_data), &size);
    if (!bytes)
        return {};
    QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(size));
    PQfreemem(bytes);
    return out;
}

struct Rows::Data
{
    explicit Data(PGresult *r) : result(r) {}
    ~Data() { PQclear(result); }
    Q_DISABLE_COPY_MOVE(Data)

    PGresult *result;
    // Names already asked for, by the address of the caller's literal: a call site asks for
    // the same literal in every row, so after the first row a lookup is a pointer compare.
    std::vector<std::pair<const char *, int>> seen;
};

Rows::Rows(pg_result *result) : m_data(std::make_shared<Data>(result)) {}

int Rows::columns() const
{
    return m_data ? PQnfields(m_data->result) : 0;
}

int Rows::size() const
{
    return m_data ? PQntuples(m_data->result) : 0;
}

qint64 Rows::affected() const
{
    return m_data ? QByteArray(PQcmdTuples(m_data->result)).toLongLong() : 0;
}

int Rows::column(const char *name) const
{
    if (m_data) {
        for (const auto &[seenName, index] : m_data->seen) {
            if (seenName == name)
                return index;
        }
        const int count = PQnfields(m_data->result);
        for (int i = 0; i < count; ++i) {
            if (std::strcmp(PQfname(m_data->result, i), name) == 0) {
                m_data->seen.emplace_back(name, i);
                return i;
            }
        }
    }
    throw std::logic_error("the result has no column named " + std::string(name));
}

Cell Rows::cell(int row, int column) const
{
    const PGresult *r = m_data->result;
    return Cell(PQgetvalue(r, row, column), PQgetlength(r, row, column),
                PQgetisnull(r, row, column) != 0);
}

Result<Rows> execute(Connection &connection, const QString &sql, const QVariantList &params)
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
        const bool null = isNullValue(p);
        texts.append(null ? QByteArray() : parameterText(p));
        values.push_back(null ? nullptr : texts.constLast().constData());
    }
    PGresult *result = PQexecParams(conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return Rows(result);
    const Error error = errorFromResult(conn, result);
    PQclear(result);
    return workflowError(error);
}

Result<Value> queryValue(Connection &connection, const QString &sql, const QVariantList &params)
{
    auto rows = execute(connection, sql, params);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->columns() == 0)
        return Value();
    const Cell cell = rows->cell(0, 0);
    return Value(cell.raw(), cell.isNull());
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
    auto user = queryValue(*this, u"SELECT current_user"_s);
    return user ? user->text() : QString();
}

QString Connection::serverVersion()
{
    auto version = queryValue(*this, u"SHOW server_version"_s);
    // Debian appends its packaging ("15.18 (Debian 15.18-0+deb12u1)"); keep the number.
    return version ? version->text().section(u' ', 0, 0) : QString();
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
