// A case world with the exchange configured against a fresh loopback MESH server: for the
// exchange's own tests, the monitor's, and the exchange service run as a process.
#pragma once

#include "cpis/exchange.h"
#include "support/case_world.h"
#include "support/mesh_server.h"
#include "support/sample_notification.h"

namespace cpis::test {

inline const QByteArray kMeshSecret = "environment-shared-secret";
inline const QString kMeshMailbox = QStringLiteral("LA001OT");
inline const QString kMeshPassword = QStringLiteral("mailbox-password");
inline const QString kCpisMailbox = QStringLiteral("CPIS01HC");

struct ExchangeWorld
{
    TestDatabase db;
    CaseWorld world{db};
    MeshServer mesh{kMeshSecret};
    std::unique_ptr<Connection> exchangeLogin;

    ExchangeWorld();
    // The same on another server (a loopback one that a test stops and starts).
    explicit ExchangeWorld(const ConnInfo &server);

    // Puts a CP-IS message in our MESH inbox; returns its MESH id.
    QString deliver(const QByteArray &body, const QString &meshId = {});
    Result<ExchangeReport> run();
    int count(const QString &sql, const QVariantList &params = {});
    // A connection string for a program (cpisctl) signing in as `login`.
    [[nodiscard]] QString conninfoAs(const QString &login) const;

private:
    void configure();
};

} // namespace cpis::test
