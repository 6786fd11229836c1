#include "dialogs/find_worker_dialog.h"

#include "dialogs/worker_list_model.h"
#include "workflow/worker_directory.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
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
    resize(520, 420);

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
    m_results->setColumnWidth(WorkerListModel::Name, 200);
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
    connect(m_results, &QAbstractItemView::activated, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(m_results->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FindWorkerDialog::updateOk);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindWorkerDialog::updateOk);
    updateOk();
}

void FindWorkerDialog::search()
{
    const QString text = m_text->text().trimmed();
    m_status->setText(tr("Searching…"));
    m_find->setEnabled(false);
    m_database->submit<QList<Worker>>(
        this, [text](Connection &c) { return WorkerDirectory(c).find(text); },
        [this](Result<QList<Worker>> found) {
            m_find->setEnabled(true);
            if (!found) {
                m_status->setText(found.error().message);
                return;
            }
            m_model->setWorkers(*found);
            m_status->setText(found->isEmpty()     ? tr("No worker's name contains that.")
                              : found->size() == 1 ? tr("1 worker found. Press OK to choose them.")
                                                   : tr("%n workers found. Pick one and press OK.",
                                                        nullptr, int(found->size())));
            if (!found->isEmpty()) {
                m_results->selectRow(0);
                m_results->setFocus();
            }
            emit searched(int(found->size()));
        });
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
