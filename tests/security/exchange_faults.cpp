#include "security/exchange_faults.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace cpis::test {

QStringList deliverNotifications(ExchangeWorld &x, int count, const QString &tag)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids << x.deliver(accessNotification(u"%1-%2"_s.arg(tag).arg(i)));
    return ids;
}

int storedCopies(ExchangeWorld &x, const QString &meshId)
{
    return x.count(u"SELECT count(*) FROM inbound_message WHERE mesh_message_id = $1"_s, {meshId});
}

void requireEachProcessedOnce(ExchangeWorld &x, const QStringList &ids, int stepsBefore)
{
    const QStringList acknowledged = x.mesh.acknowledgedIds();
    for (const QString &id : ids) {
        INFO("MESH message " << id.toStdString());
        CHECK(storedCopies(x, id) == 1);
        CHECK(
            x.count(
                u"SELECT count(*) FROM inbound_message WHERE mesh_message_id = $1 AND status = 'processed'"_s,
                {id}) == 1);
        CHECK(acknowledged.count(id) == 1);
    }
    CHECK(x.count(u"SELECT count(*) FROM work_step"_s) == stepsBefore + ids.size());
    CHECK(x.mesh.inboxIds(kMeshMailbox).isEmpty());
}

} // namespace cpis::test
