#include "nhs_number_commands.h"

#include "domain/nhs_number.h"

using namespace Qt::StringLiterals;

namespace cpis::cli {

int nhsNumberCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"NUMBER"_s, u"NHS numbers to check; spaces and dashes are allowed."_s, u"NUMBER..."_s);
    if (auto stop =
            parseArguments(parser, u"nhs-number check"_s,
                           u"Check NHS numbers: ten digits with a Modulus 11 check digit.\n"
                           u"Prints '<digits> valid' or '<input> invalid: <reason>' for each.\n"
                           u"Exit status: 0 all valid, 1 any invalid, 2 usage error."_s,
                           args))
        return *stop;
    const QStringList numbers = parser.positionalArguments();
    if (numbers.isEmpty()) {
        return usageError(u"nhs-number check"_s, u"give at least one NHS number."_s);
    }
    bool allValid = true;
    for (const QString &input : numbers) {
        if (const auto number = NhsNumber::parse(input)) {
            out() << number->digits() << " valid\n";
        } else {
            allValid = false;
            out() << input << " invalid: " << NhsNumber::describe(NhsNumber::validate(input))
                  << "\n";
        }
    }
    out().flush();
    return allValid ? kExitOk : kExitCheckFailed;
}

} // namespace cpis::cli
