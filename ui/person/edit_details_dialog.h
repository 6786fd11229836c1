// Edit details and other names, from the person record: the legal name exactly as on the birth
// certificate (a change goes to CP-IS at the next upload and is listed under data quality until
// then), gender, the date of birth or expected date; other names (kind, from) added and ended,
// never mixed into the legal name.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QComboBox;
class QLineEdit;
class QListWidget;

namespace cpis::ui {

class EditDetailsDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditDetailsDialog)

public:
    EditDetailsDialog(DatabaseThread *database, const EditablePerson &person,
                      QWidget *parent = nullptr);

    void addOtherName();
    void endChosenOtherName();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;
    // add_other_name and end_other_name name their columns as the legal name's (forenames,
    // surname) or from/to: while one of them runs, those are the other name's fields.
    [[nodiscard]] QString fieldFor(const QString &column) const override;

private:
    EditablePerson m_person;
    QLineEdit *m_forenames = nullptr;
    QLineEdit *m_surname = nullptr;
    QComboBox *m_gender = nullptr;
    QLineEdit *m_date = nullptr;
    QListWidget *m_otherNames = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_otherForenames = nullptr;
    QLineEdit *m_otherSurname = nullptr;
    QLineEdit *m_otherDate = nullptr;
    EditablePerson m_changed;
    bool m_otherNameAction = false; // the refusal on its way is about an other name
};

} // namespace cpis::ui
