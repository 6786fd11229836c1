// The guard's close check and its one Save / Discard / Cancel question; the dialogs opened from
// a window ask before it closes.
#include "kit/unsaved_changes_guard.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QWidget>

#include <algorithm>

namespace cpis::ui {

namespace {
int depth(const QObject *object)
{
    int levels = 0;
    while ((object = object->parent()))
        ++levels;
    return levels;
}

// Asks every shown window under `root` whose guard (other than `skip`) has unsaved work, a
// dialog before the window it was opened from; true when none had any.
bool askUnder(QWidget *root, const UnsavedChangesGuard *skip)
{
    QList<QPointer<QWidget>> asking;
    for (UnsavedChangesGuard *guard : root->findChildren<UnsavedChangesGuard *>()) {
        auto *window = qobject_cast<QWidget *>(guard->parent());
        if (guard != skip && window && window->isVisible() && guard->hasUnsavedWork())
            asking << window;
    }
    std::stable_sort(asking.begin(), asking.end(),
                     [](const auto &a, const auto &b) { return depth(a) > depth(b); });
    for (const QPointer<QWidget> &window : std::as_const(asking)) {
        if (window)
            window->close(); // its guard asks, and keeps it open
    }
    return asking.isEmpty();
}
} // namespace

bool askAboutUnsavedWork(QWidget *root)
{
    return askUnder(root, nullptr);
}

UnsavedChangesGuard::UnsavedChangesGuard(QWidget *window, const QString &dialogObjectName,
                                         Hooks hooks)
    : QObject(window), m_window(window), m_dialogName(dialogObjectName), m_hooks(std::move(hooks))
{
    window->installEventFilter(this);
}

bool UnsavedChangesGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close)
        return QObject::eventFilter(watched, event);
    if (std::exchange(m_closeConfirmed, false))
        return false; // confirmed for this close: the window's own close goes on
    if (!askUnder(m_window, this)) {
        event->ignore(); // a dialog opened from the window has unsaved work: it asks first
        return true;
    }
    const bool saving = m_hooks.saving && m_hooks.saving();
    if (!m_hooks.hasChanges() && !saving)
        return false;
    event->ignore();
    if (saving) {
        m_closeAfterSave = true; // once it is stored
        return true;
    }
    ask();
    return true;
}

void UnsavedChangesGuard::closeWithoutAsking()
{
    m_closeConfirmed = true;
    m_window->close();
}

bool UnsavedChangesGuard::hasUnsavedWork() const
{
    return m_hooks.hasChanges() || (m_hooks.saving && m_hooks.saving());
}

void UnsavedChangesGuard::saveStored()
{
    if (std::exchange(m_closeAfterSave, false))
        closeWithoutAsking();
}

void UnsavedChangesGuard::ask()
{
    if (const auto *open = m_window->findChild<QMessageBox *>(m_dialogName);
        open && open->isVisible())
        return; // already asking
    const UnsavedChangesQuestion question = m_hooks.question();
    auto *box =
        new QMessageBox(QMessageBox::Question, question.title, question.text,
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box->setObjectName(m_dialogName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(question.details);
    if (question.saveText.isEmpty()) {
        box->setDefaultButton(QMessageBox::Save);
    } else {
        box->button(QMessageBox::Save)->setText(question.saveText);
        box->button(QMessageBox::Save)->setIcon({}); // not a disk: the window's own action
        box->setDefaultButton(QMessageBox::Cancel);
    }
    connect(box, &QMessageBox::finished, this, [this, box](int button) {
        box->setObjectName({}); // answered: the next close asks afresh, whenever it is deleted
        if (button == QMessageBox::Save) {
            m_closeAfterSave = true;
            m_hooks.save();
        } else if (button == QMessageBox::Discard) {
            if (m_hooks.discarded)
                m_hooks.discarded();
            closeWithoutAsking();
        }
    });
    box->open();
}

GuardedDialog::GuardedDialog(QWidget *parent) : QDialog(parent) {}

UnsavedChangesGuard *GuardedDialog::guard(const QString &dialogObjectName,
                                          UnsavedChangesGuard::Hooks hooks)
{
    m_guard = new UnsavedChangesGuard(this, dialogObjectName, std::move(hooks));
    return m_guard;
}

void GuardedDialog::reject()
{
    if (m_inClose)
        QDialog::reject();
    else
        close(); // through the guard
}

void GuardedDialog::closeEvent(QCloseEvent *event)
{
    // The guard has let this close through; QDialog's own close calls reject() once more.
    m_inClose = true;
    QDialog::closeEvent(event);
    m_inClose = false;
}

void GuardedDialog::saveRefused()
{
    if (m_guard)
        m_guard->saveFailed();
}

} // namespace cpis::ui
