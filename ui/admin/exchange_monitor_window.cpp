#include "admin/exchange_monitor_window.h"

#include "admin/exchange_monitor_messages_model.h"
#include "admin/exchange_monitor_resolve_dialog.h"
#include "admin/exchange_monitor_uploads_model.h"
#include "display.h"
#include "panel_parts.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QTableView *monitorTable(QAbstractItemModel *model, const QString &objectName,
                         const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setTabKeyNavigation(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

void setColumnWidths(QTableView *table, const QStringList &samples)
{
    const QFontMetrics metrics = table->fontMetrics();
    for (int column = 0; column < samples.size(); ++column)
        table->setColumnWidth(column, metrics.horizontalAdvance(samples.at(column)) + 24);
    fitColumnsToHeadings(table);
}

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
} // namespace

ExchangeMonitorWindow::ExchangeMonitorWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database)
{
    setObjectName(u"exchangeMonitorWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Exchange monitor"));
    resize(1200, 780);

    auto *page = new QWidget(this);
    auto *title = panelHeading(page, u"exchangeMonitorTitle"_s);
    title->setText(tr("Exchange monitor"));
    m_message = panelMessage(page, u"exchangeMonitorMessage"_s);

    auto *status = new QGroupBox(tr("CP-IS exchange through MESH"), page);
    m_lastExchange = valueLabel(u"lastExchange"_s, status);
    m_nextExchange = valueLabel(u"nextExchange"_s, status);
    m_inbox = valueLabel(u"meshInbox"_s, status);
    m_service = valueLabel(u"exchangeService"_s, status);
    m_request = valueLabel(u"exchangeRequest"_s, status);
    m_lastExchange->setText(tr("Loading…"));
    m_exchangeNow = new QPushButton(tr("E&xchange now"), status);
    m_exchangeNow->setObjectName(u"exchangeNowButton"_s);
    m_exchangeNow->setToolTip(tr("Ask the exchange service to send the waiting uploads and "
                                 "collect the MESH inbox now, without waiting for the schedule"));
    auto *grid = new QGridLayout(status);
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(16);
    const QList<std::pair<QString, QLabel *>> rows{{tr("Last exchange"), m_lastExchange},
                                                   {tr("Next scheduled"), m_nextExchange},
                                                   {tr("Exchange service"), m_service},
                                                   {tr("MESH inbox"), m_inbox},
                                                   {tr("Exchange now"), m_request}};
    for (int row = 0; row < rows.size(); ++row) {
        auto *label = new QLabel(rows.at(row).first, status);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(rows.at(row).second, row, 1);
    }
    grid->addWidget(m_exchangeNow, 0, 2, 2, 1, Qt::AlignTop | Qt::AlignRight);
    // Busy, not a percentage: the service reports no steps. An exchange that has started is
    // not stopped part way, so there is no Cancel.
    m_requestProgress = new QProgressBar(status);
    m_requestProgress->setObjectName(u"exchangeNowProgress"_s);
    m_requestProgress->setAccessibleName(tr("Exchange in progress"));
    m_requestProgress->setRange(0, 0);
    m_requestProgress->setTextVisible(false);
    m_requestProgress->setMaximumHeight(10);
    m_requestProgress->hide();
    grid->addWidget(m_requestProgress, int(rows.size()), 1);

    m_quarantinedModel = new ExchangeMessagesModel(this);
    m_messagesModel = new ExchangeMessagesModel(this);
    m_uploadsModel = new ExchangeUploadsModel(this);
    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(u"exchangeMonitorTabs"_s);

    auto *attention = new QWidget(m_tabs);
    m_quarantined = monitorTable(m_quarantinedModel, u"quarantinedTable"_s,
                                 tr("Quarantined messages"), attention);
    m_processAgain = new QPushButton(tr("&Process again"), attention);
    m_processAgain->setObjectName(u"processAgainButton"_s);
    m_processAgain->setToolTip(tr("Once the cause is fixed (for example the child's NHS number "
                                  "corrected): process the message again at an exchange now"));
    m_resolve = new QPushButton(tr("Mark &resolved…"), attention);
    m_resolve->setObjectName(u"markResolvedButton"_s);
    m_resolve->setToolTip(tr("Take the message off this list without processing it, with a note "
                             "saying what was done"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_processAgain);
    buttons->addWidget(m_resolve);
    buttons->addStretch(1);
    m_quarantinedHint = valueLabel(u"quarantinedHint"_s, attention);
    auto *attentionLayout = new QVBoxLayout(attention);
    attentionLayout->addWidget(m_quarantinedHint);
    attentionLayout->addWidget(m_quarantined, 1);
    attentionLayout->addLayout(buttons);
    m_tabs->addTab(attention, tr("Quarantined"));

    m_messages = monitorTable(m_messagesModel, u"messagesTable"_s, tr("Messages"), m_tabs);
    m_tabs->addTab(m_messages, tr("Messages received"));
    m_uploads = monitorTable(m_uploadsModel, u"uploadsTable"_s, tr("Uploads"), m_tabs);
    m_tabs->addTab(m_uploads, tr("Uploads"));
    const QStringList messageColumns{u"01/12/2026 16:45"_s,
                                     u"Access to Service Notification · message 1234"_s,
                                     u"Waiting for the exchange"_s};
    setColumnWidths(m_quarantined, messageColumns);
    setColumnWidths(m_messages, messageColumns);
    setColumnWidths(m_uploads, {u"Upload"_s, u"01/12/2026 16:45"_s, u"01/12/2026 16:45"_s,
                                u"Sent · awaiting acknowledgement"_s, u"Children"_s});

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(status);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(page);

    connect(m_exchangeNow, &QPushButton::clicked, this, &ExchangeMonitorWindow::requestExchange);
    connect(m_processAgain, &QPushButton::clicked, this,
            &ExchangeMonitorWindow::processAgainSelected);
    connect(m_resolve, &QPushButton::clicked, this, &ExchangeMonitorWindow::askAndResolve);
    connect(m_quarantined->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExchangeMonitorWindow::updateButtons);
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &ExchangeMonitorWindow::reload);
    m_pickUpTimer = new QTimer(this);
    m_pickUpTimer->setSingleShot(true);
    connect(m_pickUpTimer, &QTimer::timeout, this, &ExchangeMonitorWindow::showRequest);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        static const QStringList kinds{u"exchange"_s, u"exchange_request"_s, u"inbound"_s,
                                       u"config"_s};
        if (kinds.contains(kind))
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &ExchangeMonitorWindow::reload);
    updateButtons();
    reload();
}

void ExchangeMonitorWindow::reload()
{
    m_database->submit<ExchangeMonitorData>(
        this, [](Connection &c) { return ExchangeMonitor(c).load(); },
        [this](Result<ExchangeMonitorData> data) {
            if (!data) {
                if (data.error().code != u"db.unreachable"_s)
                    showMessage(tr("The exchange monitor could not be loaded: %1")
                                    .arg(data.error().message),
                                true);
                return;
            }
            apply(*data);
        });
}

QString ExchangeMonitorWindow::runText(const ExchangeRunInfo &run, bool lockHeld)
{
    if (run.status == u"running"_s && !lockHeld)
        return tr("\u2716 Stopped before it finished (started %1): the exchange service stopped "
                  "or lost its connection mid-run. The next exchange picks up where it left off.")
            .arg(Display::shortDateTime(run.startedAt));
    if (run.status == u"running"_s)
        return tr("Running since %1").arg(Display::shortDateTime(run.startedAt));
    if (run.status == u"failed"_s)
        return tr("\u2716 Failed %1: %2").arg(Display::shortDateTime(run.finishedAt), run.error);
    return tr("\u2714 Completed %1: %2 upload(s) sent, %3 message(s) received, %4 quarantined")
        .arg(Display::shortDateTime(run.finishedAt))
        .arg(run.uploadsSent)
        .arg(run.received)
        .arg(run.quarantined);
}

QString ExchangeMonitorWindow::requestText(const ExchangeRequestInfo &request,
                                           const ExchangeRunInfo *running, qint64 waitedSecs,
                                           int pickUpSeconds)
{
    const QString asked =
        tr("Requested %1 by %2")
            .arg(Display::shortDateTime(request.requestedAt), request.requestedBy);
    if (request.run) {
        const bool live = running && running->id == request.run->id;
        if (request.run->status == u"running"_s && live)
            return tr("%1 · the exchange started %2 and is running…")
                .arg(asked, Display::shortDateTime(request.run->startedAt));
        return tr("%1 · %2").arg(asked, runText(*request.run, live));
    }
    if (running)
        return tr("%1 · an exchange already running (since %2) has to finish first; yours "
                  "follows.")
            .arg(asked, Display::shortDateTime(running->startedAt));
    if (waitedSecs < pickUpSeconds)
        return tr("%1 · waiting for the exchange service…").arg(asked);
    return tr("\u26a0 %1, but no exchange service picked it up within %2 seconds: nothing has "
              "been sent or collected. Ask whoever looks after the exchange server to start "
              "cpisctl exchange there.")
        .arg(asked)
        .arg(pickUpSeconds);
}

void ExchangeMonitorWindow::apply(const ExchangeMonitorData &data)
{
    const qint64 selected = selectedQuarantined() ? selectedQuarantined()->id : 0;
    m_data = data;
    m_sinceLoad.start();
    m_loaded = true;

    if (!data.lastRun) {
        m_lastExchange->setText(tr("No exchange has run yet."));
    } else {
        QString text = runText(*data.lastRun, data.exchangeRunning);
        if (data.lastRun->status != u"ok"_s)
            text +=
                u"\n"_s +
                (data.lastSuccess
                     ? tr("Last completed: %1").arg(Display::dateTime(data.lastSuccess->finishedAt))
                     : tr("No exchange has completed yet."));
        m_lastExchange->setText(text);
    }
    m_nextExchange->setText(data.nextRun.isValid()
                                ? Display::shortDateTime(data.nextRun)
                                : tr("No times are set (exchange.times): only Exchange now "
                                     "runs it."));
    m_service->setText(data.serviceRunning
                           ? tr("\u2714 Running: it exchanges at the scheduled times and when "
                                "asked to exchange now")
                           : tr("\u26a0 Not running: neither the scheduled exchanges nor "
                                "Exchange now happen until cpisctl exchange is started on the "
                                "exchange server"));
    m_inbox->setText(data.inboxWaiting == 0
                         ? tr("Nothing waiting at the last look")
                         : tr("\u26a0 %1 message(s) were waiting at the last look, the oldest "
                              "since %2 (MESH deletes them after five days)")
                               .arg(data.inboxWaiting)
                               .arg(Display::dateTime(data.inboxOldest)));

    m_quarantinedModel->setRows(data.quarantined);
    m_messagesModel->setRows(data.messages);
    m_uploadsModel->setRows(data.uploads);
    m_tabs->setTabText(0, tr("Quarantined (%1)").arg(data.quarantined.size()));
    m_quarantinedHint->setText(
        data.quarantined.isEmpty()
            ? tr("Nothing is quarantined: every message received has been processed or resolved.")
            : tr("These messages were kept but not processed. Fix the cause (for example the "
                 "child's NHS number), then choose Process again; or Mark resolved with a note "
                 "saying what was done instead."));
    m_tabs->setTabText(1, tr("Messages received (%1)").arg(data.messages.size()));
    const auto failedUploads =
        std::count_if(data.uploads.cbegin(), data.uploads.cend(),
                      [](const MonitorUpload &u) { return u.status == u"failed"_s; });
    m_tabs->setTabText(
        2, failedUploads == 0
               ? tr("Uploads (%1)").arg(data.uploads.size())
               : tr("Uploads (%1, \u2716 %2 failed)").arg(data.uploads.size()).arg(failedUploads));
    if (selected)
        selectQuarantined(selected);
    showRequest();
    updateButtons();
    emit loaded();
}

void ExchangeMonitorWindow::showRequest()
{
    m_pickUpTimer->stop();
    if (!m_data.latestRequest) {
        m_request->setText(tr("Not asked for yet. The exchange runs on its schedule."));
        m_requestProgress->hide();
        return;
    }
    const ExchangeRequestInfo &request = *m_data.latestRequest;
    const QDateTime serverNow = m_data.loadedAt.addMSecs(m_sinceLoad.elapsed());
    const qint64 waited = request.requestedAt.secsTo(serverNow);
    const ExchangeRunInfo *running =
        m_data.exchangeRunning && m_data.lastRun && m_data.lastRun->status == u"running"_s
            ? &*m_data.lastRun
            : nullptr;
    m_request->setText(requestText(request, running, waited, m_pickUpSeconds));
    const bool inProgress = request.run ? request.run->status == u"running"_s && running &&
                                              running->id == request.run->id
                                        : running || waited < m_pickUpSeconds;
    m_requestProgress->setVisible(inProgress);
    if (!request.run && waited < m_pickUpSeconds)
        m_pickUpTimer->start(int((m_pickUpSeconds - waited) * 1000 + 200));
}

void ExchangeMonitorWindow::requestExchange()
{
    m_exchangeNow->setEnabled(false);
    m_database->submit<qint64>(
        this, [](Connection &c) { return ExchangeMonitor(c).requestExchange(); },
        [this](Result<qint64> id) {
            m_exchangeNow->setEnabled(true);
            if (!id) {
                showMessage(tr("The exchange was not requested: %1").arg(id.error().message), true);
                return;
            }
            m_message->hide();
            emit requested(*id);
            reload();
        });
}

const MonitorMessage *ExchangeMonitorWindow::selectedQuarantined() const
{
    const QModelIndexList rows = m_quarantined->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_quarantinedModel->rows().size())
        return nullptr;
    return &m_quarantinedModel->rows().at(rows.first().row());
}

bool ExchangeMonitorWindow::selectQuarantined(qint64 messageId)
{
    const QList<MonitorMessage> &rows = m_quarantinedModel->rows();
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row).id == messageId) {
            m_quarantined->selectRow(row);
            return true;
        }
    }
    return false;
}

void ExchangeMonitorWindow::updateButtons()
{
    const bool chosen = selectedQuarantined() != nullptr;
    m_processAgain->setEnabled(chosen);
    m_resolve->setEnabled(chosen);
}

void ExchangeMonitorWindow::processAgainSelected()
{
    actOnSelected([](ExchangeMonitor &monitor, qint64 id) { return monitor.processAgain(id); },
                  tr("Message %1 was not processed again: %2"),
                  tr("Message %1 goes back to be processed: an exchange has been requested for "
                     "it (see Exchange now above)."),
                  &ExchangeMonitorWindow::processedAgain);
}

void ExchangeMonitorWindow::askAndResolve()
{
    const MonitorMessage *message = selectedQuarantined();
    if (!message)
        return;
    auto *dialog = new ResolveMessageDialog(tr("Message %1").arg(message->id), message->status,
                                            message->reason, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { resolveSelected(dialog->note()); });
    dialog->open();
}

void ExchangeMonitorWindow::resolveSelected(const QString &note)
{
    actOnSelected([note](ExchangeMonitor &monitor, qint64 id) { return monitor.resolve(id, note); },
                  tr("Message %1 was not marked resolved: %2"),
                  tr("Message %1 is marked resolved."), &ExchangeMonitorWindow::resolved);
}

void ExchangeMonitorWindow::actOnSelected(std::function<Status(ExchangeMonitor &, qint64)> action,
                                          const QString &failed, const QString &done,
                                          void (ExchangeMonitorWindow::*signal)(qint64))
{
    const MonitorMessage *message = selectedQuarantined();
    if (!message)
        return;
    const qint64 id = message->id;
    m_database->submit<Done>(
        this,
        [id, action = std::move(action)](Connection &c) {
            ExchangeMonitor monitor(c);
            return action(monitor, id);
        },
        [this, id, failed, done, signal](Status status) {
            if (!status) {
                showMessage(failed.arg(id).arg(status.error().message), true);
                return;
            }
            showMessage(done.arg(id), false);
            emit(this->*signal)(id);
            reload();
        });
}

void ExchangeMonitorWindow::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? tr("\u26a0 %1").arg(text) : text);
    m_message->setStyleSheet(problem ? Display::toneStyle(Tone::Problem)
                                     : Display::toneStyle(Tone::Success));
    m_message->show();
}

} // namespace cpis::ui
