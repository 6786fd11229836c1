// NHS numbers: Modulus 11 as CPIS-INTERFACE.md describes it. 999-range numbers only.
#include "domain/nhs_number.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using cpis::NhsNumber;
using Problem = NhsNumber::Problem;

TEST_CASE("A valid NHS number is accepted and kept as ten digits", "[nhs]")
{
    const auto number = NhsNumber::parse(u"9990000026");
    REQUIRE(number.has_value());
    CHECK(number->digits() == u"9990000026"_s);
    CHECK(NhsNumber::validate(u"9990000026") == Problem::None);
}

TEST_CASE("Spaces and dashes inside a number are accepted", "[nhs]")
{
    for (const QString &input : {u"999 000 0026"_s, u"999-000-0026"_s, u" 999 000-0026 "_s}) {
        INFO(input.toStdString());
        const auto number = NhsNumber::parse(input);
        REQUIRE(number.has_value());
        CHECK(number->digits() == u"9990000026"_s);
    }
}

TEST_CASE("A remainder of 0 gives check digit 0 (11 becomes 0)", "[nhs]")
{
    CHECK(NhsNumber::checkDigitFor(u"999000005") == 0);
    CHECK(NhsNumber::parse(u"9990000050").has_value());
    CHECK(NhsNumber::validate(u"9990000051") == Problem::CheckDigitMismatch);
}

TEST_CASE("A check digit of 10 means the number can never be valid", "[nhs]")
{
    CHECK(NhsNumber::checkDigitFor(u"999000000") == 10);
    for (int last = 0; last <= 9; ++last) {
        const QString input = u"999000000"_s + QString::number(last);
        INFO(input.toStdString());
        CHECK(NhsNumber::validate(input) == Problem::CheckDigitWouldBe10);
        CHECK_FALSE(NhsNumber::parse(input).has_value());
    }
}

TEST_CASE("Invalid numbers say why", "[nhs]")
{
    CHECK(NhsNumber::validate(u"9990000027") == Problem::CheckDigitMismatch);
    CHECK(NhsNumber::validate(u"999000002") == Problem::WrongLength);
    CHECK(NhsNumber::validate(u"99900000261") == Problem::WrongLength);
    CHECK(NhsNumber::validate(u"") == Problem::WrongLength);
    CHECK(NhsNumber::validate(u"99900000A6") == Problem::NotDigits);
    CHECK(NhsNumber::validate(u"999.000.0026") == Problem::NotDigits);
    // Digits from other scripts are not NHS number digits.
    CHECK(NhsNumber::validate(u"٩٩٩0000026") == Problem::NotDigits);

    CHECK(NhsNumber::describe(Problem::WrongLength) == u"wrong length"_s);
    CHECK(NhsNumber::describe(Problem::NotDigits) == u"not digits"_s);
    CHECK(NhsNumber::describe(Problem::CheckDigitMismatch) == u"check digit mismatch"_s);
    CHECK(NhsNumber::describe(Problem::CheckDigitWouldBe10) == u"check digit would be 10"_s);
}

TEST_CASE("NHS numbers are shown grouped 3 3 4", "[nhs]")
{
    CHECK(NhsNumber::parse(u"9990000131")->formatted() == u"999 000 0131"_s);
    CHECK(NhsNumber::parse(u"999-000-0131") == NhsNumber::parse(u"9990000131"));
}
