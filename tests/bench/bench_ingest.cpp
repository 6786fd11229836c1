// bench_ingest [N] [RUNS]: processes N synthetic Access to Service Notifications into a fresh
// database, RUNS times, and prints notifications per second (budget: at least 2,000 per second)
// as the median of the runs with the minimum and maximum.
#include "bench/scratch_database.h"
#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "support/sample_notification.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
// N children with valid 999-range NHS numbers, made on the server.
Status makeChildren(Connection &c, int n)
{
    auto made = execute(c, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        SELECT 'Child', 'Number ' || row_number() OVER (), 'Not known', date '2015-01-01' + (row_number() OVER ())::int % 3000,
               n, 'recorded'
        FROM (SELECT '999' || lpad(i::text, 6, '0') || d AS n FROM generate_series(0, $1) i, generate_series(0, 9) d) c
        WHERE nhs_number_is_valid(n)
        LIMIT $2)"_s,
                        {n * 2, n});
    if (!made)
        return made.error();
    // Statistics, as autovacuum keeps them on a live database: without them every lookup of a
    // child by NHS number is planned as if the table were empty.
    if (auto analysed = execute(c, u"ANALYZE person"_s); !analysed)
        return analysed.error();
    return success();
}

QList<QByteArray> notifications(Connection &c, int n, int run)
{
    QList<QByteArray> bodies;
    auto numbers = execute(
        c, u"SELECT nhs_number FROM person WHERE nhs_number IS NOT NULL ORDER BY id LIMIT $1"_s,
        {n});
    int i = 0;
    for (const Row &row : numbers ? *numbers : Rows()) {
        bodies.append(test::accessNotification(u"BENCH-%1-%2"_s.arg(run).arg(++i),
                                               row.text("nhs_number"),
                                               QDateTime::currentDateTimeUtc()));
    }
    return bodies;
}
// The rows the last run wrote for its n notifications (messages, steps, their audit rows),
// loaded again by plain COPY into empty tables with the same columns and indexes: the floor
// for any loader on this machine, in rows of notifications per second.
QList<double> copyRates(Connection &c, int n, int runs)
{
    struct Table
    {
        QString name, rows;
    };
    const QList<Table> tables{
        {u"inbound_message"_s, u"SELECT * FROM inbound_message ORDER BY id DESC LIMIT %1"_s},
        {u"work_step"_s, u"SELECT * FROM work_step ORDER BY id DESC LIMIT %1"_s},
        {u"audit"_s,
         u"SELECT * FROM audit WHERE action = 'step.created' ORDER BY id DESC LIMIT %1"_s},
    };
    QList<QByteArray> data;
    for (const Table &t : tables) {
        auto rows = c.copyOut(u"COPY (%1) TO STDOUT (FORMAT binary)"_s.arg(t.rows.arg(n)));
        auto made = execute(c, u"CREATE TEMP TABLE copy_%1 (LIKE %1 INCLUDING DEFAULTS INCLUDING "
                               u"INDEXES)"_s.arg(t.name));
        if (!rows || !made) {
            std::fprintf(stderr, "bench_ingest: COPY: %s\n",
                         qUtf8Printable(!rows ? rows.error().message : made.error().message));
            return {};
        }
        data << *rows;
    }
    QList<double> rates;
    for (int run = 0; run < runs; ++run) {
        for (const Table &t : tables)
            (void)execute(c, u"TRUNCATE copy_%1"_s.arg(t.name));
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < tables.size(); ++i) {
            auto loaded =
                c.copyIn(u"COPY copy_%1 FROM STDIN (FORMAT binary)"_s.arg(tables[i].name), data[i]);
            if (!loaded) {
                std::fprintf(stderr, "bench_ingest: COPY: %s\n",
                             qUtf8Printable(loaded.error().message));
                return {};
            }
        }
        rates << n / (timer.nsecsElapsed() / 1e9);
    }
    return rates;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    if (n < 1 || runs < 1) {
        std::fprintf(stderr, "usage: bench_ingest [N >= 1] [RUNS >= 1]\n");
        return 2;
    }
    bench::ScratchDatabase db;
    if (!db.ok()) {
        std::fprintf(stderr, "bench_ingest: %s\n", qUtf8Printable(db.error()));
        return 1;
    }
    if (auto made = makeChildren(db.connection(), n); !made) {
        std::fprintf(stderr, "bench_ingest: %s\n", qUtf8Printable(made.error().message));
        return 1;
    }
    InboundProcessor processor(db.connection());
    QList<double> store, process, both;
    for (int run = 1; run <= runs; ++run) {
        const QList<QByteArray> bodies = notifications(db.connection(), n, run);
        QElapsedTimer timer;
        timer.start();
        // In bulk, as `cpisctl import` stores a backlog: a batch to a statement.
        for (qsizetype first = 0; first < bodies.size(); first += InboundProcessor::kBatchSize) {
            QList<InboundProcessor::Received> batch;
            for (const QByteArray &body : bodies.mid(first, InboundProcessor::kBatchSize))
                batch.append({body, u"import"_s, {}, {}, {}});
            if (auto stored = processor.storeAll(batch); !stored) {
                std::fprintf(stderr, "bench_ingest: %s\n", qUtf8Printable(stored.error().message));
                return 1;
            }
        }
        const double storeSeconds = timer.nsecsElapsed() / 1e9;
        timer.restart();
        auto processed = processor.processPending();
        const double processSeconds = timer.nsecsElapsed() / 1e9;
        if (!processed) {
            std::fprintf(stderr, "bench_ingest: %s\n", qUtf8Printable(processed.error().message));
            return 1;
        }
        store.append(bodies.size() / storeSeconds);
        process.append(bodies.size() / processSeconds);
        both.append(bodies.size() / (storeSeconds + processSeconds));
    }
    const auto steps = queryValue(db.connection(), u"SELECT count(*) FROM work_step"_s);
    std::printf("bench_ingest: %d runs of %d notifications -> %lld steps\n", runs, n,
                steps ? steps->integer() : -1LL);
    bench::printFigure(u"store raw"_s, store, u"msg/s"_s);
    bench::printFigure(u"process (match, step, audit)"_s, process, u"msg/s"_s);
    bench::printFigure(u"inbound processing, store + process"_s, both, u"msg/s"_s,
                       bench::atLeast(2000));
    const QList<double> copied = copyRates(db.connection(), n, runs);
    bench::printFigure(u"the same rows by plain COPY"_s, copied, u"msg/s"_s);
    if (!copied.isEmpty())
        bench::printFigure(u"inbound processing as a share of plain COPY"_s,
                           {100.0 * median(both) / median(copied)}, u"%"_s);
    return 0;
}
