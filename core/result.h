// Expected failures as values: a user-readable message plus a machine code.
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace cpis {

struct Error
{
    QString code;     // stable machine code, e.g. "db.unreachable" or a SQLSTATE class
    QString message;  // for people: says what is wrong and, where it can, what to do
    QString sqlState; // the five-character SQLSTATE when the database raised it
    QString hint;     // what the user can try, when there is something
    QString column{}; // the field the database refused (its COLUMN), for a form to show it there

    [[nodiscard]] bool isSqlState(QStringView state) const { return sqlState == state; }
};

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    [[nodiscard]] const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail.
struct Done
{};
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

} // namespace cpis
