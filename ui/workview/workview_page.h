// Incoming requests (N) sent to the worker, then Current work: Incoming work (N) and work in
// progress for the signed-in worker and the virtual workers they work from, with the subject's
// summary beside the list. Refreshes by itself when anyone changes a step, keeping the selection.
#pragma once

#include "db/database_worker.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabBar;
class QTableView;
class QTimer;

namespace cpis::ui {

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

signals:
    void openStep(qint64 stepId);
    void openRequest(const cpis::IncomingRequest &request);
    void openPerson(qint64 personId);
    void loaded(); // after each refresh of the list
    void summaryShown(qint64 personId);

private:
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

    DatabaseThread *m_database;
    Worker m_me;
    StepChoices m_choices;
    CurrentWorkModel *m_model;
    CurrentWorkFilter *m_filter;
    QLabel *m_heading = nullptr;
    QLabel *m_subheading = nullptr;
    QLabel *m_message = nullptr;
    QTabBar *m_folders = nullptr;
    QComboBox *m_source = nullptr;
    QCheckBox *m_overdue = nullptr;
    QComboBox *m_whose = nullptr;
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
};

} // namespace cpis::ui
