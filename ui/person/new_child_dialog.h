// New child, or New unborn child (expected date of delivery and the mother, given by person ID
// or NHS number or found by name), from Find a child. The NHS number is checked as typed; before
// saving, the possible duplicates are shown: the same NHS number is refused, naming the record; the
// same legal name and date of birth, or the same other name, must be confirmed.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace cpis::ui {

class FindChildDialog;

class NewChildDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewChildDialog)

public:
    NewChildDialog(DatabaseThread *database, bool unborn, QWidget *parent = nullptr);

    [[nodiscard]] bool isUnborn() const { return m_unborn; }
    // The confirmation the possible duplicates ask for (shown once there are some).
    [[nodiscard]] QCheckBox *confirmBox() const { return m_confirm; }
    // An unborn child's mother found by name (Find a child, inside this dialog, which blocks
    // the main one): the person chosen fills in the Mother field.
    FindChildDialog *findMother();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;
    void afterRefusal(const Error &error) override;

private:
    bool m_unborn;
    QLineEdit *m_forenames = nullptr;
    QLineEdit *m_surname = nullptr;
    QComboBox *m_gender = nullptr;
    QLineEdit *m_date = nullptr;
    QLineEdit *m_nhsNumber = nullptr;
    QLineEdit *m_mother = nullptr;
    QCheckBox *m_confirm = nullptr;
    PersonRecords::NewChild m_child;
    QString m_motherKey;
};

} // namespace cpis::ui
