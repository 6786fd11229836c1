// A person's record, opened from any subject link: details, key worker and involvements,
// plans, CP-IS status in words, case notes (newest first), open steps and requests, alerts,
// and for team managers who has opened the record. Opening it is audited.
#pragma once

#include "db/database_worker.h"
#include "workflow/person_record.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTimer;

namespace cpis::ui {

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

signals:
    void loaded();

private:
    void load(bool audit);
    void apply(const PersonRecord &record);
    QLabel *section(const QString &title, const QString &objectName, QWidget *parent);

    DatabaseThread *m_database;
    qint64 m_personId;
    PersonRecord m_record;
    bool m_loaded = false;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_cpis = nullptr;
    QLabel *m_involvements = nullptr;
    QLabel *m_plans = nullptr;
    QLabel *m_openWork = nullptr;
    QLabel *m_caseNotes = nullptr;
    QLabel *m_caseNotesShown = nullptr;
    QPushButton *m_olderCaseNotes = nullptr;
    int m_caseNoteLimit = kCaseNotePage;
    QLabel *m_alerts = nullptr;
    QLabel *m_openedBy = nullptr;
    QWidget *m_openedByBox = nullptr;
    QTimer *m_reloadTimer = nullptr;
};

} // namespace cpis::ui
