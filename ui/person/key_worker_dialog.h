// Key worker, from the person record: allocate one from the caseworkers (key workers and team
// managers, shown with their team); the previous allocation ends today, and open steps and
// requests show the new key worker at once.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QComboBox;

namespace cpis::ui {

class KeyWorkerDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyWorkerDialog)

public:
    KeyWorkerDialog(DatabaseThread *database, const EditablePerson &person,
                    QWidget *parent = nullptr);

    [[nodiscard]] QComboBox *workers() const { return m_workers; }
    // Chooses the caseworker by id; false when they are not in the list (yet).
    bool choose(int workerId);

signals:
    void workersLoaded();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;
    [[nodiscard]] QString fieldFor(const QString &column) const override;

private:
    EditablePerson m_person;
    QComboBox *m_workers = nullptr;
};

} // namespace cpis::ui
