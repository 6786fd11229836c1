#include "admin/data_quality_window.h"

#include "admin/data_quality_filter.h"
#include "admin/data_quality_model.h"
#include "admin/notification_charts.h"
#include "cpis/records_export.h"
#include "kit/heading.h"
#include "kit/message_banner.h"
#include "long_work.h"
#include "panel_parts.h"
#include "window_memory.h"

#include <QDate>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
struct Figures
{
    DataQualityReport report;
    QList<NotificationDay> days;
};
} // namespace

DataQualityWindow::DataQualityWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_model(new DataQualityModel(this)),
      m_filter(new DataQualityFilter(this))
{
    setObjectName(u"dataQualityWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Data quality")); // the desktop adds the program's name
    fitToScreen(this, {1280, 900});     // the charts below the list, within a 1366x768 screen too
    m_filter->setSourceModel(m_model);

    auto *page = new QWidget(this);
    auto *title = panelHeading(page, u"dataQualityTitle"_s);
    title->setText(tr("Data quality: children in CP-IS scope"));
    m_headline = new QLabel(tr("Loading the figures…"), page);
    m_headline->setObjectName(u"dataQualityHeadline"_s);
    setHeadingStyle(m_headline, HeadingLevel::Section);
    m_headline->setWordWrap(true);
    m_counts = new QLabel(page);
    m_counts->setObjectName(u"dataQualityCounts"_s);
    m_counts->setWordWrap(true);
    m_message = new MessageBanner(u"dataQualityMessage"_s, page);

    auto *lists = new QWidget(page);
    auto *listsHeading = panelHeading(lists, u"dataQualityListsHeading"_s);
    listsHeading->setText(tr("The children behind the figure"));
    m_lists = new QTabBar(lists);
    m_lists->setObjectName(u"dataQualityLists"_s);
    m_lists->setExpanding(false);
    m_lists->setDrawBase(false);
    for (const QString &list : DataQualityReport::lists()) {
        const int tab =
            m_lists->addTab(tr("%1 (%2)").arg(DataQualityReport::shownListTitle(list)).arg(0));
        m_lists->setTabData(tab, list);
    }
    m_table = new QTableView(lists);
    m_table->setObjectName(u"dataQualityTable"_s);
    m_table->setAccessibleName(tr("Children on this list"));
    m_table->setModel(m_filter);
    m_empty = new QLabel(tr("Nobody is on this list."), lists);
    m_empty->setObjectName(u"dataQualityEmpty"_s);
    m_empty->hide();
    setUpListTable(m_table);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DataQualityModel::Person, Qt::AscendingOrder);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(DataQualityModel::Person,
                            metrics.horizontalAdvance(u"Thomas Alexander Turner (3549728)"_s) + 24);
    m_table->setColumnWidth(DataQualityModel::NhsNumber,
                            metrics.horizontalAdvance(u"NHS number 9990000000"_s) + 16);

    auto *hint =
        new QLabel(tr("Double-click a child or press Enter to open the person record at the action "
                      "that fixes it."),
                   lists);
    hint->setObjectName(u"dataQualityHint"_s);
    m_open = new QPushButton(tr("&Open person record"), lists);
    m_open->setObjectName(u"dataQualityOpenPersonButton"_s);
    m_export = new QPushButton(tr("&Export to CSV…"), lists);
    m_export->setObjectName(u"dataQualityExportButton"_s);
    m_export->setToolTip(tr("Save every list (not only this one) as a CSV file"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_export);
    // Issue 20 "Out": the notifications of a period, for the main case system.
    auto *recordsLabel = new QLabel(tr("Notifications received from"), lists);
    m_recordsFrom = new QDateEdit(QDate::currentDate().addDays(-7), lists);
    m_recordsFrom->setObjectName(u"recordsExportFrom"_s);
    m_recordsFrom->setCalendarPopup(true);
    m_recordsFrom->setDisplayFormat(u"dd/MM/yyyy"_s);
    recordsLabel->setBuddy(m_recordsFrom);
    auto *toLabel = new QLabel(tr("to"), lists);
    m_recordsTo = new QDateEdit(QDate::currentDate(), lists);
    m_recordsTo->setObjectName(u"recordsExportTo"_s);
    m_recordsTo->setCalendarPopup(true);
    m_recordsTo->setDisplayFormat(u"dd/MM/yyyy"_s);
    toLabel->setBuddy(m_recordsTo);
    m_exportRecords = new QPushButton(tr("Export &notifications…"), lists);
    m_exportRecords->setObjectName(u"recordsExportButton"_s);
    m_exportRecords->setToolTip(tr("Save what happened to each CP-IS notification received in "
                                   "the period as a CSV file for the main case system"));
    auto *records = new QHBoxLayout;
    records->addWidget(recordsLabel);
    records->addWidget(m_recordsFrom);
    records->addWidget(toLabel);
    records->addWidget(m_recordsTo);
    records->addWidget(m_exportRecords);
    records->addStretch(1);
    auto *listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->addWidget(listsHeading);
    listsLayout->addWidget(m_lists);
    listsLayout->addWidget(m_table, 1);
    listsLayout->addWidget(m_empty);
    listsLayout->addLayout(buttons);
    listsLayout->addLayout(records);

    m_charts = new NotificationCharts(page);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(u"dataQualitySplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(lists);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_headline);
    layout->addWidget(m_counts);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    setCentralWidget(page);

    connect(m_lists, &QTabBar::currentChanged, this, &DataQualityWindow::showList);
    connect(m_table, &QAbstractItemView::activated, this, &DataQualityWindow::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &DataQualityWindow::openCurrent);
    connect(m_export, &QPushButton::clicked, this, &DataQualityWindow::chooseExportFile);
    connect(m_exportRecords, &QPushButton::clicked, this,
            &DataQualityWindow::chooseRecordsExportFile);
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    // Anything may change a figure (a plan, an NHS number, an acknowledgement, a step):
    // reload once a burst of changes is over.
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, &DataQualityWindow::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        // Started once, not pushed back by later hints: a flood of them cannot starve it.
        if (kind != u"person_opened"_s && !m_reloadTimer->isActive())
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &DataQualityWindow::reload);
    showList(0);
    reload();
}

QString DataQualityWindow::headline(const DataQualityReport &report)
{
    if (report.inScope == 0)
        return tr("No children are in CP-IS scope (none on a shared plan).");
    const QString share = report.matchedPercentText();
    if (report.matchedPercent() >= DataQualityReport::kRequiredShare)
        return tr("\u2714 %1% matched — meets the %2% CP-IS requires")
            .arg(share)
            .arg(DataQualityReport::kRequiredShare);
    return tr("\u26a0 %1% matched — below the %2% CP-IS requires")
        .arg(share)
        .arg(DataQualityReport::kRequiredShare);
}

void DataQualityWindow::reload()
{
    submitWithProgress<Figures>(
        m_database, this, tr("Counting the data quality figures…"),
        [](Connection &c) -> Result<Figures> {
            auto report = loadDataQuality(c);
            if (!report)
                return report.error();
            auto days = loadNotificationStatistics(c, kChartDays);
            if (!days)
                return days.error();
            return Figures{*report, *days};
        },
        [this](Result<Figures> figures) {
            if (!figures) {
                if (!m_loaded)
                    m_headline->setText(tr("The figures could not be loaded."));
                if (figures.error().code == u"cancelled"_s)
                    showMessage(tr("Counting the figures was cancelled. They are counted again "
                                   "when the data changes, or when you open this window again."));
                else if (figures.error().code != u"db.unreachable"_s)
                    showMessage(tr("The data quality figures could not be loaded: %1")
                                    .arg(figures.error().message));
                return;
            }
            apply(figures->report, figures->days);
        });
}

void DataQualityWindow::apply(const DataQualityReport &report, const QList<NotificationDay> &days)
{
    m_report = report;
    m_loaded = true;
    m_message->hide();
    const bool enough = report.matchedPercent() >= DataQualityReport::kRequiredShare;
    m_headline->setText(headline(report));
    m_headline->setStyleSheet(
        MessageBanner::styleSheetFor(enough ? BannerKind::Success : BannerKind::Error));
    QString counts = tr("%1 of %2 children in CP-IS scope are matched (a verified NHS number "
                        "accepted by CP-IS). For the other %3, health staff do not see the flag.")
                         .arg(report.matched)
                         .arg(report.inScope)
                         .arg(report.inScope - report.matched);
    if (report.notListed > 0)
        counts += u' ' + tr("%n more child(ren) with a problem have restricted records you may "
                            "not open: counted here, not listed.",
                            nullptr, int(report.notListed));
    m_counts->setText(counts);
    // A refresh keeps the child the admin was on, so that working down a list survives it.
    const qint64 current =
        m_table->currentIndex().data(DataQualityModel::PersonIdRole).toLongLong();
    m_model->setRows(report.rows);
    for (int tab = 0; tab < m_lists->count(); ++tab) {
        const QString list = m_lists->tabData(tab).toString();
        m_lists->setTabText(tab, tr("%1 (%2)")
                                     .arg(DataQualityReport::shownListTitle(list))
                                     .arg(report.list(list).size()));
    }
    m_charts->setDays(days);
    selectPerson(current);
    emit loaded();
}

void DataQualityWindow::showList(int tab)
{
    m_filter->setList(m_lists->tabData(tab).toString());
    selectPerson(0);
}

void DataQualityWindow::selectPerson(qint64 personId)
{
    const int rows = m_filter->rowCount();
    int row = 0;
    for (int r = 0; r < rows && personId != 0; ++r) {
        if (m_filter->index(r, 0).data(DataQualityModel::PersonIdRole).toLongLong() == personId)
            row = r;
    }
    if (rows > 0)
        m_table->setCurrentIndex(m_filter->index(row, 0));
    m_open->setEnabled(rows > 0);
    m_empty->setVisible(m_loaded && rows == 0);
}

void DataQualityWindow::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const qint64 personId = current.data(DataQualityModel::PersonIdRole).toLongLong();
    emit openPerson(personId);
    emit fixPerson(personId, current.data(DataQualityModel::ListRole).toString());
}

QFileDialog *DataQualityWindow::saveCsvDialog(const QString &title, const QString &objectName,
                                              const QString &fileName)
{
    auto *dialog = new QFileDialog(this, title);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setDirectory(QDir::home());
    dialog->selectFile(fileName);
    return dialog;
}

void DataQualityWindow::chooseExportFile()
{
    auto *dialog = saveCsvDialog(
        tr("Export data quality to CSV"), u"exportCsvDialog"_s,
        u"cpis-data-quality-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { exportCsv(path); });
    dialog->open();
}

void DataQualityWindow::exportCsv(const QString &path)
{
    m_export->setEnabled(false);
    const qsizetype rows = m_report.rows.size();
    // A copy of the report (shared, not copied row by row) is made into CSV off the GUI thread.
    runWithProgress(
        this, tr("Saving the lists to %1…").arg(QDir::toNativeSeparators(path)),
        [path, report = m_report](const WriteProgress &progress) {
            return writeWholeFile(path, report.csvLines(), progress);
        },
        [this, path, rows](const Status &written) {
            m_export->setEnabled(true);
            if (written) {
                m_message->showPlain(tr("Saved the lists (%1 rows) to %2.")
                                         .arg(rows)
                                         .arg(QDir::toNativeSeparators(path)));
            } else if (written.error().code == u"cancelled"_s) {
                showMessage(tr("Saving the CSV file was cancelled. Nothing was saved."));
            } else {
                showMessage(written.error().message + u' ' + written.error().hint);
            }
            emit exported(written.ok());
        });
}

void DataQualityWindow::chooseRecordsExportFile()
{
    const QDate from = m_recordsFrom->date();
    const QDate to = m_recordsTo->date();
    if (to < from) {
        showMessage(tr("The period ends before it starts: choose a \"to\" date on or after the "
                       "\"from\" date."));
        return;
    }
    auto *dialog = saveCsvDialog(tr("Export notifications to CSV"), u"exportRecordsDialog"_s,
                                 u"cpis-notifications-%1-to-%2.csv"_s.arg(
                                     from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, from, to](const QString &path) { exportRecords(from, to, path); });
    dialog->open();
}

void DataQualityWindow::exportRecords(const QDate &from, const QDate &to, const QString &path)
{
    m_exportRecords->setEnabled(false);
    // Read and written off the GUI thread; the file is written whole or not at all.
    submitWithProgress<qsizetype>(
        m_database, this, tr("Saving the notifications to %1…").arg(QDir::toNativeSeparators(path)),
        [from, to, path](Connection &c) -> Result<qsizetype> {
            auto exported = loadRecordsExport(c, from, to);
            if (!exported)
                return exported.error();
            if (auto written = writeWholeFile(path, exported->csvLines()); !written)
                return written.error();
            return exported->rows.size();
        },
        [this, path](Result<qsizetype> written) {
            m_exportRecords->setEnabled(true);
            if (written) {
                m_message->showPlain(tr("Saved %n notification(s) to %1.", nullptr, int(*written))
                                         .arg(QDir::toNativeSeparators(path)));
            } else if (written.error().code == u"cancelled"_s) {
                showMessage(tr("Saving the notifications was cancelled. Nothing was saved."));
            } else {
                showMessage(written.error().message + u' ' + written.error().hint);
            }
            emit recordsExported(written.ok());
        });
}

void DataQualityWindow::showMessage(const QString &text)
{
    m_message->showMessage(text, BannerKind::Error);
}

} // namespace cpis::ui
