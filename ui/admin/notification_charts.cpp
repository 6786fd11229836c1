#include "admin/notification_charts.h"

#include "display.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
struct Line
{
    QString name;
    std::function<int(const NotificationDay &)> value;
    QColor colour;
    Qt::PenStyle style; // lines differ by more than colour
};

// The chart, its axes and one series per line are made once; setDays() replaces the points.
QChartView *makeView(const QString &objectName, const QString &title, const QList<Line> &lines,
                     QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // dashes show, not only colour
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(u"dd MMM"_s);
    x->setTickCount(7);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(u"%d"_s);
    y->setTitleText(NotificationCharts::tr("per day"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const Line &line : lines) {
        auto *series = new QLineSeries(chart);
        series->setName(line.name);
        QPen pen(line.colour);
        pen.setWidthF(2.0);
        pen.setStyle(line.style);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setAccessibleName(title);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

void fill(QChart *chart, const QList<NotificationDay> &days, const QList<Line> &lines)
{
    int highest = 0;
    const QList<QAbstractSeries *> series = chart->series();
    for (qsizetype i = 0; i < lines.size() && i < series.size(); ++i) {
        QList<QPointF> points;
        points.reserve(days.size());
        for (const NotificationDay &d : days) {
            // Noon, so that a day's point never slips to the next day in any time zone.
            const int value = lines.at(i).value(d);
            points.append({static_cast<qreal>(QDateTime(d.day, QTime(12, 0)).toMSecsSinceEpoch()),
                           static_cast<qreal>(value)});
            highest = std::max(highest, value);
        }
        static_cast<QLineSeries *>(series.at(i))->replace(points);
    }
    auto *x = static_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).value(0));
    auto *y = static_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    if (!days.isEmpty())
        x->setRange(QDateTime(days.first().day, QTime(0, 0)),
                    QDateTime(days.last().day, QTime(23, 59)));
    y->setRange(0, std::max(4, highest + 1));
    y->setTickCount(5);
    y->applyNiceNumbers();
}

QList<Line> receivedLines()
{
    const ChartColours colours = Display::chartColours();
    return {
        {Display::source(u"ae"_s), &NotificationDay::ae, colours.ae, Qt::SolidLine},
        {Display::source(u"dhu_111"_s), &NotificationDay::dhu111, colours.dhu111, Qt::DashLine}};
}

QList<Line> handledLines()
{
    const ChartColours colours = Display::chartColours();
    return {{NotificationCharts::tr("In time"), &NotificationDay::inTime, colours.inTime,
             Qt::SolidLine},
            {NotificationCharts::tr("Late"), &NotificationDay::late, colours.late, Qt::DashLine},
            {NotificationCharts::tr("Still open"), &NotificationDay::stillOpen, colours.stillOpen,
             Qt::DotLine}};
}
} // namespace

NotificationCharts::NotificationCharts(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"notificationCharts"_s);
    m_received = makeView(u"receivedChart"_s, tr("Notifications received per day, by source"),
                          receivedLines(), this);
    m_handled = makeView(u"handledChart"_s, tr("How each day's notifications were handled"),
                         handledLines(), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"chartsSummary"_s);
    m_summary->setWordWrap(true);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_received, 0, 0);
    layout->addWidget(m_handled, 0, 1);
    layout->addWidget(m_summary, 1, 0, 1, 2);
    setDays({});
}

void NotificationCharts::setDays(const QList<NotificationDay> &days)
{
    m_days = days;
    fill(m_received->chart(), days, receivedLines());
    fill(m_handled->chart(), days, handledLines());
    m_summary->setText(summary(days));
}

QString NotificationCharts::summary(const QList<NotificationDay> &days)
{
    NotificationDay total;
    for (const NotificationDay &d : days) {
        total.ae += d.ae;
        total.dhu111 += d.dhu111;
        total.inTime += d.inTime;
        total.late += d.late;
        total.stillOpen += d.stillOpen;
    }
    if (days.isEmpty())
        return tr("No notification figures yet.");
    return tr("Last %1 days (%2 to %3): notifications received: %4 (%5 %6, %7 %8). "
              "Handled in time: %9 · late: %10 · still open: %11.")
        .arg(days.size())
        .arg(Display::date(days.first().day), Display::date(days.last().day))
        .arg(total.received())
        .arg(Display::source(u"ae"_s))
        .arg(total.ae)
        .arg(Display::source(u"dhu_111"_s))
        .arg(total.dhu111)
        .arg(total.inTime)
        .arg(total.late)
        .arg(total.stillOpen);
}

} // namespace cpis::ui
