// The charts' figures: per day, the CP-IS notifications received by source and how their
// steps were handled against the handling time.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDate>
#include <QList>

namespace cpis {

struct NotificationDay
{
    QDate day; // a Europe/London day
    int ae = 0;
    int dhu111 = 0;
    int inTime = 0;    // finished by the due time
    int late = 0;      // finished after it
    int stillOpen = 0; // not finished yet
    [[nodiscard]] int received() const { return ae + dhu111; }
};

// One row per day, oldest first, ending on `lastDay` (today in England when null); days
// with no notifications are there with zeros. System administrators only.
Result<QList<NotificationDay>> loadNotificationStatistics(Connection &connection, int days = 90,
                                                          const QDate &lastDay = {});

} // namespace cpis
