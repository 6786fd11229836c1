#include "workview/team_requests_panel.h"

#include "panel_parts.h"

#include "dialogs/find_worker_dialog.h"
#include "display.h"
#include "kit/row_table_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

// The team's outstanding requests, oldest first as the database gives them.
class TeamRequestsModel final : public RowTableModel<TeamRequest>
{
public:
    explicit TeamRequestsModel(QObject *parent) : RowTableModel(parent)
    {
        setColumns({
            ColumnSpec(
                [] { return TeamRequestsPanel::tr("Subject"); },
                [](const TeamRequest &r) {
                    return TeamRequestsPanel::tr("%1 (%2)").arg(r.subjectName).arg(r.subjectId);
                }),
            ColumnSpec([] { return TeamRequestsPanel::tr("Sent to"); },
                       [](const TeamRequest &r) { return r.recipient; }),
            ColumnSpec([] { return TeamRequestsPanel::tr("Age"); },
                       [](const TeamRequest &r) {
                           return TeamRequestsPanel::ageText(r.sentAt,
                                                             QDateTime::currentDateTime());
                       })
                .withToolTip([](const TeamRequest &r) {
                    return TeamRequestsPanel::tr("Sent %1").arg(Display::dateTime(r.sentAt));
                }),
            ColumnSpec([] { return TeamRequestsPanel::tr("Status"); }, &statusText),
            ColumnSpec([] { return TeamRequestsPanel::tr("Request"); },
                       [](const TeamRequest &r) { return r.type; }),
        });
    }

private:
    static QVariant statusText(const TeamRequest &r)
    {
        QStringList status{r.state == u"acknowledged"_s
                               ? TeamRequestsPanel::tr("Acknowledged")
                               : TeamRequestsPanel::tr("Not acknowledged")};
        if (r.awaitingCaseNote)
            status << TeamRequestsPanel::tr("awaiting case note");
        return status.join(u" · "_s);
    }
};

TeamRequestsPanel::TeamRequestsPanel(DatabaseThread *database, QWidget *parent)
    : QWidget(parent), m_database(database)
{
    setObjectName(u"teamRequestsPanel"_s);
    m_heading = panelHeading(this, u"teamRequestsHeading"_s);
    m_message = panelMessage(this, u"teamRequestsMessage"_s);

    m_model = new TeamRequestsModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setObjectName(u"teamRequestsTable"_s);
    m_table->setAccessibleName(tr("Team's outstanding requests"));
    setUpListTable(m_table);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(0, metrics.horizontalAdvance(u"Thomas Turner (3549728)"_s) + 24);
    m_table->setColumnWidth(1, metrics.horizontalAdvance(u"Katarzyna Nowak"_s) + 24);
    m_table->setColumnWidth(
        2, metrics.horizontalAdvance(ageText(QDateTime::currentDateTime().addSecs(-12 * 60),
                                             QDateTime::currentDateTime())) +
               24);
    m_table->setColumnWidth(
        3, metrics.horizontalAdvance(tr("Not acknowledged") + u" · "_s + tr("awaiting case note")) +
               24);

    m_pass = new QPushButton(tr("Pass to another &worker…"), this);
    m_pass->setObjectName(u"passRequestButton"_s);
    m_pass->setToolTip(tr("Pass the selected request to someone else in the team, for example "
                          "when the worker is on leave"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pass);
    buttons->addStretch(1);

    stackPanel(this, m_heading, m_message, m_table, buttons);

    connect(m_pass, &QPushButton::clicked, this, &TeamRequestsPanel::askAndPass);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_pass->setEnabled(selected() != nullptr); });
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &TeamRequestsPanel::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (m_manager && (kind == u"request"_s || kind == u"case_note"_s))
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, [this] {
        if (m_manager)
            reload();
    });
    m_pass->setEnabled(false);
    hide();
}

void TeamRequestsPanel::start()
{
    m_database->submit<bool>(
        this, [](Connection &c) { return TeamRequests(c).isManager(); },
        [this](Result<bool> manager) {
            m_manager = manager && *manager;
            setVisible(m_manager);
            if (m_manager)
                reload();
        });
}

void TeamRequestsPanel::reload()
{
    m_database->submit<QList<TeamRequest>>(
        this, [](Connection &c) { return TeamRequests(c).outstanding(); },
        [this](Result<QList<TeamRequest>> rows) {
            if (!rows) {
                if (rows.error().code != u"db.unreachable"_s)
                    showMessage(
                        tr("The team's requests could not be loaded: %1").arg(rows.error().message),
                        true);
                return;
            }
            apply(*rows);
        });
}

QString TeamRequestsPanel::ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 minutes = std::max<qint64>(0, since.secsTo(now) / 60);
    if (minutes >= 48 * 60)
        return tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
    if (minutes >= 60)
        return tr("%n hour(s)", nullptr, int(minutes / 60));
    return tr("%n minute(s)", nullptr, int(minutes));
}

const QList<TeamRequest> &TeamRequestsPanel::rows() const
{
    return m_model->rows();
}

const TeamRequest *TeamRequestsPanel::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->rowAt(rows.first());
}

void TeamRequestsPanel::apply(const QList<TeamRequest> &rows)
{
    const TeamRequest *before = selected();
    const qint64 selectedId = before ? before->requestId : 0;
    m_model->setRows(rows);
    for (int row = 0; row < rows.size(); ++row) {
        if (selectedId != 0 && rows.at(row).requestId == selectedId)
            m_table->selectRow(row);
    }
    m_heading->setText(tr("Team's outstanding requests (%1)").arg(rows.size()));
    m_pass->setEnabled(selected() != nullptr);
    emit loaded();
}

void TeamRequestsPanel::askAndPass()
{
    if (!selected())
        return;
    auto *find = new FindWorkerDialog(m_database, QString(), this);
    find->setAttribute(Qt::WA_DeleteOnClose);
    connect(find, &QDialog::accepted, this, [this, find] {
        const Worker to = find->chosen();
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Pass request on"),
            tr("Why is it passed to %1? (for example, on leave)").arg(to.name), QLineEdit::Normal,
            QString(), &ok);
        if (ok)
            passSelected(to.id, reason);
    });
    find->open();
}

void TeamRequestsPanel::passSelected(int workerId, const QString &reason)
{
    const TeamRequest *request = selected();
    if (!request)
        return;
    const qint64 requestId = request->requestId;
    m_database->submit<Done>(
        this,
        [requestId, workerId, reason](Connection &c) {
            return TeamRequests(c).passOn(requestId, workerId, reason);
        },
        [this, requestId](Status status) {
            if (!status) {
                showMessage(tr("Not passed on: %1").arg(status.error().message), true);
                return;
            }
            showMessage(tr("Passed on."), false);
            emit passed(requestId);
            reload();
        });
}

void TeamRequestsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? Display::toneStyle(Tone::Problem)
                                     : Display::toneStyle(Tone::Success));
    m_message->show();
}

} // namespace cpis::ui
