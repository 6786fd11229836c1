#include "admin/exchange_monitor_resolve_dialog.h"

#include "display.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// What happened to the message, in words that match its state (HTML-escaped).
QString stateText(const QString &status, const QString &reason)
{
    const QString why = reason.trimmed().toHtmlEscaped();
    if (status == u"quarantined"_s)
        return why.isEmpty() ? ResolveMessageDialog::tr("was quarantined.")
                             : ResolveMessageDialog::tr("was quarantined: %1").arg(why);
    if (status == u"received"_s)
        return why.isEmpty()
                   ? ResolveMessageDialog::tr("is waiting to be processed.")
                   : ResolveMessageDialog::tr("is waiting to be processed; the last exchange "
                                              "could not process it: %1")
                         .arg(why);
    return why.isEmpty() ? ResolveMessageDialog::tr("has not been processed.")
                         : ResolveMessageDialog::tr("has not been processed: %1").arg(why);
}
} // namespace

ResolveMessageDialog::ResolveMessageDialog(const QString &message, const QString &status,
                                           const QString &reason, QWidget *parent)
    : GuardedDialog(parent)
{
    setObjectName(u"resolveMessageDialog"_s);
    setWindowTitle(tr("Mark resolved"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *intro = new QLabel(tr("<b>%1</b> %2<br>Marking it resolved takes it off the list "
                                "without processing it. Say what was done instead.")
                                 .arg(message.toHtmlEscaped(), stateText(status, reason)),
                             this);
    intro->setObjectName(u"resolveIntro"_s);
    intro->setWordWrap(true);
    auto *label = new QLabel(tr("&Note*"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"resolveNote"_s);
    m_note->setPlaceholderText(
        tr("For example: duplicate of message 41, already handled by the Safeguarding Admin"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumSize(420, 90);
    label->setBuddy(m_note);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"resolveNoteProblem"_s);
    m_problem->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(this);
    auto *resolve = buttons->addButton(tr("Mark &resolved"), QDialogButtonBox::AcceptRole);
    resolve->setObjectName(u"confirmResolve"_s);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelResolve"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(label);
    layout->addWidget(m_note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    guard(u"unsavedResolveDialog"_s,
          {[this] { return !note().isEmpty(); }, [this] { accept(); },
           [] {
               return UnsavedChangesQuestion{
                   tr("Note not used"), tr("Mark the message resolved with the note you typed?"),
                   tr("Mark resolved takes it off the list with this note. Discard loses the "
                      "note and leaves the message as it is; Cancel goes back to the note."),
                   tr("Mark &resolved")};
           }});
}

QString ResolveMessageDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void ResolveMessageDialog::accept()
{
    if (note().isEmpty()) {
        m_problem->setText(tr("A note is required: say how the message was resolved."));
        m_problem->show();
        m_note->setFocus();
        saveRefused();
        return;
    }
    GuardedDialog::accept();
}

} // namespace cpis::ui
