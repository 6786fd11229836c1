// Plans and legal statuses, from the person record: the history (kept, never deleted), start
// one (kind, start date), end the chosen one (end date), or mark it recorded in error (with the
// reason), which makes the next upload remove it from CP-IS.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QComboBox;
class QLineEdit;
class QTableView;

namespace cpis::ui {

class PlanHistoryModel;

class PlansDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlansDialog)

public:
    PlansDialog(DatabaseThread *database, const EditablePerson &person, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *history() const { return m_history; }
    // Ends, or marks in error, the plan chosen in the history.
    void endChosen();
    void recordChosenInError();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;

private:
    // The plan chosen in the history, when it is current; 0 (and a message) otherwise.
    qint64 chosenCurrentPlan(const QString &field);

    EditablePerson m_person;
    QTableView *m_history = nullptr;
    PlanHistoryModel *m_historyModel = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_end = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace cpis::ui
