#include "bench/bench_figure.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cpis::bench {

bool Budget::met(double value) const
{
    switch (kind) {
    case Kind::AtMost:
        return value <= limit;
    case Kind::AtLeast:
        return value >= limit;
    case Kind::None:
        break;
    }
    return true;
}

QString Budget::text(const QString &unit) const
{
    switch (kind) {
    case Kind::AtMost:
        return u"<= %1 %2"_s.arg(limit).arg(unit);
    case Kind::AtLeast:
        return u">= %1 %2"_s.arg(limit).arg(unit);
    case Kind::None:
        break;
    }
    return u"-"_s;
}

bool printFigure(const QString &name, QList<double> values, const QString &unit,
                 const Budget &budget)
{
    std::sort(values.begin(), values.end());
    const double median = values.isEmpty() ? 0 : values.at(values.size() / 2);
    const double min = values.isEmpty() ? 0 : values.first();
    const double max = values.isEmpty() ? 0 : values.last();
    const bool ok = !values.isEmpty() && budget.met(median);
    const char *verdict = budget.kind == Budget::Kind::None ? "" : ok ? "within" : "NOT within";
    std::printf("%-48s %10.1f %-6s (min %.1f, max %.1f, %lld runs)  %-14s %s\n",
                qUtf8Printable(name), median, qUtf8Printable(unit), min, max,
                static_cast<long long>(values.size()), qUtf8Printable(budget.text(unit)), verdict);
    std::fflush(stdout);

    const QString results = qEnvironmentVariable("CPIS_BENCH_RESULTS");
    if (!results.isEmpty()) {
        QFile file(results);
        const QJsonObject figure{{u"name"_s, name},
                                 {u"value"_s, median},
                                 {u"min"_s, min},
                                 {u"max"_s, max},
                                 {u"runs"_s, values.size()},
                                 {u"unit"_s, unit},
                                 {u"budget"_s, budget.text(unit)},
                                 {u"ok"_s, ok}};
        if (!file.open(QIODevice::Append | QIODevice::Text) ||
            file.write(QJsonDocument(figure).toJson(QJsonDocument::Compact) + '\n') < 0)
            std::fprintf(stderr, "could not write %s: %s\n", qUtf8Printable(results),
                         qUtf8Printable(file.errorString()));
    }
    return ok;
}

} // namespace cpis::bench
