// A CPIS Follow Up step, as Safeguarding Admin works it: the section list (1. CPIS Follow Up,
// 2. Next actions, each marked when complete), Save and Finish. What the admin adds is kept
// here until saved; a lost connection keeps it and saves once when the connection is back.
#pragma once

#include "db/database_worker.h"
#include "display.h"
#include "keyboard/window_keys.h"
#include "workflow/step_changes.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMessageBox;
class QPushButton;
class QStackedWidget;

namespace cpis::ui {

class MessageBanner;
class UnsavedChangesGuard;
class FollowUpSection;
class NextActionsSection;

class StepWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepWindow)

public:
    StepWindow(DatabaseThread *database, qint64 stepId, const Worker &me,
               const StepChoices &choices, QWidget *parent = nullptr);

    [[nodiscard]] qint64 stepId() const { return m_stepId; }
    [[nodiscard]] const StepDetail &step() const { return m_step; }
    [[nodiscard]] const StepChanges &changes() const { return m_changes; }
    [[nodiscard]] bool hasUnsavedChanges() const { return !m_changes.isEmpty(); }
    // Sections still incomplete, counting what is added but not yet saved.
    [[nodiscard]] QStringList incompleteSections() const;

    void save();
    void finish();
    void showSection(int index);

signals:
    void loaded();
    void saved();
    void finished(qint64 stepId);
    // With finished(): what the main window confirms ("CPIS Follow Up for Thomas Turner
    // finished: request sent to Jane Okafor").
    void finishedWith(const QString &confirmation);
    // Discarded with nothing saved on it: the step went back to Incoming work.
    void released(const QString &confirmation);
    void saveFailed(const cpis::Error &error);

private:
    enum class Replay { None, Save, Finish };

    void load();
    void refresh();
    void run(bool finish, bool replay);
    void saveSucceeded(int rowVersion, bool finishing, const std::optional<Error> &notFinished);
    [[nodiscard]] QString finishedConfirmation() const;
    void releaseIfUntouched();
    void saveFailedWith(const Error &error, bool finish, bool replay);
    void reconcileAfterReplay(bool finish);
    void askToReload(const Error &error);
    void openNewRequest();
    void openNextAction();
    void connectKeys();
    void showBanner(const QString &text, BannerKind kind);
    [[nodiscard]] bool editable() const;
    [[nodiscard]] bool sectionComplete(int number) const;
    [[nodiscard]] QString unsavedSummary() const;

    DatabaseThread *m_database;
    qint64 m_stepId;
    Worker m_me;
    StepChoices m_choices;
    StepDetail m_step;
    RequestProposal m_proposal;
    StepChanges m_changes;
    QList<PendingRequest> m_finishedRequests; // sent by the last save, for the confirmation
    bool m_loaded = false;
    bool m_busy = false;
    bool m_recordOpened = false;
    Replay m_replay = Replay::None;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    UnsavedChangesGuard *m_guard = nullptr;
    MessageBanner *m_banner = nullptr;
    QListWidget *m_sections = nullptr;
    QStackedWidget *m_pages = nullptr;
    FollowUpSection *m_followUp = nullptr;
    NextActionsSection *m_nextActions = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_finish = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_finishBlocked = nullptr;
    StepKeys m_keys;
};

} // namespace cpis::ui
