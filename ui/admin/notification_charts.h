// The data-quality view's two charts over the last days: notifications received per day by
// source, and how their steps were handled against the handling time, with the totals in words.
#pragma once

#include "cpis/notification_statistics.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace cpis::ui {

class NotificationCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCharts)

public:
    explicit NotificationCharts(QWidget *parent = nullptr);

    void setDays(const QList<NotificationDay> &days);
    [[nodiscard]] const QList<NotificationDay> &days() const { return m_days; }

    // The totals the charts show, as a sentence (also for those who cannot read the charts).
    static QString summary(const QList<NotificationDay> &days);

private:
    QChartView *m_received = nullptr;
    QChartView *m_handled = nullptr;
    QLabel *m_summary = nullptr;
    QList<NotificationDay> m_days;
};

} // namespace cpis::ui
