// Administration → Import records…: the records feed from the main case system, by hand. A
// file is checked first (a dry run, shown as a table of new, changed, unchanged and refused
// rows with the reasons), then imported; both run on the database thread with progress and
// Cancel, and a cancelled import rolls back, leaving nothing applied.
#pragma once

#include "db/database_worker.h"
#include "workflow/records_import.h"

#include <QMainWindow>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace cpis::ui {

class MessageBanner;
class RecordsImportModel;
struct RecordsImportProgressBox;

class RecordsImportWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsImportWindow)

public:
    explicit RecordsImportWindow(DatabaseThread *database, QWidget *parent = nullptr);

    // Checks the file (a dry run); checked() tells when it is over.
    void check(const QString &path);
    // Imports the file last checked; imported() tells when it is over (false: cancelled or
    // failed, and nothing was applied).
    void import();
    [[nodiscard]] const RecordsImportReport &report() const { return m_report; }
    // The job running now, for Cancel (0 when none).
    [[nodiscard]] JobId runningJob() const { return m_job; }
    void cancelRunning();

signals:
    void checked(bool ok);
    void imported(bool ok);
    // Each step of progress shown under the table ("Checked 40,000 of 100,000 rows").
    void progressShown(const QString &text);

private:
    void run(bool dryRun);
    void finished(bool dryRun, Result<RecordsImportReport> report);
    void chooseFile();
    void setBusy(bool busy);
    void showProgress();

    DatabaseThread *m_database;
    RecordsImportReport m_report;
    QString m_checkedPath;
    JobId m_job = 0;
    RecordsImportModel *m_model = nullptr;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_snapshot = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_progress = nullptr;
    QProgressBar *m_bar = nullptr;
    // What the database thread last said, read here on a timer (the job never touches the
    // window, which may be gone before it ends).
    std::shared_ptr<RecordsImportProgressBox> m_box;
    QTimer *m_poll = nullptr;
    MessageBanner *m_message = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace cpis::ui
