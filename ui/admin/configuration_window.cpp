#include "admin/configuration_window.h"

#include "admin/configuration_alerts_tab.h"
#include "admin/configuration_cpis_tab.h"
#include "admin/configuration_exchange_tab.h"
#include "admin/configuration_fields.h"
#include "admin/configuration_lists_tab.h"
#include "admin/configuration_office_tab.h"
#include "config/config_store.h"
#include "display.h"
#include "kit/message_banner.h"
#include "kit/unsaved_changes_guard.h"
#include "panel_parts.h"
#include "workflow/display_names.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSet>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// The CP-IS and Exchange tabs are taller than a small screen: they scroll.
QWidget *scrolling(QWidget *tab, const QString &objectName, const QString &accessibleName)
{
    auto *scroll = new QScrollArea;
    scroll->setObjectName(objectName);
    scroll->setAccessibleName(accessibleName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(tab);
    return scroll;
}
} // namespace

ConfigurationWindow::ConfigurationWindow(DatabaseThread *database, QWidget *parent)
    : QMainWindow(parent), m_database(database)
{
    setObjectName(u"configurationWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Configuration tools"));
    // As large as it wants, but never past the screen's bottom edge with its Save button.
    const QRect screenArea = screen()->availableGeometry();
    resize(qMin(980, screenArea.width() - 40), qMin(760, screenArea.height() - 60));
    m_guard = new UnsavedChangesGuard(this, u"unsavedConfigurationDialog"_s,
                                      {.hasChanges = [this] { return hasUnsavedChanges(); },
                                       .save = [this] { save(); },
                                       .question = [this] { return unsavedQuestion(); },
                                       // A save of what was changed: the close waits for it.
                                       .saving =
                                           [this] {
                                               return m_saving && hasUnsavedChanges();
                                           }});

    m_fields = new ConfigurationFields(this);
    connect(m_fields, &ConfigurationFields::edited, this, &ConfigurationWindow::updateState);

    auto *page = new QWidget(this);
    auto *heading = panelHeading(page, u"configurationHeading"_s);
    heading->setText(tr("Configuration tools"));
    m_message = new MessageBanner(u"configurationMessage"_s, page);
    m_message->setPadding(6);
    m_reloadButton = new QPushButton(tr("Reload (drop my changes)"), page);
    m_reloadButton->setObjectName(u"configurationReload"_s);
    m_reloadButton->hide();
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_reloadButton, 0, Qt::AlignTop);

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(u"configurationTabs"_s);
    m_tabs->addTab(
        scrolling(new ConfigurationCpisTab(m_fields), u"cpisTabScroll"_s, tr("CP-IS settings")),
        tr("CP-IS"));
    m_office = new ConfigurationOfficeTab(m_database, m_fields);
    m_tabs->addTab(m_office, tr("Office hours"));
    m_exchange = new ConfigurationExchangeTab(m_fields);
    m_tabs->addTab(scrolling(m_exchange, u"exchangeTabScroll"_s, tr("Exchange settings")),
                   tr("Exchange"));
    m_lists = new ConfigurationListsTab(m_database, m_fields);
    m_tabs->addTab(m_lists, tr("Lists and templates"));
    m_alerts = new ConfigurationAlertsTab(m_fields);
    m_tabs->addTab(scrolling(m_alerts, u"alertsTabScroll"_s, tr("Alert recipients")), tr("Alerts"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabTitles << m_tabs->tabText(i);
    // A hidden table cannot scroll: again once the Office hours tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_office->holidaysShown())
            m_office->scrollToNextHoliday();
    });

    m_save = new QPushButton(tr("&Save"), page);
    m_save->setObjectName(u"configurationSave"_s);
    m_save->setDefault(true);
    auto *close = new QPushButton(tr("Close"), page);
    close->setObjectName(u"configurationClose"_s);
    auto *buttons = new QHBoxLayout;
    auto *note = new QLabel(tr("Save stores the settings, templates and alert recipients you "
                               "changed, all or nothing. List items and bank holidays are saved "
                               "as you change them."),
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

    // Lists and bank holidays are saved as they are changed: say so, and show them.
    const auto listChanged = [this](const QString &done) {
        showMessage(done, BannerKind::Success);
        load();
    };
    connect(m_office, &ConfigurationOfficeTab::changed, this, listChanged);
    connect(m_lists, &ConfigurationListsTab::changed, this, listChanged);
    connect(m_exchange, &ConfigurationExchangeTab::connectionTested, this,
            &ConfigurationWindow::connectionTested);
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

UnsavedChangesQuestion ConfigurationWindow::unsavedQuestion() const
{
    QStringList titles;
    for (const ConfigurationFields::Field &field : m_fields->all()) {
        if (changedFields().contains(field.key))
            titles << field.title;
    }
    return {tr("Unsaved changes"), tr("Save the configuration changes before closing?"),
            tr("Not saved yet: %1. Discard throws them away.").arg(titles.join(u", "_s))};
}

// ---------------------------------------------------------------- loading

void ConfigurationWindow::reload()
{
    load();
}

void ConfigurationWindow::load()
{
    m_database->submit<ConfigurationSnapshot>(
        this,
        [](Connection &c) -> Result<ConfigurationSnapshot> {
            auto snapshot = ListAdmin(c).snapshot();
            if (!snapshot)
                return snapshot;
            auto alerts = AlertRecipientStore(c).snapshot();
            if (!alerts)
                return alerts.error();
            snapshot->alerts = *alerts;
            return snapshot;
        },
        [this](Result<ConfigurationSnapshot> snapshot) {
            if (!snapshot) {
                if (snapshot.error().code != u"db.unreachable"_s)
                    showMessage(
                        tr("The configuration could not be read: %1").arg(snapshot.error().message),
                        BannerKind::Error);
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
    // The check boxes read them in the order the codes are listed (as set_config stores them).
    QStringList plans = values.value(u"cpis.shared_plans"_s).split(u',', Qt::SkipEmptyParts);
    const QStringList order = DisplayNames::planKinds();
    std::sort(plans.begin(), plans.end(), [&order](const QString &a, const QString &b) {
        return order.indexOf(a) < order.indexOf(b);
    });
    values.insert(u"cpis.shared_plans"_s, plans.join(u','));
    for (const NoteTemplate &t : s.templates) {
        values.insert(templateField(t.source, u"label"_s), t.label);
        values.insert(templateField(t.source, u"body"_s), t.body);
    }
    for (const AlertRecipients &r : s.alerts.types)
        values.insert(ConfigurationAlertsTab::fieldKey(r.alertType),
                      ConfigurationAlertsTab::encode(r));
    return values;
}

void ConfigurationWindow::apply(const ConfigurationSnapshot &snapshot)
{
    const QHash<QString, QString> incoming = loadedValues(snapshot);
    // Lists and bank holidays are saved as they are changed: always show the current ones.
    m_snapshot.items = snapshot.items;
    m_snapshot.bankHolidays = snapshot.bankHolidays;
    m_lists->setItems(snapshot.items);
    m_office->setDays(snapshot.bankHolidays);
    m_office->scrollToNextHoliday();
    m_alerts->setChoices(snapshot.alerts); // new rows are filled below, or left to fill()
    if (!m_loaded || !hasUnsavedChanges()) {
        fill(snapshot);
    } else if (incoming != m_loadedValues) {
        // Someone else saved while this window has edits: keep the edits, say so.
        showMessage(tr("Another administrator changed the configuration while you were "
                       "editing. Your changes are not saved: Save stores the fields you "
                       "changed over theirs; Reload shows theirs and drops yours."),
                    BannerKind::Warning);
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
    for (ConfigurationFields::Field &field : m_fields->all()) {
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
    for (const ConfigurationFields::Field &field : m_fields->all()) {
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
        showMessage(tr("Nothing to save: no setting or template was changed."),
                    BannerKind::Success);
        return;
    }
    ConfigurationEdit edit;
    QList<AlertRecipients> alerts;
    QStringList titles;
    QSet<QString> templateSources;
    for (const ConfigurationFields::Field &field : m_fields->all()) {
        if (!changed.contains(field.key))
            continue;
        titles << field.title;
        if (field.key.startsWith(u"template."_s))
            templateSources.insert(field.key.section(u'.', 1, 1));
        else if (ConfigurationAlertsTab::isAlertField(field.key))
            alerts.append(ConfigurationAlertsTab::decode(field.key, field.read()));
        else
            edit.settings.append({field.key, field.read()});
    }
    for (const QString &source : {u"ae"_s, u"dhu_111"_s}) {
        if (!templateSources.contains(source))
            continue;
        auto value = [this, &source](const QString &part) {
            return m_fields->value(templateField(source, part));
        };
        edit.templates.append({source, value(u"label"_s), value(u"body"_s)});
    }

    m_saving = true;
    updateState();
    showMessage(tr("Saving…"), BannerKind::Success);
    m_database->submit<QList<FieldRefusal>>(
        this, [edit, alerts](Connection &c) { return saveAll(c, edit, alerts); },
        [this, titles](Result<QList<FieldRefusal>> refused) {
            m_saving = false;
            updateState();
            if (!refused) {
                m_guard->saveFailed();
                showMessage(tr("Nothing was saved: %1").arg(refused.error().message),
                            BannerKind::Error);
                emit saveFinished(false);
                return;
            }
            if (!refused->isEmpty()) {
                m_guard->saveFailed();
                showRefusals(*refused);
                emit saveFinished(false);
                return;
            }
            m_loadedValues.clear(); // ours are stored: the reload fills every field
            for (ConfigurationFields::Field &field : m_fields->all()) {
                if (field.secret)
                    field.write({});
            }
            showMessage(
                tr("Saved: %1. Every open client uses them from now on.").arg(titles.join(u", "_s)),
                BannerKind::Success);
            m_reloadButton->hide();
            m_loaded = false; // refill from what was stored (normalised, e.g. shared plans)
            load();
            emit saveFinished(true);
            m_guard->saveStored();
        });
}

// Settings, templates and alert recipients together: all or nothing.
Result<QList<FieldRefusal>> ConfigurationWindow::saveAll(Connection &c,
                                                         const ConfigurationEdit &edit,
                                                         const QList<AlertRecipients> &alerts)
{
    Transaction tx(c);
    if (!tx.started())
        return tx.beginError();
    QList<FieldRefusal> refused;
    if (!edit.isEmpty()) {
        auto saved = ConfigStore(c).save(edit);
        if (!saved)
            return saved.error();
        refused = *saved;
    }
    for (const AlertRecipients &r : alerts) {
        if (auto set = AlertRecipientStore(c).set(r); !set) {
            if (set.error().code == u"db.unreachable"_s)
                return set.error();
            refused.append({ConfigurationAlertsTab::fieldKey(r.alertType), set.error().message});
            // The transaction is aborted: the rest would only say so.
            break;
        }
    }
    if (!refused.isEmpty())
        return refused; // rolled back with the transaction
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return refused;
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
        QLabel *error = m_fields->errors().value(refusal.field);
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
    showMessage(text, BannerKind::Error);
    if (!perTab.isEmpty() && perTab.firstKey() >= 0) {
        m_tabs->setCurrentIndex(perTab.firstKey());
        showFirstRefused(perTab.firstKey());
    }
}

void ConfigurationWindow::showFirstRefused(int tab)
{
    // A long tab scrolls: its first refusal (the field a little above it too) into view.
    auto *scroll = qobject_cast<QScrollArea *>(m_tabs->widget(tab));
    if (!scroll)
        return;
    for (const ConfigurationFields::Field &field : m_fields->all()) {
        QLabel *error = field.error;
        if (!error || error->isHidden() || !scroll->isAncestorOf(error))
            continue;
        // Once the error lines and the banner shown just now have their places.
        QTimer::singleShot(0, scroll, [scroll, box = QPointer<QWidget>(error->parentWidget())] {
            if (box)
                scroll->ensureWidgetVisible(box);
        });
        return;
    }
}

void ConfigurationWindow::clearErrors()
{
    for (QLabel *error : m_fields->errors()) {
        error->clear();
        error->hide();
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabText(i, m_tabTitles.at(i));
        m_tabs->tabBar()->setTabTextColor(i, {});
    }
}

void ConfigurationWindow::showMessage(const QString &text, BannerKind kind)
{
    m_message->showMessage(text, kind);
    m_message->setVisible(!text.isEmpty());
}

// ---------------------------------------------------------------- the connection test

void ConfigurationWindow::testConnection()
{
    m_exchange->testConnection();
}

} // namespace cpis::ui
