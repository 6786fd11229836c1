#include "step/next_actions_section.h"

#include "panel_parts.h"
#include "step/next_actions_model.h"
#include "step/section_widgets.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

NextActionsSection::NextActionsSection(QWidget *parent)
    : QWidget(parent), m_model(new NextActionsModel(this))
{
    setObjectName(u"nextActionsSection"_s);
    auto *group = new QGroupBox(tr("Next actions"), this);
    auto *groupLayout = new QVBoxLayout(group);
    m_table = new QTableView(group);
    m_table->setObjectName(u"nextActionsTable"_s);
    m_table->setAccessibleName(tr("Next actions"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(NextActionsModel::Reason,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(NextActionsModel::Note, QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    // A long reason wraps onto a second line rather than lose its end.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setColumnWidth(NextActionsModel::Action, widthFor(u"CS No Further Action"_s));
    m_table->setColumnWidth(NextActionsModel::AssignedTo, widthFor(u"Not assigned"_s));
    m_table->setColumnWidth(NextActionsModel::Priority, widthFor(u"Priority"_s));
    m_table->setColumnWidth(NextActionsModel::Status, widthFor(u"Not saved yet"_s));
    fitColumnsToHeadings(m_table);
    m_table->setMinimumHeight(160);

    m_add = new QPushButton(tr("&Add…"), group);
    m_add->setObjectName(u"addNextActionButton"_s);
    m_add->setToolTip(tr("Add a next action, for example CS No Further Action"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_add);
    row->addStretch(1);
    groupLayout->addWidget(m_table, 1);
    groupLayout->addLayout(row);

    m_completed = sectionCompletedMarker(u"section2Completed"_s, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(sectionHeading(tr("2. Next actions"), this));
    layout->addWidget(group, 1);
    layout->addWidget(m_completed);

    connect(m_add, &QPushButton::clicked, this, &NextActionsSection::addClicked);
}

void NextActionsSection::show(const StepDetail &step, const StepChanges &changes, bool complete,
                              bool editable)
{
    m_model->setRows(step.nextActions, changes.nextActions);
    m_add->setEnabled(editable);
    m_completed->setComplete(complete);
}

} // namespace cpis::ui
