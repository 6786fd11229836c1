// Birth of an unborn child, from the person record: the date of birth, the legal name, gender and
// the child's own NHS number; the unborn child plan ends and, if chosen, a child protection plan
// starts the same day, so the next upload moves from the mother's number to the child's.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace cpis::ui {

class BirthDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BirthDialog)

public:
    BirthDialog(DatabaseThread *database, const EditablePerson &person, QWidget *parent = nullptr);

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;

private:
    EditablePerson m_person;
    QLineEdit *m_date = nullptr;
    QLineEdit *m_forenames = nullptr;
    QLineEdit *m_surname = nullptr;
    QComboBox *m_gender = nullptr;
    QLineEdit *m_nhsNumber = nullptr;
    QCheckBox *m_startPlan = nullptr;
    PersonRecords::Birth m_birth;
};

} // namespace cpis::ui
