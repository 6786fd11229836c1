// Owns the client's database connection on a thread of its own, so that the GUI thread
// never waits on the database. Requests go in by queued call; answers come back by signal.
#pragma once

#include "db/database_choice.h"
#include "result.h"

#include <QObject>

#include <optional>

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

class DatabaseWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseWorker)

public:
    explicit DatabaseWorker(QObject *parent = nullptr);
    ~DatabaseWorker() override;

public slots:
    void open(const cpis::DatabaseChoice &choice);

signals:
    void opened(const cpis::ConnectionSummary &summary);
    void failed(const cpis::Error &error);

private:
    std::optional<ReadyDatabase> m_db;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::DatabaseChoice)
Q_DECLARE_METATYPE(cpis::ConnectionSummary)
Q_DECLARE_METATYPE(cpis::Error)
