// A whole result read by libpq in one round trip. For the long lists (the workview's 10,000
// open steps): Qt Sql prepares, executes and deallocates (three round trips) and makes a
// QVariant of every value, which cost more than the query itself.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QString>

#include <memory>

struct pg_result;

namespace cpis {

class Rows final
{
public:
    Rows() = default;

    [[nodiscard]] int size() const;
    [[nodiscard]] bool isNull(int row, int column) const;
    // The value as the server sent it in text: empty for NULL.
    [[nodiscard]] QString text(int row, int column) const;
    // bigint/integer columns; 0 for NULL.
    [[nodiscard]] qint64 integer(int row, int column) const;
    // boolean columns ('t'/'f'); false for NULL.
    [[nodiscard]] bool boolean(int row, int column) const;

private:
    friend Result<Rows> readRows(Connection &, const QString &, const QVariantList &);
    explicit Rows(pg_result *result);
    std::shared_ptr<pg_result> m_result;
};

// One statement with $1, $2, ... placeholders; the values go as protocol parameters (never
// inside the statement's text, so never in the server's log). A statement that returns no
// rows gives an empty Rows.
Result<Rows> readRows(Connection &connection, const QString &sql, const QVariantList &params = {});

} // namespace cpis
