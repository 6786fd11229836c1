#include "workview/incoming_requests_panel.h"

#include "display.h"
#include "panel_parts.h"

#include "workview/incoming_requests_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

IncomingRequestsPanel::IncomingRequestsPanel(QWidget *parent)
    : QWidget(parent), m_model(new IncomingRequestsModel(this))
{
    setObjectName(u"incomingRequestsPanel"_s);
    m_heading = panelHeading(this, u"incomingRequestsHeading"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"incomingRequestsTable"_s);
    m_table->setAccessibleName(tr("Incoming requests"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    m_table->setColumnWidth(IncomingRequestsModel::Subject, widthFor(u"Thomas Turner (3549728)"_s));
    // Long cells wrap onto a second line rather than lose their end; the note, which tells an
    // A&E request from a DHU one, is shown whole below the list for the selected row.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A note is a paragraph: in the list it would make every row tall or be cut short.
    m_table->setColumnHidden(IncomingRequestsModel::Note, true);
    m_table->setColumnWidth(IncomingRequestsModel::Request,
                            widthFor(u"CS Notification to Allocated Worker -"_s));
    m_table->setColumnWidth(IncomingRequestsModel::Sent, widthFor(u"26/07/2023"_s));
    QFont bold = m_table->font(); // an unacknowledged request's status is bold
    bold.setBold(true);
    // With the overdue badge and in bold, as an overdue request's Due shows.
    m_table->setColumnWidth(IncomingRequestsModel::Due,
                            QFontMetrics(bold).horizontalAdvance(Display::dueSample()) + 28);
    IncomingRequest waiting; // the longest status, in the user's language
    waiting.awaitingCaseNote = true;
    m_table->setColumnWidth(
        IncomingRequestsModel::Status,
        QFontMetrics(bold).horizontalAdvance(IncomingRequestsModel::statusText(waiting)) / 2 + 48);

    m_note = new QLabel(this);
    m_note->setObjectName(u"incomingRequestNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setStyleSheet(Display::toneStyle(Tone::Secondary));

    m_empty = new QLabel(tr("No incoming requests. New requests appear here by themselves."), this);
    m_empty->setObjectName(u"incomingRequestsEmpty"_s);
    m_empty->setStyleSheet(Display::toneStyle(Tone::Secondary) + u" padding: 8px;"_s);

    m_open = new QPushButton(tr("Open &request"), this);
    m_open->setObjectName(u"openRequestButton"_s);
    m_open->setToolTip(tr("Open the step's summary and document (Enter on the row)"));
    m_person = new QPushButton(tr("Person recor&d"), this);
    m_person->setObjectName(u"openPersonFromRequestButton"_s);
    m_person->setToolTip(tr("Open the record of the selected request's subject"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_person);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_table, &QAbstractItemView::activated, this, &IncomingRequestsPanel::openSelected);
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        // The request column reads as a link: one click opens it.
        if (index.column() == IncomingRequestsModel::Request)
            openSelected();
        else if (index.column() == IncomingRequestsModel::Subject)
            emit openPerson(index.data(IncomingRequestsModel::SubjectIdRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncomingRequestsPanel::showNote);
    connect(m_open, &QPushButton::clicked, this, &IncomingRequestsPanel::openSelected);
    connect(m_person, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit openPerson(current.data(IncomingRequestsModel::SubjectIdRole).toLongLong());
    });
    setRows({});
}

void IncomingRequestsPanel::setRows(const QList<IncomingRequest> &rows)
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const qint64 selectedId =
        selected.isEmpty()
            ? 0
            : selected.first().data(IncomingRequestsModel::RequestIdRole).toLongLong();
    m_model->setRows(rows);
    if (const int row = m_model->rowOf(selectedId); row >= 0)
        m_table->selectRow(row);
    m_heading->setText(tr("Incoming requests (%1)").arg(rows.size()));
    m_empty->setVisible(rows.isEmpty());
    m_open->setEnabled(!rows.isEmpty());
    m_person->setEnabled(!rows.isEmpty());
    applyCollapse();
}

void IncomingRequestsPanel::showNote()
{
    const QModelIndex current = m_table->currentIndex();
    const QString note =
        current.isValid()
            ? current.siblingAtColumn(IncomingRequestsModel::Note).data(Qt::ToolTipRole).toString()
            : QString();
    m_note->setText(note.isEmpty() ? QString() : tr("Note: %1").arg(note));
    m_note->setVisible(!note.isEmpty() && !m_table->isHidden());
}

void IncomingRequestsPanel::setCollapseWhenEmpty(bool collapse)
{
    m_collapseWhenEmpty = collapse;
    applyCollapse();
}

void IncomingRequestsPanel::applyCollapse()
{
    const bool empty = m_model->rowCount() == 0;
    const bool collapsed = m_collapseWhenEmpty && empty;
    for (QWidget *w : std::initializer_list<QWidget *>{m_table, m_open, m_person})
        w->setVisible(!collapsed);
    m_empty->setVisible(empty && !collapsed);
    showNote();
    setMaximumHeight(collapsed ? m_heading->sizeHint().height() : QWIDGETSIZE_MAX);
}

void IncomingRequestsPanel::openSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    emit openRequest(m_model->rows().at(current.row()));
}

} // namespace cpis::ui
