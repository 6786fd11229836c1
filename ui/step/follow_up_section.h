// Section 1. CPIS Follow Up: Child's Details, Comments (who accessed the record, where and
// when), the requests of the step, and the button that opens New request.
#pragma once

#include "workflow/step_changes.h"
#include "workflow/workflow_types.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cpis::ui {

class SectionState;

class FollowUpSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpSection)

public:
    explicit FollowUpSection(QWidget *parent = nullptr);
    void show(const StepDetail &step, const StepChanges &changes, bool complete, bool editable);

signals:
    void notifyClicked();

private:
    QLabel *m_name = nullptr;
    QLabel *m_gender = nullptr;
    QLabel *m_dateOfBirth = nullptr;
    QLabel *m_age = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_comments = nullptr;
    QLabel *m_requests = nullptr;
    QPushButton *m_notify = nullptr;
    SectionState *m_completed = nullptr;
};

} // namespace cpis::ui
