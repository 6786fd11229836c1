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
#include "workflow/workview_query.h"
#include "workview/alerts_panel.h"
#include "workview/current_work_filter.h"
#include "workview/current_work_model.h"
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
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

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
    m_open->setToolTip(withKeys(tr("Open a step you are working on"), m_keys.openSelected));
    m_cancel = new QPushButton(tr("&Cancel work"), this);
    m_cancel->setObjectName(u"cancelWorkButton"_s);
    for (QPushButton *b : {m_start, m_open, m_cancel})
        b->setMinimumWidth(b->sizeHint().width() + 24);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_open);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
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
        m_filter->setState(index == 0 ? kIncoming : kInProgress);
        // Nobody has started incoming work: the column only matters for work in progress.
        m_table->setColumnHidden(CurrentWorkModel::StartedBy, index == 0);
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
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkviewPage::selectionChanged);
    connect(m_table, &QAbstractItemView::activated, this, &WorkviewPage::startOrOpen);
    connect(m_start, &QPushButton::clicked, this, &WorkviewPage::startWork);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedStepId())
            emit openStep(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, &WorkviewPage::cancelWork);
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
    m_subheading->setText(
        tr("Steps for %1 and the virtual workers you work from, such as CP-IS Worker.")
            .arg(me.name));
    m_filter->setMineOnly(m_whose->currentIndex() == 1, m_me.name);
    reload();
    m_alerts->reload();
    m_team->start();
}

void WorkviewPage::scheduleReload()
{
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
        [this](Result<Workview> view) {
            m_loading = false;
            if (view)
                applyWorkview(*view);
            else if (view.error().code != u"db.unreachable"_s)
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
    m_empty->setVisible(empty);
    if (empty) {
        const bool filtered = !m_search->text().trimmed().isEmpty() ||
                              !m_source->currentData().toString().isEmpty() ||
                              m_overdue->isChecked() || m_whose->currentIndex() != 0;
        m_empty->setText(
            filtered ? tr("Nothing matches these filters.")
            : m_folders->currentIndex() == 0
                ? tr("No incoming work. New CP-IS notifications appear here by themselves.")
                : tr("No work in progress."));
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
    m_start->setEnabled(connected && state == kIncoming);
    m_open->setEnabled(mine);
    m_cancel->setEnabled(connected && (state == kIncoming || mine));
    if (state == kInProgress && !mine)
        m_start->setToolTip(tr("%1 is working on this step.").arg(startedBy));
    else
        m_start->setToolTip(withKeys(tr("Claim the selected step and open it"), m_keys.startWork));
}

void WorkviewPage::selectionChanged()
{
    updateActions();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 personId = rows.first().data(CurrentWorkModel::SubjectIdRole).toLongLong();
    if (personId == m_summary->personId())
        return;
    const CurrentWorkItem *item = m_model->item(m_filter->mapToSource(rows.first()));
    loadSummary(personId, item ? item->subjectName : QString());
}

void WorkviewPage::loadSummary(qint64 personId, const QString &name)
{
    const quint64 request = ++m_summaryRequest;
    m_summary->showLoading(name);
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
    else
        startOrOpen();
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

void WorkviewPage::movePanel(int step)
{
    QList<QWidget *> panels;
    for (const QString &name : {u"incomingRequestsTable"_s, u"alertsTable"_s,
                                u"teamRequestsTable"_s, u"currentWorkTable"_s}) {
        auto *list = findChild<QWidget *>(name);
        if (list && list->isVisibleTo(this) && list->isEnabled())
            panels << list;
    }
    if (panels.isEmpty())
        return;
    qsizetype at = -1;
    for (qsizetype i = 0; i < panels.size(); ++i) {
        if (panels.at(i) == focusWidget() || panels.at(i)->isAncestorOf(focusWidget()))
            at = i;
    }
    // From outside every list, F6 goes to the first and Shift+F6 to the last.
    const qsizetype count = panels.size();
    const qsizetype next = at < 0 ? (step > 0 ? 0 : count - 1) : (at + step + count) % count;
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
