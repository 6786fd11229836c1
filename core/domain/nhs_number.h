// The NHS number: ten digits whose last is a Modulus 11 check digit.
#pragma once

#include <QString>

#include <optional>

namespace cpis {

class NhsNumber
{
public:
    enum class Problem {
        None,
        WrongLength,
        NotDigits,
        CheckDigitMismatch,
        CheckDigitWouldBe10,
    };

    // Accepts spaces and dashes between digits ("943 476 5919", "943-476-5919").
    static std::optional<NhsNumber> parse(QStringView input);
    static Problem validate(QStringView input);
    static QString describe(Problem problem); // "wrong length", "not digits", ...

    // 10 means the number can never be issued.
    static int checkDigitFor(QStringView firstNineDigits);

    [[nodiscard]] const QString &digits() const { return m_digits; } // "9434765919"
    [[nodiscard]] QString formatted() const;                         // "943 476 5919"

    friend bool operator==(const NhsNumber &, const NhsNumber &) = default;

private:
    explicit NhsNumber(QString digits) : m_digits(std::move(digits)) {}
    static QString stripSeparators(QStringView input);

    QString m_digits;
};

} // namespace cpis
