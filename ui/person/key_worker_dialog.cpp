#include "person/key_worker_dialog.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace cpis::ui {

KeyWorkerDialog::KeyWorkerDialog(DatabaseThread *database, const EditablePerson &person,
                                 QWidget *parent)
    : RecordDialog(database, u"keyWorkerDialog"_s, tr("Key worker"), parent), m_person(person)
{
    m_workers = new QComboBox(this);
    addField(u"keyWorker"_s, tr("&Key worker (from today):"), m_workers);
    showInfo(tr("Choose from the key workers and team managers. The current allocation ends "
                "today; open steps and requests show the new key worker at once."));
    run<QList<Caseworker>>(
        [](Connection &c) { return PersonRecords(c).caseworkers(); },
        [this](const QList<Caseworker> &workers) {
            for (const Caseworker &w : workers)
                m_workers->addItem(w.team.isEmpty() ? w.name : tr("%1 (%2)").arg(w.name, w.team),
                                   w.id);
            choose(m_person.keyWorkerId);
            emit workersLoaded();
        });
}

bool KeyWorkerDialog::choose(int workerId)
{
    const int index = m_workers->findData(workerId);
    if (index < 0)
        return false;
    m_workers->setCurrentIndex(index);
    if (workerId != m_person.keyWorkerId)
        markChanged();
    return true;
}

bool KeyWorkerDialog::check()
{
    const int chosen = m_workers->currentData().toInt();
    if (chosen == 0) {
        setFieldMessage(u"keyWorker"_s, tr("Choose a key worker from the list."));
        return false;
    }
    if (chosen == m_person.keyWorkerId) {
        setFieldMessage(u"keyWorker"_s,
                        tr("%1 is already the key worker.").arg(m_workers->currentText()));
        return false;
    }
    return true;
}

std::function<Result<qint64>(Connection &)> KeyWorkerDialog::saveJob()
{
    const qint64 id = m_person.id;
    const int version = m_person.rowVersion;
    const int worker = m_workers->currentData().toInt();
    return [id, version, worker](Connection &c) -> Result<qint64> {
        return asSaved(PersonRecords(c).allocateKeyWorker(id, version, worker));
    };
}

} // namespace cpis::ui

namespace cpis::ui {

QString KeyWorkerDialog::fieldFor(const QString &column) const
{
    // allocate_key_worker calls the list's choice "worker".
    return column == u"worker"_s ? u"keyWorker"_s : RecordDialog::fieldFor(column);
}

} // namespace cpis::ui
