// bench_casework [CHILDREN] [RUNS]: on a scaled database (the scale data of `cpisctl
// sample-data --scale`, default 100,000 children and 1,000,000 historic notifications), what a
// caseworker waits for (DESIGN.md §7): start work, save, finish and acknowledge (each <= 20 ms),
// a key worker's incoming requests (<= 50 ms), a person record with 500 case notes (<= 100 ms),
// how soon another client hears of a change (<= 1 s), and the client's start to its workview
// painted with the database running (<= 1 s) and its peak memory (<= 200 MB).
#include "bench/scratch_database.h"
#include "db/change_listener.h"
#include "db/rows.h"
#include "db/sample_data.h"
#include "workflow/person_record.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

[[noreturn]] void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_casework: %s: %s\n", qUtf8Printable(what),
                 qUtf8Printable(error.message));
    std::exit(1);
}

template<typename T> T need(Result<T> result, const QString &what)
{
    if (!result)
        fail(what, result.error());
    return std::move(result).value();
}

std::unique_ptr<Connection> connectAs(const bench::ScratchDatabase &db, const QString &login)
{
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, login);
    return need(Connection::open(info), u"connecting as "_s + login);
}

// One CPIS Follow Up step through the procedure, timing the round trips a user waits on.
struct RoundTrips
{
    QList<double> start, save, finish, acknowledge;
};

void workOneStep(qint64 stepId, Connection &admin, Connection &keyWorker, int keyWorkerId,
                 Connection &owner, RoundTrips &times)
{
    StepService steps(admin);
    QElapsedTimer timer;
    timer.start();
    int version = need(steps.start(stepId), u"start work"_s);
    times.start << msSince(timer);
    const RequestProposal proposal = need(steps.proposeRequest(stepId), u"propose"_s);
    version = need(steps.addRequest(stepId, version, keyWorkerId, proposal.note, proposal.source),
                   u"add request"_s)
                  .rowVersion;
    NextActionInput action;
    action.reason = u"Notification passed to allocated worker"_s;
    version = need(steps.addNextAction(stepId, version, action), u"add next action"_s).rowVersion;
    timer.restart();
    version = need(steps.save(stepId, version), u"save"_s);
    times.save << msSince(timer);
    timer.restart();
    if (auto finished = steps.finish(stepId, version); !finished)
        fail(u"finish"_s, finished.error());
    times.finish << msSince(timer);
    const qint64 requestId =
        need(queryValue(owner, u"SELECT max(id) FROM request WHERE step_id = $1"_s, {stepId}),
             u"the request"_s)
            .integer();
    timer.restart();
    if (auto acknowledged = RequestService(keyWorker).acknowledge(requestId); !acknowledged)
        fail(u"acknowledge"_s, acknowledged.error());
    times.acknowledge << msSince(timer);
}

// From a change committed on one connection to another client's listener hearing of it.
double changeSeen(const bench::ScratchDatabase &db, Connection &admin, qint64 stepId)
{
    ChangeListener listener;
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, u"jane.okafor"_s);
    if (auto listening = listener.listen(info); !listening)
        fail(u"listening"_s, listening.error());
    QEventLoop loop;
    QElapsedTimer timer;
    double seen = -1;
    QObject::connect(&listener, &ChangeListener::changed, &loop,
                     [&](const QString &kind, qint64 id) {
                         if (kind == u"step"_s && id == stepId && seen < 0) {
                             seen = msSince(timer);
                             loop.quit();
                         }
                     });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    timer.start();
    need(StepService(admin).start(stepId), u"start work"_s);
    loop.exec();
    return seen < 0 ? 5000 : seen;
}
// The client's high-water mark of resident memory so far, in MB (0 once it has gone).
double peakMegabytes(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// From starting cpis-workview to its workview painted: with --screenshot it signs in, loads
// Current work and the selected child's summary, renders, writes the PNG and exits, so the
// figure includes writing the file.
void clientStart(const bench::ScratchDatabase &db, int runs, QList<double> &ms,
                 QList<double> &megabytes)
{
    QTemporaryDir dir;
    for (int i = 0; i < runs + 1; ++i) {
        QProcess client;
        client.setProgram(QString::fromUtf8(CPIS_WORKVIEW));
        client.setArguments({u"--database"_s, db.connInfo().toKeywordValueString(), u"--user"_s,
                             u"sam.admin"_s, u"--screenshot"_s, dir.filePath(u"workview.png"_s)});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        client.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        client.start();
        double peak = 0;
        while (!client.waitForFinished(10)) {
            if (client.state() == QProcess::NotRunning || timer.elapsed() > 60000)
                break;
            peak = std::max(peak, peakMegabytes(client.processId()));
        }
        const double took = msSince(timer);
        if (client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0)
            fail(u"cpis-workview --screenshot"_s,
                 Error{{}, QString::fromUtf8(client.readAllStandardError()), {}, {}});
        if (i == 0)
            continue; // warm-up: the server's caches
        ms << took;
        megabytes << peak;
    }
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int children = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 15;
    if (children < 1000 || children > kMaxScaleChildren || runs < 1) {
        std::fprintf(stderr, "usage: bench_casework [CHILDREN 1000-%d] [RUNS >= 1]\n",
                     kMaxScaleChildren);
        return 2;
    }
    std::printf("bench_casework: a throwaway cluster with scale data for %d children...\n",
                children);
    std::fflush(stdout);
    bench::ScratchDatabase db;
    if (!db.ok()) {
        std::fprintf(stderr, "bench_casework: %s\n", qUtf8Printable(db.error()));
        return 1;
    }
    Connection &owner = db.connection();
    QElapsedTimer made;
    made.start();
    need(loadScaleData(owner, children), u"scale data"_s);
    std::printf("bench_casework: scale data made in %.1f s\n", made.elapsed() / 1000.0);

    auto admin = connectAs(db, u"sam.admin"_s);
    auto keyWorker = connectAs(db, u"jane.okafor"_s);
    const Worker jane = need(WorkerDirectory(*keyWorker).current(), u"jane.okafor"_s);

    QList<qint64> open;
    auto ids = need(execute(owner,
                            u"SELECT id FROM work_step WHERE state = 'incoming' ORDER BY id "
                            u"LIMIT $1"_s,
                            {runs + 2}),
                    u"open steps"_s);
    for (const Row &row : ids)
        open << row.integer("id");
    if (open.size() < runs + 2) {
        std::fprintf(stderr, "bench_casework: not enough open steps\n");
        return 1;
    }

    RoundTrips times;
    for (int i = 0; i < runs + 1; ++i) {
        RoundTrips one;
        workOneStep(open[i], *admin, *keyWorker, jane.id, owner, one);
        if (i == 0)
            continue; // warm-up: caches and plans
        times.start << one.start;
        times.save << one.save;
        times.finish << one.finish;
        times.acknowledge << one.acknowledge;
    }

    QList<double> incoming;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Workview view = need(loadWorkview(*keyWorker, jane), u"incoming requests"_s);
        if (i > 0)
            incoming << msSince(timer);
        if (view.incomingRequests.isEmpty()) {
            std::fprintf(stderr, "bench_casework: jane.okafor has no incoming requests\n");
            return 1;
        }
    }

    // A child with 500 case notes, opened as a Safeguarding Admin opens the person record.
    const qint64 child = need(queryValue(owner, u"SELECT min(id) FROM person WHERE legal_surname "
                                                u"LIKE 'Scale-%'"_s),
                              u"a child"_s)
                             .integer();
    need(execute(owner, uR"(
        INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, finalised_at)
        SELECT $1, 'CP-IS Follow Up', (SELECT id FROM worker WHERE login = 'jane.okafor'), current_date - g,
               'Visited the family after the CP-IS notification; the plan continues.', 'final', now()
        FROM generate_series(1, 500) g)"_s,
                 {child}),
         u"500 case notes"_s);
    QList<double> record;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        const PersonRecord person = need(loadPersonRecord(*admin, child), u"person record"_s);
        if (i > 0)
            record << msSince(timer);
        if (person.caseNotes.size() < 500) {
            std::fprintf(stderr, "bench_casework: the record shows %lld case notes\n",
                         static_cast<long long>(person.caseNotes.size()));
            return 1;
        }
    }

    QList<double> seen;
    for (int i = 0; i < 5; ++i) {
        // Each run starts work on a step the first loop left open, then cancels it again.
        const qint64 stepId = open[runs + 1];
        seen << changeSeen(db, *admin, stepId);
        need(execute(owner,
                     u"UPDATE work_step SET state = 'incoming', started_by = NULL, started_at = "
                     u"NULL WHERE id = $1"_s,
                     {stepId}),
             u"reset the step"_s);
    }

    QList<double> started, memory;
    clientStart(db, std::min(runs, 5), started, memory);

    bench::printFigure(u"start work (round trip)"_s, times.start, u"ms"_s, bench::atMost(20));
    bench::printFigure(u"save (round trip)"_s, times.save, u"ms"_s, bench::atMost(20));
    bench::printFigure(u"finish (round trip)"_s, times.finish, u"ms"_s, bench::atMost(20));
    bench::printFigure(u"acknowledge (round trip)"_s, times.acknowledge, u"ms"_s,
                       bench::atMost(20));
    bench::printFigure(u"a key worker's incoming requests"_s, incoming, u"ms"_s, bench::atMost(50));
    bench::printFigure(u"person record with 500 case notes"_s, record, u"ms"_s, bench::atMost(100));
    bench::printFigure(u"a change seen by another client"_s, seen, u"ms"_s, bench::atMost(1000));
    bench::printFigure(u"client start to workview painted"_s, started, u"ms"_s,
                       bench::atMost(1000));
    bench::printFigure(u"client peak memory (resident)"_s, memory, u"MB"_s, bench::atMost(200));
    return 0;
}
