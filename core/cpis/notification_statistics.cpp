#include "cpis/notification_statistics.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<QList<NotificationDay>> loadNotificationStatistics(Connection &connection, int days,
                                                          const QDate &lastDay)
{
    auto rows = callService(
        connection,
        u"SELECT day, received_ae, received_dhu_111, in_time, late, still_open "
        u"FROM notification_statistics(?, ?::date)"_s,
        {days, lastDay.isValid() ? QVariant(lastDay) : QVariant(QMetaType::fromType<QDate>())});
    if (!rows)
        return rows.error();
    QList<NotificationDay> result;
    while (rows->next()) {
        result.append({rows->value(0).toDate(), rows->value(1).toInt(), rows->value(2).toInt(),
                       rows->value(3).toInt(), rows->value(4).toInt(), rows->value(5).toInt()});
    }
    return result;
}

} // namespace cpis
