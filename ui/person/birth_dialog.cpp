#include "person/birth_dialog.h"

#include "workflow/display_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace cpis::ui {

BirthDialog::BirthDialog(DatabaseThread *database, const EditablePerson &person, QWidget *parent)
    : RecordDialog(database, u"birthDialog"_s, tr("Record the birth"), parent), m_person(person)
{
    m_date = new QLineEdit(this);
    m_date->setPlaceholderText(tr("DD/MM/YYYY"));
    addField(u"dateOfBirth"_s, tr("&Date of birth:"), m_date);
    m_forenames = new QLineEdit(person.forenames, this);
    addField(u"forenames"_s, tr("Legal &forename(s):"), m_forenames);
    m_surname = new QLineEdit(person.surname, this);
    addField(u"surname"_s, tr("Legal &surname:"), m_surname);
    m_gender = new QComboBox(this);
    for (const QString &g : {u"Not known"_s, u"Female"_s, u"Male"_s, u"Other"_s})
        m_gender->addItem(DisplayNames::gender(g), g);
    m_gender->setCurrentIndex(qMax(0, m_gender->findData(person.gender)));
    addField(u"gender"_s, tr("&Gender:"), m_gender);
    m_nhsNumber = new QLineEdit(this);
    addField(u"nhsNumber"_s, tr("The child's own &NHS number:"), m_nhsNumber);
    checkNhsNumberAsTyped(u"nhsNumber"_s, m_nhsNumber);
    m_startPlan = new QCheckBox(tr("Start a &child protection plan the same day"), this);
    m_startPlan->setObjectName(u"startChildProtectionPlan"_s);
    m_startPlan->setChecked(true);
    addRow(m_startPlan);
    showInfo(tr("The unborn child protection plan ends on the date of birth. CP-IS is then sent "
                "the child's own NHS number instead of the mother's."));
}

bool BirthDialog::check()
{
    m_birth = {};
    m_birth.dateOfBirth = dateIn(u"dateOfBirth"_s, m_date, true);
    bool ok = m_birth.dateOfBirth.isValid();
    if (ok && m_birth.dateOfBirth > QDate::currentDate()) {
        setFieldMessage(u"dateOfBirth"_s, tr("The date of birth is in the future."));
        ok = false;
    }
    ok &= filledIn(u"forenames"_s, m_forenames,
                   tr("Type the legal forename(s), exactly as on the birth certificate."));
    ok &= filledIn(u"surname"_s, m_surname,
                   tr("Type the legal surname, exactly as on the birth certificate."));
    m_birth.forenames = m_forenames->text().trimmed();
    m_birth.surname = m_surname->text().trimmed();
    m_birth.gender = m_gender->currentData().toString();
    m_birth.nhsNumber = nhsNumberIn(u"nhsNumber"_s, m_nhsNumber, false);
    ok &= m_nhsNumber->text().trimmed().isEmpty() || !m_birth.nhsNumber.isEmpty();
    m_birth.startChildProtectionPlan = m_startPlan->isChecked();
    return ok;
}

std::function<Result<qint64>(Connection &)> BirthDialog::saveJob()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const PersonRecords::Birth birth = m_birth;
    return [id, version, birth](Connection &c) -> Result<qint64> {
        return asSaved(PersonRecords(c).recordBirth(id, version, birth));
    };
}

} // namespace cpis::ui
