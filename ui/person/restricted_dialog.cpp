#include "person/restricted_dialog.h"

#include "admin/users_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cpis::ui {

RestrictedDialog::RestrictedDialog(DatabaseThread *database, const EditablePerson &person,
                                   QWidget *parent)
    : RecordDialog(database, u"restrictedDialog"_s, tr("Restricted record"), parent),
      m_person(person)
{
    m_restricted =
        new QCheckBox(tr("&Restricted: only the workers below may see this child"), this);
    m_restricted->setObjectName(u"restricted"_s);
    m_restricted->setChecked(person.restricted);
    addRow(m_restricted);
    m_allowed = new QListWidget(this);
    addField(u"allowed"_s, tr("&Workers with access:"), m_allowed);
    m_workers = new QComboBox(this);
    // Names with role and team are long: room for them whole before they arrive.
    m_workers->setMinimumContentsLength(56);
    m_workers->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addField(u"worker"_s, tr("Wor&ker to grant access:"), m_workers);
    auto *grant = m_buttons->addButton(tr("&Grant access"), QDialogButtonBox::ActionRole);
    grant->setObjectName(u"grantAccess"_s);
    connect(grant, &QPushButton::clicked, this, &RestrictedDialog::grantChosen);
    auto *remove = m_buttons->addButton(tr("Re&move chosen access"), QDialogButtonBox::ActionRole);
    remove->setObjectName(u"removeAccess"_s);
    connect(remove, &QPushButton::clicked, this, &RestrictedDialog::removeChosen);
    showInfo(tr("Marking a record restricted keeps it in sight of you and the child's key "
                "worker; grant anyone else who needs it."));
    const qint64 id = person.id;
    run<QList<Caseworker>>(
        [id](Connection &c) { return PersonRecords(c).access(id); },
        [this](const QList<Caseworker> &allowed) {
            for (const Caseworker &w : allowed) {
                auto *item = new QListWidgetItem(
                    w.team.isEmpty() ? w.name : tr("%1 (%2)").arg(w.name, w.team), m_allowed);
                item->setData(Qt::UserRole, w.id);
            }
        });
    // Anyone who may be given access, records officers and Safeguarding Admin as well as
    // caseworkers, each with their role (and team) so that two of one name are told apart.
    run<QList<Caseworker>>([id](Connection &c) { return PersonRecords(c).grantableWorkers(id); },
                           [this](const QList<Caseworker> &workers) {
                               for (const Caseworker &w : workers) {
                                   const QString role = UsersModel::roleInWords(w.role);
                                   // A team named as the role (Safeguarding Admin) is said once.
                                   const bool teamSaysIt = w.team.isEmpty() || w.team == role;
                                   m_workers->addItem(
                                       teamSaysIt ? tr("%1 (%2)").arg(w.name, role)
                                                  : tr("%1 (%2, %3)").arg(w.name, role, w.team),
                                       w.id);
                               }
                           });
}

bool RestrictedDialog::check()
{
    if (m_restricted->isChecked() == m_person.restricted) {
        setFieldMessage(u"allowed"_s, m_person.restricted ? tr("The record is already restricted.")
                                                          : tr("The record is not restricted."));
        return false;
    }
    return true;
}

std::function<Result<qint64>(Connection &)> RestrictedDialog::saveJob()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const bool restricted = m_restricted->isChecked();
    return [id, version, restricted](Connection &c) {
        return asSaved(PersonRecords(c).setRestricted(id, version, restricted));
    };
}

void RestrictedDialog::changeAccess(int workerId, bool granted)
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    run<int>(
        [=](Connection &c) { return PersonRecords(c).setAccess(id, version, workerId, granted); },
        [this](const int &newVersion) {
            emit saved(newVersion);
            accept();
        });
}

void RestrictedDialog::grantChosen()
{
    clearMessages();
    if (m_workers->currentData().toInt() == 0) {
        setFieldMessage(u"worker"_s, tr("Choose a worker from the list."));
        return;
    }
    changeAccess(m_workers->currentData().toInt(), true);
}

void RestrictedDialog::removeChosen()
{
    clearMessages();
    const QListWidgetItem *item = m_allowed->currentItem();
    if (!item) {
        setFieldMessage(u"allowed"_s, tr("Choose a worker in the list first."));
        return;
    }
    changeAccess(item->data(Qt::UserRole).toInt(), false);
}

} // namespace cpis::ui
