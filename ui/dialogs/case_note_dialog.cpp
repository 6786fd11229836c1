#include "dialogs/case_note_dialog.h"

#include "db/error_codes.h"
#include "display.h"
#include "kit/unsaved_changes_guard.h"
#include "workflow/case_note_service.h"

#include <QCloseEvent>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QString kCaseNoteType = u"CP-IS Follow Up"_s;

// Whether note `id` is stored exactly as `input` would store it.
bool alreadyStoredAs(CaseNoteService &notes, qint64 id, const CaseNoteService::Input &input)
{
    auto stored = notes.forPerson(input.personId, -1);
    if (!stored)
        return false;
    for (const CaseNote &n : *stored) {
        if (n.id == id)
            return n.body == input.body && n.contactDate == input.contactDate &&
                   n.final == input.finish;
    }
    return false;
}
} // namespace

CaseNoteDialog::CaseNoteDialog(DatabaseThread *database, qint64 personId, qint64 requestId,
                               const QString &subject, const CaseNote &draft, QWidget *parent)
    : GuardedDialog(parent), m_database(database), m_personId(personId), m_requestId(requestId),
      m_noteId(draft.id)
{
    setObjectName(u"caseNoteDialog"_s);
    setWindowTitle(draft.id ? tr("Continue case note : %1").arg(subject)
                            : tr("Add case note : %1").arg(subject));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *type = new QLabel(kCaseNoteType, this);
    type->setObjectName(u"caseNoteType"_s);
    m_contactDate = new QDateEdit(this);
    m_contactDate->setObjectName(u"caseNoteContactDate"_s);
    m_contactDate->setCalendarPopup(true);
    m_contactDate->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_contactDate->setMaximumDate(QDate::currentDate());
    m_contactDate->setDate(draft.contactDate.isValid() ? draft.contactDate : QDate::currentDate());
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"caseNoteBody"_s);
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("State what action was taken as a result of the notification."));
    m_body->setPlainText(draft.body);
    m_body->setMinimumSize(520, 180);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"caseNoteProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Type"), type);
    auto *dateLabel = new QLabel(tr("Contact &date*"), this);
    dateLabel->setBuddy(m_contactDate);
    form->addRow(dateLabel, m_contactDate);
    auto *bodyLabel = new QLabel(tr("&Note*"), this);
    bodyLabel->setBuddy(m_body);
    form->addRow(bodyLabel, m_body);

    auto *finalWarning = new QLabel(
        tr("A finished note cannot be changed: it can only be followed by another."), this);
    finalWarning->setWordWrap(true);
    finalWarning->setStyleSheet(Display::toneStyle(Tone::Secondary));

    auto *buttons = new QDialogButtonBox(this);
    m_draft = buttons->addButton(tr("Save as &draft"), QDialogButtonBox::ActionRole);
    m_draft->setObjectName(u"caseNoteSaveDraft"_s);
    m_finish = buttons->addButton(tr("&Finish"), QDialogButtonBox::ActionRole);
    m_finish->setObjectName(u"caseNoteFinish"_s);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"caseNoteCancel"_s);
    connect(m_draft, &QPushButton::clicked, this, &CaseNoteDialog::saveDraft);
    connect(m_finish, &QPushButton::clicked, this, &CaseNoteDialog::finishNote);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(finalWarning);
    layout->addWidget(buttons);
    m_body->setFocus();

    m_savedBody = draft.body;
    m_savedDate = m_contactDate->date();
    // Esc, Cancel, closing the window it belongs to and quitting all come through close().
    m_guard = guard(
        u"unsavedCaseNoteDialog"_s,
        {[this] { return hasChanges(); }, [this] { save(false); },
         [] {
             return UnsavedChangesQuestion{
                 tr("Unsaved case note"), tr("Save the case note as a draft before closing?"),
                 tr("What you typed is not saved yet. Discard loses it; Cancel goes back to the "
                    "note.")};
         },
         [this] {
             return m_busy;
         }});
}

bool CaseNoteDialog::hasChanges() const
{
    return m_body->toPlainText() != m_savedBody || m_contactDate->date() != m_savedDate;
}

void CaseNoteDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void CaseNoteDialog::save(bool finish)
{
    if (m_busy)
        return;
    const QString body = m_body->toPlainText();
    if (body.trimmed().isEmpty()) {
        showProblem(tr("The case note is empty: say what action was taken."));
        m_body->setFocus();
        return;
    }
    m_busy = true;
    m_draft->setEnabled(false);
    m_finish->setEnabled(false);
    showProblem({});
    const QDate contactDate = m_contactDate->date();
    const qint64 noteId = m_noteId;
    CaseNoteService::Input input;
    input.personId = m_personId;
    input.type = kCaseNoteType;
    input.contactDate = contactDate;
    input.body = body;
    input.finish = finish;
    input.requestId = m_requestId;
    input.saveKey = m_saveKey;
    // A try after one whose answer was lost may find the note the first try stored (the save
    // key says so): it is stored as a draft, then brought up to what is on screen now, so the
    // retry carries the latest text and the Finish.
    const bool retry = m_tried;
    m_tried = true;
    m_database->submit<qint64>(
        this,
        [input, noteId, retry](Connection &c) -> Result<qint64> {
            CaseNoteService notes(c);
            qint64 id = noteId;
            if (id == 0) {
                CaseNoteService::Input first = input;
                first.finish = input.finish && !retry;
                auto added = notes.add(first);
                if (!added || !retry)
                    return added;
                id = *added;
            }
            const Status updated = notes.update(id, input.contactDate, input.body, input.finish);
            if (!updated && retry && alreadyStoredAs(notes, id, input))
                return id; // the first try finished it with this very text
            if (!updated)
                return updated.error();
            return id;
        },
        [this, finish, body, contactDate](Result<qint64> result) {
            m_busy = false;
            m_draft->setEnabled(true);
            m_finish->setEnabled(true);
            if (!result) {
                m_guard->saveFailed();
                // Everything typed stays: the worker can try again when the connection is back.
                const QString code = result.error().code;
                showProblem(
                    code == u"db.unreachable"_s
                        ? tr("The connection to the database was lost before the note "
                             "was confirmed saved. Your note is kept here; save again "
                             "when the connection is back: it is saved only once.")
                    : code == QString::fromLatin1(errc::kFinalNote)
                        ? tr("Not saved: the note was already finished by the earlier try, with "
                             "the text it had then. Your later changes are still here: copy them "
                             "into a new note.")
                        : tr("Not saved: %1").arg(result.error().message));
                return;
            }
            m_noteId = *result;
            m_savedBody = body;
            m_savedDate = contactDate;
            emit saved(*result, finish);
            accept();
        });
}

} // namespace cpis::ui
