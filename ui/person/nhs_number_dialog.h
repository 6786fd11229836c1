// NHS number, from the person record: record it (none yet), correct it (with the reason),
// record the replacement after CP-IS reported it inactive (which resumes the uploads), or mark
// it verified. Checked as typed (Modulus 11) and shown 3 3 4.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QLineEdit;

namespace cpis::ui {

class NhsNumberDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NhsNumberDialog)

public:
    enum class Mode { Record, Correct, Replace };

    NhsNumberDialog(DatabaseThread *database, const EditablePerson &person,
                    QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QLineEdit *numberField() const { return m_number; }
    [[nodiscard]] QLineEdit *reasonField() const { return m_reason; }
    void markVerified();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;

private:
    EditablePerson m_person;
    Mode m_mode;
    QLineEdit *m_number = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace cpis::ui
