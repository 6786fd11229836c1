// The Configuration tools' editable fields, shared by the tabs that hold them and the window
// that loads and saves them: each field's key, title, editor, error line, and how to read and
// fill it. Also the small parts every tab is built from.
#pragma once

#include "db/database_worker.h"
#include "workflow/list_admin.h"

#include <QHash>
#include <QObject>

#include <functional>

class QAbstractItemModel;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace cpis::ui {

// "template.ae.label": the field of one part of a source's note template.
QString templateField(const QString &source, const QString &part);
// Fields that take the width they are given, as every tab's form does.
QFormLayout *growingForm(QWidget *parent = nullptr);
// A table of whole rows, one selected at a time.
QTableView *rowTable(QAbstractItemModel *model, const QString &objectName,
                     const QString &accessibleName, QWidget *parent);
// A hidden error line in the problem colour.
QLabel *errorLabel(QWidget *parent, const QString &objectName);
// Runs a list or bank-holiday change on the database thread: its refusal goes to `error`;
// once it is stored, `entry` is emptied and `done` is called.
void runListChange(DatabaseThread *database, QObject *context,
                   const std::function<Status(ListAdmin &)> &change, QLabel *error,
                   QLineEdit *entry, const std::function<void()> &done);

class ConfigurationFields final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationFields)

public:
    // One editable field: where it is, how to read and fill it, where its error goes.
    struct Field
    {
        QString key;
        QString title;             // as the row's label says it
        QWidget *parent = nullptr; // the tab or group the row is on
        QLabel *error = nullptr;
        QLabel *status = nullptr; // secrets: "set" / "not set"
        bool secret = false;
        std::function<QString()> read;
        std::function<void(const QString &)> write;
    };

    explicit ConfigurationFields(QObject *parent) : QObject(parent) {}

    // A row of `form`: the title, the editor with its hint under it, and its error line.
    QLabel *addField(Field field, QFormLayout *form, QWidget *editor, const QString &hint);
    QLineEdit *addLineField(QWidget *tab, QFormLayout *form, const QString &key,
                            const QString &title, const QString &hint);
    // Write-only: never filled from the database, only emptied after a Save.
    void addSecretField(QWidget *tab, QFormLayout *form, const QString &key, const QString &title);
    // Editing `edit` says edited().
    void watch(QLineEdit *edit);

    [[nodiscard]] const QList<Field> &all() const { return m_fields; }
    [[nodiscard]] QList<Field> &all() { return m_fields; }
    // The field's current value, empty for an unknown key.
    [[nodiscard]] QString value(const QString &key) const;
    // Field key -> its error line.
    [[nodiscard]] const QHash<QString, QLabel *> &errors() const { return m_errors; }

signals:
    void edited();

private:
    QList<Field> m_fields;
    QHash<QString, QLabel *> m_errors;
};

} // namespace cpis::ui
