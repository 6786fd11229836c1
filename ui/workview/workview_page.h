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

class FinishedStepsPanel;

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
    // Moves the keyboard to a panel's list by its object name ("currentWorkTable",
    // "incomingRequestsTable", "alertsTable"): View in the menu bar.
    void focusPanel(const QString &tableName);
    // The user's main panel: Current work for a Safeguarding Admin, Incoming requests for
    // a key worker. Focus goes there after signing in, and F6 starts there.
    void setMainPanel(bool safeguardingAdmin);
    void focusMainPanel();
    // Signed out: nothing of the last user's stays on the page (their lists, Find, the
    // Finished folder, the SUBJECT panel); the next user starts in Incoming work.
    void clearForSignOut();
    // A confirmation above the list ("… is back in Incoming work").
    void showConfirmation(const QString &text) { showMessage(text, false); }
    // A step was finished in its window: says so above the list, and clears a Find that
    // would now hide every row.
    void stepFinished(const QString &confirmation);

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
    // Current work's subheading: the worker, and the virtual workers they work from by name.
    void showWhoseSteps(const QStringList &queues);
    void applyWorkview(const Workview &view);
    void updateCounts();
    void updateActions();
    void selectionChanged();
    void loadSummary(qint64 personId, const QString &name);
    void startOrOpen();
    void startWork();
    void cancelWork();
    void askToTakeOver();
    // The Finished folder replaces the list of open steps and their buttons.
    void showFinishedFolder(bool shown);
    void takeOver(qint64 stepId, const QString &subject, const QString &from);
    // Says who has a colleague's step and since when, beside the buttons.
    void explainColleaguesStep(qint64 stepId, const QString &startedBy);
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
    FinishedStepsPanel *m_finished = nullptr;
    QSplitter *m_panels = nullptr; // the panels, top to bottom
    QWidget *m_currentWork =
        nullptr; // Current work's panel in it // the Finished folder, in the list's place
    QPushButton *m_takeOver = nullptr; // a colleague's step, for a Safeguarding Admin
    QLabel *m_whyNot = nullptr;        // why the buttons are disabled for the selected step
    quint64 m_whyNotRequest = 0;
    bool m_admin = false;
    PersonSummaryPanel *m_summary = nullptr;
    IncomingRequestsPanel *m_incoming = nullptr;
    AlertsPanel *m_alerts = nullptr;
    TeamRequestsPanel *m_team = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QTimer *m_clock = nullptr;
    bool m_loading = false;
    bool m_reloadAgain = false;
    QString m_mainPanel = QStringLiteral("currentWorkTable");
    bool m_clearEmptyFind = false; // after a Finish: a Find that hides everything goes
    quint64 m_summaryRequest = 0;
    WorkviewKeys m_keys;
};

} // namespace cpis::ui
