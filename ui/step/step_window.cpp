#include "step/step_window.h"
#include "workflow/display_names.h"

#include "db/error_codes.h"
#include "dialogs/new_request_dialog.h"
#include "dialogs/next_action_dialog.h"
#include "display.h"
#include "keyboard/key_action.h"
#include "kit/heading.h"
#include "kit/message_banner.h"
#include "kit/unsaved_changes_guard.h"
#include "step/follow_up_section.h"
#include "step/next_actions_section.h"
#include "window_memory.h"
#include "workflow/person_summary.h"
#include "workflow/step_service.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
struct LoadedStep
{
    StepDetail step;
    RequestProposal proposal;
};

bool isCode(const Error &error, const char *code)
{
    return error.code == QString::fromLatin1(code);
}

QScrollArea *scrolling(QWidget *page, const QString &accessibleName)
{
    auto *area = new QScrollArea;
    area->setAccessibleName(accessibleName);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    page->setContentsMargins(4, 0, 12, 0);
    area->setWidget(page);
    return area;
}
} // namespace

StepWindow::StepWindow(DatabaseThread *database, qint64 stepId, const Worker &me,
                       const StepChoices &choices, QWidget *parent)
    : QMainWindow(parent, Qt::Window), m_database(database), m_stepId(stepId), m_me(me),
      m_choices(choices), m_keys(this)
{
    setObjectName(u"stepWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("CPIS Follow Up"));
    fitToScreen(this, {1180, 760}); // below the title bar, on a 1280x720 screen too
    m_guard = new UnsavedChangesGuard(
        this, u"unsavedChangesDialog"_s,
        {.hasChanges = [this] { return hasUnsavedChanges(); },
         .save = [this] { save(); },
         .question =
             [this] {
                 return UnsavedChangesQuestion{
                     tr("Unsaved changes"), tr("Save the changes to this step before closing?"),
                     tr("Not saved yet: %1. Discard throws them away; nothing is sent.")
                         .arg(unsavedSummary())};
             },
         .saving = [this] { return m_busy; },
         .discarded =
             [this] {
                 releaseIfUntouched();
             }});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(20, 14, 20, 14);
    layout->setSpacing(10);

    // Title and the step's actions.
    m_title = new QLabel(tr("CPIS Follow Up"), central);
    m_title->setObjectName(u"stepTitle"_s);
    setHeadingStyle(m_title, HeadingLevel::Page);
    m_subtitle = new QLabel(central);
    m_subtitle->setObjectName(u"stepSubtitle"_s);
    m_subtitle->setStyleSheet(Display::toneStyle(ui::Tone::Secondary));

    m_save = new QPushButton(tr("&Save"), central);
    m_save->setObjectName(u"saveButton"_s);
    m_finish = new QPushButton(tr("&Finish"), central);
    m_finish->setObjectName(u"finishButton"_s);
    m_close = new QPushButton(tr("Close"), central);
    m_close->setObjectName(u"closeStepButton"_s);
    for (QPushButton *b : {m_save, m_finish, m_close})
        b->setMinimumWidth(96);
    m_finishBlocked = new QLabel(central);
    m_finishBlocked->setObjectName(u"finishBlockedLabel"_s);
    m_finishBlocked->setWordWrap(true);
    m_finishBlocked->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_finishBlocked->setStyleSheet(Display::toneStyle(ui::Tone::Caution));

    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(2);
    titleColumn->addWidget(m_title);
    titleColumn->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->addLayout(titleColumn, 1);
    header->addWidget(m_save);
    header->addWidget(m_finish);
    header->addWidget(m_close);

    m_banner = new MessageBanner(u"stepBanner"_s, central);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A line is kept for it, shown or not, so that a message ("The request … is ready")
    // does not push the sections down under the pointer.
    QSizePolicy keepRoom = m_banner->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_banner->setSizePolicy(keepRoom);
    m_banner->setMinimumHeight(m_banner->fontMetrics().height() + 2 * 8 + 2);

    // Sections on the left, the chosen one on the right.
    m_sections = new QListWidget(central);
    m_sections->setObjectName(u"sectionList"_s);
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->addItem(tr("1. CPIS Follow Up"));
    m_sections->addItem(tr("2. Next actions"));
    m_sections->setFixedWidth(230);
    m_sections->setFixedHeight(2 * (m_sections->fontMetrics().height() + 16) + 12);
    m_sections->setIconSize(QSize(18, 18));
    m_sections->setSpacing(3);
    auto *legend = new QLabel(tr("\u2713 indicates completed section"), central);
    legend->setObjectName(u"sectionLegend"_s);
    legend->setWordWrap(true);
    legend->setStyleSheet(Display::toneStyle(ui::Tone::Secondary));
    auto *sectionsCaption = new QLabel(tr("Sections"), central);
    setHeadingStyle(sectionsCaption, HeadingLevel::Caption);
    auto *left = new QVBoxLayout;
    left->addWidget(sectionsCaption);
    left->addWidget(m_sections);
    left->addWidget(legend);
    left->addStretch(1);

    m_followUp = new FollowUpSection;
    m_nextActions = new NextActionsSection;
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(u"sectionPages"_s);
    m_pages->addWidget(scrolling(m_followUp, tr("1. CPIS Follow Up")));
    m_pages->addWidget(m_nextActions);

    auto *body = new QHBoxLayout;
    body->setSpacing(18);
    body->addLayout(left);
    body->addWidget(m_pages, 1);

    layout->addLayout(header);
    // Its own line: beside the title it was squeezed into a narrow column at large fonts.
    layout->addWidget(m_finishBlocked);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    connect(m_sections, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_followUp, &FollowUpSection::notifyClicked, this, &StepWindow::openNewRequest);
    connect(m_nextActions, &NextActionsSection::addClicked, this, &StepWindow::openNextAction);
    connect(m_save, &QPushButton::clicked, this, &StepWindow::save);
    connect(m_finish, &QPushButton::clicked, this, &StepWindow::finish);
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connectKeys();

    connect(m_database, &DatabaseThread::connectionLost, this, [this] {
        showBanner(tr("The connection to the case database is lost. Reconnecting… Everything "
                      "you have added here is kept, and is saved once the connection is back."),
                   BannerKind::Warning);
        refresh();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, [this] {
        const Replay replay = std::exchange(m_replay, Replay::None);
        if (replay != Replay::None) {
            showBanner(tr("The connection is back. Saving your changes…"), BannerKind::Info);
            run(replay == Replay::Finish, true);
            return;
        }
        showBanner(tr("The connection is back."), BannerKind::Success);
        load();
    });
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64 id) {
        // Someone else changed this step: show it, unless we are in the middle of our own.
        if (kind == u"step"_s && id == m_stepId && !m_busy)
            load();
    });

    m_sections->setCurrentRow(0);
    refresh();
    load();
}

// The keys press the same buttons a click would, so a disabled one does nothing.
void StepWindow::connectKeys()
{
    connect(m_keys.save, &QAction::triggered, m_save, &QPushButton::click);
    connect(m_keys.finish, &QAction::triggered, m_finish, &QPushButton::click);
    m_close->setToolTip(withKeys(tr("Close the step"), m_keys.close));
    connect(m_keys.close, &QAction::triggered, this, &QWidget::close);
    connect(m_keys.followUpSection, &QAction::triggered, this, [this] { showSection(0); });
    connect(m_keys.nextActionsSection, &QAction::triggered, this, [this] { showSection(1); });
    // The request is about section 1: show it behind the New request dialog.
    connect(m_keys.passToWorker, &QAction::triggered, this, [this] { showSection(0); });
    auto *notify = m_followUp->findChild<QPushButton *>(u"notifyButton"_s);
    pressOnTrigger(m_keys.passToWorker, notify, notify->toolTip());
    auto *add = m_nextActions->findChild<QPushButton *>(u"addNextActionButton"_s);
    pressOnTrigger(m_keys.addNextAction, add, add->toolTip());
}

void StepWindow::showSection(int index)
{
    m_sections->setCurrentRow(index);
}

void StepWindow::load()
{
    const qint64 stepId = m_stepId;
    const bool record = !m_recordOpened;
    m_recordOpened = true;
    m_database->submit<LoadedStep>(
        this,
        [stepId, record](Connection &c) -> Result<LoadedStep> {
            StepService steps(c);
            auto step = steps.load(stepId);
            if (!step)
                return step.error();
            auto proposal = steps.proposeRequest(stepId);
            if (!proposal)
                return proposal.error();
            if (record) {
                if (auto audited = recordPersonOpened(c, step->subjectId); !audited)
                    return audited.error();
            }
            return LoadedStep{std::move(*step), std::move(*proposal)};
        },
        [this](Result<LoadedStep> result) {
            if (!result) {
                if (!isCode(result.error(), "db.unreachable"))
                    showBanner(result.error().message, BannerKind::Error);
                return;
            }
            m_step = result->step;
            m_proposal = result->proposal;
            m_loaded = true;
            refresh();
            emit loaded();
        });
}

bool StepWindow::editable() const
{
    return m_loaded && m_step.state == u"in_progress"_s && m_step.startedBy == m_me.name;
}

bool StepWindow::sectionComplete(int number) const
{
    bool saved = false;
    for (const StepSection &s : m_step.sections) {
        if (s.number == number)
            saved = s.complete;
    }
    if (number == 1) {
        const bool draft = std::any_of(m_step.requests.cbegin(), m_step.requests.cend(),
                                       [](const StepRequest &r) { return r.state == u"draft"_s; });
        return saved || draft || !m_changes.requests.isEmpty();
    }
    return saved || !m_changes.nextActions.isEmpty();
}

QStringList StepWindow::incompleteSections() const
{
    QStringList missing;
    if (!sectionComplete(1))
        missing << tr("1. CPIS Follow Up (send the request to the allocated worker)");
    if (!sectionComplete(2))
        missing << tr("2. Next actions (add a next action)");
    return missing;
}

QString StepWindow::unsavedSummary() const
{
    QStringList parts;
    for (const PendingRequest &r : m_changes.requests)
        parts << tr("the request to %1").arg(r.recipientName);
    const auto actions = m_changes.nextActions.size();
    if (actions > 0)
        parts << tr("%n next action(s)", nullptr, int(actions));
    return parts.join(tr(" and "));
}

void StepWindow::refresh()
{
    if (m_loaded) {
        setWindowTitle(
            tr("%1 : %2 %3").arg(m_step.title, m_step.subjectName).arg(m_step.subjectId));
        m_title->setText(windowTitle());
        QString subtitle =
            tr("%1 notification, received %2")
                .arg(Display::source(m_step.source), Display::dateTime(m_step.receivedAt));
        if (!m_step.startedBy.isEmpty())
            subtitle += tr(" · started by %1 at %2")
                            .arg(m_step.startedBy, Display::dateTime(m_step.startedAt));
        m_subtitle->setText(subtitle);
    }
    const bool canEdit = editable() && !m_busy;
    const bool s1 = sectionComplete(1);
    const bool s2 = sectionComplete(2);
    m_sections->item(0)->setIcon(Display::completeIcon(s1));
    m_sections->item(1)->setIcon(Display::completeIcon(s2));
    m_sections->item(0)->setToolTip(s1 ? tr("Section completed") : tr("Not completed yet"));
    m_sections->item(1)->setToolTip(s2 ? tr("Section completed") : tr("Not completed yet"));
    m_followUp->show(m_step, m_changes, s1, canEdit);
    m_nextActions->show(m_step, m_changes, s2, canEdit);

    const bool drafts = std::any_of(m_step.requests.cbegin(), m_step.requests.cend(),
                                    [](const StepRequest &r) { return r.state == u"draft"_s; });
    m_save->setEnabled(canEdit && (hasUnsavedChanges() || drafts));
    m_save->setToolTip(m_save->isEnabled()
                           ? withKeys(tr("Save the step and send its request"), m_keys.save)
                           : tr("Nothing to save"));
    const QStringList missing = incompleteSections();
    m_finish->setEnabled(canEdit && missing.isEmpty());
    QString blocked;
    if (!m_loaded)
        blocked = tr("Loading…");
    else if (m_busy)
        blocked = tr("Saving…");
    else if (m_step.state == u"finished"_s || m_step.state == u"cancelled"_s)
        blocked = tr("This step is %1.").arg(DisplayNames::stepState(m_step.state));
    else if (m_step.state == u"incoming"_s)
        blocked = tr("Open to read: nobody has started this step. Start work on it in Current "
                     "work to work on it.");
    else if (!editable())
        blocked = tr("Open to read: %1 has had this step since %2.")
                      .arg(m_step.startedBy, Display::dateTime(m_step.startedAt));
    else if (!missing.isEmpty())
        blocked = tr("To finish, complete %1.").arg(missing.join(tr(" and ")));
    m_finishBlocked->setText(blocked);
    m_finish->setToolTip(
        blocked.isEmpty()
            ? withKeys(tr("Save and finish the step; it then leaves Current work"), m_keys.finish)
            : blocked);
}

void StepWindow::save()
{
    if (!editable() || m_busy)
        return;
    run(false, false);
}

void StepWindow::finish()
{
    if (!m_finish->isEnabled())
        return;
    run(true, false);
}

void StepWindow::run(bool finish, bool replay)
{
    m_busy = true;
    showBanner(finish ? tr("Saving and finishing…") : tr("Saving…"), BannerKind::Info);
    refresh();
    const qint64 stepId = m_stepId;
    const int version = m_step.rowVersion;
    const StepChanges changes = m_changes;
    if (finish) {
        m_database->submit<FinishOutcome>(
            this,
            [stepId, version, changes](Connection &c) {
                return saveAndFinishStep(c, stepId, version, changes);
            },
            [this, replay](Result<FinishOutcome> outcome) {
                m_busy = false;
                if (outcome)
                    saveSucceeded(outcome->rowVersion, true, outcome->notFinished);
                else
                    saveFailedWith(outcome.error(), true, replay);
            });
    } else {
        m_database->submit<int>(
            this,
            [stepId, version, changes](Connection &c) {
                return saveStepChanges(c, stepId, version, changes);
            },
            [this, replay](Result<int> saved) {
                m_busy = false;
                if (saved)
                    saveSucceeded(*saved, false, std::nullopt);
                else
                    saveFailedWith(saved.error(), false, replay);
            });
    }
}

void StepWindow::saveSucceeded(int rowVersion, bool finishing,
                               const std::optional<Error> &notFinished)
{
    QStringList done;
    for (const PendingRequest &r : m_changes.requests)
        done << tr("request sent to %1").arg(r.recipientName);
    const auto actions = m_changes.nextActions.size();
    if (actions == 1)
        done << tr("next action added");
    else if (actions > 1)
        done << tr("%1 next actions added").arg(actions);
    const QString what = done.join(u", "_s);
    m_finishedRequests = m_changes.requests;
    m_changes = {};
    m_step.rowVersion = rowVersion;
    emit saved();
    if (finishing && !notFinished) {
        m_step.state = u"finished"_s;
        emit finished(m_stepId);
        emit finishedWith(finishedConfirmation());
        m_guard->closeWithoutAsking();
        return;
    }
    if (notFinished)
        showBanner(tr("Saved, but the step could not be finished: %1").arg(notFinished->message),
                   BannerKind::Error);
    else
        showBanner(what.isEmpty() ? tr("Saved.") : tr("Saved: %1.").arg(what), BannerKind::Success);
    refresh();
    load();
    m_guard->saveStored();
}

void StepWindow::releaseIfUntouched()
{
    // Nothing saved on it and what was added is thrown away: the step goes back to Incoming
    // work for whoever is free, rather than stay "started by" someone who did nothing.
    if (!editable() || !m_step.requests.isEmpty() || !m_step.nextActions.isEmpty())
        return;
    const qint64 stepId = m_stepId;
    const int version = m_step.rowVersion;
    const QString back = tr("%1 for %2 is back in Incoming work: nothing was saved on it.")
                             .arg(m_step.type, m_step.subjectName);
    // The window is closing: the answer goes to the window it was opened from.
    QObject *context = parent() ? parent() : m_database;
    m_database->submit<Done>(
        context,
        [stepId, version](Connection &c) { return StepService(c).release(stepId, version); },
        [](Status) {});
    emit released(back);
}

QString StepWindow::finishedConfirmation() const
{
    // Every request the step sent, in this save or an earlier one.
    QStringList sentTo;
    for (const StepRequest &r : m_step.requests) {
        if (!r.recipient.isEmpty() && !sentTo.contains(r.recipient))
            sentTo << r.recipient;
    }
    for (const PendingRequest &r : m_finishedRequests) {
        if (!sentTo.contains(r.recipientName))
            sentTo << r.recipientName;
    }
    if (sentTo.isEmpty())
        return tr("%1 for %2 finished.").arg(m_step.type, m_step.subjectName);
    return tr("%1 for %2 finished: request sent to %3")
        .arg(m_step.type, m_step.subjectName, sentTo.join(u", "_s));
}

void StepWindow::saveFailedWith(const Error &error, bool finish, bool replay)
{
    m_guard->saveFailed();
    if (isCode(error, "db.unreachable")) {
        m_replay = finish ? Replay::Finish : Replay::Save;
        showBanner(tr("The connection to the case database is lost, so the step is not saved "
                      "yet. Everything you added is kept here, and the step is saved once the "
                      "connection is back."),
                   BannerKind::Warning);
        refresh();
        emit saveFailed(error);
        return;
    }
    if (isCode(error, errc::kStale) && replay) {
        reconcileAfterReplay(finish);
        return;
    }
    refresh();
    emit saveFailed(error);
    if (isCode(error, errc::kStale)) {
        askToReload(error);
        return;
    }
    QString text = error.message;
    if (!error.hint.isEmpty())
        text += u' ' + error.hint;
    showBanner(text, BannerKind::Error);
    if (isCode(error, errc::kTaken) || isCode(error, errc::kWrongState))
        load();
}

// The first save's answer was lost with the connection; the replay was refused as stale.
// If the step now holds what we sent, the first save went through: nothing was sent twice.
void StepWindow::reconcileAfterReplay(bool finish)
{
    const qint64 stepId = m_stepId;
    m_database->submit<StepDetail>(
        this, [stepId](Connection &c) { return StepService(c).load(stepId); },
        [this, finish](Result<StepDetail> fresh) {
            if (!fresh) {
                showBanner(fresh.error().message, BannerKind::Error);
                return;
            }
            if (!stepHoldsChanges(*fresh, m_changes)) {
                askToReload(Error{QString::fromLatin1(errc::kStale),
                                  tr("This step was changed elsewhere while the connection was "
                                     "lost."),
                                  {},
                                  {}});
                return;
            }
            m_changes = {};
            m_step = *fresh;
            showBanner(tr("Saved: your save reached the database just before the connection was "
                          "lost, so nothing was sent twice."),
                       BannerKind::Success);
            refresh();
            emit saved();
            if (finish && incompleteSections().isEmpty())
                run(true, false);
        });
}

void StepWindow::askToReload(const Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The step was changed"), error.message,
                                QMessageBox::NoButton, this);
    box->setObjectName(u"staleDialog"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Reload the step to see the changes. What you added here and have not saved yet "
           "is kept, so you can check it and save again."));
    auto *reload = box->addButton(tr("&Reload"), QMessageBox::AcceptRole);
    reload->setObjectName(u"staleReload"_s);
    box->addButton(tr("Not now"), QMessageBox::RejectRole);
    box->setDefaultButton(reload);
    connect(box, &QMessageBox::accepted, this, [this] {
        showBanner(tr("Reloaded. Check your additions and save again."), BannerKind::Info);
        load();
    });
    showBanner(error.message, BannerKind::Error);
    box->open();
}

void StepWindow::openNewRequest()
{
    if (!editable())
        return;
    auto *dialog = new NewRequestDialog(m_database, m_choices, m_proposal, this);
    if (!m_changes.requests.isEmpty())
        dialog->setRequest(m_changes.requests.constLast());
    QStringList sent;
    for (const StepRequest &r : m_step.requests) {
        if (r.state != u"draft"_s)
            sent << tr("%1 (%2)").arg(r.recipient, Display::dateTime(r.sentAt));
    }
    if (!sent.isEmpty())
        dialog->setAlreadySent(tr("A request has already been sent from this step to %1. OK adds "
                                  "another.")
                                   .arg(sent.join(u", "_s)));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const PendingRequest request = dialog->request();
        m_changes.requests = {request}; // one request per dialog: OK again replaces it
        showBanner(tr("The request to %1 is ready. It will be sent when you save.")
                       .arg(request.recipientName),
                   BannerKind::Info);
        refresh();
    });
    dialog->open();
}

void StepWindow::openNextAction()
{
    if (!editable())
        return;
    auto *dialog = new NextActionDialog(m_choices, this);
    connect(dialog, &NextActionDialog::added, this, [this](const NextActionInput &input) {
        m_changes.nextActions.append(input);
        refresh();
    });
    dialog->open();
}

void StepWindow::showBanner(const QString &text, BannerKind kind)
{
    // The sign repeats what the colour says: a tick for done, a warning sign for trouble.
    static const QString prefix[] = {QString(), u"\u2713 "_s, u"\u26a0 "_s, u"\u26a0 "_s};
    m_banner->showMessage(prefix[int(kind)] + text, kind);
}

} // namespace cpis::ui
