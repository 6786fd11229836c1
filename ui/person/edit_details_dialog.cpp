#include "person/edit_details_dialog.h"

#include "display.h"
#include "workflow/display_names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cpis::ui {

EditDetailsDialog::EditDetailsDialog(DatabaseThread *database, const EditablePerson &person,
                                     QWidget *parent)
    : RecordDialog(database, u"editDetailsDialog"_s, tr("Edit details and other names"), parent),
      m_person(person)
{
    m_forenames = new QLineEdit(person.forenames, this);
    addField(u"forenames"_s, tr("Legal &forename(s):"), m_forenames);
    m_surname = new QLineEdit(person.surname, this);
    addField(u"surname"_s, tr("Legal &surname:"), m_surname);
    m_gender = new QComboBox(this);
    for (const QString &g : {u"Not known"_s, u"Female"_s, u"Male"_s, u"Other"_s})
        m_gender->addItem(DisplayNames::gender(g), g);
    m_gender->setCurrentIndex(qMax(0, m_gender->findData(person.gender)));
    addField(u"gender"_s, tr("&Gender:"), m_gender);
    const QDate date = person.unborn() ? person.expectedDelivery : person.dateOfBirth;
    m_date = new QLineEdit(date.toString(u"dd/MM/yyyy"_s), this);
    addField(person.unborn() ? u"expectedDelivery"_s : u"dateOfBirth"_s,
             person.unborn() ? tr("&Expected date of delivery:") : tr("&Date of birth:"), m_date);

    m_otherNames = new QListWidget(this);
    m_otherNames->setObjectName(u"otherNames"_s);
    m_otherNames->setAccessibleName(tr("Other names"));
    for (const EditablePerson::OtherName &n : person.otherNames) {
        auto *item = new QListWidgetItem(
            tr("%1 %2 (%3)%4")
                .arg(n.forenames, n.surname, n.kind,
                     n.to.isValid() ? tr(", until %1").arg(Display::date(n.to)) : QString()),
            m_otherNames);
        item->setData(Qt::UserRole, n.id);
        item->setData(Qt::UserRole + 1, n.to.isValid());
    }
    addField(u"otherNameList"_s, tr("&Other names:"), m_otherNames);
    m_kind = new QComboBox(this);
    for (const QString &kind :
         {u"Known as"_s, u"Previous name"_s, u"Alias"_s, u"Alternative spelling"_s})
        m_kind->addItem(kind, kind);
    addField(u"otherKind"_s, tr("&Kind of other name:"), m_kind);
    m_otherForenames = new QLineEdit(this);
    addField(u"otherForenames"_s, tr("Other forena&me(s):"), m_otherForenames);
    m_otherSurname = new QLineEdit(this);
    addField(u"otherSurname"_s, tr("Other su&rname:"), m_otherSurname);
    m_otherDate = new QLineEdit(this);
    m_otherDate->setPlaceholderText(tr("DD/MM/YYYY (optional when adding)"));
    addField(u"otherDate"_s, tr("From (adding) or un&til (ending):"), m_otherDate);
    auto *add = m_buttons->addButton(tr("&Add other name"), QDialogButtonBox::ActionRole);
    add->setObjectName(u"addOtherName"_s);
    connect(add, &QPushButton::clicked, this, &EditDetailsDialog::addOtherName);
    auto *end = m_buttons->addButton(tr("E&nd chosen name"), QDialogButtonBox::ActionRole);
    end->setObjectName(u"endOtherName"_s);
    connect(end, &QPushButton::clicked, this, &EditDetailsDialog::endChosenOtherName);
    showInfo(tr("The legal name exactly as on the birth certificate: a change goes to CP-IS at "
                "the next upload. Other names are kept apart."));
}

bool EditDetailsDialog::check()
{
    m_otherNameAction = false;
    bool ok = filledIn(u"forenames"_s, m_forenames,
                       tr("Type the legal forename(s), exactly as on the birth certificate."));
    ok &= filledIn(u"surname"_s, m_surname,
                   tr("Type the legal surname, exactly as on the birth certificate."));
    const QString dateField = m_person.unborn() ? u"expectedDelivery"_s : u"dateOfBirth"_s;
    const QDate date = dateIn(dateField, m_date, true);
    ok &= date.isValid();
    m_changed = m_person;
    m_changed.forenames = m_forenames->text().trimmed();
    m_changed.surname = m_surname->text().trimmed();
    m_changed.gender = m_gender->currentData().toString();
    (m_person.unborn() ? m_changed.expectedDelivery : m_changed.dateOfBirth) = date;
    return ok;
}

std::function<Result<qint64>(Connection &)> EditDetailsDialog::saveJob()
{
    const EditablePerson changed = m_changed;
    return [changed](Connection &c) {
        return asSaved(PersonRecords(c).editDetails(changed));
    };
}

void EditDetailsDialog::addOtherName()
{
    clearMessages();
    if (m_otherForenames->text().trimmed().isEmpty() &&
        m_otherSurname->text().trimmed().isEmpty()) {
        setFieldMessage(u"otherSurname"_s,
                        tr("Type the other name: a forename, a surname or both."));
        return;
    }
    const QDate from = dateIn(u"otherDate"_s, m_otherDate, false);
    if (!m_otherDate->text().trimmed().isEmpty() && !from.isValid())
        return;
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const QString kind = m_kind->currentData().toString();
    const QString forenames = m_otherForenames->text().trimmed();
    const QString surname = m_otherSurname->text().trimmed();
    m_otherNameAction = true;
    run<int>(
        [=](Connection &c) {
            return PersonRecords(c).addOtherName(id, version, kind, forenames, surname, from);
        },
        [this](const int &newVersion) {
            emit saved(newVersion);
            accept();
        });
}

void EditDetailsDialog::endChosenOtherName()
{
    clearMessages();
    const QListWidgetItem *item = m_otherNames->currentItem();
    if (!item || item->data(Qt::UserRole + 1).toBool()) {
        setFieldMessage(u"otherNameList"_s, tr("Choose a current other name in the list first."));
        return;
    }
    const QDate to = dateIn(u"otherDate"_s, m_otherDate, true);
    if (!to.isValid())
        return;
    const qint64 nameId = item->data(Qt::UserRole).toLongLong();
    const int version = m_person.rowVersion;
    m_otherNameAction = true;
    run<int>([=](Connection &c) { return PersonRecords(c).endOtherName(nameId, version, to); },
             [this](const int &newVersion) {
                 emit saved(newVersion);
                 accept();
             });
}

QString EditDetailsDialog::fieldFor(const QString &column) const
{
    if (!m_otherNameAction)
        return RecordDialog::fieldFor(column);
    if (column == u"forenames"_s)
        return u"otherForenames"_s;
    if (column == u"surname"_s)
        return u"otherSurname"_s;
    if (column == u"kind"_s)
        return u"otherKind"_s;
    if (column == u"from"_s || column == u"to"_s)
        return u"otherDate"_s;
    return RecordDialog::fieldFor(column);
}

} // namespace cpis::ui
