// One database connection, opened by Qt Sql's QPSQL driver. Statements go through execute()
// (db/rows.h), which sends values as parameters: SQL is never built from data.
#pragma once

#include "db/conn_info.h"
#include "result.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QVariantList>

#include <memory>

struct pg_conn;

namespace cpis {

class Connection final
{
    Q_DISABLE_COPY_MOVE(Connection)

public:
    // How long a connection attempt may take before it fails, unless the settings say.
    static constexpr int kConnectTimeoutSeconds = 10;
    // Connects on the calling thread; the connection may only be used from that thread.
    // Connection and keepalive limits are added (withNetworkLimits); connInfo() stays `info`.
    static Result<std::unique_ptr<Connection>> open(const ConnInfo &info);
    // `info` with a connect timeout, TCP keepalives and a TCP user timeout, each unless
    // `info` (or, for the connect timeout, PGCONNECT_TIMEOUT in `env`) already sets it.
    static ConnInfo withNetworkLimits(const ConnInfo &info, const QProcessEnvironment &env);
    ~Connection();

    // Several statements, no parameters: for migration files shipped with the program.
    Status execScript(const QString &sql);
    // COPY ... TO STDOUT: everything the server sends, in the COPY format asked for.
    Result<QByteArray> copyOut(const QString &sql);
    // COPY ... FROM STDIN with `data` in the COPY format asked for: the rows loaded.
    Result<qint64> copyIn(const QString &sql, const QByteArray &data);

    [[nodiscard]] const ConnInfo &connInfo() const { return m_info; }
    // False once the server or the network has dropped the connection (as last seen by libpq).
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QString currentUser();
    [[nodiscard]] QString serverVersion(); // e.g. "15.18"
    // libpq's own handle, for what Qt Sql cannot do (COPY, cancel). core/db only.
    [[nodiscard]] pg_conn *nativeHandle() const;

    static Error errorFrom(const QSqlError &error, const QString &context);

private:
    friend class ChangeListener; // LISTEN goes through Qt's driver
    Connection(QString name, ConnInfo info);
    // Qt's handle: core/db only, so nothing outside reads results by position through it.
    [[nodiscard]] QSqlDatabase database() const;

    QString m_name;
    ConnInfo m_info;
};

// Rolls back unless commit() succeeded.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(Connection &connection);
    ~Transaction();

    [[nodiscard]] bool started() const { return !m_beginError; }
    [[nodiscard]] const Error &beginError() const { return *m_beginError; }
    Status commit();

private:
    Connection &m_connection;
    std::optional<Error> m_beginError;
    bool m_open = false;
};

} // namespace cpis
