#include "admin/configuration_cpis_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_window.h"
#include "workflow/display_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const char *const kCode = "planKind";

// One box per plan kind, two columns, in the order the codes are listed; V3 and V4 are shown
// but can never be ticked. The setting holds the ticked codes in that order.
QWidget *sharedPlanBoxes(QWidget *tab, ConfigurationFields *fields, QList<QCheckBox *> &boxes)
{
    auto *plans = new QWidget(tab);
    auto *grid = new QGridLayout(plans);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    const QStringList kinds = DisplayNames::planKinds();
    const int rows = int((kinds.size() + 1) / 2);
    for (int i = 0; i < kinds.size(); ++i) {
        const QString &kind = kinds.at(i);
        auto *box = new QCheckBox(DisplayNames::planKind(kind), plans);
        box->setObjectName(u"sharedPlan:"_s + kind);
        box->setProperty(kCode, kind);
        if (!DisplayNames::planKindMayBeShared(kind)) {
            box->setEnabled(false);
            box->setToolTip(ConfigurationWindow::tr(
                "Short breaks, often for disabled children: never shared with CP-IS."));
        }
        QObject::connect(box, &QCheckBox::toggled, fields, &ConfigurationFields::edited);
        grid->addWidget(box, i % rows, i / rows, Qt::AlignLeft); // as wide as its text
        boxes << box;
    }
    grid->setColumnStretch(2, 1);
    return plans;
}
} // namespace

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationCpisTab::ConfigurationCpisTab(ConfigurationFields *fields)
{
    setObjectName(u"cpisTab"_s);
    QWidget *tab = this;
    auto *form = growingForm(tab);

    QList<QCheckBox *> boxes;
    QWidget *plans = sharedPlanBoxes(tab, fields, boxes);
    fields->addField(
        {u"cpis.shared_plans"_s, ConfigurationWindow::tr("Plans shared with CP-IS"), tab, nullptr,
         nullptr, false,
         [boxes] {
             QStringList on;
             for (QCheckBox *box : boxes) {
                 if (box->isChecked())
                     on << box->property(kCode).toString();
             }
             return on.join(u',');
         },
         [boxes](const QString &value) {
             const QStringList on = value.split(u',', Qt::SkipEmptyParts);
             for (QCheckBox *box : boxes)
                 box->setChecked(on.contains(box->property(kCode).toString()));
         }},
        form, plans,
        ConfigurationWindow::tr(
            "Child protection plans and the DfE looked-after legal statuses whose children "
            "health staff see flagged. V3 and V4 are short breaks, often for disabled children, "
            "and are never shared."));

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
        tab, form, u"cpis.access_sources"_s, ConfigurationWindow::tr("Known organisations"),
        ConfigurationWindow::tr(
            "Where a notification comes from, for organisations we know: ODS=category, comma "
            "separated, e.g. RTG=minor_injury_unit. Categories: emergency_department, "
            "urgent_treatment, minor_injury_unit, out_of_hours_111 (proposes the DHU/111 "
            "note), other. Others: a system is 111 or out of hours, a person an emergency "
            "department."));
    auto *authority = new QLabel(
        ConfigurationWindow::tr(
            "<b>The sending authority.</b> CP-IS shows these to clinicians beside every flag, "
            "so that they can call us about the child. No upload is sent until all four are "
            "set."),
        tab);
    authority->setObjectName(u"authorityExplanation"_s);
    authority->setWordWrap(true);
    form->addRow(authority);
    fields->addLineField(
        tab, form, u"cpis.authority_ods"_s, ConfigurationWindow::tr("Authority ODS code"),
        ConfigurationWindow::tr(
            "Our organisation code in uploads: 3 to 8 capital letters or digits."));
    fields->addLineField(
        tab, form, u"cpis.authority_name"_s, ConfigurationWindow::tr("Authority name"),
        ConfigurationWindow::tr("As clinicians should see it, up to 100 characters, e.g. "
                                "Northshire County Council Children's Services."));
    fields->addLineField(
        tab, form, u"cpis.phone_office_hours"_s, ConfigurationWindow::tr("Telephone, office hours"),
        ConfigurationWindow::tr("10 to 15 digits, spaces and a leading + allowed, e.g. "
                                "01632 960000."));
    fields->addLineField(tab, form, u"cpis.phone_out_of_hours"_s,
                         ConfigurationWindow::tr("Telephone, out of hours"),
                         ConfigurationWindow::tr("The emergency duty team, e.g. 01632 960999."));
    fields->addLineField(
        tab, form, u"cpis.schema_dir"_s, ConfigurationWindow::tr("DMS schema folder"),
        ConfigurationWindow::tr(
            "The folder of NHS England's CP-IS schemas (Schemas/, dt/, ...) on the exchange's "
            "machine: every message is checked against them before it is sent or processed. "
            "Empty: not checked."));
}

} // namespace cpis::ui
