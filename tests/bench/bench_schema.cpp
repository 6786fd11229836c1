// bench_schema [RECORDS] [RUNS]: loads and compiles NHS England's DMS schemas, and validates an
// upload of RECORDS records (default 1,000) against them, RUNS times each; prints the median
// with the minimum and maximum. The folder: $CPIS_SCHEMA_DIR, else CMake's CPIS_SCHEMA_DIR.
#include "bench/bench_figure.h"
#include "cpis/schema_validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
// The hand-written one-record upload, its record repeated `records` times.
QByteArray upload(int records)
{
    QFile file(QStringLiteral(CPIS_SCHEMA_SAMPLES "/upload.xml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray xml = file.readAll();
    const qsizetype from = xml.indexOf("<record>");
    const qsizetype to = xml.indexOf("</record>") + qsizetype(qstrlen("</record>"));
    if (from < 0 || to < from)
        return {};
    const QByteArray record = xml.mid(from, to - from);
    QByteArray all;
    for (int i = 0; i < records; ++i)
        all += record;
    xml.replace(from, to - from, all);
    const QByteArray count =
        "<transmissionQuantity value=\"" + QByteArray::number(records) + "\"/>";
    return xml.replace("<transmissionQuantity value=\"1\"/>", count);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int records = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const QString dir = qEnvironmentVariable("CPIS_SCHEMA_DIR", QStringLiteral(CPIS_SCHEMA_DIR));
    const QByteArray xml = upload(records);
    if (records < 1 || runs < 1 || xml.isEmpty()) {
        std::fprintf(stderr, "usage: bench_schema [RECORDS] [RUNS] (the sample upload: %s)\n",
                     CPIS_SCHEMA_SAMPLES "/upload.xml");
        return 2;
    }
    QList<double> loads;
    QList<double> validations;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto schemas = hl7::SchemaValidator::load(dir);
        loads << double(timer.nsecsElapsed()) / 1e6;
        if (!schemas) {
            std::fprintf(stderr, "bench_schema: %s\n", qPrintable(schemas.error().message));
            return 1;
        }
        timer.restart();
        const Status valid = (*schemas)->validate(xml, hl7::MessageKind::Upload);
        validations << double(timer.nsecsElapsed()) / 1e6;
        if (!valid) {
            std::fprintf(stderr, "bench_schema: the upload is not valid: %s\n",
                         qPrintable(valid.error().message));
            return 1;
        }
    }
    // Budgets: once a run for the exchange, so a second is plenty; validating, a quarter of a
    // millisecond a record (the exchange validates every upload before it goes).
    bool ok = bench::printFigure(u"DMS schemas loaded and compiled"_s, loads, u"ms"_s,
                                 bench::atMost(1000));
    ok = bench::printFigure(u"upload of %1 records validated"_s.arg(records), validations, u"ms"_s,
                            bench::atMost(0.25 * records)) &&
         ok;
    return ok ? 0 : 1;
}
