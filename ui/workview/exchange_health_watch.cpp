#include "workview/exchange_health_watch.h"

#include "kit/message_banner.h"

#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cpis::ui {

ExchangeHealthWatch::ExchangeHealthWatch(DatabaseThread *database, QWidget *parent)
    : QObject(parent), m_database(database),
      m_banner(new MessageBanner(u"exchangeStalledBanner"_s, parent)),
      m_uploadsBanner(new MessageBanner(u"exchangeUploadsBanner"_s, parent)),
      m_statusLine(new QLabel(parent)), m_timer(new QTimer(this))
{
    m_statusLine->setObjectName(u"exchangeStatus"_s);
    m_statusLine->hide();
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ExchangeHealthWatch::refresh);
    // An exchange finished or was asked for, or the schedule changed.
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (kind == u"exchange"_s || kind == u"config"_s)
            refresh();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &ExchangeHealthWatch::refresh);
}

void ExchangeHealthWatch::start()
{
    m_watching = true;
    m_timer->start();
    refresh();
}

void ExchangeHealthWatch::stop()
{
    m_watching = false;
    m_timer->stop();
    m_health.reset();
    m_banner->hide();
    m_uploadsBanner->hide();
    m_statusLine->hide();
}

void ExchangeHealthWatch::refresh()
{
    if (!m_watching)
        return;
    m_database->submit<ExchangeHealth>(
        this, [](Connection &c) { return ExchangeHealth::load(c); },
        [this](Result<ExchangeHealth> health) {
            // A failed read (the connection lost) keeps what was shown: the connection banner
            // says the rest, and the next refresh corrects it.
            if (health && m_watching)
                show(*health);
            emit refreshed();
        });
}

void ExchangeHealthWatch::show(const ExchangeHealth &health)
{
    m_health = health;
    m_statusLine->setText(health.statusLine());
    m_statusLine->show();
    // A true line of its own: uploads failing is not notifications failing to arrive.
    if (health.uploadsFailing)
        m_uploadsBanner->showMessage(u"\u26a0 "_s + ExchangeHealth::uploadsFailingText(),
                                     BannerKind::Warning);
    else
        m_uploadsBanner->hide();
    if (!health.stalled) {
        m_banner->hide();
        return;
    }
    m_banner->showMessage(
        tr("\u26a0 %1. Notifications from CP-IS are not being collected: a system "
           "administrator should check the exchange service (cpis-exchange) and "
           "Administration → Exchange monitor.")
            .arg(health.summary()),
        BannerKind::Warning);
}

} // namespace cpis::ui
