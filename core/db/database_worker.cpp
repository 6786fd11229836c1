#include "db/database_worker.h"

namespace cpis {

DatabaseWorker::DatabaseWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cpis::DatabaseChoice>();
    qRegisterMetaType<cpis::ConnectionSummary>();
    qRegisterMetaType<cpis::Error>();
}

DatabaseWorker::~DatabaseWorker() = default;

void DatabaseWorker::open(const DatabaseChoice &choice)
{
    m_db.reset();
    auto ready = openAndMigrate(choice);
    if (!ready) {
        emit failed(ready.error());
        return;
    }
    m_db.emplace(std::move(*ready));
    emit opened({m_db->db.where, m_db->db.user, m_db->db.serverVersion, m_db->schema.current,
                 m_db->schema.latestKnown, m_db->readOnly()});
}

} // namespace cpis
