// The guard's close check and its one Save / Discard / Cancel question.
#include "kit/unsaved_changes_guard.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QWidget>

namespace cpis::ui {

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
    box->setDefaultButton(QMessageBox::Save);
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

} // namespace cpis::ui
