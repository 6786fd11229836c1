#include "domain/nhs_number.h"

using namespace Qt::StringLiterals;

namespace cpis {

QString NhsNumber::stripSeparators(QStringView input)
{
    QString out;
    out.reserve(input.size());
    for (const QChar c : input.trimmed()) {
        if (c != u' ' && c != u'-')
            out.append(c);
    }
    return out;
}

int NhsNumber::checkDigitFor(QStringView firstNineDigits)
{
    Q_ASSERT(firstNineDigits.size() == 9);
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += firstNineDigits[i].digitValue() * (10 - i);
    const int check = 11 - (sum % 11);
    return check == 11 ? 0 : check;
}

NhsNumber::Problem NhsNumber::validate(QStringView input)
{
    const QString digits = stripSeparators(input);
    for (const QChar c : digits) {
        // Only ASCII digits: QChar::isDigit would accept other scripts' digits.
        if (c < u'0' || c > u'9')
            return Problem::NotDigits;
    }
    if (digits.size() != 10)
        return Problem::WrongLength;
    const int check = checkDigitFor(QStringView(digits).first(9));
    if (check == 10)
        return Problem::CheckDigitWouldBe10;
    if (check != digits[9].digitValue())
        return Problem::CheckDigitMismatch;
    return Problem::None;
}

std::optional<NhsNumber> NhsNumber::parse(QStringView input)
{
    if (validate(input) != Problem::None)
        return std::nullopt;
    return NhsNumber(stripSeparators(input));
}

QString NhsNumber::describe(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return u"valid"_s;
    case Problem::WrongLength:
        return u"wrong length"_s;
    case Problem::NotDigits:
        return u"not digits"_s;
    case Problem::CheckDigitMismatch:
        return u"check digit mismatch"_s;
    case Problem::CheckDigitWouldBe10:
        return u"check digit would be 10"_s;
    }
    Q_UNREACHABLE();
}

QString NhsNumber::formatted() const
{
    return m_digits.first(3) + u' ' + m_digits.sliced(3, 3) + u' ' + m_digits.sliced(6);
}

} // namespace cpis
