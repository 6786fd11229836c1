#include "person/plans_dialog.h"

#include "display.h"
#include "kit/row_table_model.h"
#include "workflow/display_names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace cpis::ui {

// The history, current first as the record holds it; each row carries its plan's id in
// Qt::UserRole.
class PlanHistoryModel final : public RowTableModel<EditablePerson::Plan>
{
public:
    explicit PlanHistoryModel(QObject *parent) : RowTableModel(parent)
    {
        using Plan = EditablePerson::Plan;
        setColumns({
            ColumnSpec([] { return PlansDialog::tr("Plan or legal status"); },
                       [](const Plan &p) { return DisplayNames::planKind(p.kind); }),
            ColumnSpec([] { return PlansDialog::tr("From"); },
                       [](const Plan &p) { return Display::date(p.start); }),
            ColumnSpec(
                [] { return PlansDialog::tr("To"); },
                [](const Plan &p) { return p.end.isValid() ? Display::date(p.end) : QString(); }),
            ColumnSpec([] { return PlansDialog::tr("State"); },
                       [](const Plan &p) {
                           return p.inError
                                      ? PlansDialog::tr("recorded in error: %1").arg(p.errorReason)
                                  : p.end.isValid() ? PlansDialog::tr("ended")
                                                    : PlansDialog::tr("current");
                       }),
        });
        setRowRoles({{Qt::UserRole, [](const Plan &p) {
                          return QVariant(p.id);
                      }}});
    }
};

PlansDialog::PlansDialog(DatabaseThread *database, const EditablePerson &person, QWidget *parent)
    : RecordDialog(database, u"plansDialog"_s, tr("Plans and legal statuses"), parent),
      m_person(person)
{
    resize(760, 560);
    m_historyModel = new PlanHistoryModel(this);
    m_historyModel->setRows(person.plans);
    m_history = new QTableView(this);
    m_history->setModel(m_historyModel);
    m_history->setObjectName(u"planHistory"_s);
    m_history->setAccessibleName(tr("Plans and legal statuses, current first"));
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setTabKeyNavigation(false);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->resizeColumnsToContents();
    addRow(m_history);

    m_kind = new QComboBox(this);
    for (const QString &kind : DisplayNames::planKinds()) {
        // Before the birth only an unborn child protection plan; after it, never one.
        if ((kind == u"UCPP"_s) == person.unborn())
            m_kind->addItem(DisplayNames::planKind(kind), kind);
    }
    addField(u"kind"_s, tr("Start a &plan or legal status:"), m_kind);
    m_start = new QLineEdit(this);
    m_start->setPlaceholderText(tr("DD/MM/YYYY"));
    addField(u"start"_s, tr("&Start date:"), m_start);
    m_end = new QLineEdit(this);
    m_end->setPlaceholderText(tr("DD/MM/YYYY"));
    addField(u"end"_s, tr("E&nd date (for the plan chosen above):"), m_end);
    m_reason = new QLineEdit(this);
    addField(u"reason"_s, tr("&Why it was recorded in error:"), m_reason);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("S&tart"));
    auto *end = m_buttons->addButton(tr("&End the chosen plan"), QDialogButtonBox::ActionRole);
    end->setObjectName(u"endPlan"_s);
    connect(end, &QPushButton::clicked, this, &PlansDialog::endChosen);
    auto *inError =
        m_buttons->addButton(tr("Chosen plan recorded in e&rror"), QDialogButtonBox::ActionRole);
    inError->setObjectName(u"planInError"_s);
    connect(inError, &QPushButton::clicked, this, &PlansDialog::recordChosenInError);
}

bool PlansDialog::check()
{
    const QDate start = dateIn(u"start"_s, m_start, true);
    if (start.isValid() && start > QDate::currentDate()) {
        setFieldMessage(u"start"_s, tr("The start date is in the future."));
        return false;
    }
    return start.isValid();
}

std::function<Result<qint64>(Connection &)> PlansDialog::saveJob()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const QString kind = m_kind->currentData().toString();
    const QDate start = QDate::fromString(m_start->text().trimmed(), u"d/M/yyyy"_s);
    return [id, version, kind, start](Connection &c) {
        return asSaved(PersonRecords(c).startPlan(id, version, kind, start));
    };
}

qint64 PlansDialog::chosenCurrentPlan(const QString &field)
{
    clearMessages();
    const EditablePerson::Plan *chosen = m_historyModel->rowAt(m_history->currentIndex());
    if (!chosen) {
        setFieldMessage(field, tr("Choose the plan in the list above first."));
        return 0;
    }
    const EditablePerson::Plan &plan = *chosen;
    if (plan.end.isValid() || plan.inError) {
        setFieldMessage(field,
                        tr("That plan is not current: it has ended or was recorded in error."));
        return 0;
    }
    return plan.id;
}

void PlansDialog::endChosen()
{
    const qint64 plan = chosenCurrentPlan(u"end"_s);
    const QDate end = plan ? dateIn(u"end"_s, m_end, true) : QDate();
    if (!end.isValid())
        return;
    const int version = m_person.rowVersion;
    run<int>([plan, version,
              end](Connection &c) { return PersonRecords(c).endPlan(plan, version, end); },
             [this](const int &newVersion) {
                 emit saved(newVersion);
                 accept();
             });
}

void PlansDialog::recordChosenInError()
{
    const qint64 plan = chosenCurrentPlan(u"reason"_s);
    if (!plan ||
        !filledIn(u"reason"_s, m_reason,
                  tr("Say why the plan was recorded in error: CP-IS is told to remove it.")))
        return;
    const QString reason = m_reason->text().trimmed();
    const int version = m_person.rowVersion;
    run<int>(
        [plan, version, reason](Connection &c) {
            return PersonRecords(c).recordPlanInError(plan, version, reason);
        },
        [this](const int &newVersion) {
            emit saved(newVersion);
            accept();
        });
}

} // namespace cpis::ui
