#include "person/find_child_dialog.h"

#include "kit/message_banner.h"
#include "person/new_child_dialog.h"
#include "person/person_search_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

FindChildDialog::FindChildDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent), m_database(database)
{
    setObjectName(u"findChildDialog"_s);
    setWindowTitle(tr("Find a child"));
    resize(900, 520);

    auto *label =
        new QLabel(tr("&Name, person ID, main system ID, NHS number or date of birth:"), this);
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"findChildText"_s);
    m_text->setAccessibleName(
        tr("Find a child by name, person ID, main system ID, NHS number or date of birth"));
    // The main system ID is the id in the authority's main case system: found only whole.
    m_text->setAccessibleDescription(
        tr("A main system ID is found only when typed whole, exactly as the main system has it."));
    m_text->setPlaceholderText(tr("e.g. Turner, 3549728, 943 476 5919 or 28/11/2016"));
    m_text->setClearButtonEnabled(true);
    label->setBuddy(m_text);
    m_message = new MessageBanner(u"findChildMessage"_s, this);
    m_model = new PersonSearchModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"findChildResults"_s);
    m_table->setAccessibleName(tr("Children found"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_text);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    auto *hint = new QLabel(tr("Enter opens the record of the child chosen; Down moves from the "
                               "box to the results."),
                            this);
    hint->setObjectName(u"findChildHint"_s);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    // Not found: record the child (records officers and team managers; the database decides).
    auto *buttons = new QHBoxLayout;
    auto *newChild = new QPushButton(tr("Ne&w child…"), this);
    newChild->setObjectName(u"newChild"_s);
    newChild->setAutoDefault(false);
    connect(newChild, &QPushButton::clicked, this, [this] { openNewChild(false); });
    auto *newUnborn = new QPushButton(tr("New &unborn child…"), this);
    newUnborn->setObjectName(u"newUnbornChild"_s);
    newUnborn->setAutoDefault(false);
    connect(newUnborn, &QPushButton::clicked, this, [this] { openNewChild(true); });
    buttons->addWidget(newChild);
    buttons->addWidget(newUnborn);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    // Searching as the worker types, once they pause.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &FindChildDialog::runSearch);
    connect(m_text, &QLineEdit::textEdited, this, [this] { m_typing->start(); });
    connect(m_table, &QAbstractItemView::activated, this, &FindChildDialog::openCurrent);
    m_text->installEventFilter(this);
    m_table->installEventFilter(this);
}

void FindChildDialog::search(const QString &text)
{
    m_text->setText(text);
    m_typing->stop();
    runSearch();
}

bool FindChildDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (watched == m_text && enter) {
        // Enter in the box searches; with the results of this very text shown, it opens the
        // first (or chosen) child.
        if (m_text->text().trimmed() == m_lastSearched && m_model->rowCount() > 0)
            openCurrent();
        else
            search(m_text->text());
        return true;
    }
    if (watched == m_text && key == Qt::Key_Down && m_model->rowCount() > 0) {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        return true;
    }
    if (watched == m_table && enter) {
        openCurrent();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void FindChildDialog::runSearch()
{
    const QString text = m_text->text().trimmed();
    if (text.size() < 2) {
        m_message->showPlain(tr("Type at least two characters of a name, or a person ID, NHS "
                                "number or date of birth."));
        return;
    }
    ++m_running;
    m_database->submit<QList<PersonSearchHit>>(
        this, [text](Connection &c) { return PersonSearch(c).find(text); },
        [this, text](Result<QList<PersonSearchHit>> found) {
            --m_running;
            if (text != m_text->text().trimmed())
                return; // typed on since: the newer search answers (and says it searched)
            m_lastSearched = text;
            if (!found) {
                m_model->setRows({});
                m_message->showMessage(found.error().message, BannerKind::Error);
            } else {
                m_model->setRows(*found);
                if (found->isEmpty())
                    m_message->showPlain(tr("No child found for “%1”. Restricted records are "
                                            "found only by those allowed to see them.")
                                             .arg(text));
                else
                    m_message->showPlain(
                        found->size() >= 100
                            ? tr("The first 100 children found: type more to "
                                 "narrow the search.")
                            : tr("%n child(ren) found.", nullptr, int(found->size())));
                m_table->resizeColumnsToContents();
                m_table->setCurrentIndex(m_model->index(0, 0));
            }
            emit searched();
        });
}

void FindChildDialog::chooseOnly(const QString &title)
{
    setWindowTitle(title);
    for (const QString &name : {u"newChild"_s, u"newUnbornChild"_s})
        if (auto *button = findChild<QPushButton *>(name))
            button->hide();
    if (auto *hint = findChild<QLabel *>(u"findChildHint"_s))
        hint->setText(tr("Enter chooses the person found; Down moves from the box to the "
                         "results."));
}

NewChildDialog *FindChildDialog::openNewChild(bool unborn)
{
    auto *dialog = new NewChildDialog(m_database, unborn, this);
    connect(dialog, &NewChildDialog::saved, this, [this](qint64 id) { emit openPerson(id); });
    dialog->open();
    return dialog;
}

void FindChildDialog::openCurrent()
{
    QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        current = m_model->index(0, 0);
    if (!current.isValid())
        return;
    emit openPerson(current.data(PersonSearchModel::PersonIdRole).toLongLong());
}

} // namespace cpis::ui
