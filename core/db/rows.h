// The one way to call the database: a statement with $1, $2, ... placeholders through libpq,
// in one round trip, and its result read by column name (row.text("subject_name")).
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <memory>
#include <string_view>

struct pg_result;

namespace cpis {

class Rows;

// Reads one value as the server sent it in text. Shared by Row (a cell of a result) and
// Value (the one value of a single-value statement), so both convert the same way.
class Cell final
{
public:
    Cell() = default; // NULL
    Cell(const char *data, int size, bool null) : m_data(data), m_size(size), m_null(null) {}

    [[nodiscard]] bool isNull() const { return m_null; }
    // The bytes as sent: empty for NULL.
    [[nodiscard]] QByteArray raw() const
    {
        return m_null ? QByteArray() : QByteArray(m_data, m_size);
    }
    // The text as sent: empty for NULL.
    [[nodiscard]] QString text() const;
    // bigint/integer: 0 for NULL.
    [[nodiscard]] qint64 integer() const;
    // numeric/double precision: 0 for NULL.
    [[nodiscard]] double number() const;
    // boolean ('t'/'f'): false for NULL.
    [[nodiscard]] bool boolean() const;
    // timestamptz, in UTC (a local time looks up the time zone each time one is made: the
    // screens convert when they show it); invalid for NULL.
    [[nodiscard]] QDateTime dateTime() const;
    // date: invalid for NULL.
    [[nodiscard]] QDate date() const;
    // bytea, decoded (the server sends it escaped): empty for NULL.
    [[nodiscard]] QByteArray bytes() const;

private:
    const char *m_data = nullptr;
    int m_size = 0;
    bool m_null = true;
};

// The one value of queryValue(), kept after its result is gone.
class Value final
{
public:
    Value() = default; // NULL
    Value(QByteArray data, bool null) : m_data(std::move(data)), m_null(null) {}

    [[nodiscard]] bool isNull() const { return m_null; }
    [[nodiscard]] QString text() const { return cell().text(); }
    [[nodiscard]] qint64 integer() const { return cell().integer(); }
    [[nodiscard]] double number() const { return cell().number(); }
    [[nodiscard]] bool boolean() const { return cell().boolean(); }
    [[nodiscard]] QDateTime dateTime() const { return cell().dateTime(); }
    [[nodiscard]] QDate date() const { return cell().date(); }
    [[nodiscard]] QByteArray bytes() const { return cell().bytes(); }

private:
    [[nodiscard]] Cell cell() const { return Cell(m_data.constData(), int(m_data.size()), m_null); }
    QByteArray m_data;
    bool m_null = true;
};

// One row of a Rows, read by column name. An unknown name is a programming error: it throws
// std::logic_error instead of quietly reading nothing.
class Row final
{
public:
    Row(const Rows &rows, int row) : m_rows(&rows), m_row(row) {}

    [[nodiscard]] Cell cell(const char *column) const;
    [[nodiscard]] bool isNull(const char *column) const { return cell(column).isNull(); }
    [[nodiscard]] QString text(const char *column) const { return cell(column).text(); }
    [[nodiscard]] qint64 integer(const char *column) const { return cell(column).integer(); }
    [[nodiscard]] double number(const char *column) const { return cell(column).number(); }
    [[nodiscard]] bool boolean(const char *column) const { return cell(column).boolean(); }
    [[nodiscard]] QDateTime dateTime(const char *column) const { return cell(column).dateTime(); }
    [[nodiscard]] QDate date(const char *column) const { return cell(column).date(); }
    [[nodiscard]] QByteArray bytes(const char *column) const { return cell(column).bytes(); }

private:
    const Rows *m_rows;
    int m_row;
};

class Rows final
{
public:
    Rows() = default;

    [[nodiscard]] int size() const;
    [[nodiscard]] bool isEmpty() const { return size() == 0; }
    [[nodiscard]] Row operator[](int row) const { return Row(*this, row); }
    // Rows affected by an INSERT, UPDATE or DELETE.
    [[nodiscard]] qint64 affected() const;
    // The column's index; names are resolved once per result and per call site, so reading
    // 10,000 rows by name costs no more than reading them by position. A name is remembered by
    // its address: pass string literals. Throws std::logic_error for a name the result does not
    // have.
    [[nodiscard]] int column(const char *name) const;
    [[nodiscard]] int columns() const;

    class Iterator final
    {
    public:
        Iterator(const Rows *rows, int row) : m_rows(rows), m_row(row) {}
        Row operator*() const { return Row(*m_rows, m_row); }
        Iterator &operator++()
        {
            ++m_row;
            return *this;
        }
        bool operator!=(const Iterator &other) const { return m_row != other.m_row; }

    private:
        const Rows *m_rows;
        int m_row;
    };
    [[nodiscard]] Iterator begin() const { return Iterator(this, 0); }
    [[nodiscard]] Iterator end() const { return Iterator(this, size()); }

private:
    friend Result<Rows> execute(Connection &, const QString &, const QVariantList &);
    friend Result<Value> queryValue(Connection &, const QString &, const QVariantList &);
    friend class Row;
    // By position: only Row (by name) and queryValue (its one value) read cells.
    [[nodiscard]] Cell cell(int row, int column) const;
    explicit Rows(pg_result *result);
    struct Data;
    std::shared_ptr<Data> m_data;
};

inline Cell Row::cell(const char *column) const
{
    return m_rows->cell(m_row, m_rows->column(column));
}

// One statement with $1, $2, ... placeholders; the values go as protocol parameters (never
// inside the statement's text, so never in the server's log). A statement that returns no
// rows gives an empty Rows. Errors carry the workflow's codes (errc::kStale, ...) and the
// refusal texts: see workflowError.
Result<Rows> execute(Connection &connection, const QString &sql, const QVariantList &params = {});

// The first column of the first row, NULL when there is no row: for a function that returns
// one value. The same path as execute().
Result<Value> queryValue(Connection &connection, const QString &sql,
                         const QVariantList &params = {});

// NULL for 0, the id otherwise: optional ids in calls.
QVariant nullIfZero(qint64 id);

} // namespace cpis
