#include "database_session.h"

namespace cpis::cli {

DatabaseSession DatabaseSession::open(const QCommandLineParser &parser)
{
    DatabaseSession session;
    auto ready = openAndMigrate(databaseChoice(parser));
    if (!ready)
        session.m_exitCode = exitFor(ready.error());
    else
        session.m_ready = std::move(*ready);
    return session;
}

DatabaseSession DatabaseSession::connect(const QCommandLineParser &parser)
{
    DatabaseSession session;
    auto db = openDatabase(databaseChoice(parser));
    if (!db)
        session.m_exitCode = exitFor(db.error());
    else
        session.m_ready.db = std::move(*db);
    return session;
}

} // namespace cpis::cli
