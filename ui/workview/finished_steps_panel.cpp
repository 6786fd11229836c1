#include "workview/finished_steps_panel.h"

#include "display.h"
#include "kit/row_table_model.h"
#include "panel_parts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
enum Column { Finished, Subject, FinishedBy, Outcome, ColumnCount };

// "Request to Jane Okafor · acknowledged by Jane Okafor 05/12/2026 09:14 · case note added"
QString outcome(const FinishedStep &s)
{
    if (s.requestTo.isEmpty())
        return FinishedStepsPanel::tr("No request sent");
    QStringList parts{FinishedStepsPanel::tr("Request to %1").arg(s.requestTo)};
    parts << (s.acknowledgedBy.isEmpty()
                  ? FinishedStepsPanel::tr("not acknowledged yet")
                  : FinishedStepsPanel::tr("acknowledged by %1 %2")
                        .arg(s.acknowledgedBy, Display::dateTime(s.acknowledgedAt)));
    if (s.caseNotes > 0)
        parts << FinishedStepsPanel::tr("case note added");
    return parts.join(u" \u00b7 "_s);
}
} // namespace

// The finished steps loaded so far, each row carrying its step's id in Qt::UserRole.
class FinishedStepsModel final : public RowTableModel<FinishedStep>
{
public:
    explicit FinishedStepsModel(QObject *parent) : RowTableModel(parent)
    {
        setColumns({
            ColumnSpec([] { return FinishedStepsPanel::tr("Finished"); },
                       [](const FinishedStep &s) { return Display::dateTime(s.finishedAt); }),
            ColumnSpec([] { return FinishedStepsPanel::tr("Subject"); },
                       [](const FinishedStep &s) {
                           return u"%1 (%2)"_s.arg(s.subjectName).arg(s.subjectId);
                       }),
            ColumnSpec([] { return FinishedStepsPanel::tr("Finished by"); },
                       [](const FinishedStep &s) { return s.finishedBy; }),
            ColumnSpec([] { return FinishedStepsPanel::tr("Outcome"); },
                       [](const FinishedStep &s) { return outcome(s); })
                .withToolTip([](const FinishedStep &s) { return outcome(s); }),
        });
        setRowRoles({{Qt::UserRole, [](const FinishedStep &s) {
                          return QVariant(s.stepId);
                      }}});
    }
};

FinishedStepsPanel::FinishedStepsPanel(DatabaseThread *database, QWidget *parent)
    : QWidget(parent), m_database(database)
{
    setObjectName(u"finishedStepsPanel"_s);
    m_model = new FinishedStepsModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setObjectName(u"finishedStepsTable"_s);
    m_table->setAccessibleName(tr("Finished steps"));
    setUpListTable(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(Finished, metrics.horizontalAdvance(u"22/11/2026 14:05"_s) + 20);
    m_table->setColumnWidth(Subject, metrics.horizontalAdvance(u"Thomas Turner (3549728)"_s) + 20);
    m_table->setColumnWidth(FinishedBy, metrics.horizontalAdvance(u"Samantha Whitfield"_s) + 20);

    m_status = new QLabel(this);
    m_status->setObjectName(u"finishedStepsStatus"_s);
    m_status->setStyleSheet(Display::toneStyle(Tone::Secondary));
    m_more = new QPushButton(tr("Show &more"), this);
    m_more->setObjectName(u"finishedShowMore"_s);
    m_more->setEnabled(false);
    m_open = new QPushButton(tr("O&pen to read"), this);
    m_open->setObjectName(u"finishedOpenButton"_s);
    m_open->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_more);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_more, &QPushButton::clicked, this, &FinishedStepsPanel::loadMore);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedStepId())
            emit openStep(id);
    });
    connect(m_table, &QAbstractItemView::activated, m_open, &QPushButton::click);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_open->setEnabled(selectedStepId() != 0); });
}

qint64 FinishedStepsPanel::selectedStepId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const FinishedStep *step = rows.isEmpty() ? nullptr : m_model->rowAt(rows.first());
    return step ? step->stepId : 0;
}

void FinishedStepsPanel::clear()
{
    ++m_request; // an answer on its way is for the last user
    m_model->setRows({});
    m_loaded = 0;
    m_more->setEnabled(false);
    m_status->clear();
}

void FinishedStepsPanel::reload()
{
    m_model->setRows({});
    m_loaded = 0;
    loadMore();
}

void FinishedStepsPanel::loadMore()
{
    const int offset = m_loaded;
    const quint64 request = ++m_request;
    m_more->setEnabled(false);
    m_status->setText(tr("Loading…"));
    m_database->submit<QList<FinishedStep>>(
        this, [offset](Connection &c) { return loadFinishedSteps(c, kPage + 1, offset); },
        [this, request](Result<QList<FinishedStep>> steps) {
            if (request != m_request)
                return;
            if (!steps) {
                m_status->setText(
                    tr("Finished steps could not be loaded: %1").arg(steps.error().message));
                return;
            }
            // One more than a page was asked for, to know whether there are more.
            const bool more = steps->size() > kPage;
            if (more)
                steps->removeLast();
            append(*steps);
            m_more->setEnabled(more);
            m_status->setText(m_loaded == 0 ? tr("No finished steps yet.")
                              : more ? tr("The %n most recently finished.", nullptr, m_loaded)
                                     : tr("All %n finished steps.", nullptr, m_loaded));
            emit loaded();
        });
}

void FinishedStepsPanel::append(const QList<FinishedStep> &steps)
{
    m_model->appendRows(steps);
    m_loaded += int(steps.size());
    m_table->resizeRowsToContents();
}

} // namespace cpis::ui
