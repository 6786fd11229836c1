#include "db/rows.h"

#include "db/pq_error.h"

#include <libpq-fe.h>

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

QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

} // namespace cpis
