#include "dialogs/cancel_work_dialog.h"

#include "display.h"
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

CancelWorkDialog::CancelWorkDialog(const QStringList &reasons, const QString &subject,
                                   QWidget *parent)
    : GuardedDialog(parent)
{
    setObjectName(u"cancelWorkDialog"_s);
    setWindowTitle(tr("Cancel work"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *intro = new QLabel(
        tr("Cancel the CPIS Follow Up step for <b>%1</b>? It leaves Current work and no request "
           "is sent.")
            .arg(subject.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"cancelReason"_s);
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems(reasons);
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Choose or type a reason"));
    m_reason->setMinimumWidth(320);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"cancelReasonProblem"_s);
    m_problem->setStyleSheet(Display::toneStyle(Tone::Problem));
    m_problem->hide();

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Reason*"), this);
    label->setBuddy(m_reason);
    form->addRow(label, m_reason);
    form->addRow(QString(), m_problem);

    auto *buttons = new QDialogButtonBox(this);
    auto *cancelWork = buttons->addButton(tr("Cancel &work"), QDialogButtonBox::AcceptRole);
    cancelWork->setObjectName(u"confirmCancelWork"_s);
    auto *keep = buttons->addButton(tr("&Keep the step"), QDialogButtonBox::RejectRole);
    keep->setObjectName(u"keepStep"_s);
    keep->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    guard(u"unsavedCancelWorkDialog"_s,
          {[this] { return !reason().isEmpty(); }, [this] { accept(); },
           [] {
               return UnsavedChangesQuestion{
                   tr("Reason not used"), tr("Cancel the work with the reason you gave?"),
                   tr("Cancel work takes the step off Current work with this reason. Discard "
                      "keeps the step and forgets the reason; Cancel goes back to the reason."),
                   tr("Cancel &work")};
           }});
}

QString CancelWorkDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

void CancelWorkDialog::accept()
{
    if (reason().isEmpty()) {
        m_problem->setText(tr("A reason is required to cancel work."));
        m_problem->show();
        m_reason->setFocus();
        saveRefused();
        return;
    }
    GuardedDialog::accept();
}

} // namespace cpis::ui
