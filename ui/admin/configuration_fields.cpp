// The fields' rows and the tabs' shared parts, built the same way on every tab.
#include "admin/configuration_fields.h"

#include "admin/configuration_window.h"
#include "display.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

QString templateField(const QString &source, const QString &part)
{
    return u"template.%1.%2"_s.arg(source, part);
}

QFormLayout *growingForm(QWidget *parent)
{
    auto *form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QTableView *rowTable(QAbstractItemModel *model, const QString &objectName,
                     const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setTabKeyNavigation(false); // Tab leaves the list; arrows move in it
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    return view;
}

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    auto *error = new QLabel(parent);
    error->setObjectName(objectName);
    error->setWordWrap(true);
    error->setStyleSheet(Display::toneStyle(ui::Tone::Problem));
    error->hide();
    return error;
}

void runListChange(DatabaseThread *database, QObject *context,
                   const std::function<Status(ListAdmin &)> &change, QLabel *error,
                   QLineEdit *entry, const std::function<void()> &done)
{
    error->hide();
    database->submit<Done>(
        context,
        [change](Connection &c) {
            ListAdmin admin(c);
            return change(admin);
        },
        [error, entry, done](Status result) {
            if (!result) {
                error->setText(result.error().message);
                error->show();
                return;
            }
            entry->clear();
            done();
        });
}

QLabel *ConfigurationFields::addField(Field field, QFormLayout *form, QWidget *editor,
                                      const QString &hint)
{
    auto *box = new QWidget(field.parent);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 4);
    column->setSpacing(2);
    column->addWidget(editor);
    if (!hint.isEmpty()) {
        editor->setAccessibleDescription(hint);
        auto *hintLabel = new QLabel(hint, box);
        hintLabel->setWordWrap(true);
        hintLabel->setStyleSheet(Display::toneStyle(ui::Tone::Secondary));
        column->addWidget(hintLabel);
    }
    field.error = errorLabel(box, u"error:"_s + field.key);
    column->addWidget(field.error);
    form->addRow(QString(field.title).replace(u'&', u"&&"_s) + u':', box); // "A&E" is no shortcut
    // The label names the editor, not the box around it, for screen readers.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(box)))
        label->setBuddy(editor);
    m_errors.insert(field.key, field.error);
    QLabel *error = field.error;
    m_fields.append(std::move(field));
    return error;
}

void ConfigurationFields::watch(QLineEdit *edit)
{
    connect(edit, &QLineEdit::textEdited, this, &ConfigurationFields::edited);
}

QLineEdit *ConfigurationFields::addLineField(QWidget *tab, QFormLayout *form, const QString &key,
                                             const QString &title, const QString &hint)
{
    auto *edit = new QLineEdit(tab);
    edit->setObjectName(key);
    watch(edit);
    Field field{key,
                title,
                tab,
                nullptr,
                nullptr,
                false,
                [edit] { return edit->text().trimmed(); },
                [edit](const QString &value) {
                    edit->setText(value);
                }};
    addField(std::move(field), form, edit, hint);
    return edit;
}

void ConfigurationFields::addSecretField(QWidget *tab, QFormLayout *form, const QString &key,
                                         const QString &title)
{
    auto *row = new QWidget(tab);
    auto *line = new QHBoxLayout(row);
    line->setContentsMargins(0, 0, 0, 0);
    auto *status = new QLabel(row);
    status->setObjectName(key + u"Status"_s);
    status->setMinimumWidth(70);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(key);
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(ConfigurationWindow::tr("type a new one to replace it"));
    edit->setAccessibleName(title);
    row->setFocusProxy(edit); // the row's label leads to the entry
    watch(edit);
    line->addWidget(status);
    line->addWidget(edit, 1);
    // Write-only: the entry is never filled from the database, only emptied after a Save.
    Field field{key,
                title,
                tab,
                nullptr,
                status,
                true,
                [edit] { return edit->text(); },
                [edit](const QString &) {
                    edit->clear();
                }};
    addField(std::move(field), form, row,
             ConfigurationWindow::tr(
                 "Write-only: nobody can read it back here. Leave empty to keep the stored one."));
}

QString ConfigurationFields::value(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (field.key == key)
            return field.read();
    }
    return QString();
}

} // namespace cpis::ui
