#include "dialogs/find_worker_dialog.h"

#include "dialogs/worker_list_model.h"
#include "workflow/worker_directory.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

FindWorkerDialog::FindWorkerDialog(DatabaseThread *database, const QString &initialText,
                                   QWidget *parent)
    : QDialog(parent), m_database(database), m_model(new WorkerListModel(this))
{
    setObjectName(u"findWorkerDialog"_s);
    setWindowTitle(tr("Find worker"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(620, 420);

    m_text = new QLineEdit(initialText, this);
    m_text->setObjectName(u"findWorkerText"_s);
    m_text->setPlaceholderText(tr("Part of the worker's name"));
    m_text->setClearButtonEnabled(true);
    auto *label = new QLabel(tr("&Name:"), this);
    label->setBuddy(m_text);
    m_find = new QPushButton(tr("&Find"), this);
    m_find->setObjectName(u"findWorkerButton"_s);
    m_find->setAutoDefault(false);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(label);
    searchRow->addWidget(m_text, 1);
    searchRow->addWidget(m_find);

    m_results = new QTableView(this);
    m_results->setObjectName(u"findWorkerResults"_s);
    m_results->setAccessibleName(tr("Workers found"));
    m_results->setModel(m_model);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setTabKeyNavigation(false);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setColumnWidth(WorkerListModel::Name, 230);
    m_results->setColumnWidth(WorkerListModel::Role, 110);
    m_status = new QLabel(tr("Type part of a name and press Find."), this);
    m_status->setObjectName(u"findWorkerStatus"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"findWorkerOk"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"findWorkerCancel"_s);
    // Enter belongs to the field or the list that has focus, not to a default button.
    for (QAbstractButton *b : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_find, &QPushButton::clicked, this, &FindWorkerDialog::search);
    // Enter in the search field searches; Enter in the results picks.
    connect(m_text, &QLineEdit::returnPressed, this, &FindWorkerDialog::search);
    m_text->installEventFilter(this);
    connect(m_results, &QAbstractItemView::activated, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(m_results->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FindWorkerDialog::updateOk);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindWorkerDialog::updateOk);
    updateOk();
}

void FindWorkerDialog::setCurrentKeyWorker(int workerId)
{
    m_model->setCurrentKeyWorker(workerId);
}

void FindWorkerDialog::search()
{
    const QString text = m_text->text().trimmed();
    const int search = ++m_searches;
    // The old results go at once, so nothing can be chosen from a search that is not the
    // one the line below describes.
    m_model->setWorkers({});
    m_status->setText(tr("Searching…"));
    m_database->submit<QList<Worker>>(
        this, [text](Connection &c) { return WorkerDirectory(c).find(text); },
        [this, text, search](Result<QList<Worker>> found) {
            if (search != m_searches)
                return;
            if (!found) {
                m_status->setText(found.error().message);
                return;
            }
            showFound(text, *found);
        });
}

void FindWorkerDialog::showFound(const QString &text, const QList<Worker> &found)
{
    m_model->setWorkers(found);
    if (found.isEmpty()) {
        m_status->setText(tr("No caseworker's name contains \u201c%1\u201d.").arg(text));
        m_text->setFocus();
        m_text->selectAll();
    } else if (found.size() == 1) {
        m_status->setText(tr("1 caseworker's name contains \u201c%1\u201d. Press Enter or OK to "
                             "choose them.")
                              .arg(text));
        m_results->selectRow(0);
        m_results->setFocus();
    } else {
        // Nobody is picked for the user: the first of several is as likely wrong as right.
        m_status->setText(tr("%n caseworkers' names contain \u201c%1\u201d. Press Down to pick "
                             "one, then Enter.",
                             nullptr, int(found.size()))
                              .arg(text));
    }
    emit searched(int(found.size()));
}

bool FindWorkerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the Name box goes into the list at its first row.
    if (watched == m_text && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_results->setFocus();
        if (!m_results->selectionModel()->hasSelection())
            m_results->selectRow(0);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void FindWorkerDialog::keyPressEvent(QKeyEvent *event)
{
    // The Name box and the list handle Enter themselves; the dialog's default button (which
    // the button box makes OK when shown) must not also take it.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void FindWorkerDialog::updateOk()
{
    m_ok->setEnabled(m_results->selectionModel()->hasSelection());
}

Worker FindWorkerDialog::chosen() const
{
    const QModelIndexList rows = m_results->selectionModel()->selectedRows();
    return rows.isEmpty() ? Worker{} : m_model->worker(rows.first().row());
}

} // namespace cpis::ui
