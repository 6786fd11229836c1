#include "dialogs/next_action_dialog.h"

#include "display.h"
#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QStringList kPriorities{u"Urgent"_s, u"Normal"_s, u"Low"_s};
} // namespace

NextActionDialog::NextActionDialog(const StepChoices &choices, QWidget *parent)
    : GuardedDialog(parent)
{
    setObjectName(u"nextActionDialog"_s);
    setWindowTitle(tr("Next actions"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(560, 400);

    m_action = new QComboBox(this);
    m_action->setObjectName(u"selectAction"_s);
    m_action->addItems(choices.nextActions);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"reason"_s);
    m_reason->addItem(tr("Please Select"), QString());
    for (const QString &reason : choices.nextActionReasons)
        m_reason->addItem(reason, reason);
    m_reasonProblem = new QLabel(this);
    m_reasonProblem->setObjectName(u"reasonProblem"_s);
    m_reasonProblem->setStyleSheet(Display::toneStyle(Tone::Problem));
    // Its room is kept while hidden, so that the error appearing does not squeeze the list.
    m_reasonProblem->setText(tr("\u26a0 Reason is required: choose one."));
    QSizePolicy keepRoom = m_reasonProblem->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_reasonProblem->setSizePolicy(keepRoom);
    m_reasonProblem->hide();
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_reasonProblem);

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"nextActionNote"_s);
    m_note->setTabChangesFocus(true);

    m_priority = new QButtonGroup(this);
    auto *priorityRow = new QHBoxLayout;
    const QStringList labels{tr("&Urgent"), tr("N&ormal"), tr("&Low")};
    for (int i = 0; i < kPriorities.size(); ++i) {
        auto *radio = new QRadioButton(labels.at(i), this);
        radio->setObjectName(u"priority"_s + kPriorities.at(i));
        m_priority->addButton(radio, i);
        priorityRow->addWidget(radio);
    }
    priorityRow->addStretch(1);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *actionLabel = new QLabel(tr("&Select action"), this);
    actionLabel->setBuddy(m_action);
    auto *reasonLabel = new QLabel(tr("&Reason*"), this);
    reasonLabel->setBuddy(m_reason);
    auto *noteLabel = new QLabel(tr("No&te"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(actionLabel, m_action);
    form->addRow(reasonLabel, reasonRow);
    form->addRow(noteLabel, m_note);
    form->addRow(tr("Priority"), priorityRow);

    m_addedLine = new QLabel(this);
    m_addedLine->setObjectName(u"nextActionAddedLine"_s);
    m_addedLine->setStyleSheet(Display::toneStyle(Tone::Success));
    m_addedLine->hide();

    // Add, Add and close, Close: in the order of the paper form, whatever the platform.
    auto *addButton = new QPushButton(tr("&Add"), this);
    addButton->setObjectName(u"nextActionAdd"_s);
    auto *addAndClose = new QPushButton(tr("Add and &close"), this);
    addAndClose->setObjectName(u"nextActionAddAndClose"_s);
    addAndClose->setDefault(true);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(u"nextActionClose"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(addButton);
    buttons->addWidget(addAndClose);
    buttons->addWidget(close);
    connect(addButton, &QPushButton::clicked, this, [this] {
        if (add())
            reset();
    });
    connect(addAndClose, &QPushButton::clicked, this, [this] {
        if (add())
            accept();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form, 1);
    layout->addWidget(m_addedLine);
    layout->addLayout(buttons);

    connect(m_reason, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0)
            m_reasonProblem->hide();
    });
    reset();
    guard(u"unsavedNextActionDialog"_s,
          {[this] { return hasChanges(); },
           [this] {
               if (add())
                   accept();
               else
                   saveRefused();
           },
           [] {
               return UnsavedChangesQuestion{
                   tr("Next action not added"), tr("Add this next action before closing?"),
                   tr("Save adds it to the step (it is saved with the step). Discard loses "
                      "what you chose and typed; Cancel goes back to it.")};
           }});
}

bool NextActionDialog::hasChanges() const
{
    return m_reason->currentIndex() > 0 || !m_note->toPlainText().trimmed().isEmpty();
}

void NextActionDialog::reset()
{
    m_reason->setCurrentIndex(0);
    m_note->clear();
    m_priority->button(1)->setChecked(true); // Normal
    m_action->setFocus();
}

bool NextActionDialog::add()
{
    const QString reason = m_reason->currentData().toString();
    if (reason.isEmpty()) {
        m_reasonProblem->setText(tr("\u26a0 Reason is required: choose one."));
        m_reasonProblem->show();
        m_reason->setFocus();
        return false;
    }
    NextActionInput input;
    input.action = m_action->currentText();
    input.reason = reason;
    input.note = m_note->toPlainText().trimmed();
    input.priority = kPriorities.value(m_priority->checkedId(), u"Normal"_s);
    emit added(input);
    m_addedLine->setText(
        tr("Added: %1 (%2). It is saved with the step.").arg(input.action, input.reason));
    m_addedLine->show();
    return true;
}

} // namespace cpis::ui
