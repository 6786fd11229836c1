// New request: the CS Notification to the child's allocated worker, with the note template
// for the notification's source (DHU/111 or A&E) and Pass to Worker starting at the current
// key worker. Nothing is sent until the step is saved. Closing it with a note typed or a field
// changed asks first (Esc, Cancel, closing the step window, quitting).
#pragma once

#include "db/database_worker.h"
#include "kit/unsaved_changes_guard.h"
#include "workflow/step_changes.h"
#include "workflow/step_choices.h"
#include "workflow/workflow_types.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace cpis::ui {

class NewRequestDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewRequestDialog)

public:
    NewRequestDialog(DatabaseThread *database, const StepChoices &choices,
                     const RequestProposal &proposal, QWidget *parent = nullptr);

    // Starts from a request not yet saved, to change it.
    void setRequest(const PendingRequest &request);
    // Says that a request has already gone from this step, so a second is deliberate.
    void setAlreadySent(const QString &text);
    [[nodiscard]] PendingRequest request() const;

    void accept() override;

private:
    void chooseTemplate(const QString &source);
    // A template button clicked: asks before the template replaces text the user typed.
    void switchTemplate(int index);
    [[nodiscard]] bool noteIsATemplate() const;
    // The note differs from the text it was last filled with (a template, or the request being
    // changed), or the type or the worker differ from what the dialog started with.
    [[nodiscard]] bool hasChanges() const;
    void setRecipient(int id, const QString &name);
    void find();

    DatabaseThread *m_database;
    StepChoices m_choices;
    RequestProposal m_proposal;
    int m_recipientId = 0;
    QString m_recipientName;
    QString m_source;
    QString m_filledNote; // the text the note was last filled with
    QString m_startType;  // what the dialog started with
    int m_startRecipient = 0;
    QComboBox *m_type = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_assignedTo = nullptr;
    QLineEdit *m_passTo = nullptr;
    QPushButton *m_find = nullptr;
    QButtonGroup *m_templates = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_alreadySent = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cpis::ui
