// bench_workview: time to load a Safeguarding Admin's workview with 10,000 open steps, from
// the query to the sorted model the view shows (DESIGN.md §7: 150 ms on a 2-core machine).
// Makes its own throwaway cluster with the sample data scaled up, then removes it.
#include "bench/scratch_database.h"
#include "db/sample_data.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
constexpr int kOpenSteps = 10000;
constexpr int kExtraChildren = 20000;
constexpr int kRuns = 15;

bool run(Connection &c, const QString &sql)
{
    auto done = c.exec(sql);
    if (!done)
        std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(done.error().message));
    return done.ok();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("bench_workview: making a throwaway cluster…\n");
    std::fflush(stdout);
    bench::ScratchDatabase db;
    if (!db.ok()) {
        std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(db.error()));
        return 1;
    }
    Connection &owner = db.connection();
    if (auto sample = loadSampleData(owner); !sample) {
        std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(sample.error().message));
        return 1;
    }
    // The sample data scaled up: more children, each with a key worker, and 10,000 open
    // CPIS Follow Up steps for CP-IS Worker, created the way the exchange creates them.
    const bool scaled = run(owner, uR"(
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth)
        SELECT 'Child', 'Bench' || g, CASE WHEN g % 2 = 0 THEN 'Male' ELSE 'Female' END,
               date '2008-01-01' + (g % 5000)
        FROM generate_series(1, %1) g)"_s.arg(kExtraChildren)) &&
                        run(owner, uR"(
        INSERT INTO involvement (person_id, worker_id, role, started_on)
        SELECT p.id, kw.ids[1 + p.id % cardinality(kw.ids)], 'Key Worker', current_date - 30
        FROM person p,
             (SELECT array_agg(w.id) AS ids FROM worker w
              WHERE pg_has_role(w.login, 'cpis_key_worker', 'MEMBER')) kw
        WHERE p.legal_surname LIKE 'Bench%')"_s) &&
                        run(owner, uR"(
        WITH kids AS (SELECT array_agg(id ORDER BY id) AS ids FROM person WHERE NOT restricted)
        SELECT count(create_follow_up_step(
                   kids.ids[1 + g % cardinality(kids.ids)],
                   'CP-IS notification: record accessed by a health professional.',
                   CASE WHEN g % 3 = 0 THEN 'dhu_111' ELSE 'ae' END,
                   now() - g * interval '37 seconds'))
        FROM kids, generate_series(1, %1) g)"_s.arg(kOpenSteps - 8)) &&
                        run(owner, u"ANALYZE"_s);
    if (!scaled)
        return 1;

    ConnInfo info = db.connInfo();
    info.set(u"user"_s, u"sam.admin"_s);
    auto admin = Connection::open(info);
    if (!admin) {
        std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(admin.error().message));
        return 1;
    }
    auto me = WorkerDirectory(**admin).current();
    if (!me) {
        std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(me.error().message));
        return 1;
    }

    // CPIS_BENCH_EXPLAIN=1: how the database runs the Current work query, for tuning.
    if (qEnvironmentVariableIsSet("CPIS_BENCH_EXPLAIN")) {
        auto plan = (*admin)->exec(uR"(EXPLAIN (ANALYZE, BUFFERS)
            WITH mine AS (SELECT %1::integer AS id UNION SELECT queue_id FROM queue_member WHERE member_id = %1)
            SELECT s.id, s.step_type, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, s.title, s.state,
                   s.received_at, s.due_at, coalesce(kw.name, ''), coalesce(s.source, ''), coalesce(sb.name, '')
            FROM work_step s
            JOIN person p ON p.id = s.subject_id
            LEFT JOIN involvement i ON i.person_id = s.subject_id AND i.role = 'Key Worker' AND i.ended_on IS NULL
            LEFT JOIN worker kw ON kw.id = i.worker_id
            LEFT JOIN worker sb ON sb.id = s.started_by
            WHERE s.state IN ('incoming', 'in_progress')
              AND (s.assignee_id IN (SELECT id FROM mine) OR s.started_by = %1)
            ORDER BY s.state = 'in_progress', s.received_at, s.id)"_s.arg(
            me->id)); // EXPLAIN takes no parameters
        if (!plan)
            std::printf("%s\n", qUtf8Printable(plan.error().message));
        while (plan && plan->next())
            std::printf("%s\n", qUtf8Printable(plan->value(0).toString()));
    }

    QList<double> query, model, total;
    qsizetype rows = 0;
    for (int i = 0; i < kRuns + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto view = loadWorkview(**admin, *me);
        if (!view) {
            std::fprintf(stderr, "bench_workview: %s\n", qUtf8Printable(view.error().message));
            return 1;
        }
        const double queried = double(timer.nsecsElapsed()) / 1e6;
        // What the workview does with it: the model, filtered to a folder and sorted.
        ui::CurrentWorkModel workModel;
        ui::CurrentWorkFilter filter;
        filter.setSourceModel(&workModel);
        filter.setState(u"incoming"_s);
        filter.sort(ui::CurrentWorkModel::Received, Qt::AscendingOrder);
        workModel.setRows(view->currentWork);
        rows = filter.rowCount() + filter.countFor(u"in_progress"_s);
        const double all = double(timer.nsecsElapsed()) / 1e6;
        if (i == 0)
            continue; // warm-up: caches and plans
        query << queried;
        model << all - queried;
        total << all;
    }
    // The same query as the schema owner, which row-level security does not apply to: the
    // difference is what the per-row visibility checks cost.
    QList<double> ownerQuery;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!loadWorkview(owner, *me))
            return 1;
        ownerQuery << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("bench_workview: %lld open steps in Current work, %d runs\n",
                static_cast<long long>(rows), kRuns);
    bench::printFigure(u"workview 10,000 open steps: query"_s, query, u"ms"_s);
    bench::printFigure(u"workview 10,000 open steps: model ready"_s, model, u"ms"_s);
    bench::printFigure(u"workview 10,000 open steps: query + model"_s, total, u"ms"_s,
                       bench::atMost(150));
    bench::printFigure(u"(for comparison: query without row security)"_s, ownerQuery, u"ms"_s);
    return 0;
}
