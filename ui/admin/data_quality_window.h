// Administration → Data quality: the matched share of the children in CP-IS scope against
// the 95% CP-IS requires, the lists behind it (each row opens the person record), export to
// CSV, and the charts of notifications received and handled over the last 90 days.
#pragma once

#include "cpis/data_quality.h"
#include "cpis/notification_statistics.h"
#include "db/database_worker.h"

#include <QMainWindow>

class QDateEdit;
class QFileDialog;
class QLabel;
class QPushButton;
class QTabBar;
class QTableView;
class QTimer;

namespace cpis::ui {

class MessageBanner;
class DataQualityFilter;
class DataQualityModel;
class NotificationCharts;

class DataQualityWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataQualityWindow)

public:
    static constexpr int kChartDays = 90;

    explicit DataQualityWindow(DatabaseThread *database, QWidget *parent = nullptr);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const DataQualityReport &report() const { return m_report; }
    void reload();
    // Writes every list as CSV to `path` whole or not at all, off the GUI thread; the
    // window says which, and exported() tells when it is over.
    void exportCsv(const QString &path);
    // Issue 20 "Out": what happened to each CP-IS notification received from `from` to `to`,
    // written to `path` as CSV for the main case system (core/cpis/records_export.h);
    // recordsExported() tells when it is over.
    void exportRecords(const QDate &from, const QDate &to, const QString &path);
    // The headline as it reads, e.g. "93.4% matched — below the 95% CP-IS requires".
    static QString headline(const DataQualityReport &report);

signals:
    void loaded();
    void exported(bool saved);
    void recordsExported(bool saved);
    void openPerson(qint64 personId);
    // The same, with the list the child is on: the record opens at the action that fixes it.
    void fixPerson(qint64 personId, const QString &list);

private:
    void apply(const DataQualityReport &report, const QList<NotificationDay> &days);
    void showList(int tab);
    // Makes that child (else the first row) current in the shown list.
    void selectPerson(qint64 personId);
    void openCurrent();
    // A save dialog for a CSV file, in the home folder, proposing fileName.
    QFileDialog *saveCsvDialog(const QString &title, const QString &objectName,
                               const QString &fileName);
    void chooseExportFile();
    void chooseRecordsExportFile();
    void showMessage(const QString &text);

    DatabaseThread *m_database;
    DataQualityReport m_report;
    bool m_loaded = false;
    DataQualityModel *m_model = nullptr;
    DataQualityFilter *m_filter = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_counts = nullptr;
    MessageBanner *m_message = nullptr;
    QTabBar *m_lists = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_export = nullptr;
    QDateEdit *m_recordsFrom = nullptr;
    QDateEdit *m_recordsTo = nullptr;
    QPushButton *m_exportRecords = nullptr;
    NotificationCharts *m_charts = nullptr;
    QTimer *m_reloadTimer = nullptr;
};

} // namespace cpis::ui
