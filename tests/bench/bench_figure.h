// How a benchmark reports a figure: the median of its runs with the minimum and maximum,
// against its budget, as a table row on stdout and, when CPIS_BENCH_RESULTS names a file,
// as one JSON object per line appended to it (scripts/bench gathers them).
#pragma once

#include <QList>
#include <QString>

namespace cpis::bench {

struct Budget
{
    enum class Kind { None, AtMost, AtLeast };
    Kind kind = Kind::None;
    double limit = 0;

    [[nodiscard]] bool met(double value) const;
    [[nodiscard]] QString text(const QString &unit) const; // "<= 150 ms", or "-"
};
inline Budget atMost(double limit)
{
    return {Budget::Kind::AtMost, limit};
}
inline Budget atLeast(double limit)
{
    return {Budget::Kind::AtLeast, limit};
}

// Returns whether the median is within the budget (always true without one).
bool printFigure(const QString &name, QList<double> values, const QString &unit,
                 const Budget &budget = {});

} // namespace cpis::bench
