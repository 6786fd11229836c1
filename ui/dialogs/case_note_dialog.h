// Add case note (type CP-IS Follow Up): contact date and what action was taken, saved as a
// draft or finished. A draft can be continued; a finished note is final. The dialog stays
// open with everything typed when a save fails (including a lost connection).
#pragma once

#include "db/database_worker.h"
#include "workflow/workflow_types.h"

#include <QDialog>
#include <QUuid>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cpis::ui {

class CaseNoteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseNoteDialog)

public:
    // `draft`: an existing draft (id != 0) to continue; otherwise a new note.
    CaseNoteDialog(DatabaseThread *database, qint64 personId, qint64 requestId,
                   const QString &subject, const CaseNote &draft = {}, QWidget *parent = nullptr);

    void saveDraft() { save(false); }
    void finishNote() { save(true); }

signals:
    void saved(qint64 noteId, bool finished);

private:
    void save(bool finish);
    void showProblem(const QString &text);

    DatabaseThread *m_database;
    qint64 m_personId;
    qint64 m_requestId;
    qint64 m_noteId;
    QUuid m_saveKey = QUuid::createUuid(); // the same for every try at saving this note
    bool m_busy = false;
    QDateEdit *m_contactDate = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_draft = nullptr;
    QPushButton *m_finish = nullptr;
};

} // namespace cpis::ui
