#include "db/database_worker.h"
#include "db/rows.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr int kDefaultHeartbeatMs = 3000;
} // namespace

DatabaseWorker::DatabaseWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cpis::DatabaseChoice>();
    qRegisterMetaType<cpis::ConnectionSummary>();
    qRegisterMetaType<cpis::Error>();
    qRegisterMetaType<cpis::SignIn>();
}

DatabaseWorker::~DatabaseWorker() = default;

Status DatabaseWorker::limitInteractiveWork(Connection &connection)
{
    // set_config, not SET: the values go as parameters, as every value does.
    auto limited = execute(connection,
                           u"SELECT set_config('lock_timeout', $1, false), "
                           u"set_config('statement_timeout', $2, false)"_s,
                           {QString::number(kLockTimeoutMs), QString::number(kStatementTimeoutMs)});
    if (!limited)
        return limited.error();
    return success();
}

int DatabaseWorker::backoffMs(int attempt)
{
    return 250 << std::clamp(attempt, 0, 5);
}

void DatabaseWorker::setHeartbeatInterval(int ms)
{
    if (!m_heartbeat) {
        m_heartbeat = new QTimer(this);
        connect(m_heartbeat, &QTimer::timeout, this, &DatabaseWorker::heartbeat);
    }
    m_heartbeat->setInterval(ms);
}

void DatabaseWorker::close()
{
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_heartbeat)
        m_heartbeat->stop();
    m_listener.reset();
    m_connection.reset();
    m_lost = false;
}

void DatabaseWorker::open(const DatabaseChoice &choice, const SignIn &signIn)
{
    close();
    m_choice = choice;
    DatabaseChoice effective = choice;
    if (!choice.isEmbedded() && !signIn.login.isEmpty()) {
        auto info = ConnInfo::parse(choice.conninfo);
        if (!info) {
            emit failed(info.error());
            return;
        }
        info->set(u"user"_s, signIn.login);
        if (!signIn.password.isEmpty())
            info->set(u"password"_s, signIn.password);
        effective.conninfo = info->toKeywordValueString();
    }
    auto ready = openAndMigrate(effective);
    if (!ready) {
        emit failed(ready.error());
        return;
    }
    const ConnectionSummary summary{ready->db.where,           ready->db.user,
                                    ready->db.serverVersion,   ready->schema.current,
                                    ready->schema.latestKnown, ready->readOnly()};
    m_connection = std::move(ready->db.connection);
    m_info = m_connection->connInfo();
    if (choice.isEmbedded() && !signIn.login.isEmpty() && signIn.login != summary.user) {
        m_summaryBeforeSwitch = summary;
        switchUser(signIn.login);
        return;
    }
    started(summary);
}

void DatabaseWorker::switchUser(const QString &login)
{
    ConnInfo info = m_info;
    info.set(u"user"_s, login);
    auto connection = Connection::open(info);
    if (!connection) {
        emit failed(connection.error());
        return;
    }
    m_listener.reset();
    m_connection = std::move(*connection);
    m_info = info;
    ConnectionSummary summary = m_summaryBeforeSwitch.value_or(ConnectionSummary{});
    summary.user = m_connection->currentUser();
    started(summary);
}

void DatabaseWorker::started(const ConnectionSummary &summary)
{
    m_summaryBeforeSwitch = summary;
    m_readOnly = summary.readOnly;
    if (auto limited = limitInteractiveWork(*m_connection); !limited) {
        emit failed(limited.error());
        return;
    }
    if (m_readOnly) {
        if (auto done = makeSessionReadOnly(*m_connection); !done) {
            emit failed(done.error());
            return;
        }
    }
    if (auto listening = startListening(); !listening)
        qWarning("cpis: live updates are off: %s", qUtf8Printable(listening.error().message));
    if (!m_heartbeat)
        setHeartbeatInterval(kDefaultHeartbeatMs);
    m_heartbeat->start();
    emit opened(summary);
}

Status DatabaseWorker::startListening()
{
    m_listener = std::make_unique<ChangeListener>();
    connect(m_listener.get(), &ChangeListener::changed, this, &DatabaseWorker::changed);
    return m_listener->listen(m_info);
}

Error DatabaseWorker::unreachable() const
{
    return Error{u"db.unreachable"_s,
                 m_lost ? u"The connection to the case database is lost; reconnecting."_s
                        : u"Not connected to the case database."_s,
                 {},
                 u"Nothing you typed is lost: it is saved when the connection is back."_s};
}

bool DatabaseWorker::connectionIsBroken() const
{
    return !m_connection || !m_connection->isOpen();
}

std::optional<Error> DatabaseWorker::checkLost(const Error &error)
{
    if (error.code != u"db.unreachable"_s && !connectionIsBroken())
        return std::nullopt;
    markLost(error);
    Error e = unreachable();
    if (!error.message.isEmpty())
        e.message += u" ("_s + error.message + u')';
    return e;
}

void DatabaseWorker::markLost(const Error &error)
{
    if (m_lost)
        return;
    m_lost = true;
    m_listener.reset();
    m_connection.reset();
    if (m_heartbeat)
        m_heartbeat->stop();
    emit connectionLost(error);
    m_attempt = 0;
    if (!m_reconnectTimer) {
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        connect(m_reconnectTimer, &QTimer::timeout, this, &DatabaseWorker::tryReconnect);
    }
    m_reconnectTimer->start(backoffMs(m_attempt));
}

void DatabaseWorker::tryReconnect()
{
    auto connection = Connection::open(m_info);
    if (!connection && m_choice.isEmbedded()) {
        // The embedded server may have stopped: start it again, then connect as before.
        if (auto started = openDatabase(m_choice))
            connection = Connection::open(m_info);
    }
    if (!connection) {
        m_reconnectTimer->start(backoffMs(++m_attempt));
        return;
    }
    m_connection = std::move(*connection);
    (void)limitInteractiveWork(*m_connection); // a failure here shows at the next statement
    if (m_readOnly)
        (void)makeSessionReadOnly(*m_connection);
    if (auto listening = startListening(); !listening)
        qWarning("cpis: live updates are off: %s", qUtf8Printable(listening.error().message));
    m_lost = false;
    m_heartbeat->start();
    emit connectionRestored();
}

void DatabaseWorker::heartbeat()
{
    if (!m_connection)
        return;
    if (auto alive = execute(*m_connection, u"SELECT 1"_s); !alive)
        (void)checkLost(alive.error());
}

DatabaseThread::DatabaseThread(QObject *parent) : QObject(parent)
{
    m_worker = new DatabaseWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DatabaseWorker::opened, this, [this](const ConnectionSummary &summary) {
        m_connected = true;
        emit opened(summary);
    });
    connect(m_worker, &DatabaseWorker::failed, this, [this](const Error &error) {
        m_connected = false;
        emit failed(error);
    });
    connect(m_worker, &DatabaseWorker::connectionLost, this, [this](const Error &error) {
        m_connected = false;
        emit connectionLost(error);
    });
    connect(m_worker, &DatabaseWorker::connectionRestored, this, [this] {
        m_connected = true;
        emit connectionRestored();
    });
    connect(m_worker, &DatabaseWorker::changed, this, &DatabaseThread::changed);
    m_thread.setObjectName(u"database"_s);
    m_thread.start();
}

DatabaseThread::~DatabaseThread()
{
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseThread::open(const DatabaseChoice &choice, const SignIn &signIn)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, choice, signIn] { worker->open(choice, signIn); },
        Qt::QueuedConnection);
}

void DatabaseThread::switchUser(const QString &login)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, login] { worker->switchUser(login); }, Qt::QueuedConnection);
}

void DatabaseThread::setPassword(const QString &password)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, password] { worker->setPassword(password); },
        Qt::QueuedConnection);
}

void DatabaseWorker::setPassword(const QString &password)
{
    m_info.set(u"password"_s, password);
}

void DatabaseThread::setHeartbeatInterval(int ms)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ms] { worker->setHeartbeatInterval(ms); },
        Qt::QueuedConnection);
}

} // namespace cpis
