// "Is the CP-IS exchange working?" on the workview of Safeguarding Admin and system
// administrators: a line in the status bar (last successful run, next run), a warning banner
// when the exchange has stalled (SQL exchange_health, the one rule: no run has collected the
// inbox), and another when uploads to CP-IS fail while notifications still arrive. It reads the
// database's record of runs, so a stopped exchange service shows; it refreshes when an
// exchange finishes, when the schedule changes, after a lost connection, and every minute.
#pragma once

#include "cpis/exchange_health.h"
#include "db/database_worker.h"

#include <QObject>

#include <optional>

class QLabel;
class QTimer;
class QWidget;

namespace cpis::ui {

class MessageBanner;

class ExchangeHealthWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeHealthWatch)

public:
    static constexpr int kRefreshMs = 60000;

    // The banner and the status line are made here, for the window to place; both stay
    // hidden until start().
    ExchangeHealthWatch(DatabaseThread *database, QWidget *parent);

    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] MessageBanner *uploadsBanner() const { return m_uploadsBanner; }
    [[nodiscard]] QLabel *statusLine() const { return m_statusLine; }
    // What was read last; empty before the first read or after stop().
    [[nodiscard]] const std::optional<ExchangeHealth> &health() const { return m_health; }

    // For the roles that see it, once signed in: reads now, then keeps it fresh.
    void start();
    // Hides both, e.g. for a user who is neither role.
    void stop();
    void refresh();

signals:
    void refreshed();

private:
    void show(const ExchangeHealth &health);

    DatabaseThread *m_database;
    MessageBanner *m_banner;
    MessageBanner *m_uploadsBanner;
    QLabel *m_statusLine;
    QTimer *m_timer;
    std::optional<ExchangeHealth> m_health;
    bool m_watching = false;
};

} // namespace cpis::ui
