#include "admin/configuration_window.h"

#include "admin/configuration_models.h"
#include "config/config_store.h"
#include "cpis/mesh_client.h"
#include "display.h"
#include "panel_parts.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QStringList kPlans{u"CPP"_s, u"UCPP"_s, u"s31"_s, u"s38"_s, u"s20"_s};

QString templateField(const QString &source, const QString &part)
{
    return u"template.%1.%2"_s.arg(source, part);
}

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

// Fields that take the width they are given, as every tab's form does.
QFormLayout *growingForm(QWidget *parent = nullptr)
{
    auto *form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QWidget *newTab(const QString &objectName)
{
    auto *tab = new QWidget;
    tab->setObjectName(objectName);
    return tab;
}

// A table of whole rows, one selected at a time.
QTableView *rowTable(QAbstractItemModel *model, const QString &objectName,
                     const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setTabKeyNavigation(false); // Tab leaves the list; arrows move in it
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    return view;
}

QString templateTitle(const QString &source)
{
    return source == u"dhu_111"_s ? ConfigurationWindow::tr("DHU / 111 calls")
                                  : ConfigurationWindow::tr("A&E");
}
} // namespace

ConfigurationWindow::ConfigurationWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database)
{
    setObjectName(u"configurationWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Configuration tools"));
    resize(980, 760);

    auto *page = new QWidget(this);
    auto *heading = panelHeading(page, u"configurationHeading"_s);
    heading->setText(tr("Configuration tools"));
    m_message = panelMessage(page, u"configurationMessage"_s);
    m_reloadButton = new QPushButton(tr("Reload (drop my changes)"), page);
    m_reloadButton->setObjectName(u"configurationReload"_s);
    m_reloadButton->hide();
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_reloadButton, 0, Qt::AlignTop);

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(u"configurationTabs"_s);
    m_tabs->addTab(buildCpisTab(), tr("CP-IS"));
    m_tabs->addTab(buildOfficeTab(), tr("Office hours"));
    m_tabs->addTab(buildExchangeTab(), tr("Exchange"));
    m_tabs->addTab(buildListsTab(), tr("Lists and templates"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabTitles << m_tabs->tabText(i);
    // A hidden table cannot scroll: again once the Office hours tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_holidaysView->isVisible())
            scrollToNextHoliday();
    });

    m_save = new QPushButton(tr("&Save"), page);
    m_save->setObjectName(u"configurationSave"_s);
    m_save->setDefault(true);
    auto *close = new QPushButton(tr("Close"), page);
    close->setObjectName(u"configurationClose"_s);
    auto *buttons = new QHBoxLayout;
    auto *note = new QLabel(tr("Save stores the settings and templates you changed, all or "
                               "nothing. List items and bank holidays are saved as you change "
                               "them."),
                            page);
    note->setWordWrap(true);
    buttons->addWidget(note, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(heading);
    layout->addLayout(messageRow);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    setCentralWidget(page);

    connect(m_save, &QPushButton::clicked, this, &ConfigurationWindow::save);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_reloadButton, &QPushButton::clicked, this, [this] {
        m_loaded = false; // nothing of ours is kept: take theirs
        reload();
    });
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &ConfigurationWindow::save);
    auto *closeShortcut = new QShortcut(QKeySequence::Close, this);
    connect(closeShortcut, &QShortcut::activated, this, &QWidget::close);

    // Several changes in a row (a Save of many keys) arrive as several notifications.
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &ConfigurationWindow::reload);
    connect(m_database, &DatabaseThread::changed, this, [this](const QString &kind, qint64) {
        if (kind == u"config"_s)
            m_reloadTimer->start();
    });
    connect(m_database, &DatabaseThread::connectionRestored, this, &ConfigurationWindow::reload);
    updateState();
    load();
}

ConfigurationWindow::~ConfigurationWindow() = default;

void ConfigurationWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeConfirmed || !hasUnsavedChanges()) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_saving) {
        m_closeAfterSave = true; // once it is stored
        return;
    }
    if (findChild<QMessageBox *>(u"unsavedConfigurationDialog"_s))
        return;
    QStringList titles;
    for (const Field &field : std::as_const(m_fields)) {
        if (changedFields().contains(field.key))
            titles << field.title;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                        tr("Save the configuration changes before closing?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"unsavedConfigurationDialog"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Not saved yet: %1. Discard throws them away.").arg(titles.join(u", "_s)));
    box->setDefaultButton(QMessageBox::Save);
    connect(box, &QMessageBox::finished, this, [this](int button) {
        if (button == QMessageBox::Save) {
            m_closeAfterSave = true;
            save();
        } else if (button == QMessageBox::Discard) {
            m_closeConfirmed = true;
            close();
        }
    });
    box->open();
}

// ---------------------------------------------------------------- building the tabs

QLabel *ConfigurationWindow::errorLabel(QWidget *parent, const QString &objectName)
{
    auto *error = new QLabel(parent);
    error->setObjectName(objectName);
    error->setWordWrap(true);
    error->setStyleSheet(Display::toneStyle(ui::Tone::Problem));
    error->hide();
    return error;
}

QLabel *ConfigurationWindow::addField(Field field, QFormLayout *form, QWidget *editor,
                                      const QString &hint)
{
    auto *box = new QWidget(field.parent);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 4);
    column->setSpacing(2);
    column->addWidget(editor);
    if (!hint.isEmpty()) {
        editor->setAccessibleDescription(hint);
        auto *hintLabel = new QLabel(hint, box);
        hintLabel->setWordWrap(true);
        hintLabel->setStyleSheet(Display::toneStyle(ui::Tone::Secondary));
        column->addWidget(hintLabel);
    }
    field.error = errorLabel(box, u"error:"_s + field.key);
    column->addWidget(field.error);
    form->addRow(QString(field.title).replace(u'&', u"&&"_s) + u':', box); // "A&E" is no shortcut
    // The label names the editor, not the box around it, for screen readers.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(box)))
        label->setBuddy(editor);
    m_errors.insert(field.key, field.error);
    QLabel *error = field.error;
    m_fields.append(std::move(field));
    return error;
}

void ConfigurationWindow::watch(QLineEdit *edit)
{
    connect(edit, &QLineEdit::textEdited, this, &ConfigurationWindow::updateState);
}

QLineEdit *ConfigurationWindow::addLineField(QWidget *tab, QFormLayout *form, const QString &key,
                                             const QString &title, const QString &hint)
{
    auto *edit = new QLineEdit(tab);
    edit->setObjectName(key);
    watch(edit);
    Field field{key,
                title,
                tab,
                nullptr,
                nullptr,
                false,
                [edit] { return edit->text().trimmed(); },
                [edit](const QString &value) {
                    edit->setText(value);
                }};
    addField(std::move(field), form, edit, hint);
    return edit;
}

void ConfigurationWindow::addSecretField(QWidget *tab, QFormLayout *form, const QString &key,
                                         const QString &title)
{
    auto *row = new QWidget(tab);
    auto *line = new QHBoxLayout(row);
    line->setContentsMargins(0, 0, 0, 0);
    auto *status = new QLabel(row);
    status->setObjectName(key + u"Status"_s);
    status->setMinimumWidth(70);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(key);
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(tr("type a new one to replace it"));
    edit->setAccessibleName(title);
    row->setFocusProxy(edit); // the row's label leads to the entry
    watch(edit);
    line->addWidget(status);
    line->addWidget(edit, 1);
    // Write-only: the entry is never filled from the database, only emptied after a Save.
    Field field{key,
                title,
                tab,
                nullptr,
                status,
                true,
                [edit] { return edit->text(); },
                [edit](const QString &) {
                    edit->clear();
                }};
    addField(std::move(field), form, row,
             tr("Write-only: nobody can read it back here. Leave empty to keep the stored one."));
}

QWidget *ConfigurationWindow::buildCpisTab()
{
    auto *tab = newTab(u"cpisTab"_s);
    auto *form = growingForm(tab);

    auto *plans = new QWidget(tab);
    auto *planRow = new QHBoxLayout(plans);
    planRow->setContentsMargins(0, 0, 0, 0);
    QList<QCheckBox *> boxes;
    for (const QString &plan : kPlans) {
        auto *box = new QCheckBox(plan, plans);
        box->setObjectName(u"sharedPlan:"_s + plan);
        connect(box, &QCheckBox::toggled, this, &ConfigurationWindow::updateState);
        planRow->addWidget(box);
        boxes << box;
    }
    planRow->addStretch(1);
    addField({u"cpis.shared_plans"_s, tr("Plans shared with CP-IS"), tab, nullptr, nullptr, false,
              [boxes] {
                  QStringList on;
                  for (QCheckBox *box : boxes) {
                      if (box->isChecked())
                          on << box->text();
                  }
                  std::sort(on.begin(), on.end());
                  return on.join(u',');
              },
              [boxes](const QString &value) {
                  const QStringList on = value.split(u',', Qt::SkipEmptyParts);
                  for (QCheckBox *box : boxes)
                      box->setChecked(on.contains(box->text()));
              }},
             form, plans,
             tr("CPP child protection plan, UCPP unborn child protection plan, s31 full care "
                "order, s38 interim care order, s20 voluntary agreement."));

    auto *mode = new QComboBox(tab);
    mode->setObjectName(u"cpis.handling_mode"_s);
    mode->addItem(tr("Work step and next action (CPIS Follow Up for CP-IS Worker)"),
                  u"work_step"_s);
    mode->addItem(tr("Case note and alert (for the worker or team below)"),
                  u"case_note_and_alert"_s);
    connect(mode, &QComboBox::currentIndexChanged, this, &ConfigurationWindow::updateState);
    addField({u"cpis.handling_mode"_s, tr("Handling mode"), tab, nullptr, nullptr, false,
              [mode] { return mode->currentData().toString(); },
              [mode](const QString &value) {
                  const int index = mode->findData(value);
                  mode->setCurrentIndex(index < 0 ? 0 : index);
              }},
             form, mode, tr("What an Access to Service Notification becomes."));
    addLineField(tab, form, u"cpis.handling_target"_s, tr("Target worker or team"),
                 tr("With case note and alert: the worker (name or login) or team that gets the "
                    "alert. Empty: the child's key worker."));
    addLineField(tab, form, u"cpis.authority_ods"_s, tr("Authority ODS code"),
                 tr("Our organisation code in uploads: 3 to 8 capital letters or digits."));
    return tab;
}

QWidget *ConfigurationWindow::buildOfficeTab()
{
    auto *tab = newTab(u"officeTab"_s);
    auto *layout = new QVBoxLayout(tab);
    auto *form = growingForm();
    addLineField(tab, form, u"office.hours"_s, tr("Office hours"),
                 tr("When the CP-IS inbox is worked, e.g. 09:30-16:30."));
    addLineField(tab, form, u"office.days"_s, tr("Working days"),
                 tr("e.g. Mon-Fri, or Mon,Tue,Thu. Bank holidays below are never working days."));
    addLineField(tab, form, u"office.handling_time"_s, tr("Handling time"),
                 tr("How long until a step or request is due, in working time: e.g. 1 working "
                    "day, 2 working days, 4 working hours."));
    layout->addLayout(form);

    auto *holidays = new QGroupBox(tr("Bank holidays (England and Wales)"), tab);
    auto *box = new QVBoxLayout(holidays);
    m_holidays = new BankHolidayModel(this);
    m_holidaysView = rowTable(m_holidays, u"bankHolidayTable"_s, tr("Bank holidays"), holidays);
    m_holidaysView->horizontalHeader()->setStretchLastSection(true);
    m_holidaysView->setColumnWidth(BankHolidayModel::Day, 160);
    m_holidayDay = new QDateEdit(QDate::currentDate(), holidays);
    m_holidayDay->setObjectName(u"bankHolidayDay"_s);
    m_holidayDay->setCalendarPopup(true);
    m_holidayDay->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_holidayName = new QLineEdit(holidays);
    m_holidayName->setObjectName(u"bankHolidayName"_s);
    m_holidayName->setPlaceholderText(tr("Name, e.g. Christmas Day"));
    auto *add = new QPushButton(tr("Add bank holiday"), holidays);
    add->setObjectName(u"bankHolidayAdd"_s);
    auto *remove = new QPushButton(tr("Remove selected"), holidays);
    remove->setObjectName(u"bankHolidayRemove"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(m_holidayDay);
    row->addWidget(m_holidayName, 1);
    row->addWidget(add);
    row->addWidget(remove);
    m_holidayError = errorLabel(holidays, u"error:bankHoliday"_s);
    box->addWidget(m_holidaysView, 1);
    box->addLayout(row);
    box->addWidget(m_holidayError);
    layout->addWidget(holidays, 1);

    connect(add, &QPushButton::clicked, this, [this] {
        const QDate day = m_holidayDay->date();
        const QString name = m_holidayName->text().trimmed();
        runListChange([day, name](ListAdmin &admin) { return admin.setBankHoliday(day, name); },
                      m_holidayError,
                      tr("Bank holiday %1 saved.").arg(day.toString(u"dd/MM/yyyy"_s)));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_holidaysView->currentIndex();
        if (!current.isValid()) {
            m_holidayError->setText(tr("Select the bank holiday to remove."));
            m_holidayError->show();
            return;
        }
        const BankHoliday day = m_holidays->day(current.row());
        runListChange(
            [d = day.day](ListAdmin &admin) { return admin.removeBankHoliday(d); }, m_holidayError,
            tr("Bank holiday %1 (%2) removed.").arg(day.day.toString(u"dd/MM/yyyy"_s), day.name));
    });
    return tab;
}

QWidget *ConfigurationWindow::buildExchangeTab()
{
    auto *tab = newTab(u"exchangeTab"_s);
    auto *layout = new QVBoxLayout(tab);
    auto *form = growingForm();
    addLineField(tab, form, u"mesh.url"_s, tr("MESH server"),
                 tr("https://… (plain http only to this machine, for testing)."));
    addLineField(tab, form, u"mesh.mailbox"_s, tr("Our mailbox"), {});
    addSecretField(tab, form, u"mesh.password"_s, tr("Mailbox password"));
    addSecretField(tab, form, u"mesh.shared_secret"_s, tr("Shared secret"));
    addLineField(tab, form, u"mesh.cpis_mailbox"_s, tr("CP-IS mailbox"), tr("Where uploads go."));
    addLineField(tab, form, u"mesh.workflow_upload"_s, tr("Upload workflow id"),
                 tr("The workflow id NHS England assigned for uploads."));
    addLineField(tab, form, u"mesh.client_cert"_s, tr("Client certificate file"),
                 tr("PEM files on the machine that runs the exchange, for mutual TLS."));
    addLineField(tab, form, u"mesh.client_key"_s, tr("Client key file"), {});
    addLineField(tab, form, u"mesh.ca_cert"_s, tr("CA certificate file"), {});
    addLineField(tab, form, u"exchange.times"_s, tr("Schedule"),
                 tr("Times of day the exchange runs, e.g. 08:00,11:00,14:00,16:45."));
    layout->addLayout(form);

    m_test = new QPushButton(tr("Test connection"), tab);
    m_test->setObjectName(u"meshTestConnection"_s);
    m_testResult = new QLabel(tab);
    m_testResult->setObjectName(u"meshTestResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setText(
        tr("Test connection performs a MESH handshake with the server, mailbox and files above "
           "and the password and shared secret typed above (the stored ones cannot be read "
           "back). Nothing is saved by testing."));
    auto *row = new QHBoxLayout;
    row->addWidget(m_test, 0, Qt::AlignTop);
    row->addWidget(m_testResult, 1);
    layout->addLayout(row);
    layout->addStretch(1);
    connect(m_test, &QPushButton::clicked, this, &ConfigurationWindow::testConnection);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"exchangeTabScroll"_s);
    scroll->setAccessibleName(tr("Exchange settings"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(tab);
    return scroll;
}

QWidget *ConfigurationWindow::buildListsTab()
{
    auto *tab = newTab(u"listsTab"_s);
    auto *layout = new QVBoxLayout(tab);

    auto *lists = new QGroupBox(tr("Lists"), tab);
    auto *box = new QVBoxLayout(lists);
    m_listChoice = new QComboBox(lists);
    m_listChoice->setObjectName(u"listChoice"_s);
    for (const QString &list : ListAdmin::editableLists())
        m_listChoice->addItem(listTitle(list), list);
    m_items = new ListItemsModel(this);
    m_itemsView = rowTable(m_items, u"listItemsTable"_s, tr("List items"), lists);
    m_itemsView->horizontalHeader()->setSectionResizeMode(ListItemsModel::Label,
                                                          QHeaderView::Stretch);
    m_itemsView->horizontalHeader()->setSectionResizeMode(ListItemsModel::Status,
                                                          QHeaderView::ResizeToContents);
    m_itemName = new QLineEdit(lists);
    m_itemName->setObjectName(u"listItemName"_s);
    m_itemName->setPlaceholderText(tr("A new item, or the new name for the selected one"));
    auto *add = new QPushButton(tr("Add"), lists);
    add->setObjectName(u"listAdd"_s);
    auto *rename = new QPushButton(tr("Rename selected"), lists);
    rename->setObjectName(u"listRename"_s);
    auto *retire = new QPushButton(tr("Retire selected"), lists);
    retire->setObjectName(u"listRetire"_s);
    auto *up = new QPushButton(tr("Move up"), lists);
    up->setObjectName(u"listUp"_s);
    auto *down = new QPushButton(tr("Move down"), lists);
    down->setObjectName(u"listDown"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(m_itemName, 1);
    row->addWidget(add);
    row->addWidget(rename);
    row->addWidget(retire);
    row->addWidget(up);
    row->addWidget(down);
    m_listError = errorLabel(lists, u"error:list"_s);
    auto *listNote = new QLabel(tr("Items are never deleted: a retired item is no longer offered, "
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

    connect(m_listChoice, &QComboBox::currentIndexChanged, this, &ConfigurationWindow::showList);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString label = m_itemName->text().trimmed();
        runListChange([list, label](ListAdmin &admin) { return admin.addItem(list, label); },
                      m_listError, tr("\"%1\" added to %2.").arg(label, listTitle(list)));
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString from = selectedItem();
        const QString to = m_itemName->text().trimmed();
        if (from.isEmpty()) {
            m_listError->setText(tr("Select the item to rename, type its new name, then Rename."));
            m_listError->show();
            return;
        }
        runListChange(
            [list, from, to](ListAdmin &admin) { return admin.renameItem(list, from, to); },
            m_listError, tr("\"%1\" renamed to \"%2\".").arg(from, to));
    });
    connect(retire, &QPushButton::clicked, this, [this] {
        const QString list = currentList();
        const QString label = selectedItem();
        if (label.isEmpty()) {
            m_listError->setText(tr("Select the item to retire."));
            m_listError->show();
            return;
        }
        runListChange([list, label](ListAdmin &admin) { return admin.retireItem(list, label); },
                      m_listError, tr("\"%1\" retired: it is no longer offered.").arg(label));
    });
    connect(up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelected(1); });

    auto *templates = new QGroupBox(tr("Note templates (the note a request proposes)"), tab);
    auto *form = growingForm(templates);
    for (const QString &source : {u"ae"_s, u"dhu_111"_s}) {
        auto *label = new QLineEdit(templates);
        label->setObjectName(templateField(source, u"label"_s));
        watch(label);
        addField({templateField(source, u"label"_s),
                  tr("%1 template name").arg(templateTitle(source)), templates, nullptr, nullptr,
                  false, [label] { return label->text().trimmed(); },
                  [label](const QString &value) {
                      label->setText(value);
                  }},
                 form, label, {});
        auto *body = new QPlainTextEdit(templates);
        body->setObjectName(templateField(source, u"body"_s));
        body->setTabChangesFocus(true);
        body->setFixedHeight(body->fontMetrics().lineSpacing() * 4 + 12);
        connect(body, &QPlainTextEdit::textChanged, this, &ConfigurationWindow::updateState);
        addField({templateField(source, u"body"_s), tr("%1 note").arg(templateTitle(source)),
                  templates, nullptr, nullptr, false,
                  [body] { return body->toPlainText().trimmed(); },
                  [body](const QString &value) {
                      body->setPlainText(value);
                  }},
                 form, body, {});
    }
    layout->addWidget(templates);
    return tab;
}

// ---------------------------------------------------------------- loading

void ConfigurationWindow::reload()
{
    load();
}

void ConfigurationWindow::load()
{
    m_database->submit<ConfigurationSnapshot>(
        this, [](Connection &c) { return ListAdmin(c).snapshot(); },
        [this](Result<ConfigurationSnapshot> snapshot) {
            if (!snapshot) {
                if (snapshot.error().code != u"db.unreachable"_s)
                    showMessage(
                        tr("The configuration could not be read: %1").arg(snapshot.error().message),
                        Tone::Problem);
                return;
            }
            apply(*snapshot);
        });
}

QHash<QString, QString> ConfigurationWindow::loadedValues(const ConfigurationSnapshot &s) const
{
    QHash<QString, QString> values;
    for (const ConfigEntry &entry : s.settings)
        values.insert(entry.key, entry.secret ? QString() : entry.value);
    // The database keeps them in its own order; the check boxes read them sorted.
    QStringList plans = values.value(u"cpis.shared_plans"_s).split(u',', Qt::SkipEmptyParts);
    std::sort(plans.begin(), plans.end());
    values.insert(u"cpis.shared_plans"_s, plans.join(u','));
    for (const NoteTemplate &t : s.templates) {
        values.insert(templateField(t.source, u"label"_s), t.label);
        values.insert(templateField(t.source, u"body"_s), t.body);
    }
    return values;
}

void ConfigurationWindow::apply(const ConfigurationSnapshot &snapshot)
{
    const QHash<QString, QString> incoming = loadedValues(snapshot);
    // Lists and bank holidays are saved as they are changed: always show the current ones.
    m_snapshot.items = snapshot.items;
    m_snapshot.bankHolidays = snapshot.bankHolidays;
    showList();
    m_holidays->setDays(snapshot.bankHolidays);
    scrollToNextHoliday();
    if (!m_loaded || !hasUnsavedChanges()) {
        fill(snapshot);
    } else if (incoming != m_loadedValues) {
        // Someone else saved while this window has edits: keep the edits, say so.
        showMessage(tr("Another administrator changed the configuration while you were "
                       "editing. Your changes are not saved: Save stores the fields you "
                       "changed over theirs; Reload shows theirs and drops yours."),
                    Tone::Warning);
        m_reloadButton->show();
    }
    m_loaded = true;
    updateState();
    emit loaded();
}

void ConfigurationWindow::fill(const ConfigurationSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_loadedValues = loadedValues(snapshot);
    QHash<QString, bool> isSet;
    for (const ConfigEntry &entry : snapshot.settings)
        isSet.insert(entry.key, !entry.value.isEmpty());
    for (Field &field : m_fields) {
        field.write(m_loadedValues.value(field.key));
        if (field.status)
            field.status->setText(isSet.value(field.key) ? tr("set") : tr("not set"));
    }
    m_reloadButton->hide();
}

// ---------------------------------------------------------------- saving

QStringList ConfigurationWindow::changedFields() const
{
    QStringList changed;
    if (!m_loaded)
        return changed;
    for (const Field &field : m_fields) {
        const QString value = field.read();
        if (field.secret ? !value.isEmpty() : value != m_loadedValues.value(field.key))
            changed << field.key;
    }
    return changed;
}

bool ConfigurationWindow::hasUnsavedChanges() const
{
    return !changedFields().isEmpty();
}

void ConfigurationWindow::updateState()
{
    m_save->setEnabled(m_loaded && !m_saving);
    const bool dirty = hasUnsavedChanges();
    setWindowTitle(dirty ? tr("Configuration tools — unsaved changes") : tr("Configuration tools"));
}

void ConfigurationWindow::save()
{
    if (!m_loaded || m_saving)
        return;
    const QStringList changed = changedFields();
    clearErrors();
    if (changed.isEmpty()) {
        showMessage(tr("Nothing to save: no setting or template was changed."), Tone::Done);
        return;
    }
    ConfigurationEdit edit;
    QStringList titles;
    QSet<QString> templateSources;
    for (const Field &field : m_fields) {
        if (!changed.contains(field.key))
            continue;
        titles << field.title;
        if (field.key.startsWith(u"template."_s))
            templateSources.insert(field.key.section(u'.', 1, 1));
        else
            edit.settings.append({field.key, field.read()});
    }
    for (const QString &source : {u"ae"_s, u"dhu_111"_s}) {
        if (!templateSources.contains(source))
            continue;
        auto value = [this, &source](const QString &part) {
            for (const Field &field : m_fields) {
                if (field.key == templateField(source, part))
                    return field.read();
            }
            return QString();
        };
        edit.templates.append({source, value(u"label"_s), value(u"body"_s)});
    }

    m_saving = true;
    updateState();
    showMessage(tr("Saving…"), Tone::Done);
    m_database->submit<QList<FieldRefusal>>(
        this, [edit](Connection &c) { return ConfigStore(c).save(edit); },
        [this, titles](Result<QList<FieldRefusal>> refused) {
            m_saving = false;
            updateState();
            const bool closeNow = std::exchange(m_closeAfterSave, false);
            if (!refused) {
                showMessage(tr("Nothing was saved: %1").arg(refused.error().message),
                            Tone::Problem);
                emit saveFinished(false);
                return;
            }
            if (!refused->isEmpty()) {
                showRefusals(*refused);
                emit saveFinished(false);
                return;
            }
            m_loadedValues.clear(); // ours are stored: the reload fills every field
            for (Field &field : m_fields) {
                if (field.secret)
                    field.write({});
            }
            showMessage(
                tr("Saved: %1. Every open client uses them from now on.").arg(titles.join(u", "_s)),
                Tone::Done);
            m_reloadButton->hide();
            m_loaded = false; // refill from what was stored (normalised, e.g. shared plans)
            load();
            emit saveFinished(true);
            if (closeNow)
                close();
        });
}

int ConfigurationWindow::tabIndexOf(const QWidget *widget) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QWidget *page = m_tabs->widget(i); // possibly a scroll area around the tab
        if (page == widget || page->isAncestorOf(widget))
            return i;
    }
    return -1;
}

void ConfigurationWindow::showRefusals(const QList<FieldRefusal> &refusals)
{
    QStringList unplaced;
    QMap<int, int> perTab; // tab index -> refused fields on it
    for (const FieldRefusal &refusal : refusals) {
        QLabel *error = m_errors.value(refusal.field);
        if (!error) {
            unplaced << refusal.message;
            continue;
        }
        // "office.hours: ..." names the setting for cpisctl; beside the field it goes without.
        QString text = refusal.message;
        if (const QString prefix = refusal.field + u": "_s;
            text.startsWith(prefix) && text.size() > prefix.size()) {
            text.remove(0, prefix.size());
            text[0] = text.at(0).toUpper();
        }
        error->setText(text);
        error->show();
        ++perTab[tabIndexOf(error)];
    }
    // Which tabs to look at, without opening each one.
    for (auto it = perTab.cbegin(); it != perTab.cend(); ++it) {
        if (it.key() < 0)
            continue;
        m_tabs->setTabText(it.key(),
                           tr("%1 (%2 to correct)").arg(m_tabTitles.at(it.key())).arg(it.value()));
        m_tabs->tabBar()->setTabTextColor(it.key(), Display::toneColour(ui::Tone::Problem));
    }
    QString text = refusals.size() == 1
                       ? tr("Nothing was saved: 1 field needs correcting (shown in red).")
                       : tr("Nothing was saved: %1 fields need correcting (shown in red).")
                             .arg(refusals.size());
    if (!unplaced.isEmpty())
        text += u' ' + unplaced.join(u' ');
    showMessage(text, Tone::Problem);
    if (!perTab.isEmpty() && perTab.firstKey() >= 0)
        m_tabs->setCurrentIndex(perTab.firstKey());
}

void ConfigurationWindow::clearErrors()
{
    for (QLabel *error : std::as_const(m_errors)) {
        error->clear();
        error->hide();
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabText(i, m_tabTitles.at(i));
        m_tabs->tabBar()->setTabTextColor(i, {});
    }
}

void ConfigurationWindow::showMessage(const QString &text, Tone tone)
{
    QString colours;
    switch (tone) {
    case Tone::Done:
        colours = u"#e8f4ea; color: #17381f; border: 1px solid #5cb85c"_s;
        break;
    case Tone::Warning:
        colours = u"#fff4ce; color: #3b2f00; border: 1px solid #c8a600"_s;
        break;
    case Tone::Problem:
        colours = u"#fdecea; color: #5f1512; border: 1px solid #d9534f"_s;
        break;
    }
    m_message->setText(text);
    m_message->setStyleSheet(
        u"QLabel { background: %1; border-radius: 4px; padding: 6px; }"_s.arg(colours));
    m_message->setVisible(!text.isEmpty());
}

// ---------------------------------------------------------------- the connection test

void ConfigurationWindow::testConnection()
{
    auto value = [this](const QString &key) {
        for (const Field &field : m_fields) {
            if (field.key == key)
                return field.read();
        }
        return QString();
    };
    MeshSettings settings;
    settings.url = QUrl(value(u"mesh.url"_s));
    settings.mailbox = value(u"mesh.mailbox"_s);
    settings.password = value(u"mesh.password"_s);
    settings.sharedSecret = value(u"mesh.shared_secret"_s).toUtf8();
    settings.clientCertificate = value(u"mesh.client_cert"_s);
    settings.clientKey = value(u"mesh.client_key"_s);
    settings.caCertificate = value(u"mesh.ca_cert"_s);
    settings.timeoutMs = 15000;
    settings.retries = 0; // an answer now, not after the exchange's patient retries
    if (settings.password.isEmpty() || settings.sharedSecret.isEmpty()) {
        m_testResult->setStyleSheet(Display::toneStyle(ui::Tone::Caution));
        m_testResult->setText(
            tr("Type the mailbox password and the shared secret above to test with them: the "
               "stored ones are write-only and cannot be read back, not even here. Testing "
               "does not save them."));
        emit connectionTested(false);
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setStyleSheet({});
    m_testResult->setText(tr("Testing the connection to %1…").arg(settings.url.toDisplayString()));
    const QString mailbox = settings.mailbox;
    auto result = std::make_shared<std::optional<Status>>();
    // The MESH client blocks while it waits: on a thread of its own, never the GUI thread.
    QThread *thread =
        QThread::create([settings, result] { *result = MeshClient(settings).handshake(); });
    // Context `this`: a result for a closed window is dropped.
    connect(thread, &QThread::finished, this, [this, result, mailbox] {
        m_test->setEnabled(true);
        const Status &outcome = **result;
        m_testResult->setStyleSheet(outcome ? Display::toneStyle(ui::Tone::Success)
                                            : Display::toneStyle(ui::Tone::Problem));
        if (outcome) {
            m_testResult->setText(
                tr("Connected: MESH accepted the handshake for mailbox %1.").arg(mailbox));
        } else {
            QString text = tr("The test failed: %1").arg(outcome.error().message);
            if (!outcome.error().hint.isEmpty())
                text += u' ' + outcome.error().hint;
            m_testResult->setText(text);
        }
        emit connectionTested(outcome.ok());
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

// ---------------------------------------------------------------- lists and bank holidays

QString ConfigurationWindow::currentList() const
{
    return m_listChoice->currentData().toString();
}

QString ConfigurationWindow::selectedItem() const
{
    const QModelIndex current = m_itemsView->currentIndex();
    return current.isValid() ? m_items->item(current.row()).label : QString();
}

void ConfigurationWindow::scrollToNextHoliday()
{
    for (int row = 0; row < m_holidays->rowCount(); ++row) {
        if (m_holidays->day(row).day >= QDate::currentDate()) { // past ones above, out of view
            m_holidaysView->scrollTo(m_holidays->index(row, 0), QAbstractItemView::PositionAtTop);
            return;
        }
    }
}

void ConfigurationWindow::showList()
{
    const QString selected = selectedItem();
    const QString list = currentList();
    QList<ListItem> items;
    for (const ListItem &item : std::as_const(m_snapshot.items)) {
        if (item.list == list)
            items << item;
    }
    m_items->setItems(items);
    const int row = m_items->rowOf(selected);
    if (row >= 0)
        m_itemsView->setCurrentIndex(m_items->index(row, ListItemsModel::Label));
}

void ConfigurationWindow::moveSelected(int by)
{
    const QModelIndex current = m_itemsView->currentIndex();
    if (!current.isValid()) {
        m_listError->setText(tr("Select the item to move."));
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
    runListChange([list, labels](ListAdmin &admin) { return admin.reorder(list, labels); },
                  m_listError, tr("\"%1\" moved.").arg(labels.at(to)));
}

void ConfigurationWindow::runListChange(const std::function<Status(ListAdmin &)> &change,
                                        QLabel *error, const QString &done)
{
    error->hide();
    m_database->submit<Done>(
        this,
        [change](Connection &c) {
            ListAdmin admin(c);
            return change(admin);
        },
        [this, error, done](Status result) {
            if (!result) {
                error->setText(result.error().message);
                error->show();
                return;
            }
            showMessage(done, Tone::Done);
            if (error == m_listError)
                m_itemName->clear();
            else
                m_holidayName->clear();
            load();
        });
}

} // namespace cpis::ui
