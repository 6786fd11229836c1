// Configuration tools (system administrators): CP-IS sharing and handling, office hours and
// bank holidays, the MESH exchange with a connection test, the lists and note templates.
// The database validates each field; its refusals are shown at the field.
#pragma once

#include "db/database_worker.h"
#include "display.h"
#include "workflow/list_admin.h"

#include <QHash>
#include <QMainWindow>

#include <functional>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace cpis::ui {

class BankHolidayModel;
class MessageBanner;
class UnsavedChangesGuard;
struct UnsavedChangesQuestion;
class ListItemsModel;

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
    // One editable field: where it is, how to read and fill it, where its error goes.
    struct Field
    {
        QString key;
        QString title;             // as the row's label says it
        QWidget *parent = nullptr; // the tab or group the row is on
        QLabel *error = nullptr;
        QLabel *status = nullptr; // secrets: "set" / "not set"
        bool secret = false;
        std::function<QString()> read;
        std::function<void(const QString &)> write;
    };

    QWidget *buildCpisTab();
    QWidget *buildOfficeTab();
    QWidget *buildExchangeTab();
    QWidget *buildListsTab();
    QLineEdit *addLineField(QWidget *tab, QFormLayout *form, const QString &key,
                            const QString &title, const QString &hint);
    void addSecretField(QWidget *tab, QFormLayout *form, const QString &key, const QString &title);
    QLabel *addField(Field field, QFormLayout *form, QWidget *editor, const QString &hint);
    QLabel *errorLabel(QWidget *parent, const QString &objectName);
    void watch(QLineEdit *edit);

    void load();
    void apply(const ConfigurationSnapshot &snapshot);
    void fill(const ConfigurationSnapshot &snapshot);
    void showRefusals(const QList<FieldRefusal> &refusals);
    void clearErrors();
    [[nodiscard]] int tabIndexOf(const QWidget *widget) const;
    void showMessage(const QString &text, BannerKind kind);
    [[nodiscard]] UnsavedChangesQuestion unsavedQuestion() const;
    void updateState();
    [[nodiscard]] QHash<QString, QString> loadedValues(const ConfigurationSnapshot &s) const;

    void showList();
    void scrollToNextHoliday();
    [[nodiscard]] QString currentList() const;
    [[nodiscard]] QString selectedItem() const;
    void moveSelected(int by);
    void runListChange(const std::function<Status(ListAdmin &)> &change, QLabel *error,
                       const QString &done);

    DatabaseThread *m_database;
    bool m_loaded = false;
    bool m_saving = false;
    ConfigurationSnapshot m_snapshot;       // what the fields were filled from
    QHash<QString, QString> m_loadedValues; // field -> value as loaded
    QList<Field> m_fields;
    QHash<QString, QLabel *> m_errors; // field -> its error line

    UnsavedChangesGuard *m_guard = nullptr;
    MessageBanner *m_message = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStringList m_tabTitles;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QTimer *m_reloadTimer = nullptr;

    QComboBox *m_listChoice = nullptr;
    ListItemsModel *m_items = nullptr;
    QTableView *m_itemsView = nullptr;
    QLineEdit *m_itemName = nullptr;
    QLabel *m_listError = nullptr;
    BankHolidayModel *m_holidays = nullptr;
    QTableView *m_holidaysView = nullptr;
    QDateEdit *m_holidayDay = nullptr;
    QLineEdit *m_holidayName = nullptr;
    QLabel *m_holidayError = nullptr;
};

} // namespace cpis::ui
