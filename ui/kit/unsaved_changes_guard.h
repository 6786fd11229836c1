// The unsaved-changes guard of an editing window: when the window is closed with changes not
// saved, it asks whether to save them (Save, Discard, Cancel), and closes the window once a
// save it waits for is stored. A window gets one with a line: the guard watches its closes.
#pragma once

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

} // namespace cpis::ui
