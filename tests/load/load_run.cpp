#include "load/load_run.h"

#include "cpis/inbound_processor.h"
#include "db/rows.h"
#include "support/sample_notification.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <random>
#include <thread>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace cpis::load {

namespace {
constexpr int kExchanges = 2;
constexpr int kSlotMs = 40;     // an exchange delivers at most one notification a slot
constexpr int kIdleMs = 20;     // a user with nothing to do looks again after this
constexpr int kPickAmong = 6;   // admins claim among the newest steps, so claims collide
constexpr int kShownErrors = 5; // unexpected errors quoted in the report
const QString kReason = u"Notification passed to allocated worker"_s;
const QString kDeadlock = u"40P01"_s;

int adminCount(int users)
{
    return std::max(1, (users + 1) / 2);
}
QString adminLogin(int i)
{
    return u"load.admin%1"_s.arg(i + 1);
}
QString keyWorkerLogin(int i)
{
    return u"load.worker%1"_s.arg(i + 1);
}
QString exchangeLogin()
{
    return u"load.exchange"_s;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// What one simulated user (or exchange) did, merged into the report after the run.
struct Tally
{
    QMap<QString, QList<double>> latencies;
    QMap<QString, int> refusals;
    QStringList unexpected;
    int unexpectedCount = 0;
    int deadlocks = 0;
    QMap<qint64, int> claims;    // step -> successful Start work
    QMap<qint64, int> versions;  // step -> the last row version its admin was given
    QMap<qint64, QString> notes; // next action -> the last note saved
    int staleAccepted = 0;       // a change with an old row version that was not refused
    int requestsAdded = 0;
    QMap<qint64, int> acknowledged; // request -> successful acknowledgements
    QSet<QString> notifications;    // notification ids delivered
    int quarantined = 0;

    void merge(const Tally &other);
    // A failure that is not an expected refusal.
    void failed(const QString &operation, const Error &error)
    {
        if (error.sqlState == kDeadlock)
            ++deadlocks;
        if (++unexpectedCount <= kShownErrors)
            unexpected << operation + u": "_s + error.message;
    }
};

template<typename K, typename V> void addAll(QMap<K, V> &into, const QMap<K, V> &from)
{
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        if constexpr (std::is_arithmetic_v<V>)
            into[it.key()] += it.value();
        else if constexpr (std::is_same_v<V, QList<double>>)
            into[it.key()] << it.value();
        else
            into[it.key()] = it.value();
    }
}

void Tally::merge(const Tally &other)
{
    addAll(latencies, other.latencies);
    addAll(refusals, other.refusals);
    addAll(claims, other.claims);
    addAll(versions, other.versions);
    addAll(notes, other.notes);
    addAll(acknowledged, other.acknowledged);
    for (const QString &e : other.unexpected) {
        if (unexpected.size() < kShownErrors)
            unexpected << e;
    }
    unexpectedCount += other.unexpectedCount;
    deadlocks += other.deadlocks;
    staleAccepted += other.staleAccepted;
    requestsAdded += other.requestsAdded;
    notifications.unite(other.notifications);
    quarantined += other.quarantined;
}

// Runs one service call, recording its round trip when it succeeds.
template<typename F> auto timed(Tally &tally, const QString &operation, F &&call)
{
    QElapsedTimer timer;
    timer.start();
    auto result = call();
    if (result)
        tally.latencies[operation] << msSince(timer);
    return result;
}

struct Run
{
    ConnInfo info;
    std::atomic<bool> stop{false};
    QElapsedTimer clock;
};

std::unique_ptr<Connection> connectAs(Run &run, const QString &login, Tally &tally)
{
    ConnInfo info = run.info;
    info.set(u"user"_s, login);
    auto connection = Connection::open(info);
    if (!connection) {
        tally.failed(u"connecting as "_s + login, connection.error());
        return nullptr;
    }
    return std::move(*connection);
}

// ------------------------------------------------------------------ Safeguarding Admin

// Works one claimed step through the procedure; every change carries the version it was given.
void workStep(StepService &steps, qint64 stepId, int version, const QString &login, Tally &t)
{
    auto fail = [&](const QString &op, const Error &e) {
        t.failed(op, e);
    };
    t.versions[stepId] = version;
    auto proposal = timed(t, u"propose request"_s, [&] { return steps.proposeRequest(stepId); });
    if (!proposal)
        return fail(u"propose request"_s, proposal.error());
    auto request = timed(t, u"add request"_s, [&] {
        return steps.addRequest(stepId, version, proposal->recipientId, proposal->note,
                                proposal->source);
    });
    if (!request)
        return fail(u"add request"_s, request.error());
    ++t.requestsAdded;
    const int before = version;
    version = t.versions[stepId] = request->rowVersion;
    NextActionInput action;
    action.reason = kReason;
    action.note = u"Passed to the key worker by "_s + login;
    auto added = timed(t, u"add next action"_s,
                       [&] { return steps.addNextAction(stepId, version, action); });
    if (!added)
        return fail(u"add next action"_s, added.error());
    version = t.versions[stepId] = added->rowVersion;
    t.notes[added->id] = action.note;

    // A second window still showing the step as it was: its change must be refused.
    NextActionInput stale = action;
    stale.note = u"Typed in a window that was out of date"_s;
    if (auto lost = steps.updateNextAction(added->id, before, stale); lost) {
        ++t.staleAccepted;
        t.notes[added->id] = stale.note;
        version = t.versions[stepId] = *lost;
    } else if (lost.error().sqlState == u"CPST1"_s) {
        ++t.refusals[u"edit with an old row version: refused"_s];
    } else {
        fail(u"edit with an old row version"_s, lost.error());
    }

    action.note = u"Edited by %1 at version %2"_s.arg(login).arg(version);
    auto edited = timed(t, u"edit next action"_s,
                        [&] { return steps.updateNextAction(added->id, version, action); });
    if (!edited)
        return fail(u"edit next action"_s, edited.error());
    version = t.versions[stepId] = *edited;
    t.notes[added->id] = action.note;
    auto saved = timed(t, u"save"_s, [&] { return steps.save(stepId, version); });
    if (!saved)
        return fail(u"save"_s, saved.error());
    version = t.versions[stepId] = *saved;
    auto finished = timed(t, u"finish"_s, [&] { return steps.finish(stepId, version); });
    if (!finished)
        return fail(u"finish"_s, finished.error());
    t.versions[stepId] = version + 1;
}

void safeguardingAdmin(Run &run, const QString &login, unsigned seed, Tally &t)
{
    auto connection = connectAs(run, login, t);
    if (!connection)
        return;
    StepService steps(*connection);
    std::mt19937 random(seed);
    while (!run.stop) {
        auto open = timed(t, u"list incoming work"_s, [&] {
            return execute(*connection,
                           u"SELECT id FROM work_step WHERE state = 'incoming' "
                           u"ORDER BY id DESC LIMIT $1"_s,
                           {kPickAmong});
        });
        if (!open) {
            t.failed(u"list incoming work"_s, open.error());
            continue;
        }
        QList<qint64> ids;
        for (const Row &row : *open)
            ids << row.integer("id");
        if (ids.isEmpty()) {
            QThread::msleep(kIdleMs);
            continue;
        }
        const qint64 stepId = ids[qsizetype(random() % ids.size())];
        auto started = timed(t, u"start work"_s, [&] { return steps.start(stepId); });
        if (!started) {
            // Another admin was quicker: the user is told who has it.
            if (started.error().sqlState == u"CPCL1"_s || started.error().sqlState == u"CPWS1"_s)
                ++t.refusals[u"start work: someone else has it"_s];
            else
                t.failed(u"start work"_s, started.error());
            continue;
        }
        ++t.claims[stepId];
        workStep(steps, stepId, *started, login, t);
    }
}

// ------------------------------------------------------------------ key worker

void keyWorker(Run &run, const QString &login, Tally &t)
{
    auto connection = connectAs(run, login, t);
    if (!connection)
        return;
    auto me = WorkerDirectory(*connection).current();
    if (!me)
        return t.failed(u"who am I"_s, me.error());
    RequestService requests(*connection);
    CaseNoteService notes(*connection);
    while (!run.stop) {
        auto view =
            timed(t, u"incoming requests"_s, [&] { return loadWorkview(*connection, *me); });
        if (!view) {
            t.failed(u"incoming requests"_s, view.error());
            continue;
        }
        const auto &incoming = view->incomingRequests;
        const auto waiting =
            std::find_if(incoming.cbegin(), incoming.cend(),
                         [](const IncomingRequest &r) { return r.state == u"sent"_s; });
        if (waiting == incoming.cend()) {
            QThread::msleep(kIdleMs);
            continue;
        }
        auto acknowledged =
            timed(t, u"acknowledge"_s, [&] { return requests.acknowledge(waiting->requestId); });
        if (!acknowledged) {
            t.failed(u"acknowledge"_s, acknowledged.error());
            continue;
        }
        ++t.acknowledged[waiting->requestId];
        CaseNoteService::Input note;
        note.personId = waiting->subjectId;
        note.contactDate = QDate::currentDate();
        note.body = u"Spoke to the school nurse after the CP-IS notification; plan continues."_s;
        note.finish = true;
        note.requestId = waiting->requestId;
        if (auto added = timed(t, u"add case note"_s, [&] { return notes.add(note); }); !added)
            t.failed(u"add case note"_s, added.error());
    }
}

// ------------------------------------------------------------------ the exchanges

// Both exchanges deliver in the same time slots; every fourth notification reaches both at once
// (as when a message is downloaded twice), which must still become one step.
void exchange(Run &run, int which, const QStringList &nhsNumbers, Tally &t)
{
    auto connection = connectAs(run, exchangeLogin(), t);
    if (!connection)
        return;
    InboundProcessor inbound(*connection);
    for (qint64 slot = 0; !run.stop; ++slot) {
        // An exchange that fell behind skips the slots gone by, so both stay on the clock.
        slot = std::max(slot, run.clock.elapsed() / kSlotMs);
        const qint64 wait = slot * kSlotMs - run.clock.elapsed();
        if (wait > 0)
            QThread::msleep(quint64(wait));
        if (slot % 4 != 3 && slot % kExchanges != which)
            continue;
        const QString id = u"LOAD-%1"_s.arg(slot);
        InboundProcessor::Received message;
        message.body = test::accessNotification(id, nhsNumbers[slot % nhsNumbers.size()],
                                                QDateTime::currentDateTimeUtc());
        message.meshMessageId = u"LOAD-MESH-%1-%2"_s.arg(which).arg(slot);
        auto outcomes = timed(t, u"notification stored and processed"_s,
                              [&]() -> Result<QList<InboundOutcome>> {
                                  if (auto stored = inbound.store(message); !stored)
                                      return stored.error();
                                  return inbound.processPending();
                              });
        if (!outcomes) {
            t.failed(u"notification"_s, outcomes.error());
            continue;
        }
        t.notifications.insert(id);
        for (const InboundOutcome &o : std::as_const(*outcomes)) {
            if (o.status != u"processed"_s) {
                ++t.quarantined;
                t.failed(u"notification"_s, Error{{}, o.status + u": "_s + o.text, {}, {}});
            }
        }
    }
}

// ------------------------------------------------------------------ checks

Result<qint64> count(Connection &owner, const QString &sql, const QVariantList &params = {})
{
    auto value = queryValue(owner, sql, params);
    if (!value)
        return value.error();
    return value->integer();
}

Result<qint64> deadlocksSoFar(Connection &owner)
{
    return count(owner,
                 u"SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"_s);
}

QVariant idArray(const QList<qint64> &ids)
{
    QStringList text;
    for (qint64 id : ids)
        text << QString::number(id);
    return QString(u"{"_s + text.join(u","_s) + u"}"_s);
}

Result<QList<Check>> check(Connection &owner, const Tally &t, qint64 deadlocksBefore,
                           const QDateTime &began)
{
    QList<Check> checks;
    const QList<qint64> claimed = t.claims.keys();

    // 1. No step claimed twice: by what the users were told and by the audit trail.
    const int twiceTold =
        int(std::count_if(t.claims.cbegin(), t.claims.cend(), [](int n) { return n > 1; }));
    auto twiceAudited = count(owner, uR"(
        SELECT count(*) FROM (SELECT details->>'step' FROM audit
                              WHERE action = 'step.started' AND at >= $1
                              GROUP BY 1 HAVING count(*) > 1) twice)"_s,
                              {began});
    if (!twiceAudited)
        return twiceAudited.error();
    checks << Check{
        u"no step claimed twice"_s, twiceTold == 0 && *twiceAudited == 0,
        u"%1 steps claimed; %2 told twice, %3 started twice in the audit"_s.arg(claimed.size())
            .arg(twiceTold)
            .arg(*twiceAudited)};

    // 2. No lost update: each step is at the version its admin was last given, each next
    // action holds the last note saved, and no change with an old version got through.
    int versionsWrong = 0;
    auto versions =
        execute(owner, u"SELECT id, row_version FROM work_step WHERE id = ANY ($1::bigint[])"_s,
                {idArray(claimed)});
    if (!versions)
        return versions.error();
    for (const Row &row : *versions) {
        if (row.integer("row_version") != t.versions.value(row.integer("id")))
            ++versionsWrong;
    }
    int notesWrong = 0;
    auto notes = execute(owner, u"SELECT id, note FROM next_action WHERE id = ANY ($1::bigint[])"_s,
                         {idArray(t.notes.keys())});
    if (!notes)
        return notes.error();
    for (const Row &row : *notes) {
        if (row.text("note") != t.notes.value(row.integer("id")))
            ++notesWrong;
    }
    checks << Check{
        u"no lost update"_s, versionsWrong == 0 && notesWrong == 0 && t.staleAccepted == 0,
        u"%1 steps at another version than their admin saw, %2 next actions with "
        u"another note, %3 of %4 stale edits accepted"_s.arg(versionsWrong)
            .arg(notesWrong)
            .arg(t.staleAccepted)
            .arg(t.staleAccepted + t.refusals.value(u"edit with an old row version: refused"_s))};

    // 3. No duplicate request: one request per worked step, as many as were added, each
    // acknowledged at most once.
    auto duplicates = count(owner, uR"(
        SELECT count(*) FROM (SELECT step_id FROM request WHERE step_id = ANY ($1::bigint[])
                              GROUP BY step_id HAVING count(*) > 1) d)"_s,
                            {idArray(claimed)});
    auto requests =
        count(owner, u"SELECT count(*) FROM request WHERE step_id = ANY ($1::bigint[])"_s,
              {idArray(claimed)});
    if (!duplicates || !requests)
        return (!duplicates ? duplicates : requests).error();
    const int ackedTwice = int(
        std::count_if(t.acknowledged.cbegin(), t.acknowledged.cend(), [](int n) { return n > 1; }));
    checks << Check{u"no duplicate request"_s,
                    *duplicates == 0 && *requests == t.requestsAdded && ackedTwice == 0,
                    u"%1 requests added, %2 stored, %3 steps with more than one, %4 acknowledged "
                    u"twice (%5 acknowledged)"_s.arg(t.requestsAdded)
                        .arg(*requests)
                        .arg(*duplicates)
                        .arg(ackedTwice)
                        .arg(t.acknowledged.size())};

    // 4. No deadlock, as the users saw it and as the server counted.
    auto deadlocksAfter = deadlocksSoFar(owner);
    if (!deadlocksAfter)
        return deadlocksAfter.error();
    const qint64 serverDeadlocks = *deadlocksAfter - deadlocksBefore;
    checks << Check{
        u"no deadlock"_s, t.deadlocks == 0 && serverDeadlocks == 0,
        u"%1 deadlock errors seen, pg_stat_database.deadlocks went up by %2"_s.arg(t.deadlocks)
            .arg(serverDeadlocks)};

    // 5. Every notification became exactly one step, and every message was processed.
    auto steps = execute(owner, uR"(
        SELECT count(*) FILTER (WHERE steps = 1) AS one, count(*) FILTER (WHERE steps <> 1) AS not_one,
               coalesce(sum(messages), 0) AS messages, coalesce(sum(processed), 0) AS processed
        FROM (SELECT count(DISTINCT m.id) AS messages,
                     count(DISTINCT m.id) FILTER (WHERE m.status = 'processed') AS processed,
                     count(DISTINCT s.id) AS steps
              FROM inbound_message m LEFT JOIN work_step s ON s.inbound_message_id = m.id
              WHERE m.mesh_message_id LIKE 'LOAD-MESH-%'
              -- LOAD-MESH-<exchange>-<slot> carries notification LOAD-<slot>
              GROUP BY split_part(m.mesh_message_id, '-', 4)) n)"_s);
    if (!steps)
        return steps.error();
    const Row row = (*steps)[0];
    const qint64 one = row.integer("one"), notOne = row.integer("not_one");
    const qint64 messages = row.integer("messages"), processed = row.integer("processed");
    checks << Check{u"every notification became exactly one step"_s,
                    notOne == 0 && one == t.notifications.size() && processed == messages &&
                        t.quarantined == 0,
                    u"%1 notifications in %2 messages: %3 with one step, %4 without exactly one; "
                    u"%5 messages processed, %6 quarantined"_s.arg(t.notifications.size())
                        .arg(messages)
                        .arg(one)
                        .arg(notOne)
                        .arg(processed)
                        .arg(t.quarantined)};

    checks << Check{u"no unexpected error"_s, t.unexpectedCount == 0,
                    t.unexpectedCount == 0
                        ? u"none"_s
                        : u"%1, e.g. %2"_s.arg(t.unexpectedCount).arg(t.unexpected.join(u"; "_s))};
    return checks;
}

double percentile(QList<double> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size()))) - 1;
    return sorted[std::clamp<qsizetype>(rank, 0, sorted.size() - 1)];
}
// The 1, 5 and 15 minute load averages: the figures mean little on a machine already busy.
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}
} // namespace

bool LoadReport::passed() const
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const Check &c) { return c.passed; });
}

Status prepareLoad(Connection &owner, const LoadOptions &options)
{
    const int admins = adminCount(options.users);
    const int keyWorkers = std::max(1, options.users - admins);
    QList<std::pair<QString, QString>> logins{{exchangeLogin(), u"exchange"_s}};
    for (int i = 0; i < admins; ++i)
        logins.append({adminLogin(i), u"safeguarding-admin"_s});
    for (int i = 0; i < keyWorkers; ++i)
        logins.append({keyWorkerLogin(i), u"key-worker"_s});
    for (const auto &[login, role] : logins) {
        auto added = execute(owner, uR"(
            SELECT CASE WHEN $2 = 'exchange' THEN _add_exchange_login($1, NULL) -- as setup does
                        ELSE add_user($1, $2, $3, 'Load Team', NULL) END
            WHERE NOT EXISTS (SELECT 1 FROM worker WHERE login = $4))"_s,
                             {login, role, QString(u"Load user "_s + login), login});
        if (!added)
            return added.error();
    }
    // The load's key workers become every child's key worker, so requests go to real logins.
    auto moved = execute(owner, uR"(
        WITH kw AS (SELECT array_agg(id ORDER BY id) AS ids FROM worker WHERE login LIKE 'load.worker%')
        UPDATE involvement i SET worker_id = kw.ids[1 + i.person_id % cardinality(kw.ids)]
        FROM kw WHERE i.role = 'Key Worker' AND i.ended_on IS NULL)"_s);
    if (!moved)
        return moved.error();
    return success();
}

Result<LoadReport> runLoad(const ConnInfo &info, Connection &owner, const LoadOptions &options)
{
    QStringList nhsNumbers;
    auto numbers = execute(owner, uR"(
        SELECT p.nhs_number FROM person p
        WHERE p.nhs_number_status = 'recorded' AND p.nhs_number IS NOT NULL AND p.date_of_birth IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM person c WHERE c.mother_id = p.id)
        ORDER BY p.id LIMIT 500)"_s);
    if (!numbers)
        return numbers.error();
    for (const Row &row : *numbers)
        nhsNumbers << row.text("nhs_number");
    if (nhsNumbers.isEmpty())
        return Error{u"load.data"_s, u"The database has no children with NHS numbers."_s, {}, {}};
    auto deadlocksBefore = deadlocksSoFar(owner);
    auto began = queryValue(owner, u"SELECT clock_timestamp()"_s);
    if (!deadlocksBefore || !began)
        return (!deadlocksBefore ? deadlocksBefore.error() : began.error());

    Run run;
    run.info = info;
    const int admins = adminCount(options.users);
    const int keyWorkers = std::max(1, options.users - admins);
    std::vector<Tally> tallies(size_t(admins + keyWorkers + kExchanges));
    std::vector<std::thread> threads;
    run.clock.start();
    for (int i = 0; i < admins; ++i)
        threads.emplace_back(
            [&, i] { safeguardingAdmin(run, adminLogin(i), unsigned(i), tallies[size_t(i)]); });
    for (int i = 0; i < keyWorkers; ++i)
        threads.emplace_back(
            [&, i] { keyWorker(run, keyWorkerLogin(i), tallies[size_t(admins + i)]); });
    for (int i = 0; i < kExchanges; ++i)
        threads.emplace_back(
            [&, i] { exchange(run, i, nhsNumbers, tallies[size_t(admins + keyWorkers + i)]); });
    QThread::msleep(quint64(options.seconds) * 1000);
    run.stop = true;
    for (std::thread &thread : threads)
        thread.join();

    LoadReport report;
    report.seconds = double(run.clock.nsecsElapsed()) / 1e9;
    Tally all;
    for (const Tally &t : tallies)
        all.merge(t);
    report.latencies = all.latencies;
    report.refusals = all.refusals;
    // The users' connections are closed; their statistics reach pg_stat_database within a second.
    QThread::msleep(1500);
    auto checks = check(owner, all, *deadlocksBefore, began->dateTime());
    if (!checks)
        return checks.error();
    report.checks = *checks;
    return report;
}

QString formatReport(const LoadReport &report)
{
    QString out = u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(u"operation"_s, -34)
                      .arg(u"count"_s, 7)
                      .arg(u"per s"_s, 7)
                      .arg(u"p50 ms"_s, 8)
                      .arg(u"p95 ms"_s, 8)
                      .arg(u"p99 ms"_s, 8)
                      .arg(u"max ms"_s, 8);
    for (auto it = report.latencies.cbegin(); it != report.latencies.cend(); ++it) {
        QList<double> sorted = it.value();
        std::sort(sorted.begin(), sorted.end());
        out += u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(it.key(), -34)
                   .arg(sorted.size(), 7)
                   .arg(double(sorted.size()) / report.seconds, 7, 'f', 1)
                   .arg(percentile(sorted, 50), 8, 'f', 1)
                   .arg(percentile(sorted, 95), 8, 'f', 1)
                   .arg(percentile(sorted, 99), 8, 'f', 1)
                   .arg(sorted.isEmpty() ? 0.0 : sorted.last(), 8, 'f', 1);
    }
    for (auto it = report.refusals.cbegin(); it != report.refusals.cend(); ++it)
        out += u"refused as expected: %1: %2\n"_s.arg(it.key()).arg(it.value());
    out += u"machine: %1 cores, load average %2 at the end\n"_s.arg(QThread::idealThreadCount())
               .arg(loadAverage());
    for (const Check &c : report.checks)
        out += u"%1  %2 (%3)\n"_s.arg(c.passed ? u"PASS"_s : u"FAIL"_s, c.name, c.detail);
    return out;
}

} // namespace cpis::load
