// bench_records_import [N] [RUNS]: the records feed in (issue 20). N children on plans in one
// CSV file (an NHS number each, a key worker for one in four), imported by a records officer
// into a fresh database, then the same file again (every row unchanged); RUNS times each, from
// reading the file to the commit. Budget: 100,000 rows in at most 30 s.
#include "bench/scratch_database.h"
#include "db/rows.h"
#include "workflow/records_import.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
// The file: N rows with valid 999-range NHS numbers made on the server (the one Modulus 11).
QByteArray feed(Connection &owner, int n, const QString &keyWorker)
{
    auto numbers = execute(owner, uR"(
        SELECT n FROM (SELECT '999' || lpad(i::text, 6, '0') || d AS n
                       FROM generate_series(0, $1) i, generate_series(0, 9) d) c
        WHERE nhs_number_is_valid(n) LIMIT $2)"_s,
                           {n * 2, n});
    QByteArray csv = "authority_person_id,legal_forenames,legal_surname,gender,date_of_birth,"
                     "nhs_number,plan_kind,plan_start,key_worker\r\n";
    int i = 0;
    for (const Row &row : numbers ? *numbers : Rows()) {
        const QDate born = QDate(2010, 1, 1).addDays(i % 4000);
        csv += u"MOS%1,Child,Number %1,%2,%3,%4,CPP,%5,%6\r\n"_s.arg(i)
                   .arg(i % 2 ? u"Female"_s : u"Male"_s)
                   .arg(born.toString(Qt::ISODate), row.text("n"),
                        QDate(2025, 1, 1).addDays(i % 300).toString(Qt::ISODate),
                        i % 4 == 0 ? keyWorker : QString())
                   .toUtf8();
        ++i;
    }
    return csv;
}

std::unique_ptr<Connection> officer(bench::ScratchDatabase &db, const QString &login)
{
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, login);
    auto c = Connection::open(info);
    return c ? std::move(*c) : nullptr;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 3;
    QList<double> firsts, agains;
    for (int run = 0; run < runs; ++run) {
        bench::ScratchDatabase db;
        if (!db.ok()) {
            std::fprintf(stderr, "bench_records_import: %s\n", qPrintable(db.error()));
            return 1;
        }
        const QString tag = u"%1"_s.arg(run);
        for (const auto &[login, role] : {std::pair{u"bench_ro"_s, u"records-officer"_s},
                                          std::pair{u"bench_kw"_s, u"key-worker"_s}}) {
            if (!execute(db.connection(), u"SELECT add_user($1, $2, $3, 'Bench', NULL)"_s,
                         {login, role, QString(u"Bench "_s + role + tag)}))
                return 1;
        }
        const QByteArray csv = feed(db.connection(), n, u"bench_kw"_s);
        // CPIS_BENCH_PROFILE=1: where the time goes, by function (pg_stat_user_functions).
        const bool profile = qEnvironmentVariableIsSet("CPIS_BENCH_PROFILE");
        if (profile)
            (void)execute(db.connection(), u"ALTER DATABASE cpis SET track_functions = 'all'"_s);
        auto c = officer(db, u"bench_ro"_s);
        if (!c) {
            std::fprintf(stderr, "bench_records_import: cannot connect as the officer\n");
            return 1;
        }
        for (int pass = 0; pass < 2; ++pass) {
            QElapsedTimer timer;
            timer.start();
            auto file = readRecordsImport(u"bench.csv"_s, csv);
            const double readMs = double(timer.elapsed());
            // The progress the window and cpisctl show, with the time each step came (profile).
            RecordsImportOptions options;
            if (profile)
                options.progress = [&timer](const RecordsImportProgress &p) {
                    std::fprintf(stderr, "  %6.1f s  %s\n", double(timer.elapsed()) / 1000,
                                 qPrintable(p.text()));
                };
            auto report = file ? importRecords(*c, *file, options)
                               : Result<RecordsImportReport>(file.error());
            const double ms = double(timer.elapsed());
            if (!report) {
                std::fprintf(stderr, "bench_records_import: %s\n",
                             qPrintable(report.error().message));
                return 1;
            }
            const int expected = report->count(pass == 0 ? u"new" : u"unchanged");
            std::fprintf(stderr, "run %d pass %d: %s (%.1f s, of which reading the file %.1f s)\n",
                         run + 1, pass + 1, qPrintable(report->summary()), ms / 1000,
                         readMs / 1000);
            if (expected != n)
                return 1;
            (pass == 0 ? firsts : agains) << ms / 1000;
            if (profile) {
                (void)execute(*c, u"SELECT pg_stat_force_next_flush()"_s);
                QThread::msleep(1500);
                auto top = execute(db.connection(), uR"(
                    SELECT funcname, calls, round(total_time) AS total, round(self_time) AS self
                    FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 15)"_s);
                for (const Row &row : top ? *top : Rows())
                    std::fprintf(stderr, "  %-32s %8s calls %8s ms total %8s ms self\n",
                                 qPrintable(row.text("funcname")), qPrintable(row.text("calls")),
                                 qPrintable(row.text("total")), qPrintable(row.text("self")));
                (void)execute(db.connection(), u"SELECT pg_stat_reset()"_s);
            }
        }
    }
    const bool ok = bench::printFigure(u"records import, %1 new rows"_s.arg(n), firsts, u"s"_s,
                                       bench::atMost(30.0 * n / 100000));
    bench::printFigure(u"records import again, %1 unchanged rows"_s.arg(n), agains, u"s"_s,
                       bench::atMost(30.0 * n / 100000));
    return ok ? 0 : 1;
}
