#include "admin/configuration_lists_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_models.h"
#include "admin/configuration_window.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QString listTitle(const QString &list)
{
    static const QHash<QString, const char *> titles{
        {u"request_type"_s, QT_TRANSLATE_NOOP("cpis::ui::ConfigurationWindow", "Request types")},
        {u"next_action"_s, QT_TRANSLATE_NOOP("cpis::ui::ConfigurationWindow", "Next actions")},
        {u"next_action_reason"_s,
         QT_TRANSLATE_NOOP("cpis::ui::ConfigurationWindow", "Reasons for a next action")},
        {u"case_note_type"_s,
         QT_TRANSLATE_NOOP("cpis::ui::ConfigurationWindow", "Case-note types")},
        {u"cancel_reason"_s,
         QT_TRANSLATE_NOOP("cpis::ui::ConfigurationWindow", "Reasons to cancel work")},
    };
    return ConfigurationWindow::tr(titles.value(list));
}

QString templateTitle(const QString &source)
{
    return source == u"dhu_111"_s ? ConfigurationWindow::tr("DHU / 111 calls")
                                  : ConfigurationWindow::tr("A&E");
}
} // namespace

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationListsTab::ConfigurationListsTab(DatabaseThread *database, ConfigurationFields *fields)
    : m_database(database)
{
    setObjectName(u"listsTab"_s);
    QWidget *tab = this;
    auto *layout = new QVBoxLayout(tab);

    auto *lists = new QGroupBox(ConfigurationWindow::tr("Lists"), tab);
    auto *box = new QVBoxLayout(lists);
    m_listChoice = new QComboBox(lists);
    m_listChoice->setObjectName(u"listChoice"_s);
    for (const QString &list : ListAdmin::editableLists())
        m_listChoice->addItem(listTitle(list), list);
    m_items = new ListItemsModel(this);
    m_itemsView =
        rowTable(m_items, u"listItemsTable"_s, ConfigurationWindow::tr("List items"), lists);
    m_itemsView->horizontalHeader()->setSectionResizeMode(ListItemsModel::Label,
                                                          QHeaderView::Stretch);
    m_itemsView->horizontalHeader()->setSectionResizeMode(ListItemsModel::Status,
                                                          QHeaderView::ResizeToContents);
    m_itemName = new QLineEdit(lists);
    m_itemName->setObjectName(u"listItemName"_s);
    m_itemName->setPlaceholderText(
        ConfigurationWindow::tr("A new item, or the new name for the selected one"));
    auto *add = new QPushButton(ConfigurationWindow::tr("Add"), lists);
    add->setObjectName(u"listAdd"_s);
    auto *rename = new QPushButton(ConfigurationWindow::tr("Rename selected"), lists);
    rename->setObjectName(u"listRename"_s);
    auto *retire = new QPushButton(ConfigurationWindow::tr("Retire selected"), lists);
    retire->setObjectName(u"listRetire"_s);
    auto *up = new QPushButton(ConfigurationWindow::tr("Move up"), lists);
    up->setObjectName(u"listUp"_s);
    auto *down = new QPushButton(ConfigurationWindow::tr("Move down"), lists);
    down->setObjectName(u"listDown"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(m_itemName, 1);
    row->addWidget(add);
    row->addWidget(rename);
    row->addWidget(retire);
    row->addWidget(up);
    row->addWidget(down);
    m_listError = errorLabel(lists, u"error:list"_s);
    auto *listNote = new QLabel(
        ConfigurationWindow::tr("Items are never deleted: a retired item is no longer offered, "
                                "and what was recorded with it keeps it. Add a retired "
                                "item's name again to bring it back."),
        lists);
    listNote->setWordWrap(true);
    box->addWidget(m_listChoice);
    box->addWidget(m_itemsView, 1);
    box->addLayout(row);
    box->addWidget(m_listError);
    box->addWidget(listNote);
    layout->addWidget(lists, 1);

    connect(m_listChoice, &QComboBox::currentIndexChanged, this, &ConfigurationListsTab::showList);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString label = m_itemName->text().trimmed();
        change([list, label](ListAdmin &admin) { return admin.addItem(list, label); },
               ConfigurationWindow::tr("\"%1\" added to %2.").arg(label, listTitle(list)));
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString from = selectedItem();
        const QString to = m_itemName->text().trimmed();
        if (from.isEmpty()) {
            m_listError->setText(ConfigurationWindow::tr(
                "Select the item to rename, type its new name, then Rename."));
            m_listError->show();
            return;
        }
        change([list, from, to](ListAdmin &admin) { return admin.renameItem(list, from, to); },
               ConfigurationWindow::tr("\"%1\" renamed to \"%2\".").arg(from, to));
    });
    connect(retire, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString label = selectedItem();
        if (label.isEmpty()) {
            m_listError->setText(ConfigurationWindow::tr("Select the item to retire."));
            m_listError->show();
            return;
        }
        change([list, label](ListAdmin &admin) { return admin.retireItem(list, label); },
               ConfigurationWindow::tr("\"%1\" retired: it is no longer offered.").arg(label));
    });
    connect(up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelected(1); });

    auto *templates =
        new QGroupBox(ConfigurationWindow::tr("Note templates (the note a request proposes)"), tab);
    auto *form = growingForm(templates);
    for (const QString &source : {u"ae"_s, u"dhu_111"_s}) {
        auto *label = new QLineEdit(templates);
        label->setObjectName(templateField(source, u"label"_s));
        fields->watch(label);
        fields->addField({templateField(source, u"label"_s),
                          ConfigurationWindow::tr("%1 template name").arg(templateTitle(source)),
                          templates, nullptr, nullptr, false,
                          [label] { return label->text().trimmed(); },
                          [label](const QString &value) {
                              label->setText(value);
                          }},
                         form, label, {});
        auto *body = new QPlainTextEdit(templates);
        body->setObjectName(templateField(source, u"body"_s));
        body->setTabChangesFocus(true);
        body->setFixedHeight(body->fontMetrics().lineSpacing() * 4 + 12);
        connect(body, &QPlainTextEdit::textChanged, fields, &ConfigurationFields::edited);
        fields->addField({templateField(source, u"body"_s),
                          ConfigurationWindow::tr("%1 note").arg(templateTitle(source)), templates,
                          nullptr, nullptr, false, [body] { return body->toPlainText().trimmed(); },
                          [body](const QString &value) {
                              body->setPlainText(value);
                          }},
                         form, body, {});
    }
    layout->addWidget(templates);
}

void ConfigurationListsTab::setItems(const QList<ListItem> &items)
{
    m_allItems = items;
    showList();
}

QString ConfigurationListsTab::currentList() const
{
    return m_listChoice->currentData().toString();
}

QString ConfigurationListsTab::selectedItem() const
{
    const QModelIndex current = m_itemsView->currentIndex();
    return current.isValid() ? m_items->item(current.row()).label : QString();
}

void ConfigurationListsTab::showList()
{
    const QString selected = selectedItem();
    const QString list = currentList();
    QList<ListItem> items;
    for (const ListItem &item : std::as_const(m_allItems)) {
        if (item.list == list)
            items << item;
    }
    m_items->setItems(items);
    const int row = m_items->rowOf(selected);
    if (row >= 0)
        m_itemsView->setCurrentIndex(m_items->index(row, ListItemsModel::Label));
}

void ConfigurationListsTab::moveSelected(int by)
{
    const QModelIndex current = m_itemsView->currentIndex();
    if (!current.isValid()) {
        m_listError->setText(ConfigurationWindow::tr("Select the item to move."));
        m_listError->show();
        return;
    }
    QStringList labels = m_items->labels();
    const int from = current.row();
    const int to = from + by;
    if (to < 0 || to >= labels.size())
        return;
    labels.move(from, to);
    const QString list = currentList();
    change([list, labels](ListAdmin &admin) { return admin.reorder(list, labels); },
           ConfigurationWindow::tr("\"%1\" moved.").arg(labels.at(to)));
}

void ConfigurationListsTab::change(const std::function<Status(ListAdmin &)> &change,
                                   const QString &done)
{
    runListChange(m_database, this, change, m_listError, m_itemName,
                  [this, done] { emit changed(done); });
}

} // namespace cpis::ui
