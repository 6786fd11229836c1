// Shows that something is taking a while. Half a second after it starts, a progress dialog
// says what is happening and, when the work can be stopped, offers Cancel. Work that ends
// sooner shows nothing. Destroying the LongWork closes the dialog.
#pragma once

#include "db/database_worker.h"
#include "domain/whole_file.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QProgressDialog;
class QTimer;
class QWidget;

namespace cpis::ui {

class LongWork final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LongWork)

public:
    static constexpr int kShowAfterMs = 500;

    // `window` owns it; without `cancel` there is no Cancel button.
    LongWork(QWidget *window, const QString &label, std::function<void()> cancel = {});
    ~LongWork() override;

    void setCancel(std::function<void()> cancel);
    // Switches from "busy" to a bar: done of total.
    void setProgress(qint64 done, qint64 total);
    [[nodiscard]] bool cancelRequested() const { return m_cancelRequested; }

private:
    void show();

    QWidget *m_window;
    QString m_label;
    std::function<void()> m_cancel;
    QTimer *m_showTimer = nullptr;
    QPointer<QProgressDialog> m_dialog;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_cancelRequested = false;
};

// DatabaseThread::submit with a LongWork whose Cancel cancels the job: the callback then gets
// an error with code "cancelled".
template<typename T>
void submitWithProgress(DatabaseThread *database, QWidget *window, const QString &label,
                        std::function<Result<T>(Connection &)> job,
                        std::function<void(Result<T>)> callback)
{
    auto *work = new LongWork(window, label);
    const JobId id = database->submit<T>(window, std::move(job),
                                         [work, callback = std::move(callback)](Result<T> result) {
                                             delete work;
                                             callback(std::move(result));
                                         });
    work->setCancel([database, id] { database->cancel(id); });
}

// Runs `work` on a pool thread with a LongWork, then `done` on the GUI thread unless `window`
// is gone. `work` reports through the WriteProgress it is given, which returns false once the
// user has pressed Cancel.
void runWithProgress(QWidget *window, const QString &label,
                     std::function<Status(const WriteProgress &)> work,
                     std::function<void(Status)> done);

} // namespace cpis::ui
