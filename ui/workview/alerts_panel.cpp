#include "workview/alerts_panel.h"

#include "display.h"
#include "panel_parts.h"

#include "workflow/alert_service.h"
#include "workview/alerts_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

AlertsPanel::AlertsPanel(DatabaseThread *database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new AlertsModel(this))
{
    setObjectName(u"alertsPanel"_s);
    m_heading = panelHeading(this, u"alertsHeading"_s);
    m_heading->setText(tr("Alerts (%1)").arg(0));
    m_message = panelMessage(this, u"alertsMessage"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"alertsTable"_s);
    m_table->setAccessibleName(tr("Alerts"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(AlertsModel::Raised,
                            metrics.horizontalAdvance(u"22/11/2026 14:05"_s) + 24);
    m_table->setColumnWidth(AlertsModel::Type,
                            metrics.horizontalAdvance(u"CP-IS upload rejected"_s) + 24);
    m_table->setColumnWidth(AlertsModel::Person,
                            metrics.horizontalAdvance(u"Thomas Turner (3549728)"_s) + 24);

    m_acknowledge = new QPushButton(tr("Ac&knowledge alert"), this);
    m_acknowledge->setObjectName(u"acknowledgeAlertButton"_s);
    m_acknowledge->setToolTip(tr("Record that you have dealt with the selected alert"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_acknowledge);
    buttons->addStretch(1);

    stackPanel(this, m_heading, m_message, m_table, buttons);

    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateActions);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(100);
    connect(m_reloadTimer, &QTimer::timeout, this, &AlertsPanel::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (m_started && kind == u"alert"_s)
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, [this] {
        if (m_started)
            reload();
    });
    updateActions();
}

void AlertsPanel::reload()
{
    m_started = true;
    m_database->submit<QList<Alert>>(
        this, [](Connection &c) { return AlertService(c).mine(); },
        [this](Result<QList<Alert>> alerts) {
            if (!alerts) {
                if (alerts.error().code != u"db.unreachable"_s)
                    showMessage(tr("Alerts could not be loaded: %1").arg(alerts.error().message));
                return;
            }
            m_model->setRows(*alerts);
            m_heading->setText(tr("Alerts (%1)").arg(alerts->size()));
            applyCollapse();
            emit loaded();
        });
}

void AlertsPanel::acknowledgeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_busy)
        return;
    const qint64 id = rows.first().data(AlertsModel::AlertIdRole).toLongLong();
    m_busy = true;
    updateActions();
    m_database->submit<Done>(
        this, [id](Connection &c) { return AlertService(c).acknowledge(id); },
        [this](Status status) {
            m_busy = false;
            if (!status)
                showMessage(tr("Not acknowledged: %1").arg(status.error().message));
            else
                m_message->hide();
            reload();
            updateActions();
        });
}

void AlertsPanel::updateActions()
{
    m_acknowledge->setEnabled(!m_busy && m_table->selectionModel()->hasSelection());
}

void AlertsPanel::setCollapseWhenEmpty(bool collapse)
{
    m_collapseWhenEmpty = collapse;
    applyCollapse();
}

void AlertsPanel::applyCollapse()
{
    const bool collapsed = m_collapseWhenEmpty && m_model->rowCount() == 0;
    m_table->setVisible(!collapsed);
    m_acknowledge->setVisible(!collapsed);
    setMaximumHeight(collapsed ? m_heading->sizeHint().height() : QWIDGETSIZE_MAX);
}

void AlertsPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_message->show();
}

} // namespace cpis::ui
