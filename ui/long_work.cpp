#include "long_work.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <atomic>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace cpis::ui {

LongWork::LongWork(QWidget *window, const QString &label, std::function<void()> cancel)
    : QObject(window), m_window(window), m_label(label), m_cancel(std::move(cancel))
{
    m_showTimer = new QTimer(this);
    m_showTimer->setSingleShot(true);
    connect(m_showTimer, &QTimer::timeout, this, &LongWork::show);
    m_showTimer->start(kShowAfterMs);
}

LongWork::~LongWork()
{
    delete m_dialog;
}

void LongWork::setCancel(std::function<void()> cancel)
{
    m_cancel = std::move(cancel);
}

void LongWork::setProgress(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    if (!m_dialog)
        return;
    // QProgressDialog counts in int: show thousandths of the whole.
    m_dialog->setRange(0, 1000);
    m_dialog->setValue(total > 0 ? int(done * 1000 / total) : 0);
    m_dialog->setLabelText(tr("%1\n%2 of %3").arg(m_label).arg(done).arg(total));
}

void LongWork::show()
{
    // Made only now: QProgressDialog has timers of its own that would show it early.
    m_dialog = new QProgressDialog(m_label, m_cancel ? tr("Cancel") : QString(), 0, 0, m_window);
    m_dialog->setObjectName(u"longWorkProgress"_s);
    m_dialog->setWindowTitle(tr("Please wait"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(0);
    m_dialog->setMinimumWidth(420);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        if (m_cancelRequested || !m_cancel)
            return;
        m_cancelRequested = true;
        m_dialog->setLabelText(tr("%1\nCancelling…").arg(m_label));
        m_dialog->show(); // canceled() hides it; keep saying what is happening until it stops
        m_cancel();
    });
    if (m_total > 0)
        setProgress(m_done, m_total);
    m_dialog->show();
}

void runWithProgress(QWidget *window, const QString &label,
                     std::function<Status(const WriteProgress &)> work,
                     std::function<void(Status)> done)
{
    // The pool thread touches only this shared state, never a widget: the window may close
    // while the work goes on.
    struct Shared
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic_bool stop{false};
        std::optional<Status> result;
    };
    auto shared = std::make_shared<Shared>();
    auto *longWork = new LongWork(window, label, [shared] { shared->stop = true; });
    auto *poll = new QTimer(longWork);
    QObject::connect(poll, &QTimer::timeout, longWork, [longWork, shared] {
        if (shared->total > 0)
            longWork->setProgress(shared->done, shared->total);
    });
    poll->start(100);
    auto *watcher = new QFutureWatcher<void>(longWork);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, window,
                     [longWork, shared, done = std::move(done)] {
                         delete longWork;       // and the watcher and timer with it
                         done(*shared->result); // set by the work before it finished
                     });
    watcher->setFuture(QtConcurrent::run([work = std::move(work), shared] {
        shared->result = work([shared](qint64 done, qint64 total) {
            shared->done = done;
            shared->total = total;
            return !shared->stop;
        });
    }));
}

} // namespace cpis::ui
