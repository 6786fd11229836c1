#include "workview/workview_page.h"

#include "db/error_codes.h"
#include "dialogs/cancel_work_dialog.h"
#include "display.h"
#include "keyboard/key_action.h"
#include "kit/heading.h"
#include "kit/message_banner.h"
#include "panel_parts.h"
#include "workflow/person_summary.h"
#include "workflow/step_service.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"
#include "workview/alerts_panel.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"
#include "workview/finished_steps_panel.h"
#include "workview/incoming_requests_panel.h"
#include "workview/person_summary_panel.h"
#include "workview/team_requests_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QString kIncoming = u"incoming"_s;
const QString kInProgress = u"in_progress"_s;

// Text that starts a search: a printable character typed without Ctrl, Alt or Meta (space
// still selects, arrows and Enter still move and open).
bool startsSearch(const QKeyEvent *key)
{
    const Qt::KeyboardModifiers held =
        key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    const QString text = key->text();
    return held == Qt::NoModifier && !text.isEmpty() && text.at(0).isPrint() &&
           !text.at(0).isSpace();
}
} // namespace

WorkviewPage::WorkviewPage(DatabaseThread *database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new CurrentWorkModel(this)),
      m_filter(new CurrentWorkFilter(this)), m_keys(this)
{
    setObjectName(u"workviewPage"_s);
    m_filter->setSourceModel(m_model);
    m_filter->setState(kIncoming);

    // Built top to bottom, in the order the widgets were always made (it is their focus order
    // where setTabOrders says nothing).
    buildHeading();
    const FilterBars bars = buildFilters();
    buildCurrentWorkTable();
    QHBoxLayout *buttons = buildStepButtons();
    QSplitter *listAndSummary = buildCurrentWork(bars, buttons);
    QSplitter *panels = buildPanels(listAndSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(m_message);
    layout->addWidget(panels, 1);

    setTabOrders();
    connectFilters();
    connectCurrentWork();
    connectKeys();
    connectDatabase();
    updateCounts();
    updateActions();
}

void WorkviewPage::buildHeading()
{
    m_heading = new QLabel(tr("Current work"), this);
    m_heading->setObjectName(u"currentWorkHeading"_s);
    setHeadingStyle(m_heading, HeadingLevel::Page);
    m_subheading = new QLabel(this);
    m_subheading->setObjectName(u"currentWorkSubheading"_s);
    m_subheading->setStyleSheet(Display::toneStyle(Tone::Secondary));
    m_subheading->setWordWrap(true); // a narrow window wraps it rather than growing

    m_message = new MessageBanner(u"workviewMessage"_s, this);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

WorkviewPage::FilterBars WorkviewPage::buildFilters()
{
    // Folders and filters.
    m_folders = new QTabBar(this);
    m_folders->setObjectName(u"folderTabs"_s);
    m_folders->setExpanding(false);
    m_folders->setDrawBase(false);
    m_folders->addTab(tr("Incoming work (%1)").arg(0));
    m_folders->addTab(tr("Work in progress (%1)").arg(0));
    m_folders->addTab(tr("Finished"));

    m_source = new QComboBox(this);
    m_source->setObjectName(u"sourceFilter"_s);
    m_source->addItem(tr("All sources"), QString());
    m_source->addItem(tr("A&E"), u"ae"_s);
    m_source->addItem(tr("DHU-111"), u"dhu_111"_s);
    auto *sourceLabel = new QLabel(tr("S&ource:"), this);
    sourceLabel->setBuddy(m_source);
    m_overdue = new QCheckBox(tr("O&verdue only"), this);
    m_overdue->setObjectName(u"overdueFilter"_s);
    m_whose = new QComboBox(this);
    m_whose->setObjectName(u"whoseFilter"_s);
    m_whose->addItem(tr("Everyone's"));
    m_whose->addItem(tr("Mine (and not yet started)"));
    auto *whoseLabel = new QLabel(tr("Sho&w:"), this);
    whoseLabel->setBuddy(m_whose);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"currentWorkSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_search->setPlaceholderText(tr("Name, person ID, key worker…"));
    m_search->setToolTip(withKeys(tr("Show only steps whose row contains this text; typing in "
                                     "the list starts a search too"),
                                  m_keys.find));
    auto *searchLabel = new QLabel(tr("F&ind:"), this);
    searchLabel->setBuddy(m_search);

    // Folders and Find on one row, the filters on the next: at large font sizes one row
    // would cut the folder names short.
    FilterBars bars{new QHBoxLayout, new QHBoxLayout};
    QHBoxLayout *folderBar = bars.folders;
    folderBar->setSpacing(8);
    folderBar->addWidget(m_folders);
    folderBar->addStretch(1);
    folderBar->addWidget(searchLabel);
    folderBar->addWidget(m_search, 1);
    QHBoxLayout *filterBar = bars.filters;
    filterBar->setSpacing(8);
    filterBar->addStretch(1);
    filterBar->addWidget(sourceLabel);
    filterBar->addWidget(m_source);
    filterBar->addSpacing(12);
    filterBar->addWidget(whoseLabel);
    filterBar->addWidget(m_whose);
    filterBar->addSpacing(12);
    filterBar->addWidget(m_overdue);
    filterBar->addStretch(1);
    return bars;
}

void WorkviewPage::buildCurrentWorkTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"currentWorkTable"_s);
    m_table->setAccessibleName(tr("Current work"));
    m_table->installEventFilter(this);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CurrentWorkModel::Received, Qt::AscendingOrder);
    setUpListTable(m_table);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    // Wide enough for what the columns usually hold, measured in this font; Subject takes
    // what is left, so that every column shows at 1280 pixels wide.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 16;
    };
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(CurrentWorkModel::Subject,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(CurrentWorkModel::Type, widthFor(u"CPIS Follow Up"_s));
    m_table->setColumnWidth(CurrentWorkModel::Title, widthFor(u"CPIS Follow Up"_s));
    const QDateTime now = QDateTime::currentDateTime(); // "Yesterday" is the longer in English
    m_table->setColumnWidth(CurrentWorkModel::Received,
                            std::max(widthFor(Display::shortDateTime(now)),
                                     widthFor(Display::shortDateTime(now.addDays(-1)))));
    QFont bold = m_table->font(); // overdue times are bold
    bold.setBold(true);
    m_table->setColumnWidth(CurrentWorkModel::Due,
                            QFontMetrics(bold).horizontalAdvance(Display::dueSample()) + 16 + 24);
    m_table->setColumnWidth(CurrentWorkModel::KeyWorker, widthFor(u"Katarzyna Nowak"_s));
    m_table->setColumnWidth(CurrentWorkModel::Source, widthFor(u"DHU-111"_s));
    m_table->setColumnWidth(CurrentWorkModel::StartedBy, widthFor(u"Samantha Whitfield"_s));
    m_table->setColumnHidden(CurrentWorkModel::StartedBy, true);
    fitColumnsToHeadings(m_table);

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"emptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(Display::toneStyle(Tone::Secondary) + u" padding: 12px;"_s);
}

QHBoxLayout *WorkviewPage::buildStepButtons()
{
    m_start = new QPushButton(tr("&Start work"), this);
    m_start->setObjectName(u"startWorkButton"_s);
    m_start->setToolTip(withKeys(tr("Claim the selected step and open it"), m_keys.startWork));
    m_open = new QPushButton(tr("O&pen step"), this);
    m_open->setObjectName(u"openStepButton"_s);
    m_open->setToolTip(
        withKeys(tr("Open the step: yours to work on, any other to read"), m_keys.openSelected));
    m_cancel = new QPushButton(tr("&Cancel work"), this);
    m_cancel->setObjectName(u"cancelWorkButton"_s);
    m_takeOver = new QPushButton(tr("&Take over…"), this);
    m_takeOver->setObjectName(u"takeOverButton"_s);
    m_takeOver->setToolTip(tr("Make a colleague's step yours (they are told)"));
    m_takeOver->hide();
    for (QPushButton *b : {m_start, m_open, m_cancel, m_takeOver})
        b->setMinimumWidth(b->sizeHint().width() + 24);
    // On the buttons' own line, so that it never moves the list.
    m_whyNot = new QLabel(this);
    m_whyNot->setObjectName(u"selectedStepExplanation"_s);
    m_whyNot->setWordWrap(true);
    m_whyNot->setStyleSheet(Display::toneStyle(Tone::Secondary));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_open);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_takeOver);
    buttons->addWidget(m_whyNot, 1);
    return buttons;
}

QSplitter *WorkviewPage::buildCurrentWork(const FilterBars &bars, QHBoxLayout *buttons)
{
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(8);
    listLayout->addLayout(bars.folders);
    listLayout->addLayout(bars.filters);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty);
    m_finished = new FinishedStepsPanel(m_database, listPane);
    m_finished->hide();
    connect(m_finished, &FinishedStepsPanel::openStep, this, &WorkviewPage::openStep);
    listLayout->addWidget(m_finished, 1);
    listLayout->addLayout(buttons);

    m_summary = new PersonSummaryPanel(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"workviewSplitter"_s);
    splitter->addWidget(listPane);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

QSplitter *WorkviewPage::buildPanels(QSplitter *listAndSummary)
{
    // Requests sent to this worker come first: for a key worker they are the day's work.
    m_incoming = new IncomingRequestsPanel(this);
    auto *currentWork = new QWidget(this);
    auto *currentLayout = new QVBoxLayout(currentWork);
    currentLayout->setContentsMargins(0, 0, 0, 0);
    currentLayout->setSpacing(8);
    currentLayout->addWidget(m_heading);
    currentLayout->addWidget(m_subheading);
    currentLayout->addWidget(listAndSummary, 1);
    auto *folders = new QSplitter(Qt::Vertical, this);
    folders->setObjectName(u"workviewFolders"_s);
    m_alerts = new AlertsPanel(m_database, this);
    folders->addWidget(m_incoming);
    m_team = new TeamRequestsPanel(m_database, this); // shown only to team managers
    folders->addWidget(m_alerts);
    folders->addWidget(m_team);
    folders->addWidget(currentWork);
    folders->setStretchFactor(0, 3);
    folders->setStretchFactor(1, 2);
    folders->setStretchFactor(2, 3);
    folders->setStretchFactor(3, 4);
    folders->setChildrenCollapsible(false);
    m_panels = folders;
    m_currentWork = currentWork;
    return folders;
}

void WorkviewPage::setTabOrders()
{
    auto *openRequestButton = m_incoming->findChild<QPushButton *>(u"openRequestButton"_s);
    setTabOrder(m_incoming->table(), openRequestButton);
    setTabOrder(openRequestButton, m_folders);
    setTabOrder(m_folders, m_search);
    setTabOrder(m_search, m_source);
    setTabOrder(m_source, m_whose);
    setTabOrder(m_whose, m_overdue);
    setTabOrder(m_overdue, m_table);
    setTabOrder(m_table, m_start);
    setTabOrder(m_start, m_open);
    setTabOrder(m_open, m_cancel);
}

void WorkviewPage::connectFilters()
{
    connect(m_folders, &QTabBar::currentChanged, this, [this](int index) {
        showFinishedFolder(index == 2);
        if (index == 2)
            return;
        m_filter->setState(index == 0 ? kIncoming : kInProgress);
        // Nobody has started incoming work: the column only matters for work in progress,
        // where it takes the room of Type and Title (both "CPIS Follow Up" for every step) so
        // that Subject keeps its width.
        m_table->setColumnHidden(CurrentWorkModel::StartedBy, index == 0);
        m_table->setColumnHidden(CurrentWorkModel::Type, index != 0);
        m_table->setColumnHidden(CurrentWorkModel::Title, index != 0);
    });
    connect(m_source, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSource(m_source->currentData().toString()); });
    connect(m_overdue, &QCheckBox::toggled, m_filter, &CurrentWorkFilter::setOverdueOnly);
    connect(m_whose, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setMineOnly(index == 1, m_me.name); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &CurrentWorkFilter::setSearchText);
}

void WorkviewPage::connectCurrentWork()
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_filter, signal, this, &WorkviewPage::updateCounts);
    }
    connect(m_filter, &QAbstractItemModel::modelReset, this, &WorkviewPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &WorkviewPage::updateCounts);
    connect(m_filter, &CurrentWorkFilter::filtersChanged, this, &WorkviewPage::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkviewPage::updateCounts);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WorkviewPage::selectionChanged);
    // A filter that hides the selected row changes the selection without always saying so.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &WorkviewPage::selectionChanged);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &WorkviewPage::selectionChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &WorkviewPage::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkviewPage::selectionChanged);
    connect(m_table, &QAbstractItemView::activated, this, &WorkviewPage::startOrOpen);
    connect(m_start, &QPushButton::clicked, this, &WorkviewPage::startWork);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedStepId())
            emit openStep(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, &WorkviewPage::cancelWork);
    connect(m_takeOver, &QPushButton::clicked, this, &WorkviewPage::askToTakeOver);
    connect(m_incoming, &IncomingRequestsPanel::openRequest, this, &WorkviewPage::openRequest);
    connect(m_incoming, &IncomingRequestsPanel::openPerson, this, &WorkviewPage::openPerson);
}

void WorkviewPage::connectDatabase()
{
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(100); // a burst of changes gives one reload
    connect(m_reloadTimer, &QTimer::timeout, this, &WorkviewPage::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        // "person": a child renamed, restricted or given another key worker (issue 19).
        if (kind == u"step"_s || kind == u"request"_s || kind == u"alert"_s ||
            kind == u"case_note"_s || kind == u"person"_s)
            scheduleReload();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &WorkviewPage::scheduleReload);
    connect(m_database, &DatabaseThread::connectionLost, this, &WorkviewPage::updateActions);

    m_clock = new QTimer(this);
    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, this,
            [this] { m_model->setNow(QDateTime::currentDateTime()); });
    m_clock->start();
}

void WorkviewPage::setWorker(const Worker &me)
{
    m_me = me;
    showWhoseSteps({});
    // The queues this worker works from (a Safeguarding Admin's CP-IS Worker; a key worker has
    // none), named in the subheading: before the first load, in the order the jobs run.
    m_database->submit<QStringList>(
        this, [id = me.id](Connection &c) { return WorkerDirectory(c).queuesOf(id); },
        [this, id = me.id](Result<QStringList> queues) {
            if (queues && id == m_me.id)
                showWhoseSteps(*queues);
        });
    m_filter->setMineOnly(m_whose->currentIndex() == 1, m_me.name);
    reload();
    m_alerts->reload();
    m_team->start();
}

void WorkviewPage::showWhoseSteps(const QStringList &queues)
{
    const QString names = queues.join(u", "_s);
    m_subheading->setText(
        queues.isEmpty() ? tr("Steps for %1.").arg(m_me.name)
        : queues.size() == 1
            ? tr("Steps for %1 and for %2, the virtual worker you work from.").arg(m_me.name, names)
            : tr("Steps for %1 and for the virtual workers you work from: %2.")
                  .arg(m_me.name, names));
}

void WorkviewPage::scheduleReload()
{
    // Not pushed back by later hints, so that a flood of them (issue 21) cannot starve it.
    if (!m_reloadTimer->isActive())
        m_reloadTimer->start();
}

void WorkviewPage::reload()
{
    if (m_me.id == 0)
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    const Worker me = m_me;
    m_database->submit<Workview>(
        this, [me](Connection &c) { return loadWorkview(c, me); },
        [this, id = me.id](Result<Workview> view) {
            m_loading = false;
            // Signed out (or another user signed in) while it loaded: not theirs to show.
            const bool stillTheirs = id == m_me.id;
            if (view && stillTheirs)
                applyWorkview(*view);
            else if (!view && stillTheirs && view.error().code != u"db.unreachable"_s)
                showMessage(tr("Current work could not be loaded: %1").arg(view.error().message),
                            true);
            if (m_reloadAgain) {
                m_reloadAgain = false;
                reload();
            }
        });
}

void WorkviewPage::applyWorkview(const Workview &view)
{
    const qint64 selected = selectedStepId();
    m_model->setNow(QDateTime::currentDateTime());
    m_model->setRows(view.currentWork);
    m_incoming->setRows(view.incomingRequests);
    // The row stays selected through the update; a step that left the folder takes the
    // selection with it, so say nothing stale beside the list.
    if (selected != 0 && selectedStepId() == 0)
        m_summary->clear();
    // The finished step was what Find matched: "Nothing matches" would hide the rest.
    if (std::exchange(m_clearEmptyFind, false) && m_filter->rowCount() == 0 &&
        !m_search->text().isEmpty())
        m_search->clear();
    if (selectedStepId() == 0 && m_filter->rowCount() > 0 && selected == 0) {
        m_table->selectRow(0);
    }
    updateCounts();
    updateActions();
    // A keyboard user starts in the list with work in it, not nowhere.
    if (!window()->focusWidget())
        (view.incomingRequests.isEmpty() ? m_table : m_incoming->table())
            ->setFocus(Qt::OtherFocusReason);
    emit loaded();
}

void WorkviewPage::updateCounts()
{
    m_folders->setTabText(0, tr("Incoming work (%1)").arg(m_filter->countFor(kIncoming)));
    m_folders->setTabText(1, tr("Work in progress (%1)").arg(m_filter->countFor(kInProgress)));
    const bool empty = m_filter->rowCount() == 0;
    m_empty->setVisible(empty && !m_finished->isVisible());
    if (empty) {
        const bool filtered = !m_search->text().trimmed().isEmpty() ||
                              !m_source->currentData().toString().isEmpty() ||
                              m_overdue->isChecked() || m_whose->currentIndex() != 0;
        m_empty->setText(
            filtered                         ? tr("Nothing matches these filters.")
            : m_folders->currentIndex() != 0 ? tr("No work in progress.")
            // Only a Safeguarding Admin's queue gets the notifications.
            : m_admin ? tr("No incoming work. New CP-IS notifications appear here by themselves.")
                      : tr("No incoming work."));
    }
}

qint64 WorkviewPage::selectedStepId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(CurrentWorkModel::StepIdRole).toLongLong();
}

bool WorkviewPage::selectStep(qint64 stepId)
{
    const int sourceRow = m_model->rowOf(stepId);
    if (sourceRow < 0)
        return false;
    const QString state = m_model->index(sourceRow, 0).data(CurrentWorkModel::StateRole).toString();
    m_folders->setCurrentIndex(state == kIncoming ? 0 : 1);
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return true;
}

void WorkviewPage::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool connected = m_database->isConnected();
    QString state;
    QString startedBy;
    if (!rows.isEmpty()) {
        state = rows.first().data(CurrentWorkModel::StateRole).toString();
        startedBy = rows.first().data(CurrentWorkModel::StartedByRole).toString();
    }
    const bool mine = state == kInProgress && startedBy == m_me.name;
    const bool colleagues = state == kInProgress && !mine;
    m_start->setEnabled(connected && state == kIncoming);
    // Any step opens: to work on when it is yours, to read otherwise (nothing is claimed).
    m_open->setEnabled(!state.isEmpty());
    m_open->setText(mine || state.isEmpty() ? tr("O&pen step") : tr("O&pen to read"));
    m_cancel->setEnabled(connected && (state == kIncoming || mine));
    m_takeOver->setVisible(m_admin && colleagues && !m_finished->isVisible());
    m_takeOver->setEnabled(connected && colleagues);
    if (colleagues) {
        m_start->setToolTip(tr("%1 is working on this step.").arg(startedBy));
    } else {
        m_start->setToolTip(withKeys(tr("Claim the selected step and open it"), m_keys.startWork));
        ++m_whyNotRequest;
        m_whyNot->clear();
    }
}

void WorkviewPage::selectionChanged()
{
    updateActions();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty()) {
        const QString startedBy = rows.first().data(CurrentWorkModel::StartedByRole).toString();
        if (rows.first().data(CurrentWorkModel::StateRole).toString() == kInProgress &&
            startedBy != m_me.name)
            explainColleaguesStep(rows.first().data(CurrentWorkModel::StepIdRole).toLongLong(),
                                  startedBy);
    }
    if (rows.isEmpty()) {
        // Nothing selected (Find or a filter took the row away): the panel says nothing
        // rather than keep showing a child who is no longer in the list.
        ++m_summaryRequest;
        m_summary->clear();
        return;
    }
    const qint64 personId = rows.first().data(CurrentWorkModel::SubjectIdRole).toLongLong();
    if (personId == m_summary->personId())
        return;
    const CurrentWorkItem *item = m_model->item(m_filter->mapToSource(rows.first()));
    loadSummary(personId, item ? item->subjectName : QString());
}

void WorkviewPage::loadSummary(qint64 personId, const QString &name)
{
    const quint64 request = ++m_summaryRequest;
    m_summary->showLoading(personId, name);
    m_database->submit<PersonSummary>(
        this, [personId](Connection &c) { return loadPersonSummary(c, personId); },
        [this, request](Result<PersonSummary> summary) {
            if (request != m_summaryRequest)
                return; // the selection moved on
            if (summary) {
                m_summary->showSummary(*summary);
                emit summaryShown(summary->id);
            } else {
                m_summary->showMessage(summary.error().message);
            }
        });
}

void WorkviewPage::startOrOpen()
{
    if (m_start->isEnabled())
        startWork();
    else if (m_open->isEnabled())
        emit openStep(selectedStepId());
}

void WorkviewPage::startWork()
{
    const qint64 stepId = selectedStepId();
    if (stepId == 0 || !m_start->isEnabled())
        return;
    m_start->setEnabled(false);
    m_database->submit<int>(
        this, [stepId](Connection &c) { return StepService(c).start(stepId); },
        [this, stepId](Result<int> started) {
            if (started) {
                m_message->hide();
                emit openStep(stepId);
            } else if (started.error().code == QString::fromLatin1(errc::kTaken)) {
                showMessage(tr("You cannot start this step: %1").arg(started.error().message),
                            true);
            } else {
                showMessage(started.error().message, true);
            }
            reload();
        });
}

void WorkviewPage::cancelWork()
{
    const qint64 stepId = selectedStepId();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (stepId == 0 || rows.isEmpty())
        return;
    const QString subject =
        rows.first().siblingAtColumn(CurrentWorkModel::Subject).data().toString();
    auto *dialog = new CancelWorkDialog(m_choices.cancelReasons, subject, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, stepId, subject] {
        const QString reason = dialog->reason();
        m_database->submit<Done>(
            this, [stepId, reason](Connection &c) { return StepService(c).cancel(stepId, reason); },
            [this, subject](Status done) {
                if (done)
                    showMessage(tr("Work cancelled: CPIS Follow Up for %1.").arg(subject), false);
                else
                    showMessage(done.error().message, true);
                reload();
            });
    });
    dialog->open();
}

void WorkviewPage::explainColleaguesStep(qint64 stepId, const QString &startedBy)
{
    const quint64 request = ++m_whyNotRequest;
    const QString action =
        m_admin ? tr("Open it to read it, or take it over.") : tr("Open it to read it.");
    m_whyNot->setText(tr("%1 is working on this step. %2").arg(startedBy, action));
    m_database->submit<StepDetail>(
        this, [stepId](Connection &c) { return StepService(c).load(stepId); },
        [this, request, action](Result<StepDetail> step) {
            if (request != m_whyNotRequest || !step || step->startedBy.isEmpty())
                return; // the selection moved on, or the line above says enough
            m_whyNot->setText(
                tr("%1 has had this step since %2. %3")
                    .arg(step->startedBy, Display::dateTime(step->startedAt), action));
        });
}

void WorkviewPage::showFinishedFolder(bool shown)
{
    if (shown == m_finished->isVisible())
        return;
    m_table->setVisible(!shown);
    m_finished->setVisible(shown);
    for (QWidget *w : std::initializer_list<QWidget *>{m_start, m_open, m_cancel, m_whyNot})
        w->setVisible(!shown);
    m_takeOver->setVisible(!shown && m_admin && m_takeOver->isEnabled());
    // The filters and Find are about open steps.
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_source, m_whose, m_overdue})
        w->setEnabled(!shown);
    if (shown) {
        m_empty->hide();
        // The open step selected before is not what the list shows now.
        ++m_summaryRequest;
        m_summary->clear();
        m_finished->reload();
    } else {
        updateCounts();
        selectionChanged();
    }
}

void WorkviewPage::askToTakeOver()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_takeOver->isEnabled())
        return;
    const qint64 stepId = rows.first().data(CurrentWorkModel::StepIdRole).toLongLong();
    const QString from = rows.first().data(CurrentWorkModel::StartedByRole).toString();
    const QString subject =
        rows.first().siblingAtColumn(CurrentWorkModel::Subject).data().toString();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Take over the step"),
                        tr("Take over the CPIS Follow Up for %1 from %2?").arg(subject, from),
                        QMessageBox::NoButton, this);
    box->setObjectName(u"takeOverQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("It becomes yours to work on. %1 is told by an alert; anything "
                               "they have not saved on it is not on the step.")
                                .arg(from));
    QPushButton *yes = box->addButton(tr("&Take over"), QMessageBox::AcceptRole);
    yes->setObjectName(u"takeOverConfirm"_s);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(yes);
    connect(box, &QMessageBox::finished, this, [this, box, yes, stepId, subject, from] {
        box->setObjectName({}); // answered, though not deleted yet
        if (box->clickedButton() == yes)
            takeOver(stepId, subject, from);
    });
    box->open();
}

void WorkviewPage::takeOver(qint64 stepId, const QString &subject, const QString &from)
{
    m_database->submit<int>(
        this, [stepId](Connection &c) { return StepService(c).takeOver(stepId); },
        [this, stepId, subject, from](Result<int> taken) {
            if (!taken) {
                showMessage(tr("Not taken over: %1").arg(taken.error().message), true);
                reload();
                return;
            }
            showMessage(tr("You have taken over the CPIS Follow Up for %1 from %2, who has "
                           "been told.")
                            .arg(subject, from),
                        false);
            reload();
            emit openStep(stepId);
        });
}

void WorkviewPage::clearForSignOut()
{
    m_me = {};
    m_subheading->clear();
    m_folders->setCurrentIndex(0);
    m_search->clear();
    m_model->setRows({});
    m_incoming->setRows({});
    m_finished->clear();
    ++m_summaryRequest;
    ++m_whyNotRequest;
    m_summary->clear();
    m_message->hide();
}

void WorkviewPage::stepFinished(const QString &confirmation)
{
    showMessage(confirmation, false);
    m_clearEmptyFind = true;
    scheduleReload();
}

void WorkviewPage::showMessage(const QString &text, bool problem)
{
    m_message->showMessage(text, problem ? BannerKind::Error : BannerKind::Success);
}

} // namespace cpis::ui

namespace cpis::ui {

void WorkviewPage::connectKeys()
{
    connect(m_keys.startWork, &QAction::triggered, this, &WorkviewPage::startOrOpen);
    connect(m_keys.openSelected, &QAction::triggered, this, &WorkviewPage::openSelected);
    pressOnTrigger(m_keys.cancelWork, m_cancel,
                   tr("Cancel the selected step, with a reason (for example a duplicate)"));
    pressOnTrigger(m_keys.acknowledgeAlert,
                   m_alerts->findChild<QPushButton *>(u"acknowledgeAlertButton"_s),
                   tr("Record that you have dealt with the selected alert"));
    connect(m_keys.personRecord, &QAction::triggered, this, &WorkviewPage::openSelectedPerson);
    connect(m_keys.find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_keys.refresh, &QAction::triggered, this, [this] {
        reload();
        m_alerts->reload();
    });
    connect(m_keys.nextPanel, &QAction::triggered, this, [this] { movePanel(1); });
    connect(m_keys.previousPanel, &QAction::triggered, this, [this] { movePanel(-1); });
}

void WorkviewPage::openSelected()
{
    if (m_incoming->isAncestorOf(focusWidget()))
        m_incoming->findChild<QPushButton *>(u"openRequestButton"_s)->click();
    else if (m_open->isEnabled())
        emit openStep(selectedStepId()); // to read, unless it is yours: nothing is claimed
}

void WorkviewPage::openSelectedPerson()
{
    if (m_incoming->isAncestorOf(focusWidget())) {
        m_incoming->findChild<QPushButton *>(u"openPersonFromRequestButton"_s)->click();
        return;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        emit openPerson(rows.first().data(CurrentWorkModel::SubjectIdRole).toLongLong());
}

void WorkviewPage::focusPanel(const QString &tableName)
{
    if (auto *list = findChild<QWidget *>(tableName); list && list->isVisibleTo(this))
        list->setFocus(Qt::ShortcutFocusReason);
}

void WorkviewPage::setMainPanel(bool safeguardingAdmin)
{
    m_admin = safeguardingAdmin;
    // A Safeguarding Admin works from Current work: first and largest, with empty Incoming
    // requests down to its heading line. A key worker's day starts with Incoming requests,
    // which gets the room. Empty Alerts are one line for everyone (at 720 px the key worker's
    // requests need the space).
    m_panels->insertWidget(safeguardingAdmin ? 0 : m_panels->count() - 1, m_currentWork);
    for (int i = 0; i < m_panels->count(); ++i) {
        QWidget *panel = m_panels->widget(i);
        const QWidget *main = safeguardingAdmin ? m_currentWork : m_incoming;
        m_panels->setStretchFactor(i, panel == main            ? 8
                                      : panel == m_currentWork ? 4
                                      : panel == m_team        ? 3
                                                               : 1);
    }
    m_incoming->setCollapseWhenEmpty(safeguardingAdmin);
    m_alerts->setCollapseWhenEmpty(true);
    m_mainPanel = safeguardingAdmin ? u"currentWorkTable"_s : u"incomingRequestsTable"_s;
}

void WorkviewPage::focusMainPanel()
{
    auto *list = findChild<QWidget *>(m_mainPanel);
    if (!list || !list->isVisibleTo(this))
        return;
    list->setFocus(Qt::OtherFocusReason);
}

void WorkviewPage::movePanel(int step)
{
    QList<QWidget *> panels;
    for (const QString &name :
         {u"incomingRequestsTable"_s, u"alertsTable"_s, u"teamRequestsTable"_s,
          u"currentWorkTable"_s, u"finishedStepsTable"_s}) {
        auto *list = findChild<QWidget *>(name);
        if (list && list->isVisibleTo(this) && list->isEnabled())
            panels << list;
    }
    if (panels.isEmpty())
        return;
    // In the order they are shown, top to bottom (the order differs by role).
    std::stable_sort(panels.begin(), panels.end(), [this](QWidget *a, QWidget *b) {
        return a->mapTo(this, QPoint(0, 0)).y() < b->mapTo(this, QPoint(0, 0)).y();
    });
    qsizetype at = -1;
    for (qsizetype i = 0; i < panels.size(); ++i) {
        if (panels.at(i) == focusWidget() || panels.at(i)->isAncestorOf(focusWidget()))
            at = i;
    }
    // From outside every list, F6 goes to the main panel and Shift+F6 to the last.
    const qsizetype count = panels.size();
    const qsizetype main =
        std::max<qsizetype>(0, panels.indexOf(findChild<QWidget *>(m_mainPanel)));
    const qsizetype next = at < 0 ? (step > 0 ? main : count - 1) : (at + step + count) % count;
    panels.at(next)->setFocus(Qt::ShortcutFocusReason);
}

bool WorkviewPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (startsSearch(key)) {
            m_search->setFocus(Qt::OtherFocusReason);
            m_search->setText(key->text());
            return true;
        }
    }
    // Down or Enter in Find goes back to the (now filtered) list.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_table->setFocus(Qt::OtherFocusReason);
            if (!m_table->selectionModel()->hasSelection() && m_filter->rowCount() > 0)
                m_table->selectRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cpis::ui
