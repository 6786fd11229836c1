#include "dialogs/new_request_dialog.h"

#include "dialogs/find_worker_dialog.h"
#include "display.h"
#include "kit/heading.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

NewRequestDialog::NewRequestDialog(DatabaseThread *database, const StepChoices &choices,
                                   const RequestProposal &proposal, QWidget *parent)
    : GuardedDialog(parent), m_database(database), m_choices(choices), m_proposal(proposal)
{
    setObjectName(u"newRequestDialog"_s);
    setWindowTitle(tr("New request"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(720, 520);

    m_type = new QComboBox(this);
    m_type->setObjectName(u"requestType"_s);
    m_type->addItems(choices.requestTypes.isEmpty() ? QStringList{proposal.requestType}
                                                    : choices.requestTypes);
    m_type->setCurrentText(proposal.requestType);
    m_status = new QLabel(tr("Draft · %1").arg(Display::date(QDate::currentDate())), this);
    m_status->setObjectName(u"requestStatus"_s);
    m_assignedTo = new QLabel(this);
    m_assignedTo->setObjectName(u"requestAssignedTo"_s);
    m_assignedTo->setWordWrap(true);

    m_passTo = new QLineEdit(this);
    m_passTo->setObjectName(u"passToWorker"_s);
    m_passTo->setAccessibleName(tr("Pass to Worker"));
    m_passTo->setAccessibleDescription(tr("The worker the request goes to; change it with Find"));
    m_passTo->setReadOnly(true);
    m_passTo->setPlaceholderText(tr("Nobody chosen: use Find"));
    m_find = new QPushButton(tr("&Find…"), this);
    m_find->setObjectName(u"findButton"_s);
    m_find->setAutoDefault(false);
    m_find->setToolTip(tr("Search workers by name"));
    auto *passRow = new QHBoxLayout;
    passRow->addWidget(m_passTo, 1);
    passRow->addWidget(m_find);

    m_templates = new QButtonGroup(this);
    auto *templateRow = new QHBoxLayout;
    int id = 0;
    for (const NoteTemplate &t : choices.templates) {
        // A button label treats '&' as a mnemonic: "A&E" must be written "A&&E".
        QString label = QString(t.label).replace(u'&', u"&&"_s);
        if (t.source == proposal.source)
            label = tr("%1 (proposed)").arg(label);
        auto *radio = new QRadioButton(label, this);
        radio->setObjectName(t.source == u"ae"_s ? u"templateAe"_s : u"templateDhu"_s);
        m_templates->addButton(radio, id++);
        templateRow->addWidget(radio);
    }
    templateRow->addStretch(1);

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"requestNote"_s);
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(120);

    m_alreadySent = new QLabel(this);
    m_alreadySent->setObjectName(u"requestAlreadySent"_s);
    m_alreadySent->setWordWrap(true);
    m_alreadySent->setStyleSheet(Display::toneStyle(Tone::Caution));
    m_alreadySent->hide();
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"requestProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_problem->hide();

    auto *sendLine = new QLabel(tr("This request will be sent when you next save."), this);
    sendLine->setObjectName(u"requestSendLine"_s);
    QFont italic = sendLine->font();
    italic.setItalic(true);
    sendLine->setFont(italic);

    // Request type, Status (date) and Assigned to across the top, as on the paper form.
    auto *top = new QGridLayout;
    top->setHorizontalSpacing(18);
    auto *typeLabel = new QLabel(tr("&Request type"), this);
    typeLabel->setBuddy(m_type);
    top->addWidget(typeLabel, 0, 0);
    top->addWidget(new QLabel(tr("Status (date)"), this), 0, 1);
    top->addWidget(new QLabel(tr("Assigned to"), this), 0, 2);
    top->addWidget(m_type, 1, 0);
    top->addWidget(m_status, 1, 1);
    top->addWidget(m_assignedTo, 1, 2);
    top->setColumnStretch(0, 3);
    top->setColumnStretch(2, 2);
    for (int column = 0; column < 3; ++column) {
        if (auto *header = qobject_cast<QLabel *>(top->itemAtPosition(0, column)->widget()))
            setHeadingStyle(header, HeadingLevel::Caption);
    }

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *passLabel = new QLabel(tr("&Pass to Worker"), this);
    passLabel->setBuddy(m_find);
    form->addRow(passLabel, passRow);
    form->addRow(tr("Template"), templateRow);
    auto *noteLabel = new QLabel(tr("&Note"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"requestOk"_s);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"requestCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addLayout(form, 1);
    layout->addWidget(m_alreadySent);
    layout->addWidget(m_problem);
    layout->addWidget(sendLine);
    layout->addWidget(buttons);

    setTabOrder(m_type, m_find);
    setTabOrder(m_find, m_passTo);

    connect(m_find, &QPushButton::clicked, this, &NewRequestDialog::find);
    connect(m_templates, &QButtonGroup::idClicked, this, &NewRequestDialog::switchTemplate);

    setRecipient(proposal.recipientId, proposal.recipientName);
    chooseTemplate(proposal.source);
    m_startType = m_type->currentText();
    m_startRecipient = m_recipientId;
    guard(u"unsavedRequestDialog"_s,
          {[this] { return hasChanges(); }, [this] { accept(); },
           [] {
               return UnsavedChangesQuestion{
                   tr("Unsaved request"), tr("Keep this request for the step before closing?"),
                   tr("Save adds it to the step, to be sent when the step is saved. Discard "
                      "loses what you typed; Cancel goes back to the request.")};
           }});
}

bool NewRequestDialog::hasChanges() const
{
    return m_note->toPlainText().trimmed() != m_filledNote.trimmed() ||
           m_type->currentText() != m_startType || m_recipientId != m_startRecipient;
}

void NewRequestDialog::chooseTemplate(const QString &source)
{
    for (int i = 0; i < m_choices.templates.size(); ++i) {
        if (m_choices.templates.at(i).source != source)
            continue;
        m_source = source;
        m_templates->button(i)->setChecked(true);
        m_filledNote = m_choices.templates.at(i).body;
        m_note->setPlainText(m_filledNote);
        return;
    }
    // No list of templates: the proposal's note is the template.
    m_source = source;
    m_filledNote = m_proposal.note;
    m_note->setPlainText(m_filledNote);
}

bool NewRequestDialog::noteIsATemplate() const
{
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty() || note == m_proposal.note.trimmed())
        return true;
    for (const NoteTemplate &t : m_choices.templates) {
        if (note == t.body.trimmed())
            return true;
    }
    return false;
}

void NewRequestDialog::switchTemplate(int index)
{
    const QString source = m_choices.templates.value(index).source;
    if (source == m_source)
        return;
    if (noteIsATemplate()) {
        chooseTemplate(source);
        return;
    }
    // The note has the user's own words: the other template replaces them only when they
    // say so. Until then the radio buttons show the template the note came from.
    for (int i = 0; i < m_choices.templates.size(); ++i) {
        if (m_choices.templates.at(i).source == m_source)
            m_templates->button(i)->setChecked(true);
    }
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Replace the note?"),
        tr("Replace the note with the %1 template?").arg(m_choices.templates.value(index).label),
        QMessageBox::NoButton, this);
    box->setObjectName(u"replaceNoteQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The note has text you typed. Replacing it loses that text; "
                               "Keep my text leaves the note as it is."));
    QPushButton *replace = box->addButton(tr("&Replace the note"), QMessageBox::DestructiveRole);
    replace->setObjectName(u"replaceNoteButton"_s);
    QPushButton *keep = box->addButton(tr("&Keep my text"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepNoteButton"_s);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, replace, source] {
        box->setObjectName({}); // answered, though not deleted yet
        if (box->clickedButton() == replace)
            chooseTemplate(source);
        m_note->setFocus();
    });
    box->open();
}

void NewRequestDialog::setRecipient(int id, const QString &name)
{
    m_recipientId = id;
    m_recipientName = name;
    m_passTo->setText(name);
    if (id == 0) {
        m_assignedTo->setText(tr("<b>Nobody yet.</b> The child has no current key worker: use "
                                 "Find to choose the worker."));
    } else if (id == m_proposal.recipientId) {
        m_assignedTo->setText(tr("<b>%1</b><br>current Key Worker").arg(name.toHtmlEscaped()));
    } else {
        const QString keyWorker = m_proposal.recipientName.isEmpty()
                                      ? tr("none")
                                      : m_proposal.recipientName.toHtmlEscaped();
        m_assignedTo->setText(
            u"<b>%1</b><br>"_s.arg(name.toHtmlEscaped()) +
            Display::toneSpan(Tone::Caution,
                              tr("\u26a0 not the current Key Worker (%1)").arg(keyWorker)));
    }
}

void NewRequestDialog::find()
{
    auto *dialog = new FindWorkerDialog(m_database, m_recipientName, this);
    dialog->setCurrentKeyWorker(m_proposal.recipientId);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Worker chosen = dialog->chosen();
        if (chosen.id != 0)
            setRecipient(chosen.id, chosen.name);
        m_problem->hide();
    });
    dialog->open();
    if (!m_recipientName.isEmpty())
        dialog->search();
}

void NewRequestDialog::setRequest(const PendingRequest &request)
{
    setRecipient(request.recipientId, request.recipientName);
    chooseTemplate(request.source);
    m_filledNote = request.note;
    m_note->setPlainText(m_filledNote);
    if (!request.requestType.isEmpty())
        m_type->setCurrentText(request.requestType);
    // The request being changed is what the dialog starts with.
    m_startType = m_type->currentText();
    m_startRecipient = m_recipientId;
}

void NewRequestDialog::setAlreadySent(const QString &text)
{
    m_alreadySent->setText(text);
    m_alreadySent->setVisible(!text.isEmpty());
}

PendingRequest NewRequestDialog::request() const
{
    return {m_type->currentText(), m_recipientId, m_recipientName, m_note->toPlainText().trimmed(),
            m_source};
}

void NewRequestDialog::accept()
{
    QStringList problems;
    if (m_recipientId == 0)
        problems << tr("Pass to Worker is required: use Find to choose the worker.");
    if (m_note->toPlainText().trimmed().isEmpty())
        problems << tr("Note is required.");
    if (!problems.isEmpty()) {
        m_problem->setText(problems.join(u' '));
        m_problem->show();
        (m_recipientId == 0 ? static_cast<QWidget *>(m_find) : m_note)->setFocus();
        saveRefused();
        return;
    }
    GuardedDialog::accept();
}

} // namespace cpis::ui
