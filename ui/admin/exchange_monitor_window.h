// Administration → Exchange monitor: the last and next exchange, Exchange now (which the
// exchange service answers), what went out and came in, and the quarantined messages with
// their reasons, each processed again or marked resolved. Refreshes by itself.
#pragma once

#include "cpis/exchange_monitor.h"
#include "db/database_worker.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace cpis::ui {

class ExchangeMessagesModel;
class ExchangeUploadsModel;

class ExchangeMonitorWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeMonitorWindow)

public:
    // A request not picked up within this many seconds means no exchange service is running.
    static constexpr int kPickUpSeconds = 30;

    explicit ExchangeMonitorWindow(DatabaseThread *database, QWidget *parent = nullptr);

    void reload();
    void requestExchange();
    // On the selected quarantined message.
    void processAgainSelected();
    void resolveSelected(const QString &note);
    bool selectQuarantined(qint64 messageId);
    void setPickUpSeconds(int seconds) { m_pickUpSeconds = seconds; }

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const ExchangeMonitorData &data() const { return m_data; }

    // How a run reads: "✔ Completed Today 10:02: 1 upload sent, ...". `lockHeld`: an exchange
    // is running now; a run left "running" without it was interrupted.
    static QString runText(const ExchangeRunInfo &run, bool lockHeld);
    // Where an "Exchange now" request is, after waiting `waitedSecs` (server clock); `running`:
    // the run going on now, if any.
    static QString requestText(const ExchangeRequestInfo &request, const ExchangeRunInfo *running,
                               qint64 waitedSecs, int pickUpSeconds);

signals:
    void loaded();
    void requested(qint64 requestId);
    void processedAgain(qint64 messageId);
    void resolved(qint64 messageId);

private:
    void apply(const ExchangeMonitorData &data);
    void showRequest();
    void showMessage(const QString &text, bool problem);
    void askAndResolve();
    // Runs `action` on the selected quarantined message, says how it went, and refreshes.
    void actOnSelected(std::function<Status(ExchangeMonitor &, qint64)> action,
                       const QString &failed, const QString &done,
                       void (ExchangeMonitorWindow::*signal)(qint64));
    void updateButtons();
    [[nodiscard]] const MonitorMessage *selectedQuarantined() const;

    DatabaseThread *m_database;
    ExchangeMonitorData m_data;
    bool m_loaded = false;
    int m_pickUpSeconds = kPickUpSeconds;
    QElapsedTimer m_sinceLoad; // with m_data.loadedAt: the server's clock now
    ExchangeMessagesModel *m_quarantinedModel = nullptr;
    ExchangeMessagesModel *m_messagesModel = nullptr;
    ExchangeUploadsModel *m_uploadsModel = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_lastExchange = nullptr;
    QLabel *m_nextExchange = nullptr;
    QLabel *m_inbox = nullptr;
    QLabel *m_service = nullptr;
    QLabel *m_request = nullptr;
    QPushButton *m_exchangeNow = nullptr;
    QProgressBar *m_requestProgress = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_quarantinedHint = nullptr;
    QTableView *m_quarantined = nullptr;
    QTableView *m_messages = nullptr;
    QTableView *m_uploads = nullptr;
    QPushButton *m_processAgain = nullptr;
    QPushButton *m_resolve = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QTimer *m_pickUpTimer = nullptr;
};

} // namespace cpis::ui
