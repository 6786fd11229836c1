#include "request/request_window.h"
#include "workflow/display_names.h"

#include "dialogs/case_note_dialog.h"
#include "display.h"
#include "keyboard/key_action.h"
#include "kit/heading.h"
#include "kit/message_banner.h"
#include "request/request_document.h"
#include "step/section_widgets.h"
#include "window_memory.h"
#include "workflow/case_note_service.h"
#include "workflow/request_service.h"
#include "workflow/step_service.h"
#include "workview/incoming_requests_model.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

RequestWindow::RequestWindow(DatabaseThread *database, const IncomingRequest &request,
                             QWidget *parent)
    : QMainWindow(parent), m_database(database), m_request(request), m_keys(this)
{
    setObjectName(u"requestWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 : %2 %3")
                       .arg(IncomingRequestsModel::requestText(request), request.subjectName)
                       .arg(request.subjectId));
    fitToScreen(this, {1100, 760}); // below the title bar, on a 1280x720 screen too

    auto *central = new QWidget(this);
    setCentralWidget(central);

    m_title = new QLabel(IncomingRequestsModel::requestText(request), central);
    m_title->setObjectName(u"requestTitle"_s);
    setHeadingStyle(m_title, HeadingLevel::Section);
    m_title->setWordWrap(true);
    m_status = new QLabel(central);
    m_status->setObjectName(u"requestStatus"_s);
    m_status->setWordWrap(true);
    m_banner = new MessageBanner(u"requestBanner"_s, central);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_acknowledge = new QPushButton(tr("&Acknowledge"), central);
    m_acknowledge->setObjectName(u"acknowledgeButton"_s);
    m_addNote = new QPushButton(tr("Add &case note"), central);
    m_addNote->setObjectName(u"addCaseNoteButton"_s);
    m_continueDraft = new QPushButton(tr("Con&tinue draft"), central);
    m_continueDraft->setObjectName(u"continueDraftButton"_s);
    m_print = new QPushButton(tr("&Print…"), central);
    m_print->setObjectName(u"printButton"_s);
    m_pdf = new QPushButton(tr("Save as P&DF…"), central);
    m_pdf->setObjectName(u"savePdfButton"_s);
    m_person = new QPushButton(tr("Person &record"), central);
    m_person->setObjectName(u"openPersonButton"_s);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_acknowledge, m_addNote, m_continueDraft})
        actions->addWidget(b);
    actions->addStretch(1);
    for (QPushButton *b : {m_person, m_print, m_pdf})
        actions->addWidget(b);

    // Summary: what the key worker needs at a glance.
    auto *summary = new QWidget;
    summary->setObjectName(u"requestSummary"_s);
    auto *details = new QGroupBox(tr("Child's Details"), summary);
    auto *detailsForm = new QFormLayout(details);
    m_childName = sectionValue(u"childName"_s, details);
    m_childGender = sectionValue(u"childGender"_s, details);
    m_childDateOfBirth = sectionValue(u"childDateOfBirth"_s, details);
    detailsForm->addRow(tr("Child's Name"), m_childName);
    detailsForm->addRow(tr("Gender"), m_childGender);
    detailsForm->addRow(tr("Date of Birth"), m_childDateOfBirth);
    m_childKeyWorker = sectionValue(u"childKeyWorker"_s, details);
    detailsForm->addRow(tr("Key Worker"), m_childKeyWorker);
    auto *notificationBox = new QGroupBox(tr("Notification"), summary);
    auto *notificationLayout = new QVBoxLayout(notificationBox);
    m_notification = sectionValue(u"notificationDetails"_s, notificationBox);
    m_notification->setWordWrap(true);
    notificationLayout->addWidget(m_notification);
    auto *noteBox = new QGroupBox(tr("Note"), summary);
    auto *noteLayout = new QVBoxLayout(noteBox);
    m_note = sectionValue(u"requestNote"_s, noteBox);
    m_note->setWordWrap(true);
    m_note->setText(request.note);
    noteLayout->addWidget(m_note);
    auto *actionsBox = new QGroupBox(tr("Next actions"), summary);
    auto *actionsLayout = new QVBoxLayout(actionsBox);
    m_nextActions = sectionValue(u"nextActionsSummary"_s, actionsBox);
    m_nextActions->setWordWrap(true);
    actionsLayout->addWidget(m_nextActions);
    auto *notesBox = new QGroupBox(tr("Case notes for this request"), summary);
    auto *notesLayout = new QVBoxLayout(notesBox);
    m_notes = new QListWidget(notesBox);
    m_notes->setObjectName(u"requestCaseNotes"_s);
    m_notes->setAccessibleName(tr("Case notes for this request"));
    m_notes->setWordWrap(true);
    m_notes->setMinimumHeight(80);
    notesLayout->addWidget(m_notes);
    auto *summaryLayout = new QVBoxLayout(summary);
    for (QWidget *w :
         std::initializer_list<QWidget *>{details, notificationBox, noteBox, actionsBox, notesBox})
        summaryLayout->addWidget(w);
    summaryLayout->addStretch(1);
    auto *summaryScroll = new QScrollArea;
    summaryScroll->setObjectName(u"requestSummaryScroll"_s);
    summaryScroll->setAccessibleName(tr("Summary"));
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    summaryScroll->setWidget(summary);

    m_document = new QTextBrowser;
    m_document->setObjectName(u"requestDocument"_s);
    m_document->setAccessibleName(tr("Document"));
    m_document->setAccessibleDescription(
        tr("The notification, the request and the next actions as one printable page"));
    m_document->setOpenLinks(false);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(u"requestTabs"_s);
    m_tabs->addTab(summaryScroll, tr("&Summary"));
    m_tabs->addTab(m_document, tr("D&ocument"));

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_banner);
    layout->addLayout(actions);
    layout->addWidget(m_tabs, 1);

    connect(m_acknowledge, &QPushButton::clicked, this, &RequestWindow::acknowledge);
    connect(m_addNote, &QPushButton::clicked, this, [this] { addCaseNote(); });
    connect(m_continueDraft, &QPushButton::clicked, this, &RequestWindow::continueDraft);
    connect(m_print, &QPushButton::clicked, this, &RequestWindow::print);
    connect(m_pdf, &QPushButton::clicked, this, &RequestWindow::saveAsPdf);
    connect(m_person, &QPushButton::clicked, this,
            [this] { emit openPerson(m_request.subjectId); });
    connect(m_notes, &QListWidget::currentRowChanged, this, &RequestWindow::updateActions);
    // The keys press the buttons, so they do what a click does and nothing while disabled.
    pressOnTrigger(m_keys.acknowledge, m_acknowledge, tr("Record that you have read this request"));
    pressOnTrigger(m_keys.addCaseNote, m_addNote,
                   tr("Add a CP-IS Follow Up case note saying what action was taken"));
    pressOnTrigger(m_keys.personRecord, m_person, tr("Open the subject's person record"));
    pressOnTrigger(m_keys.print, m_print, tr("Print the document"));
    connect(m_keys.close, &QAction::triggered, this, &QWidget::close);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(100);
    connect(m_reloadTimer, &QTimer::timeout, this, &RequestWindow::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (kind == u"request"_s || kind == u"case_note"_s || kind == u"step"_s ||
            kind == u"person"_s)
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &RequestWindow::reload);

    updateActions();
    reload();
}

// A case note dialog (open, or cancelled and not yet deleted) goes with this window as its
// child: by then this window's buttons and database are gone, so it must not update them.
RequestWindow::~RequestWindow()
{
    if (m_noteDialog)
        m_noteDialog->disconnect(this);
}

void RequestWindow::reload()
{
    if (m_loading) {
        m_reloadTimer->start();
        return;
    }
    m_loading = true;
    const qint64 stepId = m_request.stepId;
    const qint64 requestId = m_request.requestId;
    const qint64 personId = m_request.subjectId;
    m_database->submit<View>(
        this,
        [stepId, requestId, personId](Connection &c) -> Result<View> {
            View view;
            auto step = StepService(c).load(stepId);
            if (!step)
                return step.error();
            view.step = *step;
            auto awaiting = RequestService(c).awaitingCaseNote(requestId);
            if (!awaiting)
                return awaiting.error();
            view.awaitingCaseNote = *awaiting;
            auto notes = CaseNoteService(c).forPerson(personId);
            if (!notes)
                return notes.error();
            for (const CaseNote &note : *notes) {
                if (note.requestId == requestId)
                    view.notes << note;
            }
            return view;
        },
        [this](Result<View> view) {
            m_loading = false;
            if (!view) {
                if (view.error().code != u"db.unreachable"_s)
                    m_banner->showMessage(
                        tr("The request could not be loaded: %1").arg(view.error().message),
                        BannerKind::Error);
                return;
            }
            apply(*view);
        });
}

const StepRequest *RequestWindow::stepRequest() const
{
    for (const StepRequest &r : m_view.step.requests) {
        if (r.id == m_request.requestId)
            return &r;
    }
    return nullptr;
}

void RequestWindow::apply(const View &view)
{
    m_view = view;
    m_loaded = true;
    const StepDetail &step = view.step;
    m_request.awaitingCaseNote = view.awaitingCaseNote;
    if (const StepRequest *r = stepRequest())
        m_request.state = r->state;

    m_childName->setText(step.subjectName);
    m_childGender->setText(DisplayNames::gender(step.gender));
    m_childDateOfBirth->setText(
        step.dateOfBirth.isValid()
            ? tr("%1 (age %2)").arg(Display::date(step.dateOfBirth), Display::age(step.dateOfBirth))
            : tr("Not recorded"));
    // Today's key worker: the child may have been given another since the request was sent.
    m_childKeyWorker->setText(step.keyWorker.isEmpty() ? tr("No key worker") : step.keyWorker);
    m_notification->setText(tr("Source: %1").arg(Display::source(step.source)) + u"\n"_s +
                            (step.comments.isEmpty() ? tr("No details recorded.") : step.comments));
    QStringList actions;
    for (const NextAction &a : step.nextActions)
        actions << tr("%1 — %2 (%3, %4)")
                       .arg(a.action, a.reason, DisplayNames::priority(a.priority),
                            DisplayNames::nextActionStatus(a.status));
    m_nextActions->setText(actions.isEmpty() ? tr("None.") : actions.join(u'\n'));

    const int currentNote = m_notes->currentRow();
    m_notes->clear();
    for (const CaseNote &note : view.notes) {
        auto *item =
            new QListWidgetItem(tr("%1 · %2 · %3 · %4\n%5")
                                    .arg(Display::date(note.contactDate), note.type, note.author,
                                         note.final ? tr("Finished") : tr("Draft"), note.body),
                                m_notes);
        item->setData(Qt::UserRole, note.id);
    }
    if (currentNote >= 0 && currentNote < m_notes->count())
        m_notes->setCurrentRow(currentNote);

    m_document->setHtml(documentHtml());
    m_document->document()->setMetaInformation(QTextDocument::DocumentTitle, windowTitle());

    QStringList status;
    status << tr("Sent %1").arg(Display::dateTime(m_request.sentAt));
    if (const StepRequest *r = stepRequest(); r && r->acknowledgedAt.isValid())
        status << tr("Acknowledged by %1 at %2")
                      .arg(r->acknowledgedBy, Display::dateTime(r->acknowledgedAt));
    else
        status << tr("Not acknowledged");
    if (view.awaitingCaseNote)
        status << tr("Awaiting case note");
    else if (m_request.caseNoteExpected == u"on_concern"_s && view.notes.isEmpty())
        status << tr("A case note is needed only if you have concerns");
    else if (!view.notes.isEmpty())
        status << tr("Case note added");
    m_status->setText(status.join(u" · "_s));
    updateActions();
    emit loaded();
}

QString RequestWindow::documentHtml() const
{
    return RequestDocument::html(m_view.step, m_request);
}

void RequestWindow::updateActions()
{
    const bool connected = m_database->isConnected();
    m_acknowledge->setEnabled(m_loaded && !m_busy && connected && m_request.state == u"sent"_s);
    m_addNote->setEnabled(m_loaded && m_noteDialog.isNull());
    const QListWidgetItem *item = m_notes->currentItem();
    bool draft = false;
    if (item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        for (const CaseNote &note : m_view.notes)
            draft = draft || (note.id == id && !note.final);
    }
    m_continueDraft->setVisible(draft);
    m_continueDraft->setEnabled(draft && m_noteDialog.isNull());
    m_print->setEnabled(m_loaded);
    m_pdf->setEnabled(m_loaded);
}

void RequestWindow::acknowledge()
{
    if (m_busy || m_request.state != u"sent"_s)
        return;
    m_busy = true;
    updateActions();
    const qint64 requestId = m_request.requestId;
    m_database->submit<Done>(
        this, [requestId](Connection &c) { return RequestService(c).acknowledge(requestId); },
        [this, requestId](Status status) {
            m_busy = false;
            if (!status) {
                m_banner->showMessage(tr("Not acknowledged: %1").arg(status.error().message),
                                      BannerKind::Error);
                updateActions();
                return;
            }
            m_request.state = u"acknowledged"_s;
            m_banner->showMessage(tr("Acknowledged."), BannerKind::Success);
            emit acknowledged(requestId);
            reload();
        });
}

void RequestWindow::closeEvent(QCloseEvent *event)
{
    if (m_noteDialog && m_noteDialog->isVisible() && !m_noteDialog->close()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

CaseNoteDialog *RequestWindow::addCaseNote()
{
    if (m_noteDialog) {
        m_noteDialog->raise();
        return m_noteDialog;
    }
    m_noteDialog = new CaseNoteDialog(m_database, m_request.subjectId, m_request.requestId,
                                      m_request.subjectName, {}, this);
    connect(m_noteDialog, &CaseNoteDialog::saved, this, [this](qint64, bool finished) {
        m_banner->showMessage(finished ? tr("Case note finished.")
                                       : tr("Case note saved as a draft."),
                              BannerKind::Success);
        reload();
    });
    connect(m_noteDialog, &QObject::destroyed, this, &RequestWindow::updateActions);
    m_noteDialog->show();
    updateActions();
    return m_noteDialog;
}

void RequestWindow::continueDraft()
{
    const QListWidgetItem *item = m_notes->currentItem();
    if (!item || m_noteDialog)
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    for (const CaseNote &note : m_view.notes) {
        if (note.id != id || note.final)
            continue;
        m_noteDialog = new CaseNoteDialog(m_database, m_request.subjectId, m_request.requestId,
                                          m_request.subjectName, note, this);
        connect(m_noteDialog, &CaseNoteDialog::saved, this, &RequestWindow::reload);
        connect(m_noteDialog, &QObject::destroyed, this, &RequestWindow::updateActions);
        m_noteDialog->show();
        updateActions();
        return;
    }
}

void RequestWindow::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print document"));
    if (dialog.exec() == QDialog::Accepted)
        m_document->document()->print(&printer);
}

void RequestWindow::saveAsPdf()
{
    const QString suggested =
        tr("CPIS Follow Up %1 %2.pdf").arg(m_request.subjectName).arg(m_request.subjectId);
    const QString file = QFileDialog::getSaveFileName(this, tr("Save document as PDF"), suggested,
                                                      tr("PDF (*.pdf)"));
    if (file.isEmpty())
        return;
    const Status written = writePdf(file);
    m_banner->showMessage(written ? tr("Saved %1.").arg(file) : written.error().message,
                          written ? BannerKind::Success : BannerKind::Error);
}

Status RequestWindow::writePdf(const QString &fileName) const
{
    QTextDocument document;
    document.setHtml(documentHtml());
    document.setMetaInformation(QTextDocument::DocumentTitle, windowTitle());
    return RequestDocument::writePdf(document, fileName);
}

} // namespace cpis::ui
