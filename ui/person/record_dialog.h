// What every dialog that changes a child's record shares: a form whose fields each have a
// message line under them, a banner for the database's refusals, Save and Cancel, the
// unsaved-changes guard, and saving through the database thread (the record's new version
// comes back in saved()).
#pragma once

#include "db/database_worker.h"
#include "kit/unsaved_changes_guard.h"

#include <QHash>

#include <functional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cpis::ui {

class MessageBanner;

// A row version as saved() carries it.
inline Result<qint64> asSaved(const Result<int> &version)
{
    if (!version)
        return version.error();
    return qint64(*version);
}

class RecordDialog : public GuardedDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordDialog)

public:
    // The database's refusal of the last save, shown under its field or in the banner; empty
    // when none.
    [[nodiscard]] QString refusal() const { return m_refusal; }
    // The message under a field (by its name), empty when none.
    [[nodiscard]] QString fieldMessage(const QString &field) const;
    [[nodiscard]] bool isSaving() const { return m_saving; }
    // Saves as Save does (tests, and Enter).
    void save();

signals:
    // Saved: the record's new row version (0 when the action returns none), or a new child's id.
    void saved(qint64 value);
    // A save was refused (by the dialog's own checks or the database).
    void refused();

protected:
    RecordDialog(DatabaseThread *database, const QString &objectName, const QString &title,
                 QWidget *parent);

    // Adds a row: its label (with its mnemonic), the field, and the message line under it.
    void addField(const QString &field, const QString &label, QWidget *widget);
    void addRow(QWidget *widget); // a row without a label (a check box, a table)
    void setFieldMessage(const QString &field, const QString &message);
    void clearMessages();
    // A date typed DD/MM/YYYY; an invalid date (and the field's message) when it is not one,
    // or when it is required and empty.
    QDate dateIn(const QString &field, QLineEdit *edit, bool required);
    // A required text: false (and the field's message) when empty.
    bool filledIn(const QString &field, QLineEdit *edit, const QString &what);
    // An NHS number field checked as typed (Modulus 11, NhsNumber), shown 3 3 4 once whole.
    void checkNhsNumberAsTyped(const QString &field, QLineEdit *edit);
    // The digits of a whole, valid NHS number; empty (and the field's message) otherwise,
    // or empty without a message when it is optional and empty.
    QString nhsNumberIn(const QString &field, QLineEdit *edit, bool required);
    // The dialog's own checks before anything is sent: false keeps the dialog open.
    virtual bool check() = 0;
    // The job that saves; its value goes to saved().
    virtual std::function<Result<qint64>(Connection &)> saveJob() = 0;
    // After the database refused a save (its banner is shown): for a dialog to offer more.
    virtual void afterRefusal(const Error &) {}
    // What the guard asks about; by default whether anything was typed.
    [[nodiscard]] virtual bool hasChanges() const { return m_changed; }
    void markChanged() { m_changed = true; }
    // Runs another job on the database thread with the banner for its refusal.
    template<typename T>
    void run(std::function<Result<T>(Connection &)> job, std::function<void(const T &)> done)
    {
        m_database->submit<T>(this, std::move(job), [this, done](Result<T> result) {
            if (!result) {
                showRefusal(result.error());
                return;
            }
            done(*result);
        });
    }
    void showRefusal(const QString &message);
    // The database's refusal: under the field it names (Error::column), else in the banner.
    void showRefusal(const Error &error);
    // The dialog's field for a column the database names; by default the column in camelCase
    // (nhs_number → nhsNumber). Override where the dialog calls it something else.
    [[nodiscard]] virtual QString fieldFor(const QString &column) const;
    void showInfo(const QString &message);

    DatabaseThread *m_database;
    QDialogButtonBox *m_buttons = nullptr;

private:
    QFormLayout *m_form = nullptr;
    MessageBanner *m_banner = nullptr;
    QHash<QString, QLabel *> m_messages;
    UnsavedChangesGuard *m_guard = nullptr;
    QString m_refusal;
    bool m_saving = false;
    bool m_changed = false;
};

} // namespace cpis::ui
