#include "support/exchange_world.h"

#include "config/config_store.h"
#include "db/rows.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpis::test {

void configureSendingAuthority(Connection &owner)
{
    for (const auto &[key, value] :
         {std::pair{u"cpis.authority_ods"_s, u"X99LA"_s},
          std::pair{u"cpis.authority_name"_s, u"Northbrook County Council"_s},
          std::pair{u"cpis.phone_office_hours"_s, u"01632 960000"_s},
          std::pair{u"cpis.phone_out_of_hours"_s, u"01632 960999"_s}}) {
        INFO(key.toStdString());
        REQUIRE(execute(owner, uR"(
            INSERT INTO config (key, value) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value)"_s,
                        {key, value})
                    .ok());
    }
}

QByteArray misbehavingNotification(const QString &label)
{
    QByteArray body = accessNotification(label);
    const QByteArray id = notificationUuid(label).toLatin1();
    REQUIRE(body.contains(id));
    return body.replace(id, QByteArray(5000, 'X'));
}

ExchangeWorld::ExchangeWorld()
{
    configure();
}

ExchangeWorld::ExchangeWorld(const ConnInfo &server) : db(server, TestDatabase::Schema::Migrated)
{
    configure();
}

void ExchangeWorld::configure()
{
    configureSendingAuthority(db.connection());
    const QUrl url = mesh.start();
    mesh.addMailbox(kMeshMailbox, kMeshPassword);
    mesh.addMailbox(kCpisMailbox, u"cpis-password"_s);
    auto sysadmin = world.connectAs(world.sysadmin);
    ConfigStore config(*sysadmin);
    for (const auto &[key, value] :
         {std::pair{u"mesh.url"_s, url.toString()}, std::pair{u"mesh.mailbox"_s, kMeshMailbox},
          std::pair{u"mesh.password"_s, kMeshPassword},
          std::pair{u"mesh.shared_secret"_s, QString::fromLatin1(kMeshSecret)},
          std::pair{u"mesh.cpis_mailbox"_s, kCpisMailbox},
          std::pair{u"mesh.workflow_upload"_s, u"CPIS_UPLOAD"_s}}) {
        INFO(key.toStdString());
        REQUIRE(config.set(key, value).ok());
    }
    exchangeLogin = world.connectAs(world.exchange);
}

QString ExchangeWorld::deliver(const QByteArray &body, const QString &meshId)
{
    MeshMessage message;
    message.id = meshId;
    message.messageType = u"DATA"_s;
    message.workflowId = u"CPIS_ASN"_s;
    message.sender = kCpisMailbox;
    message.body = body;
    return mesh.putInbox(kMeshMailbox, message);
}

Result<ExchangeReport> ExchangeWorld::run()
{
    return Exchange(*exchangeLogin).runOnce();
}

int ExchangeWorld::count(const QString &sql, const QVariantList &params)
{
    return require(queryValue(db.connection(), sql, params)).integer();
}

void ExchangeWorld::setConfig(const QString &key, const QString &value)
{
    INFO(key.toStdString());
    REQUIRE(ConfigStore(*world.connectAs(world.sysadmin)).set(key, value).ok());
}

QString ExchangeWorld::conninfoAs(const QString &login) const
{
    ConnInfo info = db.connInfo();
    info.set(u"user"_s, login);
    return info.toKeywordValueString();
}

} // namespace cpis::test
