// A small, known world in a fresh test database: users of every role (real login roles),
// a child with a key worker and a plan, and an incoming CPIS Follow Up step.
#pragma once

#include "support/test_database.h"

#include <catch2/catch.hpp>

#include <memory>

namespace cpis::test {

class CaseWorld
{
public:
    explicit CaseWorld(TestDatabase &db, const QString &source = QStringLiteral("ae"));

    // Logins are unique per world: roles are shared by every database on the test cluster.
    struct User
    {
        QString login;
        int workerId = 0;
    };
    User admin, otherAdmin, keyWorker, otherKeyWorker, manager, sysadmin, exchange;
    int cpisWorkerId = 0;
    qint64 childId = 0;
    qint64 stepId = 0;

    // A connection logged in as that user, as the client would be.
    std::unique_ptr<Connection> connectAs(const User &user) const;
    std::unique_ptr<Connection> connectAs(const QString &login) const;

    // Another incoming step for the child.
    qint64 addStep(const QString &source = QStringLiteral("ae"));

private:
    User addUser(const QString &name, const QString &role, const QString &team);
    TestDatabase &m_db;
    QString m_tag;
    int m_users = 0;
};

// Unwraps a Result in a test: fails the test with the error's message.
template<typename T> T require(Result<T> result)
{
    if (!result)
        FAIL(result.error().message.toStdString());
    return std::move(result).value();
}

} // namespace cpis::test
