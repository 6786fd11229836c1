#include "database_session.h"

namespace cpis::cli {

bool DatabaseSession::choose(const QCommandLineParser &parser)
{
    auto choice = databaseChoice(parser);
    if (!choice) {
        m_exitCode = exitFor(choice.error());
        return false;
    }
    m_choice = *choice;
    return true;
}

DatabaseSession DatabaseSession::open(const QCommandLineParser &parser)
{
    DatabaseSession session;
    if (!session.choose(parser))
        return session;
    auto ready = openAndMigrate(session.m_choice);
    if (!ready)
        session.m_exitCode = exitFor(ready.error());
    else
        session.m_ready = std::move(*ready);
    return session;
}

DatabaseSession DatabaseSession::connect(const QCommandLineParser &parser)
{
    DatabaseSession session;
    if (!session.choose(parser))
        return session;
    auto db = openDatabase(session.m_choice);
    if (!db)
        session.m_exitCode = exitFor(db.error());
    else
        session.m_ready.db = std::move(*db);
    return session;
}

} // namespace cpis::cli
