#include "admin/configuration_office_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_models.h"
#include "admin/configuration_window.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationOfficeTab::ConfigurationOfficeTab(DatabaseThread *database,
                                               ConfigurationFields *fields)
    : m_database(database)
{
    setObjectName(u"officeTab"_s);
    QWidget *tab = this;
    auto *layout = new QVBoxLayout(tab);
    auto *form = growingForm();
    fields->addLineField(
        tab, form, u"office.hours"_s, ConfigurationWindow::tr("Office hours"),
        ConfigurationWindow::tr("When the CP-IS inbox is worked, e.g. 09:30-16:30."));
    fields->addLineField(
        tab, form, u"office.days"_s, ConfigurationWindow::tr("Working days"),
        ConfigurationWindow::tr(
            "e.g. Mon-Fri, or Mon,Tue,Thu. Bank holidays below are never working days."));
    fields->addLineField(
        tab, form, u"office.handling_time"_s, ConfigurationWindow::tr("Handling time"),
        ConfigurationWindow::tr(
            "How long until a step or request is due, in working time: e.g. 1 working "
            "day, 2 working days, 4 working hours."));
    layout->addLayout(form);

    auto *holidays =
        new QGroupBox(ConfigurationWindow::tr("Bank holidays (England and Wales)"), tab);
    auto *box = new QVBoxLayout(holidays);
    m_holidays = new BankHolidayModel(this);
    m_holidaysView = rowTable(m_holidays, u"bankHolidayTable"_s,
                              ConfigurationWindow::tr("Bank holidays"), holidays);
    m_holidaysView->horizontalHeader()->setStretchLastSection(true);
    m_holidaysView->setColumnWidth(BankHolidayModel::Day, 160);
    m_holidayDay = new QDateEdit(QDate::currentDate(), holidays);
    m_holidayDay->setObjectName(u"bankHolidayDay"_s);
    m_holidayDay->setCalendarPopup(true);
    m_holidayDay->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_holidayName = new QLineEdit(holidays);
    m_holidayName->setObjectName(u"bankHolidayName"_s);
    m_holidayName->setPlaceholderText(ConfigurationWindow::tr("Name, e.g. Christmas Day"));
    auto *add = new QPushButton(ConfigurationWindow::tr("Add bank holiday"), holidays);
    add->setObjectName(u"bankHolidayAdd"_s);
    auto *remove = new QPushButton(ConfigurationWindow::tr("Remove selected"), holidays);
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
        change(
            [day, name](ListAdmin &admin) { return admin.setBankHoliday(day, name); },
            ConfigurationWindow::tr("Bank holiday %1 saved.").arg(day.toString(u"dd/MM/yyyy"_s)));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_holidaysView->currentIndex();
        if (!current.isValid()) {
            m_holidayError->setText(ConfigurationWindow::tr("Select the bank holiday to remove."));
            m_holidayError->show();
            return;
        }
        const BankHoliday day = m_holidays->day(current.row());
        change([d = day.day](ListAdmin &admin) { return admin.removeBankHoliday(d); },
               ConfigurationWindow::tr("Bank holiday %1 (%2) removed.")
                   .arg(day.day.toString(u"dd/MM/yyyy"_s), day.name));
    });
}

void ConfigurationOfficeTab::setDays(const QList<BankHoliday> &days)
{
    m_holidays->setDays(days);
}

bool ConfigurationOfficeTab::holidaysShown() const
{
    return m_holidaysView->isVisible();
}

void ConfigurationOfficeTab::scrollToNextHoliday()
{
    for (int row = 0; row < m_holidays->rowCount(); ++row) {
        if (m_holidays->day(row).day >= QDate::currentDate()) { // past ones above, out of view
            m_holidaysView->scrollTo(m_holidays->index(row, 0), QAbstractItemView::PositionAtTop);
            return;
        }
    }
}

void ConfigurationOfficeTab::change(const std::function<Status(ListAdmin &)> &change,
                                    const QString &done)
{
    runListChange(m_database, this, change, m_holidayError, m_holidayName,
                  [this, done] { emit changed(done); });
}

} // namespace cpis::ui
