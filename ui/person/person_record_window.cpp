#include "person/person_record_window.h"
#include "person/birth_dialog.h"
#include "person/edit_details_dialog.h"
#include "person/key_worker_dialog.h"
#include "person/nhs_number_dialog.h"
#include "person/plans_dialog.h"
#include "person/restricted_dialog.h"
#include "workflow/display_names.h"

#include "display.h"
#include "kit/heading.h"
#include "kit/unsaved_changes_guard.h"
#include "long_work.h"
#include "window_memory.h"

#include <QCloseEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// "CPIS Follow Up · Finished · Alex Admin · received 05/12/2026 09:02 · finished by Alex Admin
// 05/12/2026 10:14", and below it, indented, each request sent from that step.
QString workLine(const PersonWorkItem &item)
{
    QStringList parts{u"<b>%1</b>"_s.arg(esc(item.title))};
    if (item.kind == u"step"_s) {
        parts << esc(DisplayNames::stepState(item.state)) << esc(item.who)
              << PersonRecordWindow::tr("received %1").arg(Display::dateTime(item.at));
        if (item.state == u"finished"_s)
            parts << PersonRecordWindow::tr("finished by %1 %2")
                         .arg(esc(item.doneBy), Display::dateTime(item.doneAt));
        else if (item.state == u"cancelled"_s)
            parts << PersonRecordWindow::tr("cancelled by %1 %2")
                         .arg(esc(item.doneBy), Display::dateTime(item.doneAt));
        return parts.join(u" \u00b7 "_s);
    }
    parts << PersonRecordWindow::tr("to %1").arg(esc(item.who))
          << PersonRecordWindow::tr("sent %1").arg(Display::dateTime(item.at));
    parts << (item.doneBy.isEmpty() ? PersonRecordWindow::tr("not acknowledged yet")
                                    : PersonRecordWindow::tr("acknowledged by %1 %2")
                                          .arg(esc(item.doneBy), Display::dateTime(item.doneAt)));
    if (item.caseNoteAdded)
        parts << PersonRecordWindow::tr("case note added");
    else if (item.caseNoteAwaited)
        parts << PersonRecordWindow::tr("awaiting case note");
    return u"&nbsp;&nbsp;&nbsp;&nbsp;"_s + PersonRecordWindow::tr("Request:") + u" "_s +
           parts.join(u" \u00b7 "_s);
}

QString listOrNone(const QStringList &items)
{
    if (items.isEmpty())
        return PersonRecordWindow::tr("None.");
    return items.join(u"<br>"_s);
}
} // namespace

PersonRecordWindow::PersonRecordWindow(DatabaseThread *database, qint64 personId, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_personId(personId)
{
    setObjectName(u"personRecordWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Person record : %1").arg(personId));
    fitToScreen(this, {1100, 760}); // below the title bar, on a 1280x720 screen too

    auto *page = new QWidget;
    m_title = new QLabel(tr("Person %1").arg(personId), page);
    m_title->setObjectName(u"personTitle"_s);
    setHeadingStyle(m_title, HeadingLevel::Window);
    m_message = new QLabel(page);
    m_message->setObjectName(u"personMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    m_details = section(tr("Person details"), u"personDetails"_s, page);
    // The main case system's id for the child (the records feed matches by it): a line of its
    // own, so that it can be selected and copied, and a screen reader says what it is.
    m_authorityId = new QLabel(m_details->parentWidget());
    m_authorityId->setObjectName(u"personAuthorityId"_s);
    m_authorityId->setTextFormat(Qt::RichText);
    m_authorityId->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
    m_authorityId->setAccessibleDescription(
        tr("The id of this person in the authority's main case management system."));
    m_authorityId->hide();
    m_details->parentWidget()->layout()->addWidget(m_authorityId);
    m_cpis = section(tr("CP-IS status"), u"personCpisStatus"_s, page);
    m_involvements = section(tr("Key worker and involvements"), u"personInvolvements"_s, page);
    m_plans = section(tr("Plans"), u"personPlans"_s, page);
    m_work = section(tr("Steps and requests (recent first)"), u"personWork"_s, page);
    m_alerts = section(tr("Alerts"), u"personAlerts"_s, page);
    m_caseNotes = section(tr("Case notes (newest first)"), u"personCaseNotes"_s, page);
    m_caseNotesShown = new QLabel(m_caseNotes->parentWidget());
    m_caseNotesShown->setObjectName(u"personCaseNotesShown"_s);
    m_olderCaseNotes = new QPushButton(tr("Show older case notes"), m_caseNotes->parentWidget());
    m_olderCaseNotes->setObjectName(u"personOlderCaseNotes"_s);
    // How many are shown goes above the notes, where it is seen; the button below the oldest.
    auto *notesLayout = qobject_cast<QVBoxLayout *>(m_caseNotes->parentWidget()->layout());
    notesLayout->insertWidget(0, m_caseNotesShown);
    notesLayout->addWidget(m_olderCaseNotes, 0, Qt::AlignLeft);
    connect(m_olderCaseNotes, &QPushButton::clicked, this, &PersonRecordWindow::showOlderCaseNotes);
    m_openedBy = section(tr("Who has opened this record"), u"personOpenedBy"_s, page);
    m_openedByBox = m_openedBy->parentWidget();
    grid->addWidget(m_details->parentWidget(), 0, 0);
    grid->addWidget(m_cpis->parentWidget(), 0, 1);
    grid->addWidget(m_involvements->parentWidget(), 1, 0);
    grid->addWidget(m_plans->parentWidget(), 1, 1);
    // What happened runs the whole width: each line says who did what when, and reads unbroken.
    grid->addWidget(m_alerts->parentWidget(), 2, 0, 1, 2);
    grid->addWidget(m_work->parentWidget(), 3, 0, 1, 2);
    grid->addWidget(m_caseNotes->parentWidget(), 4, 0, 1, 2);
    grid->addWidget(m_openedByBox, 5, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(buildActions(page));
    layout->addLayout(grid);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"personRecordScroll"_s);
    scroll->setAccessibleName(tr("Person record")); // arrows scroll it
    scroll->setWidgetResizable(true);
    scroll->setWidget(page);
    setCentralWidget(scroll);

    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &PersonRecordWindow::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (kind != u"person_opened"_s)
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &PersonRecordWindow::reload);
    load(true);
}

QLabel *PersonRecordWindow::section(const QString &title, const QString &objectName,
                                    QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    auto *label = new QLabel(box);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(label);
    return label;
}

void PersonRecordWindow::reload()
{
    load(false);
}

void PersonRecordWindow::showOlderCaseNotes()
{
    m_caseNoteLimit = int(m_record.caseNotes.size()) + kCaseNotePage;
    m_olderCaseNotes->setEnabled(false);
    reload();
}

void PersonRecordWindow::load(bool audit)
{
    const qint64 personId = m_personId;
    const int limit = m_caseNoteLimit;
    submitWithProgress<PersonRecord>(
        m_database, this, tr("Opening the record of person %1…").arg(personId),
        [personId, audit, limit](Connection &c) -> Result<PersonRecord> {
            if (audit) {
                const Status opened = recordPersonOpened(c, personId);
                if (!opened)
                    return opened.error();
            }
            return loadPersonRecord(c, personId, limit);
        },
        [this](Result<PersonRecord> record) {
            m_olderCaseNotes->setEnabled(true);
            if (!record) {
                if (record.error().code == u"cancelled"_s) {
                    if (!m_loaded)
                        close(); // nothing to show: as if it was never opened
                    return;
                }
                if (record.error().code != u"db.unreachable"_s) {
                    m_message->setText(
                        tr("The record could not be opened: %1").arg(record.error().message));
                    m_message->show();
                }
                return;
            }
            apply(*record);
            loadEditable();
        });
}

QWidget *PersonRecordWindow::buildActions(QWidget *parent)
{
    auto *bar = new QWidget(parent);
    bar->setObjectName(u"personActions"_s);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 4, 0, 4);
    const QList<std::pair<Action, QString>> actions{
        {Action::NhsNumber, tr("&NHS number…")},
        {Action::Birth, tr("Record the &birth…")},
        {Action::Plans, tr("&Plans and legal statuses…")},
        {Action::KeyWorker, tr("&Key worker…")},
        {Action::Details, tr("&Edit details and other names…")},
        {Action::Restricted, tr("Re&stricted…")}};
    static const QStringList names{u"actionNhsNumber"_s, u"actionBirth"_s,   u"actionPlans"_s,
                                   u"actionKeyWorker"_s, u"actionDetails"_s, u"actionRestricted"_s};
    for (const auto &[action, label] : actions) {
        auto *button = new QPushButton(label, bar);
        button->setObjectName(names.at(int(action)));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, action] { openAction(action); });
        m_actionButtons.insert(int(action), button);
        row->addWidget(button);
    }
    m_uploadAgain = new QPushButton(tr("&Upload again now"), bar);
    m_uploadAgain->setObjectName(u"actionUploadAgain"_s);
    m_uploadAgain->setEnabled(false);
    connect(m_uploadAgain, &QPushButton::clicked, this, &PersonRecordWindow::uploadAgainNow);
    row->addWidget(m_uploadAgain);
    row->addStretch(1);
    return bar;
}

void PersonRecordWindow::loadEditable()
{
    const qint64 personId = m_personId;
    m_database->submit<EditablePerson>(
        this, [personId](Connection &c) { return PersonRecords(c).load(personId); },
        [this](Result<EditablePerson> editable) {
            if (!editable)
                return; // the record itself says why it could not be opened
            m_editable = *editable;
            m_editableLoaded = true;
            applyEditable();
            emit editableLoaded();
            if (const auto pending = std::exchange(m_pendingAction, std::nullopt))
                openAction(*pending);
        });
}

void PersonRecordWindow::applyEditable()
{
    // Only a person from the records feed (or the main system's export) has one.
    const QString id = m_editable.authorityPersonId;
    m_authorityId->setText(tr("<b>Main system ID:</b> %1").arg(esc(id)));
    m_authorityId->setAccessibleName(tr("Main system ID: %1").arg(id));
    m_authorityId->setVisible(!id.isEmpty());
    // Only those who may change the record see the actions working; the database decides
    // either way.
    const bool may = m_editable.mayRecord;
    m_actionButtons.value(int(Action::NhsNumber))->setEnabled(may && !m_editable.unborn());
    m_actionButtons.value(int(Action::Birth))->setEnabled(may && m_editable.unborn());
    m_actionButtons.value(int(Action::Plans))->setEnabled(may);
    m_actionButtons.value(int(Action::KeyWorker))->setEnabled(may);
    m_actionButtons.value(int(Action::Details))->setEnabled(may);
    m_actionButtons.value(int(Action::Restricted))->setEnabled(m_editable.mayRestrict);
    m_uploadAgain->setEnabled(may && m_editable.nhsNumberStatus != u"inactive"_s);
}

RecordDialog *PersonRecordWindow::actionDialog() const
{
    return m_actionDialog;
}

RecordDialog *PersonRecordWindow::openAction(Action action)
{
    if (!m_editableLoaded) {
        m_pendingAction = action;
        return nullptr;
    }
    if (m_actionDialog)
        m_actionDialog->close();
    RecordDialog *dialog = nullptr;
    switch (action) {
    case Action::NhsNumber:
        dialog = new NhsNumberDialog(m_database, m_editable, this);
        break;
    case Action::Birth:
        dialog = new BirthDialog(m_database, m_editable, this);
        break;
    case Action::Plans:
        dialog = new PlansDialog(m_database, m_editable, this);
        break;
    case Action::KeyWorker:
        dialog = new KeyWorkerDialog(m_database, m_editable, this);
        break;
    case Action::Details:
        dialog = new EditDetailsDialog(m_database, m_editable, this);
        break;
    case Action::Restricted:
        dialog = new RestrictedDialog(m_database, m_editable, this);
        break;
    }
    m_actionDialog = dialog;
    connect(dialog, &RecordDialog::saved, this, [this] { reload(); });
    dialog->open();
    emit actionOpened(dialog);
    return dialog;
}

void PersonRecordWindow::uploadAgainNow()
{
    const qint64 personId = m_personId;
    const int version = m_editable.rowVersion;
    m_database->submit<int>(
        this,
        [personId, version](Connection &c) {
            return PersonRecords(c).uploadAgainNow(personId, version);
        },
        [this](Result<int> queued) {
            if (!queued) {
                m_message->setText(tr("Not queued: %1").arg(queued.error().message));
                m_message->show();
                return;
            }
            reload();
        });
}

QString PersonRecordWindow::cpisStatusText(const PersonCpisStatus &status)
{
    if (status.status == u"shared"_s)
        return tr("Shared with CP-IS: health staff see the child's plan.");
    if (status.status == u"sent"_s)
        return tr("Sent to CP-IS; waiting for CP-IS to confirm it.");
    if (status.status == u"awaiting_upload"_s)
        return tr("Awaiting upload: health staff will not see the latest change until the next "
                  "exchange.");
    if (status.status == u"rejected"_s)
        return tr("Rejected by CP-IS: %1. Until it is fixed, health staff do not see the flag.")
            .arg(status.reason.isEmpty() ? tr("no reason given") : status.reason);
    if (status.status == u"ended_at_18"_s)
        return tr("Ended at 18: CP-IS ends a child's record at 18, so no plan is sent any more.");
    if (status.status == u"blocked"_s)
        return tr("Not shared: %1.")
            .arg(status.reason.isEmpty() ? tr("details missing") : status.reason);
    return tr("Not shared: the child has no plan that CP-IS holds.");
}

// Each other name on a line of its own with its kind and dates; an ended one says so, so that a
// name the child no longer uses is never read as a current one.
QString PersonRecordWindow::otherNamesText(const QList<PersonSummary::OtherName> &names)
{
    if (names.isEmpty())
        return tr("None");
    QStringList lines;
    for (const PersonSummary::OtherName &n : names) {
        const QString name = esc(n.name);
        const QString kind = esc(n.kind);
        if (n.to.isValid() && n.from.isValid())
            lines << tr("%1 (%2, %3 to %4, ended)")
                         .arg(name, kind, Display::date(n.from), Display::date(n.to));
        else if (n.to.isValid())
            lines << tr("%1 (%2, ended %3)").arg(name, kind, Display::date(n.to));
        else if (n.from.isValid())
            lines << tr("%1 (%2, from %3)").arg(name, kind, Display::date(n.from));
        else
            lines << tr("%1 (%2)").arg(name, kind);
    }
    return lines.join(u"<br>"_s);
}

void PersonRecordWindow::apply(const PersonRecord &record)
{
    m_record = record;
    m_loaded = true;
    m_message->hide();
    const PersonSummary &s = record.summary;
    setWindowTitle(tr("Person record : %1 %2").arg(s.name).arg(s.id));
    m_title->setText(tr("%1 (%2)").arg(s.name).arg(s.id));

    QStringList details;
    details << tr("<b>Legal name:</b> %1").arg(esc(s.name));
    details << tr("<b>Other names:</b> %1").arg(otherNamesText(s.otherNameHistory));
    details << tr("<b>Gender:</b> %1").arg(esc(DisplayNames::gender(s.gender)));
    if (s.dateOfBirth.isValid())
        details << tr("<b>Date of birth:</b> %1 (age %2)")
                       .arg(Display::date(s.dateOfBirth), Display::age(s.dateOfBirth));
    else if (s.expectedDelivery.isValid())
        details
            << tr("<b>Expected date of delivery:</b> %1").arg(Display::date(s.expectedDelivery));
    details << tr("<b>NHS number:</b> %1 (%2)")
                   .arg(s.nhsNumber.isEmpty() ? tr("not recorded") : esc(s.nhsNumber),
                        esc(DisplayNames::nhsNumberStatus(s.nhsNumberStatus)));
    m_details->setText(details.join(u"<br>"_s));

    const QString nameHeld =
        record.nameHeldByCpis.isEmpty()
            ? QString()
            : u"<br>"_s + esc(tr("Legal name changed: CP-IS has the old name (%1) until the next "
                                 "upload is acknowledged.")
                                  .arg(record.nameHeldByCpis));
    m_cpis->setText(
        esc(cpisStatusText(record.cpis)) + nameHeld +
        (record.cpis.updatedAt.isValid()
             ? u"<br>"_s + Display::toneSpan(
                               Tone::Secondary,
                               esc(tr("Updated %1").arg(Display::dateTime(record.cpis.updatedAt))))
             : QString()));

    QStringList involvements;
    for (const Involvement &i : record.involvements)
        involvements << tr("%1 — %2, from %3%4")
                            .arg(esc(i.worker), esc(DisplayNames::involvementRole(i.role)),
                                 Display::date(i.startedOn),
                                 i.endedOn.isValid() ? tr(" to %1").arg(Display::date(i.endedOn))
                                                     : tr(" (current)"));
    m_involvements->setText(tr("<b>Current key worker:</b> %1")
                                .arg(s.keyWorker.isEmpty()
                                         ? tr("none")
                                         : esc(s.keyWorker + u" ("_s + s.keyWorkerTeam + u")"_s)) +
                            u"<br>"_s + listOrNone(involvements));

    QStringList plans;
    for (const PlanPeriod &p : s.plans)
        plans << tr("%1 from %2%3")
                     .arg(esc(DisplayNames::planKind(p.kind)), Display::date(p.start),
                          p.recordedInError ? tr(": recorded in error (%1)").arg(esc(p.errorReason))
                          : p.end.isValid() ? tr(" to %1").arg(Display::date(p.end))
                                            : tr(" (current)"));
    m_plans->setText(listOrNone(plans));

    QStringList work;
    for (const PersonWorkItem &item : record.work)
        work << workLine(item);
    m_work->setText(listOrNone(work));

    QStringList alerts;
    for (const PersonAlert &a : s.openAlerts)
        alerts << tr("<b>%1</b> (%2): %3")
                      .arg(esc(a.type), Display::dateTime(a.createdAt), esc(a.body));
    m_alerts->setText(listOrNone(alerts));

    QStringList notes;
    for (const CaseNote &n : record.caseNotes)
        notes << tr("<b>%1 · %2 · %3 · %4</b><br>%5")
                     .arg(Display::date(n.contactDate), esc(n.type), esc(n.author),
                          n.final ? tr("Finished") : tr("Draft"),
                          esc(n.body).replace(u'\n', u"<br>"_s));
    m_caseNotes->setText(listOrNone(notes));
    const int shown = int(record.caseNotes.size());
    const bool more = record.caseNoteCount > shown;
    m_caseNotesShown->setText(
        tr("Showing the newest %1 of %2 case notes.").arg(shown).arg(record.caseNoteCount));
    m_caseNotesShown->setVisible(more);
    m_olderCaseNotes->setVisible(more);

    QStringList openings;
    for (const RecordOpening &o : record.openedBy)
        openings << tr("%1 at %2").arg(esc(o.worker), Display::dateTime(o.at));
    m_openedBy->setText(listOrNone(openings));
    m_openedByBox->setVisible(!record.openedBy.isEmpty());
    emit loaded();
}

void PersonRecordWindow::closeEvent(QCloseEvent *event)
{
    if (!askAboutUnsavedWork(this)) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace cpis::ui
