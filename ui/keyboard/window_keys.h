// Every window's keyboard shortcuts, made in one place: each window makes its own set and
// connects it; the Keyboard shortcuts dialog makes the same sets to list them, so the list
// cannot go stale.
#pragma once

#include <QCoreApplication>
#include <QList>

class QAction;
class QWidget;

namespace cpis::ui {

// The main window's own keys, wherever focus is in it.
struct MainWindowKeys
{
    Q_DECLARE_TR_FUNCTIONS(MainWindowKeys)

public:
    explicit MainWindowKeys(QWidget *owner);
    QAction *shortcuts;
    QAction *quit;
};

// Workview: Current work, Incoming requests and Alerts.
struct WorkviewKeys
{
    Q_DECLARE_TR_FUNCTIONS(WorkviewKeys)

public:
    explicit WorkviewKeys(QWidget *owner);
    QAction *openSelected;
    QAction *startWork;
    QAction *cancelWork;
    QAction *acknowledgeAlert;
    QAction *personRecord;
    QAction *find;
    QAction *refresh;
    QAction *nextPanel;
    QAction *previousPanel;
};

// A CPIS Follow Up step.
struct StepKeys
{
    Q_DECLARE_TR_FUNCTIONS(StepKeys)

public:
    explicit StepKeys(QWidget *owner);
    QAction *save;
    QAction *finish;
    QAction *passToWorker;
    QAction *addNextAction;
    QAction *followUpSection;
    QAction *nextActionsSection;
    QAction *close;
};

// A request sent to the key worker.
struct RequestKeys
{
    Q_DECLARE_TR_FUNCTIONS(RequestKeys)

public:
    explicit RequestKeys(QWidget *owner);
    QAction *acknowledge;
    QAction *addCaseNote;
    QAction *personRecord;
    QAction *print;
    QAction *close;
};

} // namespace cpis::ui
