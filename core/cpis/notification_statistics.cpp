#include "cpis/notification_statistics.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<QList<NotificationDay>> loadNotificationStatistics(Connection &connection, int days,
                                                          const QDate &lastDay)
{
    auto rows = execute(
        connection,
        u"SELECT day, received_ae, received_dhu_111, in_time, late, still_open "
        u"FROM notification_statistics($1, $2::date)"_s,
        {days, lastDay.isValid() ? QVariant(lastDay) : QVariant(QMetaType::fromType<QDate>())});
    if (!rows)
        return rows.error();
    QList<NotificationDay> result;
    for (const Row &d : *rows) {
        result.append({d.date("day"), int(d.integer("received_ae")),
                       int(d.integer("received_dhu_111")), int(d.integer("in_time")),
                       int(d.integer("late")), int(d.integer("still_open"))});
    }
    return result;
}

} // namespace cpis
