// The single path from the GUI to the database: a worker object on a thread of its own owns
// the client's connection and its change listener, so the GUI thread never waits on the
// database. Jobs go in by queued call; results come back to a context object on the GUI
// thread, and are dropped when that object is gone.
#pragma once

#include "db/change_listener.h"
#include "db/database_choice.h"
#include "db/job_cancellation.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace cpis {

struct ConnectionSummary
{
    QString where;
    QString user;
    QString serverVersion;
    int schemaVersion = 0;
    int latestKnownSchema = 0;
    bool readOnly = false;
};

// Who to be once connected. Embedded: the owner migrates, then the client reconnects as
// `login` (the embedded cluster trusts its socket). A server: `login` and `password` go in
// the connection string (in memory only). An empty login keeps the connection's own user.
struct SignIn
{
    QString login;
    QString password;
};

// Lives on the database thread.
class DatabaseWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseWorker)

public:
    explicit DatabaseWorker(QObject *parent = nullptr);
    ~DatabaseWorker() override;

    // Runs a job on the open connection. A lost connection (now or found by the job) gives
    // an error with code "db.unreachable" and starts reconnecting. A job cancelled (see
    // jobs()) before it ends gives an error with code "cancelled".
    template<typename T>
    Result<T> run(const std::function<Result<T>(Connection &)> &job, JobId id = 0)
    {
        if (!m_connection)
            return unreachable();
        if (!m_jobs.begin(id, m_connection->nativeHandle()))
            return JobCancellation::cancelled();
        Result<T> result = job(*m_connection);
        const bool cancelled = m_jobs.end(id);
        if (!result.ok()) {
            if (cancelled && !connectionIsBroken())
                return JobCancellation::cancelled();
            if (auto lost = checkLost(result.error()))
                return *lost;
        }
        return result;
    }

    // Limits on the client's own statements, so that one stuck behind another session's
    // lock, or a query that runs away, fails in words instead of freezing a window. The
    // exchange and the migrator use connections of their own and keep the server's settings.
    static constexpr int kLockTimeoutMs = 10000;
    static constexpr int kStatementTimeoutMs = 120000;
    static Status limitInteractiveWork(Connection &connection);

    // The pause before the n-th reconnection attempt (0-based): 250 ms doubling to 8 s.
    static int backoffMs(int attempt);
    // How often an idle client checks that the database is still there.
    void setHeartbeatInterval(int ms);
    // Safe to use from any thread.
    JobCancellation &jobs() { return m_jobs; }

public slots:
    void open(const cpis::DatabaseChoice &choice, const cpis::SignIn &signIn = {});
    // Connects again as `login` on the same database (embedded sign-in).
    void switchUser(const QString &login);
    // The signed-in user chose a new password: reconnecting uses it from now on.
    void setPassword(const QString &password);
    void close();

signals:
    void opened(const cpis::ConnectionSummary &summary);
    void failed(const cpis::Error &error);
    void connectionLost(const cpis::Error &error);
    void connectionRestored();
    void changed(const QString &kind, qint64 id);

private:
    Error unreachable() const;
    std::optional<Error> checkLost(const Error &error);
    bool connectionIsBroken() const;
    void markLost(const Error &error);
    void tryReconnect();
    void heartbeat();
    Status startListening();
    void started(const ConnectionSummary &summary);

    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ChangeListener> m_listener;
    JobCancellation m_jobs;
    ConnInfo m_info; // what we connected with, for reconnecting
    DatabaseChoice m_choice;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_heartbeat = nullptr;
    std::optional<ConnectionSummary> m_summaryBeforeSwitch;
    int m_attempt = 0;
    bool m_lost = false;
    bool m_readOnly = false;
};

// The GUI thread's handle on the worker: owns its thread, forwards its signals.
class DatabaseThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseThread)

public:
    explicit DatabaseThread(QObject *parent = nullptr);
    ~DatabaseThread() override;

    void open(const DatabaseChoice &choice, const SignIn &signIn = {});
    void switchUser(const QString &login);
    // The signed-in user chose a new password: reconnecting uses it from now on.
    void setPassword(const QString &password);
    void setHeartbeatInterval(int ms);
    [[nodiscard]] bool isConnected() const { return m_connected; }

    // Runs `job` on the database thread, then `callback` on this (GUI) thread, unless
    // `context` has been destroyed by then. The id is for cancel().
    template<typename T>
    JobId submit(QObject *context, std::function<Result<T>(Connection &)> job,
                 std::function<void(Result<T>)> callback)
    {
        QPointer<QObject> guard(context);
        DatabaseThread *self = this; // outlives the thread: its destructor waits for it
        DatabaseWorker *worker = m_worker;
        const JobId id = m_worker->jobs().nextId();
        QMetaObject::invokeMethod(
            m_worker,
            [worker, self, guard, id, job = std::move(job), callback = std::move(callback)] {
                auto result = std::make_shared<Result<T>>(worker->run<T>(job, id));
                // The context is checked on the GUI thread, where it lives.
                QMetaObject::invokeMethod(
                    self,
                    [guard, callback, result] {
                        if (guard)
                            callback(std::move(*result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
        return id;
    }

    // Cancels a job submitted before: its callback gets an error with code "cancelled",
    // unless the job had already finished.
    void cancel(JobId id) { m_worker->jobs().cancel(id); }

signals:
    void opened(const cpis::ConnectionSummary &summary);
    void failed(const cpis::Error &error);
    void connectionLost(const cpis::Error &error);
    void connectionRestored();
    void changed(const QString &kind, qint64 id);

private:
    QThread m_thread;
    DatabaseWorker *m_worker = nullptr; // lives on m_thread
    bool m_connected = false;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::DatabaseChoice)
Q_DECLARE_METATYPE(cpis::ConnectionSummary)
Q_DECLARE_METATYPE(cpis::Error)
Q_DECLARE_METATYPE(cpis::SignIn)
