// Incoming requests (N) sent to the worker, then Current work: Incoming work (N) and work in
// progress for the signed-in worker and the virtual workers they work from, with the subject's
// summary beside the list. Refreshes by itself when anyone changes a step, keeping the selection.
#pragma once

#include "db/database_worker.h"
#include "keyboard/window_keys.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabBar;
class QTableView;
class QTimer;

namespace cpis::ui {

class MessageBanner;
class CurrentWorkFilter;
class AlertsPanel;
class CurrentWorkModel;
class IncomingRequestsPanel;
class PersonSummaryPanel;
class TeamRequestsPanel;

class WorkviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkviewPage)

public:
    explicit WorkviewPage(DatabaseThread *database, QWidget *parent = nullptr);

    void setWorker(const Worker &me);
    void setChoices(const StepChoices &choices) { m_choices = choices; }
    void reload();
    // Selects the step's row (switching folder when needed); false when it is not listed.
    bool selectStep(qint64 stepId);
    [[nodiscard]] qint64 selectedStepId() const;

    [[nodiscard]] CurrentWorkModel *model() const { return m_model; }
    [[nodiscard]] CurrentWorkFilter *filter() const { return m_filter; }
    [[nodiscard]] IncomingRequestsPanel *incomingRequests() const { return m_incoming; }
    [[nodiscard]] AlertsPanel *alerts() const { return m_alerts; }
    [[nodiscard]] TeamRequestsPanel *teamRequests() const { return m_team; }
    [[nodiscard]] const WorkviewKeys &keys() const { return m_keys; }

protected:
    // Type-to-search: printable text typed in the Current work table goes to Find.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void openStep(qint64 stepId);
    void openRequest(const cpis::IncomingRequest &request);
    void openPerson(qint64 personId);
    void loaded(); // after each refresh of the list
    void summaryShown(qint64 personId);

private:
    // The folder tabs and Find on one row, the filters on the next.
    struct FilterBars
    {
        QHBoxLayout *folders;
        QHBoxLayout *filters;
    };

    void buildHeading();
    FilterBars buildFilters();
    void buildCurrentWorkTable();
    QHBoxLayout *buildStepButtons();
    // The list (with its filters and buttons) beside the subject's summary.
    QSplitter *buildCurrentWork(const FilterBars &bars, QHBoxLayout *buttons);
    // Incoming requests, alerts, team requests and Current work, one above the other.
    QSplitter *buildPanels(QSplitter *listAndSummary);
    void setTabOrders();
    void connectFilters();
    void connectCurrentWork();
    void connectDatabase();
    void scheduleReload();
    void applyWorkview(const Workview &view);
    void updateCounts();
    void updateActions();
    void selectionChanged();
    void loadSummary(qint64 personId, const QString &name);
    void startOrOpen();
    void startWork();
    void cancelWork();
    void showMessage(const QString &text, bool problem);
    void connectKeys();
    void openSelected();
    void openSelectedPerson();
    // F6 / Shift+F6: the panels' lists, in the order they are shown.
    void movePanel(int step);

    DatabaseThread *m_database;
    Worker m_me;
    StepChoices m_choices;
    CurrentWorkModel *m_model;
    CurrentWorkFilter *m_filter;
    QLabel *m_heading = nullptr;
    QLabel *m_subheading = nullptr;
    MessageBanner *m_message = nullptr;
    QTabBar *m_folders = nullptr;
    QComboBox *m_source = nullptr;
    QCheckBox *m_overdue = nullptr;
    QComboBox *m_whose = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_cancel = nullptr;
    PersonSummaryPanel *m_summary = nullptr;
    IncomingRequestsPanel *m_incoming = nullptr;
    AlertsPanel *m_alerts = nullptr;
    TeamRequestsPanel *m_team = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QTimer *m_clock = nullptr;
    bool m_loading = false;
    bool m_reloadAgain = false;
    quint64 m_summaryRequest = 0;
    WorkviewKeys m_keys;
};

} // namespace cpis::ui
