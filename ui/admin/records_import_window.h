// Administration → Import records…: the records feed from the main case system, by hand. A
// file is checked first (a dry run, shown as a table of new, changed, unchanged and refused
// rows with the reasons), then imported; both run on the database thread with progress and
// Cancel, and a cancelled import rolls back, leaving nothing applied.
#pragma once

#include "db/database_worker.h"
#include "workflow/records_import.h"

#include <QMainWindow>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cpis::ui {

class MessageBanner;
class RecordsImportModel;

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

private:
    void run(bool dryRun);
    void finished(bool dryRun, Result<RecordsImportReport> report);
    void chooseFile();
    void setBusy(bool busy);

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
    MessageBanner *m_message = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace cpis::ui
