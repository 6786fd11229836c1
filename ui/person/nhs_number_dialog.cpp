#include "person/nhs_number_dialog.h"

#include "domain/nhs_number.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cpis::ui {

NhsNumberDialog::NhsNumberDialog(DatabaseThread *database, const EditablePerson &person,
                                 QWidget *parent)
    : RecordDialog(database, u"nhsNumberDialog"_s, tr("NHS number"), parent), m_person(person),
      m_mode(person.nhsNumberStatus == u"inactive"_s   ? Mode::Replace
             : person.nhsNumberStatus == u"recorded"_s ? Mode::Correct
                                                       : Mode::Record)
{
    const QString current =
        person.nhsNumber.isEmpty()
            ? tr("none recorded")
            : (NhsNumber::parse(person.nhsNumber) ? NhsNumber::parse(person.nhsNumber)->formatted()
                                                  : person.nhsNumber);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setObjectName(u"nhsNumberIntro"_s);
    switch (m_mode) {
    case Mode::Record:
        intro->setText(tr("%1 %2 has no NHS number yet: record it exactly as the NHS issued it.")
                           .arg(person.forenames, person.surname));
        break;
    case Mode::Correct:
        intro->setText(
            tr("The NHS number is %1%2. Correct it only if it is wrong, and say why: "
               "the change is kept in the history and goes to CP-IS.")
                .arg(current, person.nhsNumberVerifiedAt.isValid()
                                  ? tr(" (verified by %1)").arg(person.nhsNumberVerifiedBy)
                                  : QString()));
        break;
    case Mode::Replace:
        intro->setText(tr("CP-IS reported the NHS number %1 inactive, so uploads have stopped. "
                          "Record the replacement number: the uploads resume.")
                           .arg(current));
        break;
    }
    addRow(intro);
    m_number = new QLineEdit(this);
    addField(u"nhsNumber"_s,
             m_mode == Mode::Correct   ? tr("&Correct NHS number:")
             : m_mode == Mode::Replace ? tr("&Replacement NHS number:")
                                       : tr("&NHS number:"),
             m_number);
    checkNhsNumberAsTyped(u"nhsNumber"_s, m_number);
    if (m_mode == Mode::Correct) {
        m_reason = new QLineEdit(this);
        addField(u"reason"_s, tr("Re&ason for the correction:"), m_reason);
        auto *verify = m_buttons->addButton(tr("Mark &verified"), QDialogButtonBox::ActionRole);
        verify->setObjectName(u"markVerified"_s);
        connect(verify, &QPushButton::clicked, this, &NhsNumberDialog::markVerified);
    }
}

bool NhsNumberDialog::check()
{
    bool ok = !nhsNumberIn(u"nhsNumber"_s, m_number, true).isEmpty();
    if (m_reason)
        ok &= filledIn(u"reason"_s, m_reason,
                       tr("Say why the NHS number is corrected: it is kept in the history."));
    return ok;
}

std::function<Result<qint64>(Connection &)> NhsNumberDialog::saveJob()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const QString number = m_number->text();
    const QString reason = m_reason ? m_reason->text() : QString();
    const Mode mode = m_mode;
    return [id, version, number, reason, mode](Connection &c) -> Result<qint64> {
        PersonRecords records(c);
        return asSaved(mode == Mode::Correct ? records.correctNhsNumber(id, version, number, reason)
                       : mode == Mode::Replace
                           ? records.recordReplacementNhsNumber(id, version, number)
                           : records.recordNhsNumber(id, version, number));
    };
}

void NhsNumberDialog::markVerified()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    run<int>([id, version](
                 Connection &c) { return PersonRecords(c).markNhsNumberVerified(id, version); },
             [this](const int &newVersion) {
                 emit saved(newVersion);
                 markChanged();
                 accept();
             });
}

} // namespace cpis::ui
