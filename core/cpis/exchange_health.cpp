#include "cpis/exchange_health.h"

#include "db/rows.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
QDateTime inUk(const QDateTime &at)
{
    return at.toTimeZone(QTimeZone("Europe/London"));
}
} // namespace

Result<ExchangeHealth> ExchangeHealth::load(Connection &connection, const QDateTime &at)
{
    auto rows = at.isValid() ? execute(connection, u"SELECT * FROM exchange_health($1)"_s, {at})
                             : execute(connection, u"SELECT * FROM exchange_health()"_s);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{u"db.error"_s, tr("The exchange's health could not be read."), {}, {}};
    const Row row = (*rows)[0];
    ExchangeHealth health;
    health.configured = row.boolean("configured");
    health.stalled = row.boolean("stalled");
    health.uploadsFailing = row.boolean("uploads_failing");
    health.lastSuccess = row.dateTime("last_success");
    health.missedRun = row.dateTime("missed_run");
    health.nextRun = row.dateTime("next_run");
    health.checkedAt = row.dateTime("checked_at");
    return health;
}

QString ExchangeHealth::when(const QDateTime &at) const
{
    const QDateTime uk = inUk(at);
    const QString time = uk.toString(u"HH:mm"_s);
    const qint64 days = inUk(checkedAt).date().daysTo(uk.date());
    if (days == 0)
        return tr("%1 today").arg(time);
    if (days == -1)
        return tr("%1 yesterday").arg(time);
    if (days == 1)
        return tr("%1 tomorrow").arg(time);
    return tr("%1 on %2").arg(time, uk.toString(u"dd/MM/yyyy"_s));
}

QString ExchangeHealth::sameDayWhen(const QDateTime &at) const
{
    return inUk(at).date() == inUk(checkedAt).date() ? inUk(at).toString(u"HH:mm"_s) : when(at);
}

QString ExchangeHealth::lastRun() const
{
    return lastSuccess.isValid() ? tr("last successful run at %1").arg(when(lastSuccess))
                                 : tr("no successful run yet");
}

QString ExchangeHealth::statusLine() const
{
    if (!configured)
        return tr("CP-IS exchange: not set up yet");
    return tr("CP-IS exchange: %1; next at %2").arg(lastRun(), sameDayWhen(nextRun));
}

QString ExchangeHealth::summary() const
{
    if (!stalled)
        return statusLine();
    const QString now = inUk(checkedAt).toString(u"HH:mm"_s);
    if (inUk(missedRun).date() == inUk(checkedAt).date())
        return tr("CP-IS exchange: %1; the %2 run has not succeeded (it is %3)")
            .arg(lastRun(), inUk(missedRun).toString(u"HH:mm"_s), now);
    return tr("CP-IS exchange: %1; the run at %2 has not succeeded (it is %3)")
        .arg(lastRun(), when(missedRun), now);
}

QString ExchangeHealth::uploadsFailingText()
{
    return tr("CP-IS uploads are not being sent: see the alert \"CP-IS upload not sent\" (or \"not "
              "valid\") and Administration → Exchange monitor. Notifications are still "
              "collected.");
}

QString ExchangeHealth::checkLine() const
{
    QStringList parts{summary()};
    if (stalled)
        parts << tr("notifications from CP-IS are not being collected");
    if (uploadsFailing)
        parts << tr("uploads to CP-IS are not being sent (see the CP-IS upload alerts)");
    return parts.join(u"; "_s);
}

} // namespace cpis
