#include "admin/configuration_cpis_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QStringList kPlans{u"CPP"_s, u"UCPP"_s, u"s31"_s, u"s38"_s, u"s20"_s};
} // namespace

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationCpisTab::ConfigurationCpisTab(ConfigurationFields *fields)
{
    setObjectName(u"cpisTab"_s);
    QWidget *tab = this;
    auto *form = growingForm(tab);

    auto *plans = new QWidget(tab);
    auto *planRow = new QHBoxLayout(plans);
    planRow->setContentsMargins(0, 0, 0, 0);
    QList<QCheckBox *> boxes;
    for (const QString &plan : kPlans) {
        auto *box = new QCheckBox(plan, plans);
        box->setObjectName(u"sharedPlan:"_s + plan);
        connect(box, &QCheckBox::toggled, fields, &ConfigurationFields::edited);
        planRow->addWidget(box);
        boxes << box;
    }
    planRow->addStretch(1);
    fields->addField(
        {u"cpis.shared_plans"_s, ConfigurationWindow::tr("Plans shared with CP-IS"), tab, nullptr,
         nullptr, false,
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
        ConfigurationWindow::tr(
            "CPP child protection plan, UCPP unborn child protection plan, s31 full care "
            "order, s38 interim care order, s20 voluntary agreement."));

    auto *mode = new QComboBox(tab);
    mode->setObjectName(u"cpis.handling_mode"_s);
    mode->addItem(
        ConfigurationWindow::tr("Work step and next action (CPIS Follow Up for CP-IS Worker)"),
        u"work_step"_s);
    mode->addItem(ConfigurationWindow::tr("Case note and alert (for the worker or team below)"),
                  u"case_note_and_alert"_s);
    connect(mode, &QComboBox::currentIndexChanged, fields, &ConfigurationFields::edited);
    fields->addField({u"cpis.handling_mode"_s, ConfigurationWindow::tr("Handling mode"), tab,
                      nullptr, nullptr, false, [mode] { return mode->currentData().toString(); },
                      [mode](const QString &value) {
                          const int index = mode->findData(value);
                          mode->setCurrentIndex(index < 0 ? 0 : index);
                      }},
                     form, mode,
                     ConfigurationWindow::tr("What an Access to Service Notification becomes."));
    fields->addLineField(
        tab, form, u"cpis.handling_target"_s, ConfigurationWindow::tr("Target worker or team"),
        ConfigurationWindow::tr(
            "With case note and alert: the worker (name or login) or team that gets the "
            "alert. Empty: the child's key worker."));
    fields->addLineField(
        tab, form, u"cpis.authority_ods"_s, ConfigurationWindow::tr("Authority ODS code"),
        ConfigurationWindow::tr(
            "Our organisation code in uploads: 3 to 8 capital letters or digits."));
    fields->addLineField(
        tab, form, u"cpis.schema_dir"_s, ConfigurationWindow::tr("DMS schema folder"),
        ConfigurationWindow::tr(
            "The folder of NHS England's CP-IS schemas (Schemas/, dt/, ...) on the exchange's "
            "machine: every message is checked against them before it is sent or processed. "
            "Empty: not checked."));
}

} // namespace cpis::ui
