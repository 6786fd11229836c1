#include "db/change_listener.h"

#include "db/change_hint.h"

#include <QElapsedTimer>
#include <QList>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// Passes hints on in batches (change_hint.h): distinct hints wait together, a batch goes at
// most every kChangeBatchGapMs, the first at once, and a later hint never pushes a batch back.
class HintBatcher final : public QObject
{
public:
    HintBatcher(QObject *parent, std::function<void(const ChangeHint &)> pass)
        : QObject(parent), m_pass(std::move(pass))
    {
        m_flush.setSingleShot(true);
        connect(&m_flush, &QTimer::timeout, this, &HintBatcher::flush);
    }

    void add(const QByteArray &payload)
    {
        const auto hint = parseChangeHint(payload);
        if (!hint)
            return; // not ours, or forged badly: a hint that does not parse says nothing
        if (!m_pending.contains(*hint))
            m_pending.append(*hint);
        if (m_flush.isActive())
            return;
        const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : kChangeBatchGapMs;
        m_flush.start(int(std::max<qint64>(0, kChangeBatchGapMs - since)));
    }

private:
    void flush()
    {
        m_sinceFlush.start();
        const QList<ChangeHint> batch = std::exchange(m_pending, {});
        for (const ChangeHint &h : batch)
            m_pass(h);
    }

    std::function<void(const ChangeHint &)> m_pass;
    QTimer m_flush;
    QElapsedTimer m_sinceFlush; // invalid until the first batch
    QList<ChangeHint> m_pending;
};
} // namespace

ChangeListener::ChangeListener(QObject *parent) : QObject(parent) {}

ChangeListener::~ChangeListener() = default;

Status ChangeListener::listen(const ConnInfo &info)
{
    auto connection = Connection::open(info);
    if (!connection)
        return connection.error();
    m_connection = std::move(*connection);
    QSqlDriver *driver = m_connection->database().driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel))) {
        return Error{u"db.listen"_s,
                     u"Could not listen for changes: %1"_s.arg(driver->lastError().text()),
                     {},
                     {}};
    }
    // A payload is only a hint, and any login can send one (issue 21).
    auto *batcher =
        new HintBatcher(this, [this](const ChangeHint &hint) { emit changed(hint.kind, hint.id); });
    connect(
        driver, &QSqlDriver::notification, batcher,
        [batcher](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name == QLatin1StringView(kChannel))
                batcher->add(payload.toString().toUtf8());
        });
    return success();
}

} // namespace cpis
