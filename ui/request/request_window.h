// An incoming request as the key worker works it: the CPIS Follow Up step's summary and
// its document (print, save as PDF), Acknowledge, and Add case note (CP-IS Follow Up).
// Refreshes by itself when the request, its step or a case note changes.
#pragma once

#include "db/database_worker.h"
#include "keyboard/window_keys.h"
#include "workflow/workflow_types.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace cpis::ui {

class MessageBanner;
class CaseNoteDialog;

class RequestWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestWindow)

public:
    RequestWindow(DatabaseThread *database, const IncomingRequest &request,
                  QWidget *parent = nullptr);
    // An open case note dialog is destroyed with the window: it must not call back into it.
    ~RequestWindow() override;

    struct View
    {
        StepDetail step;
        bool awaitingCaseNote = false;
        QList<CaseNote> notes; // this request's, newest first
    };

    [[nodiscard]] qint64 requestId() const { return m_request.requestId; }
    [[nodiscard]] const View &view() const { return m_view; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString documentHtml() const;

    void reload();
    void acknowledge();
    CaseNoteDialog *addCaseNote();
    void print();
    void saveAsPdf();
    // Writes the document to `fileName` (no dialog).
    Status writePdf(const QString &fileName) const;

signals:
    void loaded();
    void acknowledged(qint64 requestId);
    void openPerson(qint64 personId);

protected:
    // A case note with text not saved asks before the window (and the note) goes.
    void closeEvent(QCloseEvent *event) override;

private:
    void apply(const View &view);
    void updateActions();
    void continueDraft();
    [[nodiscard]] const StepRequest *stepRequest() const;

    DatabaseThread *m_database;
    IncomingRequest m_request;
    View m_view;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_loading = false;
    QPointer<CaseNoteDialog> m_noteDialog;

    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_childName = nullptr;
    QLabel *m_childGender = nullptr;
    QLabel *m_childDateOfBirth = nullptr;
    QLabel *m_childKeyWorker = nullptr;
    QLabel *m_notification = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_nextActions = nullptr;
    QListWidget *m_notes = nullptr;
    QTextBrowser *m_document = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_addNote = nullptr;
    QPushButton *m_continueDraft = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_person = nullptr;
    QTimer *m_reloadTimer = nullptr;
    RequestKeys m_keys;
};

} // namespace cpis::ui
