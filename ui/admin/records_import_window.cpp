#include "admin/records_import_window.h"

#include "kit/message_banner.h"
#include "kit/row_table_model.h"
#include "panel_parts.h"

#include "window_memory.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

// The progress the import's job reports on the database thread, until the window reads it.
struct RecordsImportProgressBox
{
    QMutex mutex;
    QList<RecordsImportProgress> said;
};

// The lines of a report: refused first (what needs doing), then missing plans, then the rest.
class RecordsImportModel final : public RowTableModel<RecordsImportLine>
{
public:
    enum Column { Line, Outcome, Person, ColumnName, Reason };

    explicit RecordsImportModel(QObject *parent) : RowTableModel(parent)
    {
        setColumns({
            ColumnSpec([] { return RecordsImportWindow::tr("Line"); },
                       [](const RecordsImportLine &l) {
                           return l.line > 0 ? QVariant(l.line) : QVariant();
                       }),
            ColumnSpec([] { return RecordsImportWindow::tr("Outcome"); },
                       [](const RecordsImportLine &l) { return outcomeText(l.outcome); }),
            ColumnSpec([] { return RecordsImportWindow::tr("Person"); },
                       [](const RecordsImportLine &l) {
                           return l.personId > 0 ? u"%1 (%2)"_s.arg(l.name).arg(l.personId)
                                                 : l.name;
                       }),
            ColumnSpec([] { return RecordsImportWindow::tr("Column"); },
                       [](const RecordsImportLine &l) { return l.column; }),
            ColumnSpec([] { return RecordsImportWindow::tr("Reason"); },
                       [](const RecordsImportLine &l) { return l.reason; })
                .withToolTip([](const RecordsImportLine &l) { return l.reason; }),
        });
    }

    static QString outcomeText(const QString &outcome)
    {
        if (outcome == u"new"_s)
            return RecordsImportWindow::tr("New");
        if (outcome == u"changed"_s)
            return RecordsImportWindow::tr("Changed");
        if (outcome == u"unchanged"_s)
            return RecordsImportWindow::tr("Unchanged");
        if (outcome == u"refused"_s)
            return RecordsImportWindow::tr("Refused");
        return RecordsImportWindow::tr("Missing from the file");
    }

    void setReport(const RecordsImportReport &report)
    {
        QList<RecordsImportLine> rows;
        for (const char16_t *outcome : {u"refused", u"missing", u"new", u"changed", u"unchanged"})
            for (const RecordsImportLine &l : report.lines)
                if (l.outcome == outcome)
                    rows << l;
        setRows(rows);
    }
};

RecordsImportWindow::RecordsImportWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_model(new RecordsImportModel(this))
{
    setObjectName(u"recordsImportWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Import records"));
    fitToScreen(this, {1100, 760}); // its Import button on a 1280x720 screen too

    auto *page = new QWidget(this);
    auto *title = panelHeading(page, u"recordsImportTitle"_s);
    title->setText(tr("Import children on plans from the main case system"));
    auto *intro = new QLabel(
        tr("Choose the CSV file the main case system wrote. It is checked first: nothing "
           "changes until you press Import."),
        page);
    intro->setWordWrap(true);

    auto *fileLabel = new QLabel(tr("&File:"), page);
    m_path = new QLineEdit(page);
    m_path->setObjectName(u"recordsImportFile"_s);
    m_path->setAccessibleName(tr("The records file to import"));
    fileLabel->setBuddy(m_path);
    m_choose = new QPushButton(tr("C&hoose…"), page);
    m_choose->setObjectName(u"recordsImportChoose"_s);
    m_snapshot = new QCheckBox(tr("The file lists &every child on a plan (list the plans here "
                                  "it lacks)"),
                               page);
    m_snapshot->setObjectName(u"recordsImportSnapshot"_s);
    m_check = new QPushButton(tr("&Check the file"), page);
    m_check->setObjectName(u"recordsImportCheck"_s);
    m_check->setDefault(true);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    fileRow->addWidget(m_check);

    m_message = new MessageBanner(u"recordsImportMessage"_s, page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(u"recordsImportSummary"_s);
    m_summary->setWordWrap(true);
    m_progress = new QLabel(page);
    m_progress->setObjectName(u"recordsImportProgress"_s);
    m_progress->hide();
    m_bar = new QProgressBar(page);
    m_bar->setObjectName(u"recordsImportProgressBar"_s);
    m_bar->setAccessibleName(tr("How far the import is"));
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &RecordsImportWindow::showProgress);

    m_table = new QTableView(page);
    m_table->setObjectName(u"recordsImportTable"_s);
    m_table->setAccessibleName(tr("What each row of the file would become"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RecordsImportModel::Line, 60);
    m_table->setColumnWidth(RecordsImportModel::Outcome, 160);
    m_table->setColumnWidth(RecordsImportModel::Person, 240);
    m_table->setColumnWidth(RecordsImportModel::ColumnName, 180);

    m_import = new QPushButton(tr("&Import"), page);
    m_import->setObjectName(u"recordsImportApply"_s);
    m_import->setEnabled(false);
    m_cancel = new QPushButton(tr("Cancel the import"), page);
    m_cancel->setObjectName(u"recordsImportCancel"_s);
    m_cancel->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_bar, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_snapshot);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setCentralWidget(page);

    connect(m_choose, &QPushButton::clicked, this, &RecordsImportWindow::chooseFile);
    connect(m_check, &QPushButton::clicked, this, [this] { check(m_path->text()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { check(m_path->text()); });
    connect(m_import, &QPushButton::clicked, this, &RecordsImportWindow::import);
    connect(m_cancel, &QPushButton::clicked, this, &RecordsImportWindow::cancelRunning);
    // A changed file or choice must be checked again before it is imported.
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_import->setEnabled(false); });
    connect(m_snapshot, &QCheckBox::toggled, this, [this] { m_import->setEnabled(false); });
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
}

void RecordsImportWindow::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose the records file"));
    dialog->setObjectName(u"recordsImportFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDirectory(QDir::home());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_path->setText(QDir::toNativeSeparators(path));
        check(path);
    });
    dialog->open();
}

void RecordsImportWindow::check(const QString &path)
{
    m_path->setText(path);
    m_checkedPath = path;
    m_import->setEnabled(false);
    run(true);
}

void RecordsImportWindow::import()
{
    if (m_checkedPath.isEmpty())
        return;
    run(false);
}

void RecordsImportWindow::run(bool dryRun)
{
    const QString path = m_checkedPath.trimmed();
    if (path.isEmpty()) {
        m_message->showMessage(tr("Choose the file to import first."), BannerKind::Error);
        emit checked(false);
        return;
    }
    auto box = std::make_shared<RecordsImportProgressBox>();
    m_box = box;
    const RecordsImportOptions options{dryRun, m_snapshot->isChecked(),
                                       [box](const RecordsImportProgress &p) {
                                           const QMutexLocker lock(&box->mutex);
                                           box->said << p;
                                       }};
    const QString label = dryRun ? tr("Checking %1…").arg(QFileInfo(path).fileName())
                                 : tr("Importing %1…").arg(QFileInfo(path).fileName());
    // The window's own words, bar and Cancel the import say how far it is (no progress dialog
    // over them: it would hide the table and take the window's Cancel away).
    setBusy(true);
    m_progress->setText(label);
    // The file is read on the database thread too: a large one never holds up the window.
    m_job = m_database->submit<RecordsImportReport>(
        this,
        [path, options](Connection &c) -> Result<RecordsImportReport> {
            auto file = readRecordsImportFile(path);
            if (!file)
                return file.error();
            return importRecords(c, *file, options);
        },
        [this, dryRun](Result<RecordsImportReport> report) {
            showProgress(); // the last steps, before the bar goes
            finished(dryRun, std::move(report));
        });
}

void RecordsImportWindow::cancelRunning()
{
    if (m_job != 0)
        m_database->cancel(m_job);
}

void RecordsImportWindow::finished(bool dryRun, Result<RecordsImportReport> report)
{
    m_job = 0;
    setBusy(false);
    if (!report) {
        if (report.error().code == u"cancelled"_s)
            m_message->showMessage(dryRun ? tr("Checking the file was cancelled.")
                                          : tr("The import was cancelled: nothing was applied."),
                                   BannerKind::Warning);
        else
            m_message->showMessage(report.error().message, BannerKind::Error);
        if (dryRun)
            emit checked(false);
        else
            emit imported(false);
        return;
    }
    m_report = *report;
    m_model->setReport(m_report);
    m_summary->setText(m_report.summary());
    if (dryRun) {
        const int applicable = m_report.count(u"new") + m_report.count(u"changed");
        m_import->setEnabled(applicable > 0);
        if (m_report.allApplied())
            m_message->showMessage(tr("Every row can be imported. Press Import to apply them."),
                                   BannerKind::Info);
        else
            m_message->showMessage(
                tr("%n row(s) would be refused, with the reasons below; the others can be "
                   "imported.",
                   nullptr, m_report.count(u"refused")),
                BannerKind::Warning);
        emit checked(true);
    } else {
        m_message->showMessage(
            m_report.allApplied()
                ? tr("Imported: every row was applied.")
                : tr("Imported, but %n row(s) were refused, with the reasons below.", nullptr,
                     m_report.count(u"refused")),
            m_report.allApplied() ? BannerKind::Success : BannerKind::Warning);
        emit imported(true);
    }
}

void RecordsImportWindow::showProgress()
{
    QList<RecordsImportProgress> said;
    if (m_box) {
        const QMutexLocker lock(&m_box->mutex);
        said.swap(m_box->said);
    }
    for (const RecordsImportProgress &p : std::as_const(said)) {
        m_bar->setRange(0, int(p.overallTotal()));
        m_bar->setValue(int(p.overallDone()));
        m_progress->setText(p.text());
        emit progressShown(p.text());
    }
}

void RecordsImportWindow::setBusy(bool busy)
{
    if (busy) {
        m_bar->setRange(0, 0); // busy until the database says how far it is
        m_poll->start();
    } else {
        m_poll->stop();
    }
    m_bar->setVisible(busy);
    m_progress->setVisible(busy);
    m_cancel->setEnabled(busy);
    m_check->setEnabled(!busy);
    m_choose->setEnabled(!busy);
    if (busy)
        m_import->setEnabled(false);
}

} // namespace cpis::ui
