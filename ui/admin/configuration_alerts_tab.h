// The Configuration tools' Alerts tab: who receives each CP-IS alert (a role, a team, a worker
// and, for alerts about a child, its key worker), one row per alert type, saved with Save.
#pragma once

#include "config/alert_recipients.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;

namespace cpis::ui {

class ConfigurationFields;

class ConfigurationAlertsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationAlertsTab)

public:
    explicit ConfigurationAlertsTab(ConfigurationFields *fields);

    // "alert:CP-IS upload failed": the field of one alert type's recipients.
    static QString fieldKey(const QString &alertType);
    [[nodiscard]] static bool isAlertField(const QString &key);
    // A field's value, and back: the recipients in one string, so the window compares them.
    static QString encode(const AlertRecipients &recipients);
    static AlertRecipients decode(const QString &key, const QString &value);

    // Adds a row for each type not shown yet and offers the current teams and workers; the
    // window then fills the rows (ConfigurationFields::Field::write).
    void setChoices(const AlertRecipientSnapshot &snapshot);

private:
    struct Row
    {
        QComboBox *role = nullptr;
        QComboBox *team = nullptr;
        QComboBox *worker = nullptr;
        QCheckBox *keyWorker = nullptr;
    };
    void addRow(const AlertRecipients &type);
    void offer(const Row &row, const AlertRecipientSnapshot &snapshot);

    ConfigurationFields *m_fields;
    QFormLayout *m_form = nullptr;
    QHash<QString, Row> m_rows;
};

} // namespace cpis::ui
