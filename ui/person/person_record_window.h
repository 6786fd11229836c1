// A person's record, opened from any subject link: details, key worker and involvements,
// plans, CP-IS status in words, case notes (newest first), steps and requests (finished ones
// too: who finished, who acknowledged, whether a case note came), alerts, and for team
// managers who has opened the record. Opening it is audited.
#pragma once

#include "db/database_worker.h"
#include "workflow/person_record.h"
#include "workflow/person_records.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace cpis::ui {

class RecordDialog;

class PersonRecordWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonRecordWindow)

public:
    // Case notes come in pages of this many, newest first.
    static constexpr int kCaseNotePage = 50;

    PersonRecordWindow(DatabaseThread *database, qint64 personId, QWidget *parent = nullptr);

    [[nodiscard]] qint64 personId() const { return m_personId; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const PersonRecord &record() const { return m_record; }
    void reload();
    // The next page of older case notes.
    void showOlderCaseNotes();

    // The CP-IS status as the worker reads it.
    static QString cpisStatusText(const PersonCpisStatus &status);
    // "Tommy Turner (Known as, from 01/02/2020)<br>Tom Smith (Previous name, ended 03/04/2021)"
    static QString otherNamesText(const QList<PersonSummary::OtherName> &names);

    // The actions that change the record (issue 19), each a dialog, reachable by keyboard.
    enum class Action { NhsNumber, Birth, Plans, KeyWorker, Details, Restricted };
    // Opens the action's dialog once the record is loaded (at once when it is); null until then.
    RecordDialog *openAction(Action action);
    [[nodiscard]] RecordDialog *actionDialog() const;
    [[nodiscard]] const EditablePerson &editable() const { return m_editable; }
    // Queues the child for the next upload by hand (Mosaic offers this).
    void uploadAgainNow();

signals:
    void loaded();
    // The record's editable details (version, who may change it) are loaded.
    void editableLoaded();
    void actionOpened(cpis::ui::RecordDialog *dialog);

protected:
    // An open record dialog with changes asks first (closing, quitting, signing out); the
    // record stays open while it does.
    void closeEvent(QCloseEvent *event) override;

private:
    void load(bool audit);
    QWidget *buildActions(QWidget *parent);
    void loadEditable();
    void applyEditable();
    void apply(const PersonRecord &record);
    QLabel *section(const QString &title, const QString &objectName, QWidget *parent);

    DatabaseThread *m_database;
    qint64 m_personId;
    PersonRecord m_record;
    bool m_loaded = false;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_authorityId = nullptr; // the main system's id, under the details
    QLabel *m_cpis = nullptr;
    QLabel *m_involvements = nullptr;
    QLabel *m_plans = nullptr;
    QLabel *m_work = nullptr;
    QLabel *m_caseNotes = nullptr;
    QLabel *m_caseNotesShown = nullptr;
    QPushButton *m_olderCaseNotes = nullptr;
    int m_caseNoteLimit = kCaseNotePage;
    QLabel *m_alerts = nullptr;
    QLabel *m_openedBy = nullptr;
    QWidget *m_openedByBox = nullptr;
    QTimer *m_reloadTimer = nullptr;
    EditablePerson m_editable;
    bool m_editableLoaded = false;
    std::optional<Action> m_pendingAction;
    QPointer<RecordDialog> m_actionDialog;
    QHash<int, QPushButton *> m_actionButtons;
    QPushButton *m_uploadAgain = nullptr;
};

} // namespace cpis::ui
