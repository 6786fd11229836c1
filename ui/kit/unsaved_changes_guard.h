// The unsaved-changes guard of an editing window: when the window is closed with changes not
// saved, it asks whether to save them (Save, Discard, Cancel), and closes the window once a
// save it waits for is stored. A window gets one with a line: the guard watches its closes, and
// a dialog opened from the window asks before the window closes. GuardedDialog is a dialog
// whose Esc and Cancel go through the guard too.
#pragma once

#include <QDialog>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace cpis::ui {

// What the guard asks, in the window's own words (translated in the window's context).
struct UnsavedChangesQuestion
{
    QString title;   // "Unsaved changes"
    QString text;    // "Save the changes to this step before closing?"
    QString details; // what is not saved yet, and what Discard does
    // When the window's save is not a save ("Cancel work", "Mark resolved"): Save's own words,
    // and Save is then not the default (Enter goes back to the window).
    QString saveText = {};
};

class UnsavedChangesGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnsavedChangesGuard)

public:
    struct Hooks
    {
        std::function<bool()> hasChanges;                 // anything not saved yet?
        std::function<void()> save;                       // Save in the question
        std::function<UnsavedChangesQuestion()> question; // asked when it is needed
        std::function<bool()> saving = {};                // a save is running: close after it
        std::function<void()> discarded = {};             // Discard chosen, before the close
    };

    // Guards `window` (its parent); the question's dialog has `dialogObjectName`.
    UnsavedChangesGuard(QWidget *window, const QString &dialogObjectName, Hooks hooks);

    // Closes the window without asking (Discard, or the work is finished).
    void closeWithoutAsking();
    // After a save is stored: closes the window if a close was waiting for it.
    void saveStored();
    // After a save failed: the close that waited for it is dropped; the window stays open.
    void saveFailed() { m_closeAfterSave = false; }
    // Whether a close waits for the running save.
    [[nodiscard]] bool closeWaitsForSave() const { return m_closeAfterSave; }
    // Whether closing the window now would ask (or wait for a save): something is not saved.
    [[nodiscard]] bool hasUnsavedWork() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ask();

    QWidget *m_window;
    QString m_dialogName;
    Hooks m_hooks;
    bool m_closeConfirmed = false;
    bool m_closeAfterSave = false;
};

// Before `root` closes (quitting, signing out, closing a window that dialogs were opened from):
// every window under it, `root` included, whose guard has unsaved work is asked to close, so it
// asks its question, innermost first. False when any asked: the caller closes nothing and stays
// open (the user answers, then closes again); true when there was nothing to ask.
bool askAboutUnsavedWork(QWidget *root);

// A dialog with the guard: Esc, its Cancel button and closing it all go through close(), so
// the guard asks before anything typed is lost. A dialog calls guard() once, in its constructor.
class GuardedDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedDialog)

public:
    void reject() override;

protected:
    explicit GuardedDialog(QWidget *parent);
    UnsavedChangesGuard *guard(const QString &dialogObjectName, UnsavedChangesGuard::Hooks hooks);
    void closeEvent(QCloseEvent *event) override;
    // Save in the question accepted nothing (the dialog's own check refused): it stays open.
    void saveRefused();

private:
    UnsavedChangesGuard *m_guard = nullptr;
    bool m_inClose = false; // in closeEvent: reject() is QDialog's, which hides
};

} // namespace cpis::ui
