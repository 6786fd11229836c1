#include "person/new_child_dialog.h"
#include "person/find_child_dialog.h"

#include "db/error_codes.h"
#include "display.h"
#include "workflow/display_names.h"
#include "workflow/person_search.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
constexpr auto kDuplicates = "duplicates"; // possible duplicates not yet confirmed
} // namespace

NewChildDialog::NewChildDialog(DatabaseThread *database, bool unborn, QWidget *parent)
    : RecordDialog(database, unborn ? u"newUnbornChildDialog"_s : u"newChildDialog"_s,
                   unborn ? tr("New unborn child") : tr("New child"), parent),
      m_unborn(unborn)
{
    m_forenames = new QLineEdit(this);
    addField(u"forenames"_s, tr("Legal &forename(s):"), m_forenames);
    m_surname = new QLineEdit(this);
    addField(u"surname"_s, tr("Legal &surname:"), m_surname);
    if (!unborn) {
        m_gender = new QComboBox(this);
        for (const QString &g : {u"Not known"_s, u"Female"_s, u"Male"_s, u"Other"_s})
            m_gender->addItem(DisplayNames::gender(g), g);
        addField(u"gender"_s, tr("&Gender:"), m_gender);
    }
    m_date = new QLineEdit(this);
    m_date->setPlaceholderText(tr("DD/MM/YYYY"));
    addField(unborn ? u"expectedDelivery"_s : u"dateOfBirth"_s,
             unborn ? tr("&Expected date of delivery:") : tr("&Date of birth:"), m_date);
    if (unborn) {
        m_mother = new QLineEdit(this);
        m_mother->setPlaceholderText(tr("her person ID or NHS number"));
        addField(u"mother"_s, tr("&Mother:"), m_mother);
        auto *find = new QPushButton(tr("F&ind the mother by name…"), this);
        find->setObjectName(u"findMother"_s);
        find->setAutoDefault(false);
        connect(find, &QPushButton::clicked, this, &NewChildDialog::findMother);
        addRow(find);
    } else {
        m_nhsNumber = new QLineEdit(this);
        addField(u"nhsNumber"_s, tr("&NHS number:"), m_nhsNumber);
        checkNhsNumberAsTyped(u"nhsNumber"_s, m_nhsNumber);
    }
    m_confirm = new QCheckBox(tr("&This is a different child: save anyway"), this);
    m_confirm->setObjectName(u"confirmNotDuplicate"_s);
    m_confirm->hide();
    addRow(m_confirm);
    // The legal name exactly as on the birth certificate: other names are kept apart.
    showInfo(unborn ? tr("The unborn child's record carries the mother's NHS number to CP-IS "
                         "until the birth is recorded.")
                    : tr("Type the legal name exactly as on the birth certificate; other names "
                         "are added on the record afterwards."));
}

FindChildDialog *NewChildDialog::findMother()
{
    auto *finder = new FindChildDialog(m_database, this);
    finder->setAttribute(Qt::WA_DeleteOnClose);
    finder->chooseOnly(tr("Find the mother"));
    connect(finder, &FindChildDialog::openPerson, this, [this, finder](qint64 id) {
        m_mother->setText(QString::number(id));
        markChanged();
        setFieldMessage(u"mother"_s, QString());
        finder->accept();
        m_mother->setFocus();
    });
    finder->open();
    return finder;
}

bool NewChildDialog::check()
{
    bool ok = filledIn(u"forenames"_s, m_forenames,
                       tr("Type the legal forename(s), exactly as on the birth certificate."));
    ok &= filledIn(u"surname"_s, m_surname,
                   tr("Type the legal surname, exactly as on the birth certificate."));
    const QString dateField = m_unborn ? u"expectedDelivery"_s : u"dateOfBirth"_s;
    const QDate date = dateIn(dateField, m_date, true);
    ok &= date.isValid();
    if (!m_unborn && date.isValid() && date > QDate::currentDate()) {
        setFieldMessage(dateField, tr("The date of birth is in the future."));
        ok = false;
    }
    m_child = {};
    m_child.forenames = m_forenames->text().trimmed();
    m_child.surname = m_surname->text().trimmed();
    m_child.confirmed = !m_confirm->isHidden() && m_confirm->isChecked();
    if (m_unborn) {
        m_child.expectedDelivery = date;
        ok &= filledIn(u"mother"_s, m_mother, tr("Type the mother's person ID or NHS number."));
        m_motherKey = m_mother->text().trimmed();
    } else {
        m_child.gender = m_gender->currentData().toString();
        m_child.dateOfBirth = date;
        m_child.nhsNumber = nhsNumberIn(u"nhsNumber"_s, m_nhsNumber, false);
        ok &= m_nhsNumber->text().trimmed().isEmpty() || !m_child.nhsNumber.isEmpty();
    }
    return ok;
}

std::function<Result<qint64>(Connection &)> NewChildDialog::saveJob()
{
    PersonRecords::NewChild child = m_child;
    const QString motherKey = m_motherKey;
    return [child, motherKey](Connection &c) mutable -> Result<qint64> {
        if (!motherKey.isEmpty()) {
            auto found = PersonSearch(c).find(motherKey);
            if (!found)
                return found.error();
            // Only the key itself: a name or a date of birth with one match is not her.
            QString digits = motherKey;
            digits.remove(u' ');
            const auto isKey = [&digits](const PersonSearchHit &hit) {
                return QString::number(hit.id) == digits ||
                       QString(hit.nhsNumber).remove(u' ') == digits;
            };
            found->removeIf([&isKey](const PersonSearchHit &hit) { return !isKey(hit); });
            if (found->size() != 1)
                return Error{QString::fromLatin1(errc::kInvalid),
                             NewChildDialog::tr("No one person has the person ID or NHS number "
                                                "“%1”: find the mother, or record her first.")
                                 .arg(motherKey),
                             {},
                             {},
                             u"mother"_s};
            child.motherId = found->first().id;
        }
        PersonRecords records(c);
        if (!child.confirmed) {
            auto duplicates = records.possibleDuplicates(child);
            if (!duplicates)
                return duplicates.error();
            QStringList warnings;
            for (const PossibleDuplicate &d : *duplicates) {
                if (d.reason == u"nhs_number"_s)
                    continue; // refused by the database, naming the record
                warnings << NewChildDialog::tr("%1 (person ID %2), %3")
                                .arg(d.name)
                                .arg(d.id)
                                .arg(d.reason == u"other_name"_s
                                         ? NewChildDialog::tr("known by this name")
                                         : NewChildDialog::tr("the same name and date of birth"));
            }
            if (!warnings.isEmpty())
                return Error{QString::fromLatin1(kDuplicates),
                             NewChildDialog::tr("This may be a child already recorded: %1. Open "
                                                "that record instead, or confirm this is a "
                                                "different child and save again.")
                                 .arg(warnings.join(u"; "_s)),
                             {},
                             {}};
        }
        return records.addChild(child);
    };
}

} // namespace cpis::ui

namespace cpis::ui {

void NewChildDialog::afterRefusal(const Error &error)
{
    // Possible duplicates: the worker looks, then confirms.
    if (error.code == QLatin1String(kDuplicates)) {
        m_confirm->setChecked(false);
        m_confirm->show();
        m_confirm->setFocus();
    }
}

} // namespace cpis::ui
