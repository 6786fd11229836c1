// Configuration tools (system administrators): CP-IS sharing and handling, office hours and
// bank holidays, the MESH exchange with a connection test, the lists and note templates, and
// who receives each CP-IS alert.
// The database validates each field; its refusals are shown at the field. Each tab is its own
// widget (admin/configuration_*_tab.h); the window assembles them, loads the fields, and
// saves them all or nothing.
#pragma once

#include "db/database_worker.h"
#include "display.h"
#include "workflow/list_admin.h"

#include <QHash>
#include <QMainWindow>

class QPushButton;
class QTabWidget;
class QTimer;

namespace cpis::ui {

class ConfigurationAlertsTab;
class ConfigurationExchangeTab;
class ConfigurationFields;
class ConfigurationListsTab;
class ConfigurationOfficeTab;
class MessageBanner;
class UnsavedChangesGuard;
struct UnsavedChangesQuestion;

class ConfigurationWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationWindow)

public:
    explicit ConfigurationWindow(DatabaseThread *database, QWidget *parent = nullptr);
    ~ConfigurationWindow() override;

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    // A field differs from what was loaded (settings and templates; list and bank-holiday
    // changes are saved as they are made).
    [[nodiscard]] bool hasUnsavedChanges() const;
    // Names of the fields: a setting's key, or template.SOURCE.label / template.SOURCE.body.
    [[nodiscard]] QStringList changedFields() const;

    void reload();
    void save();
    void testConnection();

signals:
    void loaded();
    void saveFinished(bool saved);
    void connectionTested(bool ok);

private:
    void load();
    void apply(const ConfigurationSnapshot &snapshot);
    void fill(const ConfigurationSnapshot &snapshot);
    static Result<QList<FieldRefusal>> saveAll(Connection &c, const ConfigurationEdit &edit,
                                               const QList<AlertRecipients> &alerts);
    void showRefusals(const QList<FieldRefusal> &refusals);
    void showFirstRefused(int tab);
    void clearErrors();
    [[nodiscard]] int tabIndexOf(const QWidget *widget) const;
    void showMessage(const QString &text, BannerKind kind);
    [[nodiscard]] UnsavedChangesQuestion unsavedQuestion() const;
    void updateState();
    [[nodiscard]] QHash<QString, QString> loadedValues(const ConfigurationSnapshot &s) const;

    DatabaseThread *m_database;
    bool m_loaded = false;
    bool m_saving = false;
    ConfigurationSnapshot m_snapshot;       // what the fields were filled from
    QHash<QString, QString> m_loadedValues; // field -> value as loaded
    ConfigurationFields *m_fields = nullptr;

    UnsavedChangesGuard *m_guard = nullptr;
    MessageBanner *m_message = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStringList m_tabTitles;
    QPushButton *m_save = nullptr;
    QTimer *m_reloadTimer = nullptr;
    ConfigurationOfficeTab *m_office = nullptr;
    ConfigurationExchangeTab *m_exchange = nullptr;
    ConfigurationListsTab *m_lists = nullptr;
    ConfigurationAlertsTab *m_alerts = nullptr;
};

} // namespace cpis::ui
