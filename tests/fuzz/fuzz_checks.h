// What each fuzz target promises for any input, as a list of the promises an input breaks.
// The fuzzers crash on a broken one (libFuzzer keeps the input); the unit tests read every
// kept input (tests/data/fuzz/<target>/) through the same checks.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cpis::fuzz {

using Check = std::function<QStringList(const QByteArray &input)>;

// Any bytes through every CP-IS message reader: an error or a message; a message read, then
// written, reads again.
QStringList checkMessageReaders(const QByteArray &input);
// Any text as an HL7 timestamp and date: a value formatted again parses to the same value.
QStringList checkHl7Time(const QByteArray &input);
// Any bytes un-gzipped, within a bound or not; any bytes gzipped inflate to themselves.
QStringList checkGzip(const QByteArray &input);
// Any text as an NHS number: parse and validate agree; a number is ten digits and its grouped
// form parses back.
QStringList checkNhsNumber(const QByteArray &input);

struct Target
{
    QString name; // as in fuzz_<name> and tests/data/fuzz/<name>/
    Check check;
};
QList<Target> targets();

} // namespace cpis::fuzz
