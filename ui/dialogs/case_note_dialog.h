// Add case note (type CP-IS Follow Up): contact date and what action was taken, saved as a
// draft or finished. A draft can be continued; a finished note is final. The dialog stays
// open with everything typed when a save fails (including a lost connection); a retry carries
// what is on screen then. Closing it with text not saved asks first (Esc, Cancel, quitting).
#pragma once

#include "db/database_worker.h"
#include "kit/unsaved_changes_guard.h"
#include "workflow/workflow_types.h"

#include <QUuid>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cpis::ui {

class CaseNoteDialog final : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseNoteDialog)

public:
    // `draft`: an existing draft (id != 0) to continue; otherwise a new note.
    CaseNoteDialog(DatabaseThread *database, qint64 personId, qint64 requestId,
                   const QString &subject, const CaseNote &draft = {}, QWidget *parent = nullptr);

    void saveDraft() { save(false); }
    void finishNote() { save(true); }
    // The key every try at saving this note carries, so a retry never stores it twice.
    [[nodiscard]] QUuid saveKey() const { return m_saveKey; }
signals:
    void saved(qint64 noteId, bool finished);

private:
    [[nodiscard]] bool hasChanges() const;
    void save(bool finish);
    void showProblem(const QString &text);

    DatabaseThread *m_database;
    qint64 m_personId;
    qint64 m_requestId;
    qint64 m_noteId;
    QUuid m_saveKey = QUuid::createUuid(); // the same for every try at saving this note
    bool m_busy = false;
    bool m_tried = false; // a save was sent: the next is a retry that may find it stored
    QString m_savedBody;  // what is stored (or nothing yet), to know what is unsaved
    QDate m_savedDate;
    UnsavedChangesGuard *m_guard = nullptr;
    QDateEdit *m_contactDate = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_draft = nullptr;
    QPushButton *m_finish = nullptr;
};

} // namespace cpis::ui
