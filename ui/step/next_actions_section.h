// Section 2. Next actions: the table of next actions and Add.
#pragma once

#include "workflow/step_changes.h"
#include "workflow/workflow_types.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace cpis::ui {

class SectionState;

class NextActionsModel;

class NextActionsSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NextActionsSection)

public:
    explicit NextActionsSection(QWidget *parent = nullptr);
    void show(const StepDetail &step, const StepChanges &changes, bool complete, bool editable);
    [[nodiscard]] NextActionsModel *model() const { return m_model; }

signals:
    void addClicked();

private:
    NextActionsModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_add = nullptr;
    SectionState *m_completed = nullptr;
};

} // namespace cpis::ui
