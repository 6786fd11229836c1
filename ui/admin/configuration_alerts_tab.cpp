#include "admin/configuration_alerts_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QString kPrefix = u"alert:"_s;
const QChar kSeparator = u'\n'; // never in a role, team name or login

QString roleTitle(const QString &role)
{
    if (role == u"cpis_sysadmin"_s)
        return ConfigurationWindow::tr("System administrators");
    if (role == u"cpis_safeguarding_admin"_s)
        return ConfigurationWindow::tr("Safeguarding Admin");
    if (role == u"cpis_team_manager"_s)
        return ConfigurationWindow::tr("Team managers");
    if (role == u"cpis_key_worker"_s)
        return ConfigurationWindow::tr("Key workers");
    return role;
}

// Chooses the entry whose data is `value`, adding it when the list lacks it (a worker since
// made inactive still shows who receives the alert).
void choose(QComboBox *combo, const QString &value, const QString &text)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(text.isEmpty() ? value : text, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QComboBox *recipientCombo(QWidget *parent, const QString &objectName, const QString &name)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(name);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    return combo;
}
} // namespace

QString ConfigurationAlertsTab::fieldKey(const QString &alertType)
{
    return kPrefix + alertType;
}

bool ConfigurationAlertsTab::isAlertField(const QString &key)
{
    return key.startsWith(kPrefix);
}

QString ConfigurationAlertsTab::encode(const AlertRecipients &r)
{
    return QStringList{r.role, r.team, r.workerLogin, r.keyWorker ? u"1"_s : QString()}.join(
        kSeparator);
}

AlertRecipients ConfigurationAlertsTab::decode(const QString &key, const QString &value)
{
    const QStringList parts = value.split(kSeparator);
    AlertRecipients r;
    r.alertType = key.mid(kPrefix.size());
    r.role = parts.value(0);
    r.team = parts.value(1);
    r.workerLogin = parts.value(2);
    r.keyWorker = parts.value(3) == u"1"_s;
    return r;
}

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationAlertsTab::ConfigurationAlertsTab(ConfigurationFields *fields) : m_fields(fields)
{
    setObjectName(u"alertsTab"_s);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        ConfigurationWindow::tr(
            "Who receives each CP-IS alert: any of a role, a team, a worker and, for an alert "
            "about a child, the child's key worker. Nobody receives an alert about a restricted "
            "child unless they may see the child."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = growingForm();
    layout->addLayout(m_form);
    layout->addStretch(1);
}

void ConfigurationAlertsTab::setChoices(const AlertRecipientSnapshot &snapshot)
{
    for (const AlertRecipients &type : snapshot.types) {
        if (!m_rows.contains(type.alertType))
            addRow(type);
    }
    for (const Row &row : std::as_const(m_rows))
        offer(row, snapshot);
}

void ConfigurationAlertsTab::addRow(const AlertRecipients &type)
{
    const QString key = fieldKey(type.alertType);
    auto *box = new QWidget(this);
    auto *line = new QHBoxLayout(box);
    line->setContentsMargins(0, 0, 0, 0);
    Row row;
    row.role = recipientCombo(box, key + u":role"_s,
                              ConfigurationWindow::tr("%1: role").arg(type.alertType));
    row.team = recipientCombo(box, key + u":team"_s,
                              ConfigurationWindow::tr("%1: team").arg(type.alertType));
    row.worker = recipientCombo(box, key + u":worker"_s,
                                ConfigurationWindow::tr("%1: worker").arg(type.alertType));
    row.keyWorker = new QCheckBox(ConfigurationWindow::tr("Child's key worker"), box);
    row.keyWorker->setObjectName(key + u":keyWorker"_s);
    row.keyWorker->setEnabled(type.aboutChild);
    if (!type.aboutChild)
        row.keyWorker->setToolTip(ConfigurationWindow::tr("This alert is not about a child."));
    for (QComboBox *combo : {row.role, row.team, row.worker}) {
        line->addWidget(combo, 1);
        connect(combo, &QComboBox::currentIndexChanged, m_fields, &ConfigurationFields::edited);
    }
    line->addWidget(row.keyWorker);
    connect(row.keyWorker, &QCheckBox::toggled, m_fields, &ConfigurationFields::edited);
    const Row r = row;
    const QString alertType = type.alertType;
    m_fields->addField({key, alertType, this, nullptr, nullptr, false,
                        [r, key] {
                            AlertRecipients chosen;
                            chosen.role = r.role->currentData().toString();
                            chosen.team = r.team->currentData().toString();
                            chosen.workerLogin = r.worker->currentData().toString();
                            chosen.keyWorker = r.keyWorker->isChecked();
                            return encode(chosen);
                        },
                        [r, key](const QString &value) {
                            const AlertRecipients chosen = decode(key, value);
                            choose(r.role, chosen.role, roleTitle(chosen.role));
                            choose(r.team, chosen.team, chosen.team);
                            choose(r.worker, chosen.workerLogin, chosen.workerLogin);
                            r.keyWorker->setChecked(chosen.keyWorker);
                        }},
                       m_form, box, {});
    m_rows.insert(type.alertType, row);
}

void ConfigurationAlertsTab::offer(const Row &row, const AlertRecipientSnapshot &snapshot)
{
    // Rebuilt with what may be chosen now, keeping what is chosen.
    const QString role = row.role->currentData().toString();
    const QString team = row.team->currentData().toString();
    const QString worker = row.worker->currentData().toString();
    const QString workerText = row.worker->currentText();
    row.role->clear();
    row.role->addItem(ConfigurationWindow::tr("No role"), QString());
    for (const QString &r : AlertRecipientStore::roles())
        row.role->addItem(roleTitle(r), r);
    row.team->clear();
    row.team->addItem(ConfigurationWindow::tr("No team"), QString());
    for (const QString &t : snapshot.teams)
        row.team->addItem(t, t);
    row.worker->clear();
    row.worker->addItem(ConfigurationWindow::tr("No worker"), QString());
    for (const auto &[login, name] : snapshot.workers)
        row.worker->addItem(ConfigurationWindow::tr("%1 (%2)").arg(name, login), login);
    choose(row.role, role, roleTitle(role));
    choose(row.team, team, team);
    choose(row.worker, worker, workerText);
}

} // namespace cpis::ui
