// Restricted, from the person record (team managers for their team's children, and records
// officers): mark or lift the restriction, and grant or remove a worker's access. A restricted
// child is seen only by the workers granted access.
#pragma once

#include "person/record_dialog.h"
#include "workflow/person_records.h"

class QCheckBox;
class QComboBox;
class QListWidget;

namespace cpis::ui {

class RestrictedDialog final : public RecordDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestrictedDialog)

public:
    RestrictedDialog(DatabaseThread *database, const EditablePerson &person,
                     QWidget *parent = nullptr);

    void grantChosen();
    void removeChosen();

protected:
    bool check() override;
    std::function<Result<qint64>(Connection &)> saveJob() override;

private:
    void changeAccess(int workerId, bool granted);

    EditablePerson m_person;
    QCheckBox *m_restricted = nullptr;
    QListWidget *m_allowed = nullptr;
    QComboBox *m_workers = nullptr;
};

} // namespace cpis::ui
